import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/feed/define.js';
import '../../src/elements/map/define.js';
import { loadMapLayer, type DaylightMap } from '../../src/elements/map/map.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { AreaSelectEvent } from '../../src/elements/shared/events.js';
import type { Cell, Feed } from '../../src/core/types.js';
import { SEQUENTIAL_COLOURS } from '../../src/core/classify.js';
import { everythingSaid, fixtureFeed, mentionsNumber, nextFrames, shadow } from './helpers.js';
import { mountMap, PHL_BOUNDARIES, syntheticFeed } from './map-fixtures.js';


const map = (feed: Feed, attributes: Record<string, string> = {}, width = 900, boundaries?: unknown) => mountMap(feed, attributes, { width, boundaries });

const $ = (el: Element, selector: string) => shadow(el).querySelector(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll(selector)];
const text = (el: Element, selector: string) => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const paths = (el: Element) => $$(el, '.leaflet-overlay-pane path[data-area]') as SVGPathElement[];
const pathOf = (el: Element, key: string) => $(el, `.leaflet-overlay-pane path[data-area="${key}"]`) as SVGPathElement | null;
type LayerHandle = { pointOf(key: string): { x: number; y: number } | undefined; zoomBy(n: number): void; readonly zoom: number };
const layerOf = (el: DaylightMap) => (el as unknown as { layer: LayerHandle }).layer;

function square(lon: number, lat: number, size: number): number[][][] {
  return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];
}

/** A cols × rows grid of squares over Philadelphia, keyed `g<col>-<row>`. */
function gridBoundaries(cols: number, rows: number, property = 'cell') {
  const size = 0.4 / cols;
  const features = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      features.push({ type: 'Feature', properties: { [property]: `g${c}-${r}` }, geometry: { type: 'Polygon', coordinates: square(-75.28 + c * size, 39.87 + r * size, size) } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The expected class colour of a value under the element's own legend. */
function legendColours(el: Element): string[] {
  return $$(el, '[part=legend] li svg rect[fill^="#"]').map((rect) => rect.getAttribute('fill')!);
}

describe('<daylight-map>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed('phl-districts.json'); });

  it('is accessible as a map and as a table', async () => {
    const el = await map(feed);
    await expect(el).to.be.accessible();
    el.showTable = true;
    await el.mapReady;
    await expect(el).to.be.accessible();
  });

  it('draws the 22 Philadelphia districts in SVG, each in the class of its 2024 count', async () => {
    const el = await map(feed);
    expect(el.renderer).to.equal('svg');
    expect(paths(el)).to.have.length(22);
    expect(text(el, '[part=title]')).to.equal('Shooting incidents by police district, 2024');
    const legend = $$(el, '[part=legend] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(legend).to.deep.equal(['0–17', '18–39', '40–54', '55–79', '80 or more', 'Hidden: fewer than 11 or could reveal one']);
    const colours = legendColours(el);
    expect(colours).to.deep.equal([...SEQUENTIAL_COLOURS]);
    const expected: Record<string, number> = { 25: 105, 22: 96, 15: 83, 35: 81, 24: 65, 19: 60, 12: 56, 16: 54, 39: 46, 18: 45, 2: 40, 26: 36, 14: 33, 17: 15, 6: 15, 3: 12, 77: 0 };
    const classOf = (v: number) => (v < 18 ? 0 : v < 40 ? 1 : v < 55 ? 2 : v < 80 ? 3 : 4);
    for (const [key, value] of Object.entries(expected)) {
      const row = el.rows.find((r) => r.key === key)!;
      expect(row.value, `district ${key}`).to.equal(value);
      expect(pathOf(el, key)!.getAttribute('fill'), `district ${key}`).to.equal(colours[classOf(value)]);
    }
  });

  it('draws a zero as zero, a suppressed district hatched, and a district missing from the feed as "no data"', async () => {
    // Drop district 3 from 2024: it is in the boundaries but the feed says nothing about it.
    feed.metrics[0]!.cells = feed.metrics[0]!.cells.filter((c) => !(c.period === '2024' && c.area === '3'));
    const el = await map(feed);
    const zero = el.rows.find((r) => r.key === '77')!;
    expect(zero.text.short).to.equal('0');
    expect(pathOf(el, '77')!.getAttribute('fill')).to.equal(SEQUENTIAL_COLOURS[0]);
    for (const key of ['1', '5', '7', '8', '9']) {
      expect(pathOf(el, key)!.getAttribute('fill'), `district ${key}`).to.match(/^url\(#daylight-map-\d+-hatch\)$/);
      expect(el.rows.find((r) => r.key === key)!.text.short).to.equal('Hidden');
    }
    const missing = el.rows.find((r) => r.key === '3')!;
    expect(missing.text.state).to.equal('missing');
    expect(pathOf(el, '3')!.getAttribute('fill')).to.not.match(/url|#fe/);
    expect(pathOf(el, '3')!.getAttribute('stroke-dasharray')).to.equal('3 3');
    expect(text(el, '[part=legend]')).to.contain('No data');
    // The hatch pattern resolves inside the shadow root.
    const id = pathOf(el, '5')!.getAttribute('fill')!.slice(5, -1);
    expect(shadow(el).getElementById(id)?.localName).to.equal('pattern');
  });

  it('summarises the map in words and lists the top areas with share and change', async () => {
    const el = await map(feed);
    expect(text(el, '[part=summary]')).to.equal(
      'District 25 had the most shooting incidents in 2024: 105, 12% of the city. 5 areas are hidden because the count was fewer than 11 or could reveal one.',
    );
    const items = $$(el, '[part=ranked] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(5);
    expect(items[0]).to.equal('District 25 105 12% of the city · 55 fewer than 2023');
    expect(items.map((i) => i.split(' ').slice(0, 2).join(' '))).to.deep.equal(['District 25', 'District 22', 'District 15', 'District 35', 'District 24']);
    // The list comes before the map in reading order.
    const ranked = $(el, '[part=ranked]')!;
    const mapBox = $(el, '[part=map]')!;
    expect(ranked.compareDocumentPosition(mapBox) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('shows every district in a table, and its CSV holds exactly what the table shows', async () => {
    const el = await map(feed);
    ($(el, '[part=toggle]') as HTMLButtonElement).click();
    await el.mapReady;
    const rows = $$(el, '[part=table] tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(22);
    expect(rows.find((r) => r[0] === 'District 25')).to.deep.equal(['District 25', '105', '12%', '55 fewer than 2023', '']);
    expect(rows.find((r) => r[0] === 'District 5')).to.deep.equal(['District 5', 'Hidden', '', '', 'hidden to protect privacy']);
    expect(rows.find((r) => r[0] === 'District 77')![1]).to.equal('0');
    const csv = el.csvRows();
    expect(csv[0]).to.deep.equal(['Area', 'Value', 'Share of the city', 'Change from 2023', 'Note']);
    expect(csv.find((r) => r[0] === 'District 5')).to.deep.equal(['District 5', 'Hidden', '', '', 'hidden to protect privacy']);
    expect(csv.find((r) => r[0] === 'District 25')!.slice(0, 2)).to.deep.equal(['District 25', 105]);
  });

  it('shows a requested period and compares it with the one before', async () => {
    const el = await map(feed, { period: '2023' });
    expect(text(el, '[part=title]')).to.equal('Shooting incidents by police district, 2023');
    expect(el.rows.find((r) => r.key === '25')!.value).to.equal(160);
    // 2022 is the first year: no change for 2022.
    const first = await map(feed, { period: '2022' });
    expect(first.rows.every((r) => r.change === undefined)).to.equal(true);
  });

  it('never shows a suppressed or privacy-faulty number, nor a share or change derived from one', async () => {
    // Areas named by letters so that digits on the page can only come from values.
    const boundaries = { type: 'FeatureCollection', features: ['A', 'B', 'C', 'D'].map((key, i) => ({ type: 'Feature', properties: { zone: key }, geometry: { type: 'Polygon', coordinates: square(-75.2 + i * 0.05, 39.95, 0.05) } })) };
    const leaky = syntheticFeed([
      { period: '2024', area: '*', n: 250, value: 250 },
      { period: '2024', area: 'A', n: 130, value: 130 },
      { period: '2024', area: 'B', n: 113, value: 113 },
      { period: '2024', area: 'C', n: 7, value: 7 },        // breaks rule 1: the guard hides it
      { period: '2024', area: 'D', n: 0, suppressed: true },
      { period: '2023', area: 'A', n: 120, value: 120 },
      { period: '2023', area: 'B', n: 3, value: 3 },        // faulty previous: no change for B
      { period: '2023', area: 'C', n: 40, value: 40 },
      { period: '2023', area: 'D', n: 44, value: 44 },
    ], { areas: { inline: boundaries as never, key: 'zone' } });
    const el = await map(leaky, { areas: '' }, 900);
    const said = () => everythingSaid(el);
    for (const view of ['map', 'table']) {
      if (view === 'table') { el.showTable = true; await el.mapReady; }
      // C's 7, B's faulty 3 for 2023, C's share (2.8%), B's change (110) and C's change (33).
      for (const leak of ['7', '3', '2.8%', '3%', '110', '33']) {
        expect(mentionsNumber(said(), leak), `${view} must not mention ${leak}`).to.equal(false);
      }
    }
    const csv = el.csvRows().map((r) => r.join(',')).join('\n');
    expect(mentionsNumber(csv, '7')).to.equal(false);
    expect(mentionsNumber(csv, '3')).to.equal(false);
    expect(el.rows.find((r) => r.key === 'B')!.change).to.equal(undefined);
    expect(el.rows.find((r) => r.key === 'C')!.share).to.equal(undefined);
    expect(el.rows.find((r) => r.key === 'D')!.change).to.equal(undefined);
  });

  it('steps through every area with Page Down, reads each one out, and Escape closes the label', async () => {
    const el = await map(feed);
    const lastRanked = $$(el, '[part=ranked] button').at(-1) as HTMLButtonElement;
    lastRanked.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal($(el, '[part=map]'));
    await el.updateComplete;
    const visited = new Set<string>();
    const said: string[] = [];
    const live = () => text(el, '[aria-live]');
    said.push(live());
    for (let i = 0; i < 21; i++) {
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      said.push(live());
    }
    for (const line of said) visited.add(line.split(':')[0]!);
    expect(visited.size).to.equal(22);
    expect(said.every((line) => line.endsWith(', 2024'))).to.equal(true);
    expect(said.find((line) => line.startsWith('District 5:'))).to.equal('District 5: hidden to protect privacy, 2024');
    expect(text(el, '[part=tooltip]')).to.contain('2024');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    const first = live();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(live()).to.not.equal(first);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part=tooltip]')).to.equal(null);
  });

  it('selects an area with Enter, a click or the ranked list, and tells sibling widgets', async () => {
    const el = await map(feed);
    const button = $$(el, '[part=ranked] button')[0] as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'daylight-area-select')) as AreaSelectEvent;
    expect(event.area).to.equal('25');
    expect(el.area).to.equal('25');
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // Focus on the map starts at the selected area; Enter on it deselects it.
    ($(el, '[part=map]') as HTMLElement).focus();
    await el.updateComplete;
    expect(text(el, '[aria-live]')).to.equal('District 25: 105, 2024');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const second = (await oneEvent(el, 'daylight-area-select')) as AreaSelectEvent;
    expect(second.area).to.equal(undefined);
    expect(el.area).to.equal(undefined);
    // A click on a drawn district selects it.
    setTimeout(() => pathOf(el, '24')!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1, clientY: 1 })));
    const third = (await oneEvent(el, 'daylight-area-select')) as AreaSelectEvent;
    expect(third.area).to.equal('24');
  });

  it('zooms with its buttons and the + and − keys, without animation for reduced motion, and leaves the scroll wheel to the page until clicked', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await map(feed);
    await emulateMedia({ reducedMotion: 'no-preference' });
    const mapBox = $(el, '[part=map]') as HTMLElement;
    const zoom = () => layerOf(el).zoom;
    const before = zoom();
    ($(el, '.zoom button') as HTMLButtonElement).click();
    expect(zoom()).to.equal(before + 1);
    expect(mapBox.querySelector('.leaflet-zoom-anim')).to.equal(null);
    mapBox.focus();
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    expect(zoom()).to.equal(before - 1);
    expect($$(el, '.zoom button').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Zoom in', 'Zoom out']);
    mapBox.blur();
    mapBox.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true }));
    await el.updateComplete;
    expect(text(el, '.hint')).to.equal('Click the map to zoom with the scroll wheel.');
  });

  it('loads its boundaries from the feed\'s areas block, relative to the feed, inside <daylight-feed>', async () => {
    const page = await fixture<DaylightFeed>(html`<daylight-feed src="/test/fixtures/feeds/phl-districts.json" style="width: 700px">
      <daylight-map metric="incidents"></daylight-map>
    </daylight-feed>`);
    await page.loaded;
    const el = page.querySelector('daylight-map')!;
    await el.mapReady;
    expect(paths(el)).to.have.length(22);
    // Leaflet's CSS applies inside the shadow root and nowhere else, without the rules for parts
    // the map never creates (popups, markers, Leaflet's own controls).
    expect(getComputedStyle($(el, '.leaflet-map-pane')!).position).to.equal('absolute');
    const leafletRules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).filter((rule) => rule.includes('.leaflet-'));
    expect(leafletRules.length).to.be.greaterThan(20);
    expect(leafletRules.filter((rule) => /\.leaflet-(popup-content|marker-icon|control-zoom|bar)\b/.test(rule))).to.deep.equal([]);
    expect([...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('.leaflet-')))).to.equal(false);
    // No tile layer: nothing is fetched from a third party.
    expect($$(el, 'img')).to.have.length(0);
  });

  describe('an areas file named by the attribute', () => {
    let asked: string[];
    const realFetch = window.fetch;
    beforeEach(() => {
      asked = [];
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        asked.push(input instanceof Request ? input.url : String(input));
        return realFetch(input, init);
      };
    });
    afterEach(() => { window.fetch = realFetch; });

    /** A feed element holding a map of `areas`, connected at once; returns both, the feed not yet loaded. */
    async function connectInFeed(areas: string): Promise<{ page: DaylightFeed; el: DaylightMap }> {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 700px"></div>`);
      const page = document.createElement('daylight-feed');
      page.setAttribute('src', '/test/fixtures/feeds/phl-districts.json');
      const el = document.createElement('daylight-map');
      el.setAttribute('metric', 'incidents');
      el.setAttribute('area-key', 'police_district');
      el.setAttribute('areas', areas);
      page.append(el);
      host.append(page);
      return { page, el };
    }

    it('is asked for as the map connects, beside the feed rather than after it, and once', async () => {
      const areas = `${PHL_BOUNDARIES}?asked-early`;
      const { page, el } = await connectInFeed(areas);
      // The request left while the feed was still on its way (on a slow network, a round trip saved).
      expect(asked.filter((url) => url.endsWith(areas))).to.have.length(1);
      let feedLoaded = false;
      void page.loaded.then(() => { feedLoaded = true; });
      await Promise.resolve();
      expect(feedLoaded).to.equal(false);
      await page.loaded;
      await el.mapReady;
      expect(paths(el)).to.have.length(22);
      expect(asked.filter((url) => url.endsWith(areas))).to.have.length(1);
    });

    it('that cannot be fetched is reported once, from that one request', async () => {
      const areas = '/__test/status?code=404&key=early-areas-404';
      const { page, el } = await connectInFeed(areas);
      await page.loaded;
      await el.mapReady;
      expect(text(el, '.map-message')).to.contain('could not be loaded');
      expect(asked.filter((url) => url.endsWith(areas))).to.have.length(1);
      // The list still stands, from the feed alone.
      expect(everythingSaid(el)).to.contain('District');
    });

    it('that is not a URL at all is reported like one that cannot be fetched, and nothing throws', async () => {
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      try {
        const { page, el } = await connectInFeed('http://[');
        await page.loaded;
        await el.mapReady;
        expect(text(el, '.map-message')).to.equal('The area boundaries at http://[ could not be loaded, so the map is not shown; the list and the table still are.');
        expect(asked.filter((url) => url.includes('http://['))).to.deep.equal([]);
        expect(everythingSaid(el)).to.contain('District');
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
      }
    });
  });

  it('draws a synthetic 2,000-polygon grid on a canvas with the right classes, and hover shows a label', async () => {
    const boundaries = gridBoundaries(50, 40);
    const cells: Cell[] = [];
    let i = 0;
    for (const feature of boundaries.features) {
      const key = feature.properties.cell!;
      const kind = i++ % 10;
      if (kind === 0) cells.push({ period: '2024', area: key, n: 0, suppressed: true });
      else if (kind === 1) cells.push({ period: '2024', area: key, n: 0, value: 0 });
      else if (kind !== 2) cells.push({ period: '2024', area: key, n: 11 + (i % 190), value: 11 + (i % 190) });
    }
    const grid = syntheticFeed(cells, { areas: { inline: boundaries as never, key: 'cell' } });
    const el = await map(grid, { areas: '' }, 800, boundaries);
    expect(el.renderer).to.equal('canvas');
    expect($$(el, '.leaflet-overlay-pane canvas')).to.have.length(1);
    expect(el.rows).to.have.length(2000);
    expect(el.rows.filter((r) => r.paint.pattern === 'suppressed')).to.have.length(200);
    expect(el.rows.filter((r) => r.paint.pattern === 'missing')).to.have.length(200);
    expect(el.rows.filter((r) => r.value === 0).every((r) => r.paint.fill === SEQUENTIAL_COLOURS[0])).to.equal(true);
    // Classes rise with the value: every class's values sit above the previous class's.
    const byColour = new Map<string, number[]>();
    for (const r of el.rows) if (r.value !== undefined) byColour.set(r.paint.fill, [...(byColour.get(r.paint.fill) ?? []), r.value]);
    const ranges = SEQUENTIAL_COLOURS.map((c) => byColour.get(c)!).map((vs) => [Math.min(...vs), Math.max(...vs)]);
    for (let c = 1; c < ranges.length; c++) expect(ranges[c]![0]).to.be.greaterThan(ranges[c - 1]![1]!);
    // Hover the centre of g10-10 on the canvas.
    const point = layerOf(el).pointOf('g10-10')!;
    const box = $(el, '[part=map]')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + point.x), Math.round(box.top + point.y)] });
    await el.updateComplete;
    const tip = text(el, '[part=tooltip]');
    expect(tip.startsWith('g10-10')).to.equal(true);
    expect(tip).to.contain('2024');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('names the key in clear errors for bad boundaries, and still draws the rest', async () => {
    const boundaries = await (await fetch(PHL_BOUNDARIES)).json();
    delete boundaries.features[0].properties.police_district;                                     // missing key
    boundaries.features[1].geometry = { type: 'LineString', coordinates: [[-75.1, 40], [-75.2, 40.1]] }; // not a polygon
    boundaries.features[2].geometry.coordinates[0][3] = [-75.1, 'x'];                               // bad position
    const missingKey = String((await (await fetch(PHL_BOUNDARIES)).json()).features[0].properties.police_district);
    const badLine = String(boundaries.features[1].properties.police_district);
    const badPosition = String(boundaries.features[2].properties.police_district);
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = await map(feed, { areas: '' }, 900, boundaries);
      const problems = text(el, '[part=problems]');
      expect(problems).to.contain('6 problems with the area boundaries; the other areas are drawn.');
      expect(problems).to.contain('features[0] has no "police_district" property');
      expect(problems).to.contain(`The area with police_district "${badLine}" (features[1]) has invalid geometry: expected a Polygon or MultiPolygon, found a LineString`);
      expect(problems).to.contain(`The area with police_district "${badPosition}" (features[2]) has invalid geometry: ring 0, position 3 is not a pair of numbers`);
      // The three districts the feed has but the map cannot place are named too.
      for (const key of [missingKey, badLine, badPosition]) {
        expect(problems).to.contain(`The feed has area police_district "${key}", but the boundary file has no feature with police_district "${key}"`);
      }
      expect(paths(el)).to.have.length(19);
      // Their figures are still in the list and the table.
      expect(el.rows.find((r) => r.key === missingKey)!.onMap).to.equal(false);
    } finally {
      console.warn = warn;
    }
  });

  it('reads MultiPolygons and tolerates a WGS84 crs member', async () => {
    const boundaries = {
      type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [
        { type: 'Feature', properties: { zone: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [square(-75.2, 39.95, 0.02), square(-75.1, 39.95, 0.02)] } },
        { type: 'Feature', properties: { zone: 'B' }, geometry: { type: 'Polygon', coordinates: square(-75.15, 39.9, 0.02) } },
      ],
    };
    const small = syntheticFeed([{ period: '2024', area: 'A', n: 20, value: 20 }, { period: '2024', area: 'B', n: 30, value: 30 }]);
    const el = await map(small, { areas: '', 'area-key': 'zone' }, 600, boundaries);
    expect(paths(el)).to.have.length(2);
    expect(pathOf(el, 'A')!.getAttribute('d')!.match(/M/g)).to.have.length(2);
    expect($(el, '[part=problems]')).to.equal(null);
  });

  it('says so when the boundary file cannot be loaded, and keeps the list and the table', async () => {
    const warn = console.warn;
    const el = await map(feed, { areas: '/__test/status?code=404' });
    console.warn = warn;
    expect(text(el, '.map-message')).to.contain('could not be loaded, so the map is not shown; the list and the table still are.');
    expect($$(el, '[part=ranked] li')).to.have.length(5);
    expect(text(el, '[part=summary]')).to.contain('District 25 had the most');
  });

  it('fits the city at 320 px and redraws when resized', async () => {
    const el = await map(feed, {}, 320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const box = () => {
      const rects = paths(el).map((p) => p.getBoundingClientRect());
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)) };
    };
    const mapRect = () => $(el, '[part=map]')!.getBoundingClientRect();
    const inside = () => {
      const b = box();
      const m = mapRect();
      return b.left >= m.left - 1 && b.right <= m.right + 1 && b.top >= m.top - 1 && b.bottom <= m.bottom + 1;
    };
    expect(inside()).to.equal(true);
    const narrow = box().right - box().left;
    el.parentElement!.style.width = '900px';
    await nextFrames();
    await nextFrames();
    expect(inside()).to.equal(true);
    expect(box().right - box().left).to.be.greaterThan(narrow);
  });

  it('fits its box once: the box reporting the size the map was fitted to does not redraw every area', async () => {
    // Counted on every Leaflet map made from here on. Each fit ends in `moveend`, on which the
    // renderer clips, simplifies and redraws every area (a full redraw at 20,000 areas).
    const { Map: LeafletMap } = await import('leaflet/src/map/Map.js');
    let fits = 0;
    let counting = true;
    (LeafletMap as unknown as { addInitHook(hook: (this: { on(event: string, fn: () => void): void }) => void): void })
      .addInitHook(function () { this.on('moveend', () => { if (counting) fits++; }); });
    // With Leaflet already loaded the map draws in its first update, before the box's first
    // ResizeObserver report, which then names the size the map was just fitted to.
    await loadMapLayer();
    const el = await map(syntheticFeed(['A', 'B', 'C'].map((area, i) => ({ period: '2024', area, n: 20 + i, value: 20 + i }))),
      { areas: '', 'area-key': 'zone' }, 600,
      { type: 'FeatureCollection', features: ['A', 'B', 'C'].map((zone, i) => ({ type: 'Feature', properties: { zone }, geometry: { type: 'Polygon', coordinates: square(-75.2 + i * 0.05, 39.95, 0.05) } })) });
    await nextFrames();
    await nextFrames();
    expect(fits).to.equal(1);
    // A real change of size still refits.
    el.parentElement!.style.width = '400px';
    await nextFrames();
    await nextFrames();
    expect(fits).to.be.greaterThan(1);
    counting = false;
  });

  it('waits while hidden and draws the city to fit once shown', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width: 600px" hidden></div>`);
    const el = document.createElement('daylight-map');
    el.setAttribute('metric', 'incidents');
    el.setAttribute('area-key', 'police_district');
    el.boundaries = await (await fetch(PHL_BOUNDARIES)).json();
    el.feed = feed;
    host.append(el);
    await el.updateComplete;
    await loadMapLayer();
    await nextFrames();
    // A box of width 0 would give Leaflet a meaningless zoom: nothing is drawn yet.
    expect($(el, '.leaflet-container')).to.equal(null);
    host.hidden = false;
    await el.mapReady;
    expect(paths(el)).to.have.length(22);
    expect(layerOf(el).zoom).to.be.greaterThan(8);
  });

  it('colours by count per resident with normalize="population", without rates for hidden counts or small populations', async () => {
    const boundaries = await (await fetch(PHL_BOUNDARIES)).json();
    for (const f of boundaries.features) f.properties.population = 60000;
    boundaries.features.find((f: { properties: Record<string, string> }) => f.properties.police_district === '77').properties.population = 8;
    const el = await map(feed, { normalize: 'population', areas: '' }, 900, boundaries);
    expect(text(el, '[part=title]')).to.equal('Shooting incidents per 100,000 residents by police district, 2024');
    const d25 = el.rows.find((r) => r.key === '25')!;
    expect(d25.rate!.short).to.equal('175 per 100,000');
    expect(d25.value).to.be.closeTo(175, 0.01);
    expect(el.rows.find((r) => r.key === '5')!.rate).to.equal(undefined);
    expect(el.rows.find((r) => r.key === '77')!.rate!.short).to.equal('Not shown');
    const d17 = el.rows.find((r) => r.key === '17')!;
    expect(d17.rate!.unstable).to.equal(true);
    expect(d17.paint.pattern).to.equal('unstable');
    expect(text(el, '[part=summary]')).to.match(/^District 25 had the highest shooting incidents per 100,000 residents in 2024: 175 per 100,000\./);
  });

  it('sums a monthly feed into the latest full year, hiding a year that contains a hidden month', async () => {
    const cells: Cell[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `2024-${String(m).padStart(2, '0')}`;
      cells.push({ period: month, area: 'A', n: 12, value: 12 });
      cells.push(m === 6 ? { period: month, area: 'B', n: 0, suppressed: true } : { period: month, area: 'B', n: 20, value: 20 });
    }
    cells.push({ period: '2025-01', area: 'A', n: 15, value: 15 });
    const boundaries = { type: 'FeatureCollection', features: ['A', 'B'].map((key, i) => ({ type: 'Feature', properties: { zone: key }, geometry: { type: 'Polygon', coordinates: square(-75.2 + i * 0.05, 39.95, 0.05) } })) };
    const monthly = syntheticFeed(cells, { period: { start: '2024-01-01', end: '2025-01-31', grain: 'month' } });
    const el = await map(monthly, { areas: '', 'area-key': 'zone' }, 700, boundaries);
    expect(text(el, '[part=title]')).to.contain(', 2024');
    expect(el.rows.find((r) => r.key === 'A')!.value).to.equal(144);
    const b = el.rows.find((r) => r.key === 'B')!;
    expect(b.value).to.equal(undefined);
    expect(b.text.short).to.equal('Hidden');
    expect(mentionsNumber(everythingSaid(el), '220')).to.equal(false);
    expect(text(el, '[part=legend]')).to.contain('Hidden for part of the period');
    const month = await map(monthly, { areas: '', 'area-key': 'zone', period: '2025-01' }, 700, boundaries);
    expect(month.rows.find((r) => r.key === 'A')!.value).to.equal(15);
  });

  it('ranks tied areas by name in numeric order, and builds a collator only for ties between names that are not numbered alike', async () => {
    const names = ['District 10', 'District 2', 'Center City'];
    const boundaries = {
      type: 'FeatureCollection',
      features: names.map((name, i) => ({ type: 'Feature', properties: { cell: `c${i}`, name }, geometry: { type: 'Polygon', coordinates: square(-75.2 + i * 0.05, 39.95, 0.05) } })),
    };
    const mount = (values: number[]) => {
      const cells = values.map((n, i) => ({ period: '2024', area: `c${i}`, n, value: n }));
      // en-US: a language no other test here ranks in, so its collator cannot have been built already.
      return map(syntheticFeed(cells, { areas: { inline: boundaries as never, key: 'cell', nameProperty: 'name' } }), { areas: '', lang: 'en-US' }, 800, boundaries);
    };
    const ranked = (el: Element) => $$(el, '[part=ranked] li .name').map((n) => n.textContent);
    const RealCollator = Intl.Collator;
    let made = 0;
    Intl.Collator = new Proxy(RealCollator, {
      construct(target, args) {
        made++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      expect(ranked(await mount([30, 20, 40]))).to.deep.equal(['Center City', 'District 10', 'District 2']);
      expect(made).to.equal(0);
      // "District 2" and "District 10" differ only in their number: compared without ICU.
      expect(ranked(await mount([30, 30, 12]))).to.deep.equal(['District 2', 'District 10', 'Center City']);
      expect(made).to.equal(0);
      expect(ranked(await mount([12, 30, 30]))).to.deep.equal(['Center City', 'District 2', 'District 10']);
      expect(made).to.equal(1);
    } finally {
      Intl.Collator = RealCollator;
    }
  });

  it('falls back to the whole-span totals when the latest year hides most areas, and never maps "unknown"', async () => {
    const cells: Cell[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `2024-${String(m).padStart(2, '0')}`;
      for (const area of ['A', 'B', 'C']) cells.push(m % 3 ? { period: month, area, n: 0, suppressed: true } : { period: month, area, n: 0, value: 0 });
    }
    cells.push({ period: '*', area: 'A', n: 300, value: 300 }, { period: '*', area: 'B', n: 120, value: 120 }, { period: '*', area: 'C', n: 0, suppressed: true });
    cells.push({ period: '*', area: 'unknown', n: 40, value: 40 }, { period: '*', area: '*', n: 470, value: 470 });
    const boundaries = { type: 'FeatureCollection', features: ['A', 'B', 'C'].map((key, i) => ({ type: 'Feature', properties: { zone: key }, geometry: { type: 'Polygon', coordinates: square(-75.2 + i * 0.05, 39.95, 0.05) } })) };
    const monthly = syntheticFeed(cells, { period: { start: '2015-01-01', end: '2024-12-31', grain: 'month' } });
    const el = await map(monthly, { areas: '', 'area-key': 'zone' }, 700, boundaries);
    expect(text(el, '[part=title]')).to.equal('Shooting incidents by area, 2015–2024');
    expect(text(el, '[part=summary]')).to.match(/^A had the most shooting incidents in 2015–2024: 300, 64% of the city\./);
    const unknown = el.rows.find((r) => r.key === 'unknown')!;
    expect(unknown.place).to.equal(false);
    expect(unknown.value).to.equal(undefined);
    expect($(el, '[part=problems]')).to.equal(null);
    expect(paths(el)).to.have.length(3);
    // Asked for explicitly, the hidden year is shown as it is.
    const year = await map(monthly, { areas: '', 'area-key': 'zone', period: '2024' }, 700, boundaries);
    expect(year.rows.filter((r) => r.text.short === 'Hidden')).to.have.length(3);
  });

  it('shows labels and attribution from untrusted text as text', async () => {
    feed.dimensions!.area!.values!['25'] = '<img src=x onerror="window.__pwned=1">District 25';
    const el = await map(feed, { tiles: '/__test/status?code=404&z={z}&x={x}&y={y}', attribution: '<b onmouseover="x()">© Tiles</b>' });
    expect($$(el, 'img:not(.leaflet-tile)')).to.have.length(0);
    expect(text(el, '[part=summary]')).to.contain('<img src=x onerror="window.__pwned=1">District 25 had the most');
    expect(text(el, '.leaflet-control-attribution')).to.equal('<b onmouseover="x()">© Tiles</b>');
    expect($(el, '.leaflet-control-attribution b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // Leaflet's CSS, trimmed of what the map never creates, still places the attribution in its
    // corner over the map.
    const corner = getComputedStyle($(el, '.leaflet-bottom.leaflet-right')!);
    expect([corner.position, corner.zIndex]).to.deep.equal(['absolute', '1000']);
    expect(getComputedStyle($(el, '.leaflet-control-attribution')!).paddingLeft).to.equal('5px');
  });

  it('switches between SVG and canvas when the renderer attribute changes after it has drawn', async () => {
    const el = await map(feed);
    expect(el.renderer).to.equal('svg');
    // [attribute, renderer drawn, SVG paths, canvases]: 22 districts are SVG under `auto`.
    const steps = [['canvas', 'canvas', 0, 1], ['auto', 'svg', 22, 0]] as const;
    for (const [attribute, renderer, svgPaths, canvases] of steps) {
      el.setAttribute('renderer', attribute);
      await el.updateComplete;
      await el.mapReady;
      expect(el.renderer, attribute).to.equal(renderer);
      expect(paths(el), attribute).to.have.length(svgPaths);
      expect($$(el, '.leaflet-overlay-pane canvas'), attribute).to.have.length(canvases);
    }
  });

  it('takes tiles set after it has drawn, and drops them again', async () => {
    const el = await map(feed);
    expect($(el, '.leaflet-control-attribution')).to.equal(null);
    el.setAttribute('tiles', '/__test/status?code=404&z={z}&x={x}&y={y}');
    el.setAttribute('attribution', '© Test tiles');
    await el.updateComplete;
    await el.mapReady;
    expect(text(el, '.leaflet-control-attribution')).to.equal('© Test tiles');
    expect($$(el, '.leaflet-tile-pane img.leaflet-tile').length).to.be.greaterThan(0);
    expect(paths(el)).to.have.length(22);
    el.removeAttribute('tiles');
    el.removeAttribute('attribution');
    await el.updateComplete;
    await el.mapReady;
    expect($(el, '.leaflet-control-attribution')).to.equal(null);
    expect($$(el, '.leaflet-tile-pane img')).to.have.length(0);
    expect(paths(el)).to.have.length(22);
  });

  it('speaks Spanish', async () => {
    const el = await map(feed, { lang: 'es' });
    expect(text(el, '[part=title]')).to.equal('Incidentes con disparos por distrito policial, 2024');
    expect(text(el, '[part=summary]')).to.match(/^Distrito 25 tuvo la cifra más alta de incidentes con disparos en 2024: 105, el 12 % de la ciudad\./);
    expect(text(el, '[part=legend]')).to.contain('Oculto');
    expect($$(el, '.zoom button').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Acercar', 'Alejar']);
  });
});

describe('the lazy map chunk', () => {
  it('is not in the main bundle: dist/daylight.js imports it dynamically', async function () {
    const response = await fetch('/dist/daylight.js');
    if (!response.ok) this.skip();
    const main = await response.text();
    // Strings only Leaflet's own source has stay out of the main bundle (compared as booleans so
    // a failure does not print 200 kB of bundle).
    expect(main.includes('_leaflet_id'), 'Leaflet in dist/daylight.js').to.equal(false);
    expect(main.includes('leaflet-zoom-anim'), 'Leaflet CSS in dist/daylight.js').to.equal(false);
    const chunk = /import\(["']\.\/(leaflet-layer[^"']*\.js)["']\)/.exec(main);
    expect(chunk, 'a dynamic import of the leaflet-layer chunk').to.not.equal(null);
    const lazy = await (await fetch(`/dist/${chunk![1]}`)).text();
    expect(lazy.includes('_leaflet_id')).to.equal(true);
    expect(lazy.includes('leaflet-zoom-anim')).to.equal(true);
  });

  it('runs, in these tests too, the Leaflet residents get: without the methods scripts/leaflet-trim.mjs removes', async () => {
    const { Map: LeafletMap } = await import('leaflet/src/map/Map.js');
    const methods = (LeafletMap as unknown as { prototype: Record<string, unknown> }).prototype;
    expect(typeof methods.fitBounds).to.equal('function');
    expect(typeof methods.flyTo).to.equal('undefined');
    expect(typeof methods.locate).to.equal('undefined');
  });

  it('is one request: the canvas and tile chunks import Leaflet from it, and it imports nothing else', async function () {
    const main = await (await fetch('/dist/daylight.js')).text();
    const lazyChunks = [...main.matchAll(/import\(["'`]\.\/(leaflet-[^"'`]+\.js)["'`]\)/g)].map((m) => m[1]!);
    expect(lazyChunks.map((f) => f.replace(/-[\w-]{8}\.js$/, '')).sort()).to.deep.equal(['leaflet-canvas', 'leaflet-layer', 'leaflet-tiles']);
    const layerFile = lazyChunks.find((f) => f.startsWith('leaflet-layer'))!;
    const layer = await (await fetch(`/dist/${layerFile}`)).text();
    const staticImports = (code: string) => [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{][^"'`]*?from\s*)?["'`]\.\/([^"'`]+)["'`]/g)].map((m) => m[1]);
    // A static import here would be a second round trip before a map's first draw.
    expect(staticImports(layer)).to.deep.equal([]);
    for (const file of lazyChunks.filter((f) => f !== layerFile)) {
      const chunk = await (await fetch(`/dist/${file}`)).text();
      expect(staticImports(chunk), file).to.deep.equal([layerFile]);
      expect(chunk.includes('_leaflet_id'), `${file} repeats Leaflet's core`).to.equal(false);
    }
  });
});
