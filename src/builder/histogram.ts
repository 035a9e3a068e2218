/**
 * Durations in whole seconds, counted per second. CAD timestamps are to the second, so quantiles
 * from this histogram are exact, yet its size depends on the spread of durations, not on the
 * number of records: memory stays flat however large the input.
 */

const DENSE = 4 * 3600;

export class Histogram {
  private dense = new Uint32Array(0);
  private sparse: Map<number, number> | undefined;
  count = 0;

  add(seconds: number, times = 1): void {
    const s = Math.max(0, Math.round(seconds));
    if (s < DENSE) {
      if (s >= this.dense.length) {
        const grown = new Uint32Array(Math.min(DENSE, Math.max(s + 1, this.dense.length * 2, 64)));
        grown.set(this.dense);
        this.dense = grown;
      }
      this.dense[s]! += times;
    } else {
      this.sparse ??= new Map();
      this.sparse.set(s, (this.sparse.get(s) ?? 0) + times);
    }
    this.count += times;
  }

  merge(other: Histogram): void {
    for (let s = 0; s < other.dense.length; s++) if (other.dense[s]) this.add(s, other.dense[s]);
    if (other.sparse) for (const [s, c] of other.sparse) this.add(s, c);
  }

  /** The i-th smallest value (0-based). */
  private nth(i: number): number {
    let seen = 0;
    for (let s = 0; s < this.dense.length; s++) {
      seen += this.dense[s]!;
      if (seen > i) return s;
    }
    const rest = [...(this.sparse ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]);
    for (const [s, c] of rest) {
      seen += c;
      if (seen > i) return s;
    }
    return Number.NaN;
  }

  /**
   * Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, the
   * default of R, NumPy and DuckDB's `quantile_cont`), in seconds.
   */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const h = (this.count - 1) * q;
    const lo = Math.floor(h);
    const a = this.nth(lo);
    if (h === lo) return a;
    return a + (h - lo) * (this.nth(lo + 1) - a);
  }
}
