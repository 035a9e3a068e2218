// Attributes that take one of a few words: a value outside them (a typo in a CMS) means the
// element's default, and the console says so once (src/elements/shared/choices.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, shadow } from './helpers.js';
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
