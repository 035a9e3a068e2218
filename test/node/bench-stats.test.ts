import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, ratioOfMedians } from '../../bench/stats.ts';

test('median of odd and even counts, and none', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), /no values/);
});

test('a ratio whose runs agree has a narrow interval around it; one whose runs scatter has a wide one', () => {
  const daylight = [100, 101, 99, 100, 102, 98, 100, 101, 99];
  const steady = daylight.map((x) => x * 1.6);
  const narrow = ratioOfMedians(steady, daylight);
  assert.ok(Math.abs(narrow.ratio - 1.6) < 1e-9);
  assert.ok(narrow.interval[0] > 1.55 && narrow.interval[1] < 1.65, `narrow: ${narrow.interval}`);
  const scattered = [120, 210, 150, 190, 135, 175, 160, 230, 140];
  const wide = ratioOfMedians(scattered, daylight);
  assert.ok(wide.interval[0] <= wide.ratio && wide.ratio <= wide.interval[1]);
  assert.ok(wide.interval[1] - wide.interval[0] > 0.25, `wide: ${wide.interval}`);
  assert.ok(wide.interval[0] < 1.5 && wide.interval[1] > 1.6, `a 1.6 from these runs does not show a 1.5: ${wide.interval}`);
});

test('runs are resampled in pairs: a load that slows both cases of a round alike leaves the interval narrow', () => {
  const load = [1, 1.5, 0.8, 1.3, 1.1, 0.9, 1.4, 1.2, 1.0, 0.85, 1.25];
  const daylight = load.map((l) => 100 * l);
  const peer = load.map((l) => 200 * l);
  const { ratio, interval } = ratioOfMedians(peer, daylight);
  assert.equal(ratio, 2);
  assert.deepEqual(interval, [2, 2]);
});

test('the same runs give the same interval every time, and mismatched runs are refused', () => {
  const a = [5, 7, 6, 9, 8], b = [3, 4, 3, 5, 4];
  assert.deepEqual(ratioOfMedians(a, b), ratioOfMedians(a, b));
  assert.throws(() => ratioOfMedians([1, 2, 3], [1, 2]), /differ in number: 3 and 2/);
  assert.throws(() => ratioOfMedians([1], [1]), /at least 2/);
});
