import { html } from 'lit';
import { FEEDS, NEVER, type Story, type StoryMeta } from './story.js';

export default { title: 'daylight-feed', component: 'daylight-feed' } satisfies StoryMeta;

export const Ready: Story = {
  note: 'Loaded: the freshness line says when the data was extracted, and whether it is stale.',
  render: () => html`<daylight-feed src="${FEEDS}/small-city.json"><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`,
};

export const Loading: Story = {
  note: 'The server never answers: the feed says it is loading and the KPI holds its size.',
  render: () => html`<daylight-feed src=${NEVER} timeout="3600000"><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`,
};

export const NotFound: Story = {
  name: 'Error: 404',
  note: 'The src is wrong: the webmaster is told what happened and what to check.',
  render: () => html`<daylight-feed src="${FEEDS}/no-such-feed.json"><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`,
};

export const NotJson: Story = {
  name: 'Error: a web page instead of JSON',
  render: () => html`<daylight-feed src="./index.html"><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`,
};

export const Invalid: Story = {
  name: 'Error: schema problems',
  note: 'The first problems, each with its JSON path.',
  render: () => html`<daylight-feed .feed=${{ version: '1.0', generated: 'yesterday', metrics: [{ id: 'Incidents', cells: [{ n: '12' }] }] }}></daylight-feed>`,
};
