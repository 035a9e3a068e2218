/**
 * Statistics for the benchmarks' ratios. A ratio of two medians from a shared 2-core machine moved
 * by more than 0.2 from one run of the render benchmark to the next (docs/performance.md), so a
 * ratio is reported with the interval its own runs support, not as a bare number.
 */
import { seededRandom } from '../src/builder/random.ts';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface RatioEstimate {
  /** median(numerator) / median(denominator) */
  ratio: number;
  /** The central `confidence` share of the bootstrap ratios: [low, high]. */
  interval: [number, number];
}

/**
 * The ratio of two medians and its percentile bootstrap interval. The runs are paired by index
 * (run i of each case was in the same interleaved round, so under the same machine load) and
 * resampled as pairs, which keeps what the round shared out of the interval.
 */
export function ratioOfMedians(numerator: readonly number[], denominator: readonly number[], options: { confidence?: number; resamples?: number; seed?: number } = {}): RatioEstimate {
  const { confidence = 0.9, resamples = 4000, seed = 1 } = options;
  if (numerator.length !== denominator.length) throw new RangeError(`paired runs differ in number: ${numerator.length} and ${denominator.length}`);
  if (numerator.length < 2) throw new RangeError('a ratio interval needs at least 2 paired runs');
  const n = numerator.length;
  // Seeded, so that the same runs print the same interval in every report.
  const random = seededRandom(seed);
  const ratios: number[] = [];
  const top = new Array<number>(n), bottom = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      top[i] = numerator[pick]!;
      bottom[i] = denominator[pick]!;
    }
    ratios.push(median(top) / median(bottom));
  }
  ratios.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  const at = (q: number) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { ratio: median(numerator) / median(denominator), interval: [at(tail), at(1 - tail)] };
}
