import { html } from 'lit';
import { FEEDS, type Story, type StoryMeta } from './story.js';

export default { title: 'daylight-kpi', component: 'daylight-kpi' } satisfies StoryMeta;

const feed = (content: unknown) => html`<daylight-feed no-status src="${FEEDS}/small-city.json">${content}</daylight-feed>`;

export const Count: Story = { render: () => feed(html`<daylight-kpi metric="incidents"></daylight-kpi>`) };
export const Median: Story = { render: () => feed(html`<daylight-kpi metric="response_time" statistic="median"></daylight-kpi>`) };
export const Share: Story = {
  note: 'A change in a share is given in percentage points.',
  render: () => feed(html`<daylight-kpi metric="coresponse_share" compare="previous"></daylight-kpi>`),
};
export const Suppressed: Story = {
  note: 'A hidden count reads "Hidden", with the reason (below k, or could reveal one), never the number.',
  render: () => feed(html`<daylight-kpi metric="incidents" period="2026-09"></daylight-kpi>`),
};
export const Unstable: Story = {
  note: 'A share resting on 20 or fewer events is shown, marked, and explained.',
  render: () => feed(html`<daylight-kpi metric="coresponse_share" period="2026-09" compare="none"></daylight-kpi>`),
};
export const Missing: Story = { render: () => feed(html`<daylight-kpi metric="incidents" period="2026-01"></daylight-kpi>`) };
export const Spanish: Story = {
  name: 'Spanish',
  render: () => html`<div lang="es">${feed(html`<daylight-kpi metric="response_time"></daylight-kpi>`)}</div>`,
};
export const Dark: Story = {
  render: () => feed(html`<daylight-kpi theme="dark" metric="incidents"></daylight-kpi>`),
};
export const UnknownMetric: Story = {
  name: 'Error: unknown metric',
  render: () => feed(html`<daylight-kpi metric="arrests"></daylight-kpi>`),
};
