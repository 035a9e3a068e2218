// The boundary check every map runs before Leaflet sees a file: what it accepts, what it refuses
// (and in which words), and the box and label point it derives. The map's browser tests cover
// the same messages as a resident sees them; these cover the cases a browser test cannot build
// from JSON (NaN, Infinity) and hold the derived figures to a plain recomputation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkBoundaries, readingOrder } from '../../src/core/geo.js';

type Ring = unknown[];
const square = (west: number, south: number, size: number): Ring => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];
const feature = (key: unknown, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties: { zone: key }, geometry: { type, coordinates } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('checkBoundaries', () => {
  it('refuses a position that is not two finite numbers, naming the ring and the position', () => {
    const cases: Array<[unknown, string]> = [
      [[-75.1, '40'], 'ring 0, position 2 is not a pair of numbers'],
      [[-75.1, Number.NaN], 'ring 0, position 2 is not a pair of numbers'],
      [[Number.POSITIVE_INFINITY, 40], 'ring 0, position 2 is not a pair of numbers'],
      [[-75.1], 'ring 0, position 2 is not [longitude, latitude]'],
      [{ 0: -75.1, 1: 40 }, 'ring 0, position 2 is not [longitude, latitude]'],
      [[2_700_000, 250_000], 'ring 0, position 2 (2700000, 250000) is outside longitude/latitude range; the file may be in a projected coordinate system'],
      [[-75.1, 90.5], 'ring 0, position 2 (-75.1, 90.5) is outside longitude/latitude range; the file may be in a projected coordinate system'],
    ];
    for (const [bad, reason] of cases) {
      const ring = square(-75.2, 39.9, 0.1);
      ring[2] = bad;
      const { areas, problems } = checkBoundaries(collection(feature('A', [ring]), feature('B', [square(-75, 39.9, 0.1)])), 'zone');
      assert.deepEqual(areas.map((a) => a.key), ['B'], `the rest still draws (${reason})`);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.kind, 'bad-geometry');
      assert.equal(problems[0]!.message, `The area with zone "A" (features[0]) has invalid geometry: ${reason}. It is left off the map.`);
    }
  });

  it('accepts the edges of the range and positions with an altitude, which it drops', () => {
    const ring = [[-180, -90, 12], [180, -90, 12], [180, 90, 12], [-180, 90, 12], [-180, -90, 12]];
    const { areas, problems } = checkBoundaries(collection(feature('world', [ring])), 'zone');
    assert.deepEqual(problems, []);
    assert.deepEqual(areas[0]!.polygons[0]![0]![1], [180, -90]);
    assert.deepEqual(areas[0]!.bbox, [-180, -90, 180, 90]);
  });

  it('names the polygon of a MultiPolygon that fails', () => {
    const broken = square(-75, 40, 0.1);
    broken[1] = [-75, 'x'];
    const { problems } = checkBoundaries(collection(feature('M', [[square(-75.2, 40, 0.1)], [broken]], 'MultiPolygon')), 'zone');
    assert.match(problems[0]!.message, /invalid geometry: polygon 1: ring 0, position 1 is not a pair of numbers/);
  });

  it('keeps the box and label point of every valid area equal to a plain recomputation', () => {
    // Sizes differ by at least 1/64 within an area, so "the largest" is not decided by rounding.
    const polygon = fc.tuple(fc.double({ min: -179, max: 178, noNaN: true }), fc.double({ min: -89, max: 88, noNaN: true }), fc.integer({ min: 1, max: 64 }).map((k) => k / 64));
    const area = fc.uniqueArray(polygon, { minLength: 1, maxLength: 3, selector: ([, , size]) => size });
    fc.assert(fc.property(fc.array(area, { minLength: 1, maxLength: 8 }), (areas) => {
      const input = collection(...areas.map((polygons, i) => feature(`a${i}`, polygons.map(([w, s, size]) => [square(w, s, size)]), 'MultiPolygon')));
      const { areas: checked, problems } = checkBoundaries(input, 'zone');
      assert.deepEqual(problems, []);
      checked.forEach((area, i) => {
        const squares = areas[i]!;
        assert.deepEqual(area.bbox, [
          Math.min(...squares.map(([w]) => w)), Math.min(...squares.map(([, s]) => s)),
          Math.max(...squares.map(([w, , size]) => w + size)), Math.max(...squares.map(([, s, size]) => s + size)),
        ]);
        // The label point is the centre of the largest square.
        const largest = squares.reduce((best, sq) => (sq[2] > best[2] ? sq : best));
        assert.ok(Math.abs(area.labelPoint[0] - (largest[0] + largest[2] / 2)) < 1e-6);
        assert.ok(Math.abs(area.labelPoint[1] - (largest[1] + largest[2] / 2)) < 1e-6);
      });
    }), { numRuns: 300 });
  });

  it('reads the Philadelphia districts whole, in reading order from the north', () => {
    const districts = JSON.parse(readFileSync(new URL('../fixtures/real/phl_police_districts.geojson', import.meta.url), 'utf8'));
    const { areas, problems } = checkBoundaries(districts, 'police_district');
    assert.deepEqual(problems, []);
    assert.equal(areas.length, 22);
    const order = readingOrder(areas);
    assert.equal(new Set(order).size, 22);
    const north = (key: string) => areas.find((a) => a.key === key)!.labelPoint[1];
    // Bands run north to south: the first area sits north of the last.
    assert.ok(north(order[0]!) > north(order[21]!));
  });
});
