/**
 * The two pieces of scale arithmetic the charts need, on d3-array's tick algorithm.
 *
 * Why not d3-scale's `scaleLinear` and d3-shape's `line`: both packages publish one pre-bundled
 * file whose top level (interpolator registry, curve prototypes, locale setup) survives
 * tree-shaking, so a trend chart paid about 43 KB of minified code (d3-scale, d3-shape, d3-path,
 * d3-interpolate, d3-color, d3-format) for a straight-line mapping and a polyline. That alone put
 * the element over issue 7's 30 KB brotli budget. The tick and "nice" rounding, the part worth
 * not rewriting, is d3-array's own `ticks` and `nice`, which d3-scale calls too, so the axes are
 * the same ones as before.
 */
import { nice, ticks } from 'd3-array';

/** A linear map from a domain onto a range, as a function. */
export type Linear = (value: number) => number;

/** Maps `[d0, d1]` onto `[r0, r1]`; a zero-width domain maps everything to the middle of the range. */
export function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Linear {
  const span = d1 - d0;
  if (!span) {
    const middle = (r0 + r1) / 2;
    return () => middle;
  }
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * A value axis starting at zero that ends on a round number at or above `highest`, with about
 * `count` round ticks. The end and the ticks use the same count, or the top tick could fall
 * below the highest point.
 */
export function zeroBasedAxis(highest: number, count: number): { end: number; ticks: number[] } {
  const [, end] = nice(0, highest > 0 ? highest : 1, count);
  return { end, ticks: ticks(0, end, count) };
}

/** Pixel coordinates to a thousandth: finer is invisible and only lengthens the path. */
export const coordinate = (value: number) => Math.round(value * 1000) / 1000;

/**
 * An SVG path through `points`, broken where a point is `undefined` (a hidden or missing period
 * must show as a gap, never as a line drawn through it). A lone point between gaps is a closed
 * one-point subpath, so a round line cap still shows it.
 */
export function polyline(points: readonly ([number, number] | undefined)[]): string {
  let d = '';
  let run = 0;
  for (const point of points) {
    if (!point) {
      if (run === 1) d += 'Z';
      run = 0;
      continue;
    }
    d += `${run ? 'L' : 'M'}${coordinate(point[0])},${coordinate(point[1])}`;
    run++;
  }
  if (run === 1) d += 'Z';
  return d;
}
