/**
 * Choropleth classes: quantile breaks rounded to numbers people can read ("50", not "47.38"),
 * and a sequential colour scale. Only published values go in, so a break can never sit on, or
 * reveal, a suppressed count.
 */

/**
 * ColorBrewer "OrRd", 5 classes: sequential in lightness, so it reads for every kind of colour
 * blindness and in greyscale print (colorbrewer2.org marks it colour-blind safe).
 */
export const SEQUENTIAL_COLOURS: readonly string[] = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];

/**
 * The p-quantile of ascending values, interpolated between the two nearest ranks (R's type 7, the
 * rule d3-array's `quantileSorted` and spreadsheets' PERCENTILE use). Not d3-array's own: that
 * package is one pre-bundled file whose top level (bisectors, blur kernels) survives
 * tree-shaking, 2.6 KB minified in a map that needs nothing else from it.
 * `test/node/classify.test.ts` holds it to d3-array's output.
 */
export function quantileOfSorted(sorted: readonly number[], p: number): number | undefined {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return undefined;
  if (n === 1 || p === 0) return sorted[0];
  if (p === 1) return sorted[n - 1];
  const rank = (n - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below]!;
  return low + (sorted[below + 1]! - low) * (rank - below);
}

/**
 * A break people can read: rounded to a step of 1, 2 or 5 at one digit below the value's leading
 * digit (19 -> 20, 42 -> 40, 54.5 -> 55, 133 -> 140, 1234 -> 1200, 0.047 -> 0.045).
 * Integer data keeps integer breaks of at least 1.
 */
export function readableBreak(value: number, integer: boolean): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.pow(10, Math.floor(Math.log10(Math.abs(value))));
  const lead = Math.abs(value) / magnitude;
  const step = magnitude * (lead < 2.5 ? 0.2 : 0.5);
  // Floating error: 0.1 * 3 is 0.30000000000000004; 12 significant digits is plenty for a label.
  const clean = Number((Math.round(value / step) * step).toPrecision(12));
  return integer ? Math.max(1, Math.round(clean)) : clean;
}

/**
 * Thresholds for up to `classes` classes from the values' quantiles, rounded to readable numbers,
 * strictly increasing and strictly above the smallest value (so no class is empty at the bottom).
 * Fewer distinct values than classes give fewer classes.
 */
export function classBreaks(values: readonly number[], classes = SEQUENTIAL_COLOURS.length): number[] {
  const sorted = values.filter(Number.isFinite).slice().sort((a, b) => a - b);
  if (sorted.length < 2 || classes < 2) return [];
  const integer = sorted.every(Number.isInteger);
  const lowest = sorted[0]!;
  const highest = sorted[sorted.length - 1]!;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = readableBreak(quantileOfSorted(sorted, i / classes)!, integer);
    if (b > lowest && b <= highest && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b);
  }
  return breaks;
}

/** The index of the class a value falls into (0-based), or -1 for a value that cannot be classed. */
export function classIndex(breaks: readonly number[], value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return -1;
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

export interface LegendClass {
  /** Inclusive lower bound; undefined for the bottom class. */
  from?: number;
  /** Exclusive upper bound; undefined for the top class. */
  to?: number;
  colour: string;
}

/** The classes a legend lists, bottom first. */
export function legendClasses(breaks: readonly number[], colours: readonly string[] = SEQUENTIAL_COLOURS): LegendClass[] {
  const range = pickColours(breaks.length + 1, colours);
  return range.map((colour, i) => ({ from: i === 0 ? undefined : breaks[i - 1], to: i < breaks.length ? breaks[i] : undefined, colour }));
}

/** n colours spread across the palette, keeping its ends (light = low, dark = high). */
function pickColours(n: number, colours: readonly string[]): string[] {
  if (n >= colours.length) return colours.slice();
  if (n === 1) return [colours[Math.floor(colours.length / 2)]!];
  return Array.from({ length: n }, (_, i) => colours[Math.round((i * (colours.length - 1)) / (n - 1))]!);
}
