import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DaylightKpi } from '../../src/elements/kpi/kpi.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, shadow } from './helpers.js';

async function kpi(feed: Feed, attributes: Record<string, string>): Promise<DaylightKpi> {
  const el = document.createElement('daylight-kpi');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.feed = feed;
  const host = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
  host.append(el);
  await el.updateComplete;
  return el;
}

const sentence = (el: DaylightKpi) => shadow(el).querySelector('[part=sentence]')!.textContent!.trim();
const value = (el: DaylightKpi) => shadow(el).querySelector('[part=value]')!.textContent!.trim();

describe('<daylight-kpi>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed(); });

  it('is accessible', async () => {
    await expect(await kpi(feed, { metric: 'response_time' })).to.be.accessible();
  });

  it('shows the latest count and compares it with the same month a year earlier', async () => {
    const el = await kpi(feed, { metric: 'incidents' });
    expect(value(el)).to.equal('31');
    expect(sentence(el)).to.equal('Shooting incidents: 31 in October 2026, 13 fewer than in October 2025. (Citywide)');
    expect(shadow(el).querySelector('[part=comparison]')!.classList.contains('better')).to.equal(true);
  });

  it('reads a median as a sentence, with "faster" for response times', async () => {
    const el = await kpi(feed, { metric: 'response_time', statistic: 'median' });
    expect(value(el)).to.equal('8.4 min');
    expect(sentence(el)).to.equal('Median response time was 8.4 minutes in October 2026, 0.6 minutes faster than in October 2025.');
  });

  it('takes the 90th percentile when asked', async () => {
    const el = await kpi(feed, { metric: 'response_time', statistic: 'p90' });
    expect(value(el)).to.equal('17.2 min');
    expect(sentence(el)).to.match(/^90th percentile response time was 17\.2 minutes in October 2026, 0\.9 minutes faster/);
  });

  it('compares shares in percentage points, against the previous period when asked', async () => {
    const el = await kpi(feed, { metric: 'coresponse_share', compare: 'previous' });
    expect(value(el)).to.equal('24%');
    expect(sentence(el)).to.equal('Calls with a co-responder: 24% in October 2026, 19.3 percentage points higher than in September 2026.');
  });

  it('shows "Hidden" for a suppressed period, and never a number', async () => {
    const el = await kpi(feed, { metric: 'incidents', period: '2026-09' });
    expect(value(el)).to.equal('Hidden');
    expect(sentence(el)).to.equal('Shooting incidents in September 2026: hidden to protect privacy. (Citywide)');
    expect(shadow(el).querySelector('[part=comparison]')).to.equal(null);
  });

  it('says there is no data for a period the feed lacks', async () => {
    const el = await kpi(feed, { metric: 'incidents', period: '2026-01' });
    expect(value(el)).to.equal('No data');
    expect(sentence(el)).to.contain('no data for January 2026');
  });

  it('says why it cannot compare with a suppressed period', async () => {
    const el = await kpi(feed, { metric: 'incidents', compare: 'previous', period: '2026-10' });
    expect(sentence(el)).to.contain('No comparison with September 2026: that value is hidden to protect privacy.');
  });

  it('shows one area when asked', async () => {
    const el = await kpi(feed, { metric: 'incidents', area: '1' });
    expect(value(el)).to.equal('20');
    expect(shadow(el).textContent).to.contain('District 1');
  });

  it('speaks Spanish, with Spanish number formatting, from its lang attribute', async () => {
    const el = await kpi(feed, { metric: 'response_time', lang: 'es' });
    expect(value(el)).to.equal('8,4 min');
    expect(sentence(el)).to.equal('La mediana de tiempo de respuesta fue de 8,4 minutos en octubre de 2026, 0,6 minutos más rápido que en octubre de 2025.');
  });

  it('follows the page language when it has none of its own', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const el = document.createElement('daylight-kpi');
    el.setAttribute('metric', 'incidents');
    el.feed = feed;
    host.append(el);
    await el.updateComplete;
    expect(sentence(el)).to.match(/^Incidentes con disparos: 31 en octubre de 2026, 13 menos que en octubre de 2025\./);
  });

  it('marks an unstable share and explains why', async () => {
    const el = await kpi(feed, { metric: 'coresponse_share', period: '2026-09', compare: 'none' });
    expect(sentence(el)).to.contain('Unstable: Based on 20 or fewer events');
    expect(shadow(el).querySelector('.unstable-mark')).to.not.equal(null);
  });

  it('names the metrics the feed has when the metric attribute is wrong', async () => {
    const el = await kpi(feed, { metric: 'arrests' });
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('The feed has no metric "arrests". Metrics in this feed: incidents, response_time, coresponse_share.');
  });

  it('reserves its height before the data arrives', async () => {
    const el = document.createElement('daylight-kpi');
    el.setAttribute('metric', 'incidents');
    const host = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
    host.append(el);
    await el.updateComplete;
    const before = el.getBoundingClientRect().height;
    el.feed = feed;
    await el.updateComplete;
    expect(before).to.be.greaterThan(100);
    expect(el.getBoundingClientRect().height).to.equal(before);
  });

  it('paints the dark surface for theme="dark", and for theme="auto" only when the system is dark', async () => {
    const surface = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('[part=base]')!).backgroundColor;
    const dark = await kpi(feed, { metric: 'incidents', theme: 'dark' });
    const auto = await kpi(feed, { metric: 'incidents', theme: 'auto' });
    const light = await kpi(feed, { metric: 'incidents', theme: 'light' });
    expect(surface(dark)).to.equal('rgb(22, 26, 32)');
    expect(surface(auto)).to.equal('rgb(255, 255, 255)');
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(surface(auto)).to.equal('rgb(22, 26, 32)');
      expect(surface(light)).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
