// The map's classes. Its quantile is written here rather than taken from d3-array (for size, see
// src/core/classify.ts); these properties hold it to d3-array's and the breaks to their contract.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { quantileSorted } from 'd3-array';
import { classBreaks, classIndex, legendClasses, quantileOfSorted, readableBreak, SEQUENTIAL_COLOURS } from '../../src/core/classify.js';

const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })), { maxLength: 60 });

describe('quantileOfSorted', () => {
  it("gives d3-array's quantileSorted for any sorted values and p in [0, 1]", () => {
    fc.assert(fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (unsorted, p) => {
      const sorted = unsorted.slice().sort((a, b) => a - b);
      const ours = quantileOfSorted(sorted, p);
      const theirs = quantileSorted(sorted, p);
      if (theirs === undefined) assert.equal(ours, undefined);
      else assert.ok(Math.abs(ours! - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs)), `${ours} vs ${theirs} at p=${p}`);
    }), { numRuns: 3000 });
  });

  it('gives nothing for no values or a p outside [0, 1]', () => {
    assert.equal(quantileOfSorted([], 0.5), undefined);
    assert.equal(quantileOfSorted([1, 2], -0.1), undefined);
    assert.equal(quantileOfSorted([1, 2], 1.5), undefined);
    assert.equal(quantileOfSorted([1, 2], Number.NaN), undefined);
  });

  it('interpolates between neighbouring ranks', () => {
    assert.equal(quantileOfSorted([10, 20, 30, 40], 0.5), 25);
    assert.equal(quantileOfSorted([10, 20, 30, 40], 0.25), 17.5);
  });
});

describe('readableBreak', () => {
  it('rounds to a step of 1, 2 or 5 one digit below the leading digit', () => {
    const cases: Array<[number, boolean, number]> = [[19, true, 20], [42, true, 40], [54.5, false, 55], [133, true, 140], [1234, true, 1200], [0.047, false, 0.045], [0.4, true, 1]];
    for (const [value, integer, expected] of cases) assert.equal(readableBreak(value, integer), expected, `${value}`);
  });
});

describe('classBreaks', () => {
  it('gives at most classes - 1 breaks, strictly increasing, above the lowest value and not above the highest', () => {
    fc.assert(fc.property(values, fc.integer({ min: 2, max: 7 }), (unsorted, classes) => {
      const breaks = classBreaks(unsorted, classes);
      assert.ok(breaks.length <= classes - 1);
      if (breaks.length === 0) return;
      const lowest = Math.min(...unsorted);
      const highest = Math.max(...unsorted);
      breaks.forEach((b, i) => {
        assert.ok(b > lowest && b <= highest, `${b} outside (${lowest}, ${highest}]`);
        if (i > 0) assert.ok(b > breaks[i - 1]!);
      });
      // Every value falls into a class, and the lowest value's class is the first.
      for (const v of unsorted) assert.ok(classIndex(breaks, v) >= 0);
      assert.equal(classIndex(breaks, lowest), 0);
    }), { numRuns: 2000 });
  });

  it('keeps integer breaks for counts', () => {
    const counts = [3, 7, 12, 18, 25, 31, 44, 52, 67, 80, 95, 120, 182];
    const breaks = classBreaks(counts);
    assert.ok(breaks.length > 0);
    assert.ok(breaks.every(Number.isInteger), breaks.join());
  });

  it('gives no breaks for fewer than two values', () => {
    assert.deepEqual(classBreaks([]), []);
    assert.deepEqual(classBreaks([5]), []);
  });
});

describe('legendClasses', () => {
  it('lists one class more than the breaks, bottom first, ends of the palette kept', () => {
    const classes = legendClasses([10, 20]);
    assert.deepEqual(classes.map((c) => [c.from, c.to]), [[undefined, 10], [10, 20], [20, undefined]]);
    assert.equal(classes[0]!.colour, SEQUENTIAL_COLOURS[0]);
    assert.equal(classes[2]!.colour, SEQUENTIAL_COLOURS[SEQUENTIAL_COLOURS.length - 1]);
  });
});
