// The charts' scale arithmetic replaced d3-scale's scaleLinear and d3-shape's line (for size, see
// src/elements/shared/axis.ts). These properties hold it to giving the same axes and paths.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { linear, polyline, zeroBasedAxis } from '../../src/elements/shared/axis.js';

describe('zeroBasedAxis', () => {
  it('gives the domain end and ticks of scaleLinear().domain([0, max]).nice(n).ticks(n)', () => {
    fc.assert(fc.property(
      // Counts, and rates or minutes down to a thousandth (below that, float rounding in the two
      // loops differs: d3-scale stops after ten passes, d3-array when the step settles).
      fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), fc.integer({ min: 2, max: 12 }), (highest, count) => {
      const reference = scaleLinear().domain([0, highest || 1]).nice(count);
      const axis = zeroBasedAxis(highest, count);
      assert.equal(axis.end, reference.domain()[1]);
      assert.deepEqual(axis.ticks, reference.ticks(count));
      assert.ok(axis.end >= highest);
    }), { numRuns: 2000 });
  });

  it('reads an all-zero series as the unit axis instead of a zero-height one', () => {
    assert.deepEqual(zeroBasedAxis(0, 2), { end: 1, ticks: [0, 0.5, 1] });
  });
});

describe('linear', () => {
  it('maps like scaleLinear, including reversed ranges', () => {
    fc.assert(fc.property(
      fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 })),
      fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })),
      fc.double({ min: -2000, max: 2000, noNaN: true }),
      ([d0, span], range, value) => {
        const ours = linear([d0, d0 + span], range)(value);
        const theirs = scaleLinear().domain([d0, d0 + span]).range(range)(value);
        assert.ok(Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs)), `${ours} vs ${theirs}`);
      },
    ), { numRuns: 2000 });
  });

  it('puts every value in the middle of the range when the domain has no width', () => {
    assert.equal(linear([3, 3], [10, 20])(99), 15);
  });
});

describe('polyline', () => {
  it('draws the path d3-shape line().defined() draws, gaps included', () => {
    const point = fc.option(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 500, noNaN: true })), { nil: undefined });
    fc.assert(fc.property(fc.array(point, { maxLength: 40 }), (points) => {
      const reference = line<[number, number] | undefined>().defined((p) => p !== undefined).x((p) => p![0]).y((p) => p![1])(points) ?? '';
      assert.equal(polyline(points), reference);
    }), { numRuns: 2000 });
  });

  it('never joins across a gap', () => {
    assert.equal(polyline([[0, 1], [1, 2], undefined, [3, 4], undefined, [5, 6], [6, 7]]), 'M0,1L1,2M3,4ZM5,6L6,7');
  });
});
