import { html } from 'lit';
import { FEEDS, type Story, type StoryMeta } from './story.js';

export default { title: 'daylight-trend', component: 'daylight-trend' } satisfies StoryMeta;

const feed = (content: unknown) => html`<daylight-feed no-status src="${FEEDS}/small-city.json">${content}</daylight-feed>`;

export const WithSuppressedPeriod: Story = {
  name: 'Suppressed period and missing months',
  note: 'September is hidden (marker, no line through it); months with no data are gaps.',
  render: () => feed(html`<daylight-trend metric="incidents"></daylight-trend>`),
};
export const Table: Story = {
  name: 'As a table',
  render: () => feed(html`<daylight-trend metric="incidents" show-table></daylight-trend>`),
};
export const Unstable: Story = {
  render: () => feed(html`<daylight-trend metric="coresponse_share"></daylight-trend>`),
};
export const Spanish: Story = {
  render: () => html`<div lang="es">${feed(html`<daylight-trend metric="incidents"></daylight-trend>`)}</div>`,
};
export const Narrow: Story = {
  name: '320 px wide',
  render: () => html`<div class="narrow">${feed(html`<daylight-trend metric="incidents" height="180"></daylight-trend>`)}</div>`,
};
