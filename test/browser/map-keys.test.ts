import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/map/define.js';
import type { DaylightMap } from '../../src/elements/map/map.js';
import type { Cell, Feed } from '../../src/core/types.js';
import { checkBoundaries, readingOrder } from '../../src/core/geo.js';
import { areaInDirection, screenPoint, type Direction, type ScreenPoint } from '../../src/elements/map/directions.js';
import { fixtureFeed, mentionsNumber, shadow } from './helpers.js';
import { mountMap, PHL_BOUNDARIES, syntheticFeed } from './map-fixtures.js';

const DIRECTIONS: Direction[] = ['left', 'right', 'up', 'down'];
const KEY: Record<Direction, string> = { left: 'ArrowLeft', right: 'ArrowRight', up: 'ArrowUp', down: 'ArrowDown' };
const STEP: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, 1], down: [0, -1] };

/** A cols × rows grid of squares over Philadelphia, keyed `g<col>-<row>`; row 0 is the southernmost. */
function gridBoundaries(cols: number, rows: number) {
  const size = 0.4 / cols;
  const features = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const lon = -75.28 + c * size;
      const lat = 39.87 + r * size;
      features.push({
        type: 'Feature', properties: { cell: `g${c}-${r}` },
        geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

const mapOf = (feed: Feed, attributes: Record<string, string>, boundaries?: unknown) => mountMap(feed, attributes, { width: 800, boundaries });

const said = (el: Element) => (shadow(el).querySelector('[aria-live]')?.textContent ?? '').trim();
/** The area the live region last announced: its name, before the colon. */
const announced = (el: Element) => said(el).split(':')[0]!;

async function press(el: DaylightMap, key: string): Promise<string> {
  await sendKeys({ press: key });
  await el.updateComplete;
  return announced(el);
}

async function focusMap(el: DaylightMap): Promise<void> {
  (shadow(el).querySelector('[part=map]') as HTMLElement).focus();
  await el.updateComplete;
}

describe('<daylight-map> arrow keys on a 5 × 4 grid', () => {
  const COLS = 5;
  const ROWS = 4;
  const boundaries = gridBoundaries(COLS, ROWS);
  let el: DaylightMap;
  // g1-1 is suppressed; g2-3 is published as 7, which breaks rule 1 and must never be shown.
  const cells: Cell[] = boundaries.features.map((f, i) => {
    const area = f.properties.cell;
    if (area === 'g1-1') return { period: '2024', area, n: 0, suppressed: true };
    if (area === 'g2-3') return { period: '2024', area, n: 7, value: 7 };
    return { period: '2024', area, n: 20 + i, value: 20 + i };
  });

  beforeEach(async () => {
    el = await mapOf(syntheticFeed(cells), { 'area-key': 'cell' }, boundaries);
  });

  it('is accessible with an area focused', async () => {
    await focusMap(el);
    expect(announced(el)).to.equal('g0-3');
    await expect(el).to.be.accessible();
  });

  it('moves to the neighbouring cell in the direction of the arrow, and stays put at each edge', async () => {
    // Focus starts in the north-west corner (first in reading order).
    await focusMap(el);
    expect(announced(el)).to.equal('g0-3');
    const walk: Array<[string, string]> = [
      ['ArrowRight', 'g1-3'], ['ArrowRight', 'g2-3'], ['ArrowRight', 'g3-3'], ['ArrowRight', 'g4-3'], ['ArrowRight', 'g4-3'],
      ['ArrowUp', 'g4-3'],
      ['ArrowDown', 'g4-2'], ['ArrowDown', 'g4-1'], ['ArrowDown', 'g4-0'], ['ArrowDown', 'g4-0'],
      ['ArrowLeft', 'g3-0'], ['ArrowLeft', 'g2-0'], ['ArrowLeft', 'g1-0'], ['ArrowLeft', 'g0-0'], ['ArrowLeft', 'g0-0'],
      ['ArrowUp', 'g0-1'], ['ArrowRight', 'g1-1'], ['ArrowUp', 'g1-2'], ['ArrowLeft', 'g0-2'], ['ArrowUp', 'g0-3'], ['ArrowUp', 'g0-3'],
    ];
    const path: string[] = [];
    for (const [key] of walk) path.push(await press(el, key));
    expect(path).to.deep.equal(walk.map(([, area]) => area));
  });

  it('finds the cell straight ahead from every cell, and nothing past the edge', () => {
    const areas = checkBoundaries(boundaries, 'cell').areas;
    const points = new Map<string, ScreenPoint>(readingOrder(areas).map((key) => [key, screenPoint(areas.find((a) => a.key === key)!.labelPoint)]));
    for (let c = 0; c < COLS; c++) {
      for (let r = 0; r < ROWS; r++) {
        for (const direction of DIRECTIONS) {
          const [dc, dr] = STEP[direction];
          const inside = c + dc >= 0 && c + dc < COLS && r + dr >= 0 && r + dr < ROWS;
          expect(areaInDirection(points, `g${c}-${r}`, direction), `${direction} from g${c}-${r}`).to.equal(inside ? `g${c + dc}-${r + dr}` : undefined);
        }
      }
    }
  });

  it('never says a hidden or faulty number while moving, and Page Down still visits every cell', async () => {
    await focusMap(el);
    const visited = new Set([announced(el)]);
    const lines = [said(el)];
    for (let i = 1; i < COLS * ROWS; i++) {
      visited.add(await press(el, 'PageDown'));
      lines.push(said(el));
    }
    expect(visited.size).to.equal(COLS * ROWS);
    const faulty = lines.find((line) => line.startsWith('g2-3:'))!;
    expect(mentionsNumber(faulty, '7'), faulty).to.equal(false);
    expect(lines.find((line) => line.startsWith('g1-1:'))).to.equal('g1-1: hidden to protect privacy, 2024');
    // The same areas reached with the arrow keys carry the same words, in the live region and the label.
    await sendKeys({ press: 'Home' });
    await press(el, 'ArrowRight');
    expect(await press(el, 'ArrowRight')).to.equal('g2-3');
    expect(mentionsNumber(said(el), '7')).to.equal(false);
    expect(mentionsNumber(shadow(el).querySelector('[part=tooltip]')!.textContent!, '7')).to.equal(false);
  });
});

describe('<daylight-map> arrow keys on the Philadelphia police districts', () => {
  let feed: Feed;
  let points: Map<string, ScreenPoint>;
  let names: Map<string, string>;
  let order: string[];

  before(async () => {
    const areas = checkBoundaries(await (await fetch(PHL_BOUNDARIES)).json(), 'police_district').areas;
    order = readingOrder(areas);
    points = new Map(order.map((key) => [key, screenPoint(areas.find((a) => a.key === key)!.labelPoint)]));
  });
  beforeEach(async () => {
    feed = await fixtureFeed('phl-districts.json');
    names = new Map(order.map((key) => [`District ${key}`, key]));
  });

  /** True when `to` lies within 45° of `direction` from `from`, as the map draws them. */
  function ahead(from: string, to: string, direction: Direction): boolean {
    const [dx, dy] = STEP[direction];
    const a = points.get(from)!;
    const b = points.get(to)!;
    const along = (b[0] - a[0]) * dx + (b[1] - a[1]) * dy;
    const across = Math.abs((b[0] - a[0]) * dy - (b[1] - a[1]) * dx);
    return along > 0 && across <= along * (1 + 1e-9);
  }

  it('moves each time to a district that lies in the direction pressed, or stays put when none does', async () => {
    const el = await mapOf(feed, { areas: PHL_BOUNDARIES });
    await focusMap(el);
    let here = names.get(announced(el))!;
    expect(here).to.equal(order[0]);
    const presses: Direction[] = ['down', 'down', 'right', 'right', 'up', 'left', 'down', 'down', 'down', 'left', 'left', 'up', 'right', 'down', 'down', 'right', 'right', 'right', 'up', 'up', 'up', 'right', 'right'];
    let moves = 0;
    let stays = 0;
    for (const direction of presses) {
      const next = names.get(await press(el, KEY[direction]))!;
      expect(next, `${direction} from ${here}`).to.not.equal(undefined);
      if (next === here) {
        stays++;
        expect([...points.keys()].some((key) => ahead(here, key, direction)), `nothing ${direction} of ${here}`).to.equal(false);
      } else {
        moves++;
        expect(ahead(here, next, direction), `${direction} from ${here} to ${next}`).to.equal(true);
        // Nearest that way (sideways distance counting double), so no district is skipped over.
        const score = (key: string) => {
          const [a, b] = [points.get(here)!, points.get(key)!];
          const [dx, dy] = STEP[direction];
          return (b[0] - a[0]) * dx + (b[1] - a[1]) * dy + 2 * Math.abs((b[0] - a[0]) * dy - (b[1] - a[1]) * dx);
        };
        for (const other of points.keys()) if (other !== here && ahead(here, other, direction)) expect(score(other)).to.be.at.least(score(next));
      }
      here = next;
    }
    expect(moves).to.be.greaterThan(10);
    expect(stays).to.be.greaterThan(0);
  });

  it('reaches every district from any district with the arrow keys alone', () => {
    for (const start of order) {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length) {
        const key = queue.shift()!;
        for (const direction of DIRECTIONS) {
          const next = areaInDirection(points, key, direction);
          if (next !== undefined && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.size, `from district ${start}`).to.equal(order.length);
    }
  });

  it('Home and End still jump to the first and last district in reading order', async () => {
    const el = await mapOf(feed, { areas: PHL_BOUNDARIES });
    await focusMap(el);
    await press(el, 'ArrowDown');
    expect(names.get(await press(el, 'End'))).to.equal(order.at(-1));
    expect(names.get(await press(el, 'Home'))).to.equal(order[0]);
  });
});
