import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DaylightDashboard } from '../../src/elements/dashboard/dashboard.js';
import { dashboardRendered, everythingSaid, shadow } from './helpers.js';

/** Renders a dashboard on a demo feed and waits until every widget, map included, has drawn. */
async function dashboard(feed: string, attributes = '', lang = 'en', now = '2025-02-01'): Promise<DaylightDashboard> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 1100px"></div>`);
  const el = document.createElement('daylight-dashboard');
  for (const [name, value] of attributes.split(' ').filter(Boolean).map((a) => a.split('='))) el.setAttribute(name!, value ?? '');
  el.now = new Date(`${now}T00:00:00Z`);
  el.src = `/demo/feeds/${feed}.json`;
  host.append(el);
  await dashboardRendered(el);
  return el;
}

const sectionIds = (el: DaylightDashboard) => [...shadow(el).querySelectorAll('section')].map((s) => s.id);

describe('<daylight-dashboard>', () => {
  it('is accessible as a whole page (real Philadelphia feed, map included)', async () => {
    const el = await dashboard('philadelphia');
    await expect(el).to.be.accessible();
  });

  it('shows only the questions the feed has metrics for, in order', async () => {
    expect(sectionIds(await dashboard('philadelphia'))).to.deep.equal(['where', 'methodology']);
    expect(sectionIds(await dashboard('sample-city'))).to.deep.equal(['coresponse', 'response', 'victims', 'methodology']);
  });

  it('takes the sections and their order from the sections attribute', async () => {
    const el = await dashboard('sample-city', 'sections=methodology,response');
    expect(sectionIds(el)).to.deep.equal(['methodology', 'response']);
  });

  it('puts the widgets each question needs in its section', async () => {
    const el = await dashboard('sample-city');
    const tags = (id: string) => [...shadow(el).querySelector(`#${id}`)!.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('daylight-'));
    expect(tags('response')).to.include.members(['daylight-kpi', 'daylight-trend', 'daylight-distribution', 'daylight-breakdown', 'daylight-funnel']);
    expect(tags('victims')).to.deep.equal(['daylight-funnel']);
    const philadelphia = await dashboard('philadelphia');
    const where = [...shadow(philadelphia).querySelector('#where')!.querySelectorAll('*')].map((e) => e.localName);
    expect(where).to.include.members(['daylight-kpi', 'daylight-trend', 'daylight-map', 'daylight-breakdown']);
  });

  it('uses one heading level below its own title for sections, from heading-level', async () => {
    const el = await dashboard('philadelphia', 'heading-level=3');
    expect(shadow(el).querySelector('.title')!.localName).to.equal('h3');
    expect([...shadow(el).querySelectorAll('.section-title')].map((h) => h.localName)).to.deep.equal(['h4', 'h4']);
  });

  it('says how fresh the data is in its header, and plainly when it is stale', async () => {
    // As of January 27 on a monthly feed with a 7-day lag: fresh for 31 + 7 + 7 = 45 days.
    const fresh = await dashboard('philadelphia', '', 'en', '2025-03-12');
    expect(shadow(fresh).querySelector('.freshness')!.textContent!.trim()).to.equal('Data as of January 27, 2025');
    const stale = await dashboard('philadelphia', '', 'en', '2025-03-14');
    expect(shadow(stale).querySelector('.freshness')!.textContent).to.contain('Not updated since January 27, 2025');
  });

  it('moves focus to a section heading from the contents list, by keyboard', async () => {
    const el = await dashboard('sample-city');
    const link = shadow(el).querySelector<HTMLAnchorElement>('.contents a[href="#victims"]')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(el).activeElement!.id).to.equal('victims-heading');
  });

  it('speaks Spanish throughout when the page does', async () => {
    const el = await dashboard('sample-city', '', 'es');
    const said = everythingSaid(el);
    expect(said).to.contain('Cómo respondimos');
    expect(said).to.contain('Mediana de tiempo de respuesta');
    expect(said).not.to.contain('How we responded');
  });

  it('re-renders its own words when moved under another language', async () => {
    const el = await dashboard('sample-city');
    const spanish = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    spanish.append(el);
    await el.updateComplete;
    expect(shadow(el).querySelector('#response-heading')!.textContent).to.equal('Cómo respondimos');
  });
});
