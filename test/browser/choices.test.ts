// Attributes that take one of a few words: a value outside them (a typo in a CMS) means the
// element's default, and the console says so once (src/elements/shared/choices.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, nextFrames, settled, shadow } from './helpers.js';
import { barTexts, mount } from './mount.js';
import { PHL_BOUNDARIES, mountMap } from './map-fixtures.js';

/** Runs `body` with console.warn recording instead of printing. */
async function warnings<T>(body: () => Promise<T>): Promise<{ result: T; said: string[] }> {
  const said: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => { said.push(args.map(String).join(' ')); };
  try {
    return { result: await body(), said };
  } finally {
    console.warn = warn;
  }
}

const kpiSentence = (el: Element) => shadow(el).querySelector('[part=sentence]')!.textContent!.trim();
const surface = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('[part=base]')!).backgroundColor;

describe('attributes with a few allowed words', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed(); });

  it('KPI: compare="yaer" compares with a year earlier, the default (not the period before), and says so once', async () => {
    const expected = kpiSentence(await mount('daylight-kpi', feed, { metric: 'incidents' }));
    const previous = kpiSentence(await mount('daylight-kpi', feed, { metric: 'incidents', compare: 'previous' }));
    expect(expected).to.not.equal(previous);
    const { result: [first, second], said } = await warnings(async () => [
      await mount('daylight-kpi', feed, { metric: 'incidents', compare: 'yaer' }),
      await mount('daylight-kpi', feed, { metric: 'incidents', compare: 'yaer' }),
    ]);
    expect(kpiSentence(first!)).to.equal(expected);
    expect(kpiSentence(second!)).to.equal(expected);
    expect(said).to.deep.equal(['[daylight-kpi] compare="yaer" is not one of "previous", "year", "none": the default, "year", is used.']);
  });

  it('breakdown: sort and compare with unknown words keep the default order and no comparison', async () => {
    const services = await fixtureFeed('services.json');
    // Services listed smallest first, so that the feed's order and the default (largest first) differ.
    const service = services.dimensions!['service']!;
    service.values = Object.fromEntries(Object.entries(service.values ?? {}).reverse());
    const attributes = { metric: 'referrals', by: 'service' };
    const expected = barTexts(await mount('daylight-breakdown', services, attributes, 640));
    const byFeed = barTexts(await mount('daylight-breakdown', services, { ...attributes, sort: 'feed' }, 640));
    expect(byFeed).to.not.deep.equal(expected);
    const { result: el, said } = await warnings(() => mount('daylight-breakdown', services, { ...attributes, sort: 'size', compare: 'last-year' }, 640));
    expect(barTexts(el)).to.deep.equal(expected);
    expect(said).to.have.members([
      '[daylight-breakdown] sort="size" is not one of "value", "feed": the default, "value", is used.',
      '[daylight-breakdown] compare="last-year" is not one of "previous", "year", "none": the default, "none", is used.',
    ]);
  });

  it('map: renderer="canavs" draws as auto (SVG for 22 areas); normalize="populaton" colours by count', async () => {
    const districts = await fixtureFeed('phl-districts.json');
    const boundaries = await (await fetch(PHL_BOUNDARIES)).json();
    for (const f of boundaries.features) f.properties.population = 60000;
    const byCount = await mountMap(districts, { areas: '' }, { boundaries });
    const { result: el, said } = await warnings(() => mountMap(districts, { areas: '', renderer: 'canavs', normalize: 'populaton' }, { boundaries }));
    expect(el.renderer).to.equal('svg');
    expect(el.rows.map((row) => [row.key, row.value, row.rate])).to.deep.equal(byCount.rows.map((row) => [row.key, row.value, row.rate]));
    expect(said).to.have.members([
      '[daylight-map] renderer="canavs" is not one of "auto", "svg", "canvas": the default, "auto", is used.',
      '[daylight-map] normalize="populaton" is not one of "population": it is ignored.',
    ]);
  });

  it('theme="drak" follows the system like auto, and a dashboard hands its widgets "auto"', async () => {
    const { result: [typo, auto], said } = await warnings(async () => [
      await mount('daylight-kpi', feed, { metric: 'incidents', theme: 'drak' }),
      await mount('daylight-kpi', feed, { metric: 'incidents', theme: 'auto' }),
    ]);
    expect(said).to.deep.equal(['[daylight-kpi] theme="drak" is not one of "auto", "light", "dark": the default, "auto", is used.']);
    expect(surface(typo!)).to.equal('rgb(255, 255, 255)');
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(surface(typo!)).to.equal(surface(auto!));
      expect(surface(typo!)).to.equal('rgb(22, 26, 32)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
    const { result: dashboard, said: saidByDashboard } = await warnings(async () => {
      const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<daylight-dashboard theme="drak" .feed=${feed}></daylight-dashboard>`);
      await el.updateComplete;
      return el;
    });
    const widgetThemes = [...dashboard.shadowRoot!.querySelectorAll('[theme]')].map((widget) => widget.getAttribute('theme'));
    expect(widgetThemes.length).to.be.greaterThan(0);
    expect(new Set(widgetThemes)).to.deep.equal(new Set(['auto']));
    expect(saidByDashboard).to.deep.equal(['[daylight-dashboard] theme="drak" is not one of "auto", "light", "dark": the default, "auto", is used.']);
  });
});

describe('attributes that take a number', () => {
  it('map: height="360px", ranked="five" and per="lakh" keep their defaults: a 360 px map, 5 ranked areas, per 100,000', async () => {
    const districts = await fixtureFeed('phl-districts.json');
    const { result: el, said } = await warnings(() => mountMap(districts, { height: '360px', ranked: 'five', per: 'lakh' }));
    expect(shadow(el).querySelector<HTMLElement>('.map')!.getBoundingClientRect().height).to.equal(360);
    expect(shadow(el).querySelectorAll('[part=ranked] li')).to.have.length(5);
    expect(said).to.have.members([
      '[daylight-map] height="360px" is not a number from 120 to 4000: the default, 360, is used.',
      '[daylight-map] ranked="five" is not a whole number of at least 0: the default, 5, is used.',
      '[daylight-map] per="lakh" is not a number of at least 1: the default, 100000, is used.',
    ]);
    // Where per is used, per-capita rates are per 100,000, and no NaN reaches the page.
    const boundaries = await (await fetch(PHL_BOUNDARIES)).json();
    for (const f of boundaries.features) f.properties.population = 60000;
    const { result: perCapita } = await warnings(() => mountMap(districts, { areas: '', normalize: 'population', per: 'lakh' }, { boundaries }));
    expect(shadow(perCapita).querySelector('[part=title]')!.textContent).to.contain('per 100,000');
    expect(shadow(perCapita).textContent).to.not.contain('NaN');
  });

  it('trend: height="tall" draws at 240 px and periods="0" shows every period; a feed\'s timeout="soon" waits the default', async () => {
    const feed = await fixtureFeed();
    const all = await mount('daylight-trend', feed, { metric: 'incidents' });
    const { result: el, said } = await warnings(() => mount('daylight-trend', feed, { metric: 'incidents', height: 'tall', periods: '0' }));
    // A trend draws its chart once it knows its width (a ResizeObserver callback, then a render).
    await nextFrames();
    await settled(el);
    await settled(all);
    const chart = () => shadow(el).querySelector('svg[part=chart]');
    expect(chart()?.getAttribute('height')).to.equal('240');
    expect(shadow(el).querySelectorAll('.point')).to.have.length(shadow(all).querySelectorAll('.point').length);
    expect(said).to.have.members([
      '[daylight-trend] height="tall" is not a number from 60 to 2000: the default, 240, is used.',
      '[daylight-trend] periods="0" is not a whole number of at least 1: it is ignored.',
    ]);
    // A height the axis cannot draw (it asked for millions of ticks and threw) is out of range too.
    const { result: huge, said: saidHuge } = await warnings(() => mount('daylight-trend', feed, { metric: 'incidents', height: '1e9' }));
    await nextFrames();
    await settled(huge);
    expect(shadow(huge).querySelector('svg[part=chart]')?.getAttribute('height')).to.equal('240');
    expect(saidHuge).to.deep.equal(['[daylight-trend] height="1e9" is not a number from 60 to 2000: the default, 240, is used.']);
    const { result: page, said: saidFeed } = await warnings(async () => {
      const feedElement = await fixture<HTMLElement & { loaded: Promise<{ status: string }> }>(html`<daylight-feed timeout="soon" src="/test/fixtures/feeds/small-city.json"></daylight-feed>`);
      return feedElement.loaded;
    });
    expect(page.status).to.equal('ready');
    expect(saidFeed).to.deep.equal(['[daylight-feed] timeout="soon" is not a number of at least 1: the default, 15000, is used.']);
  });
});

describe('attributes that take a number: headings and the table', () => {
  it('heading-level="h2" keeps the default level, 3, and sort-column="service" sorts nothing, each with one warning', async () => {
    const feed = await fixtureFeed();
    const { result: methodology, said } = await warnings(() => mount('daylight-methodology', feed, { 'heading-level': 'h2' }));
    const levels = [...shadow(methodology).querySelectorAll('[role=heading]')].map((heading) => heading.getAttribute('aria-level'));
    expect(levels.length).to.be.greaterThan(0);
    expect(new Set(levels)).to.deep.equal(new Set(['3']));
    expect(said).to.deep.equal(['[daylight-methodology] heading-level="h2" is not a number: the default, 3, is used.']);
    const services = await fixtureFeed('services.json');
    const attributes = { metric: 'referrals', by: 'service' };
    const rows = (el: Element) => [...shadow(el).querySelectorAll('tbody th')].map((cell) => cell.textContent!.trim());
    const unsorted = rows(await mount('daylight-table', services, attributes, 640));
    const { result: table, said: saidTable } = await warnings(() => mount('daylight-table', services, { ...attributes, 'sort-column': 'service' }, 640));
    expect(rows(table)).to.deep.equal(unsorted);
    expect(saidTable).to.deep.equal(['[daylight-table] sort-column="service" is not a whole number of at least 0: it is ignored.']);
  });
});

describe('a period that is not a period', () => {
  it('is explained by the element instead of read as a period without data; a well-formed absent one still reads "No data"', async () => {
    const feed = await fixtureFeed();
    const kpi = await mount('daylight-kpi', feed, { metric: 'incidents', period: '2024-13' });
    const alert = shadow(kpi).querySelector('[role=alert]');
    expect(alert?.textContent).to.equal('period="2024-13" is not a period. Write a year ("2024"), a quarter ("2024-Q3"), a month ("2024-07") or a week ("2024-W07").');
    const spanish = await mount('daylight-breakdown', await fixtureFeed('services.json'), { metric: 'referrals', by: 'service', period: 'last year', lang: 'es' });
    await settled(spanish);
    expect(shadow(spanish).querySelector('[role=alert]')?.textContent).to.contain('period="last year" no es un periodo');
    const districts = await fixtureFeed('phl-districts.json');
    const map = await mountMap(districts, { period: 'NaN' });
    expect(shadow(map).querySelector('[role=alert]')?.textContent).to.contain('period="NaN" is not a period.');
    // A real period the feed does not cover is no data, not a mistake in the attribute.
    const absent = await mount('daylight-kpi', feed, { metric: 'incidents', period: '2099-01' });
    expect(shadow(absent).querySelector('[role=alert]')).to.equal(null);
    expect(shadow(absent).textContent).to.contain('No data');
  });
});
