/**
 * Area figures for maps and ranked lists: which period a map shows, each area's cell for it
 * (a calendar year summed from months or quarters when the feed is finer than a year), an area's
 * share of the city, per-capita rates and change against the previous period.
 *
 * Every derived number is built only from published numbers, and a derived number is hidden when
 * any number it rests on is hidden: a year with one suppressed month has no total, a suppressed
 * count has no rate, no share and no change. So nothing here can reveal a suppressed value.
 */
import type { Cell, Feed, Grain, Metric } from './types.js';
import { TOTAL } from './types.js';
import { isPublished } from './select.js';
import { cellFault, UNSTABLE_NUMERATOR } from './privacy.js';
import { comparePeriods, periodBounds, shiftPeriod } from './period.js';

/** The period a map shows: one feed period, or a calendar year summed from the feed's months or quarters. */
export interface AreaPeriod {
  /** The key shown to readers: `2024`, `2024-07`… */
  key: string;
  /** The grain of `key`: the feed's, or `year` when summed. */
  grain: Grain;
  /** The feed periods behind it. */
  parts: string[];
}

/** An area's cell for an `AreaPeriod`. */
export interface AreaCell {
  /** Undefined when the feed has no cell for the area (no data, as opposed to suppressed). */
  cell: Cell | undefined;
  /** True for a summed year that is hidden because one of its periods is hidden. */
  partial: boolean;
}

/** The cells of one metric for one selection of its other dimensions, by period then area. */
export type AreaGrid = Map<string, Map<string, Cell>>;

/**
 * Indexes a metric's cells by period and area for a selection of its other dimensions (each
 * dimension not named in `where` is taken at its total `*`). One pass over the cells, so maps of
 * tens of thousands of areas stay linear.
 */
export function areaGrid(metric: Metric, where: Record<string, string> = {}, q?: number): AreaGrid {
  const others = metric.dimensions.filter((d) => d !== 'period' && d !== 'area');
  const grid: AreaGrid = new Map();
  for (const cell of metric.cells) {
    if (metric.statistic === 'quantile' && cell.q !== (q ?? 0.5)) continue;
    if (others.some((d) => String(cell[d] ?? TOTAL) !== (where[d] ?? TOTAL))) continue;
    const period = String(cell.period ?? TOTAL);
    const area = String(cell.area ?? TOTAL);
    let row = grid.get(period);
    if (!row) grid.set(period, (row = new Map()));
    row.set(area, cell);
  }
  return grid;
}

/** True when a period of the grid has at least one area other than the total. */
function hasAreas(row: Map<string, Cell> | undefined): boolean {
  if (!row) return false;
  for (const key of row.keys()) if (key !== TOTAL) return true;
  return false;
}

/** The feed periods of a calendar year, at a grain finer than a year (months and quarters only: ISO weeks straddle years). */
export function yearParts(year: number, grain: Grain): string[] | undefined {
  if (grain === 'month') return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  if (grain === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return undefined;
}

/** Area values that are not places (records with no area, folded categories): listed, never mapped or ranked. */
export const NOT_PLACES: ReadonlySet<string> = new Set(['unknown', 'other']);

/** The fraction of a period's areas (places only) whose value is published. */
export function publishedShare(grid: AreaGrid, period: AreaPeriod): number {
  let places = 0;
  let published = 0;
  for (const [area, { cell }] of areaCellsFor(grid, period)) {
    if (area === TOTAL || NOT_PLACES.has(area)) continue;
    places++;
    if (isPublished(cell)) published++;
  }
  return places === 0 ? 0 : published / places;
}

/**
 * Which period a map shows. A `requested` key at the feed's grain is taken as it is (`*` is the
 * feed's whole span); a year (`2024`) over a monthly or quarterly count metric is summed. With
 * nothing requested: the latest full calendar year the feed covers (summed when the feed is
 * finer), else the latest period that has area cells. When that period hides most areas (monthly
 * district counts are mostly under k, and a summed year with one hidden month is hidden) and the
 * feed publishes whole-span totals by area, those are shown instead: a map of hatching tells a
 * resident nothing. Undefined when the metric has no area cells at all.
 */
export function mapPeriod(feed: Feed, metric: Metric, grid: AreaGrid, requested?: string): AreaPeriod | undefined {
  const chosen = chooseMapPeriod(feed, metric, grid, requested);
  if (requested || !chosen || chosen.key === TOTAL || !hasAreas(grid.get(TOTAL))) return chosen;
  const span: AreaPeriod = { key: TOTAL, grain: feed.period.grain, parts: [TOTAL] };
  return publishedShare(grid, chosen) < 0.5 && publishedShare(grid, span) > publishedShare(grid, chosen) ? span : chosen;
}

function chooseMapPeriod(feed: Feed, metric: Metric, grid: AreaGrid, requested?: string): AreaPeriod | undefined {
  const grain = feed.period.grain;
  const summable = metric.statistic === 'count';
  if (requested) {
    if (/^\d{4}$/.test(requested) && grain !== 'year' && summable) {
      const parts = yearParts(Number(requested), grain);
      if (parts) return { key: requested, grain: 'year', parts };
    }
    return { key: requested, grain, parts: [requested] };
  }
  const periods = [...grid.keys()].filter((p) => p !== TOTAL && hasAreas(grid.get(p))).sort((a, b) => comparePeriods(a, b, grain));
  if (periods.length === 0) return hasAreas(grid.get(TOTAL)) ? { key: TOTAL, grain, parts: [TOTAL] } : undefined;
  const latest = periods[periods.length - 1]!;
  if (grain === 'year') return { key: latest, grain, parts: [latest] };
  if (summable) {
    const start = new Date(`${feed.period.start}T00:00:00Z`);
    const end = new Date(`${feed.period.end}T00:00:00Z`);
    for (let year = periodBounds(latest, grain).end.getUTCFullYear(); year >= start.getUTCFullYear(); year--) {
      const covered = start <= new Date(Date.UTC(year, 0, 1)) && end >= new Date(Date.UTC(year, 11, 31));
      const parts = yearParts(year, grain);
      if (covered && parts && parts.some((p) => hasAreas(grid.get(p)))) return { key: String(year), grain: 'year', parts };
    }
  }
  return { key: latest, grain, parts: [latest] };
}

/** The period before: the previous year for a summed year, else the previous feed period; none before the whole span. */
export function previousAreaPeriod(period: AreaPeriod, feedGrain: Grain): AreaPeriod | undefined {
  if (period.key === TOTAL) return undefined;
  if (period.grain === 'year' && period.parts.length > 1) {
    const year = Number(period.key) - 1;
    return { key: String(year), grain: 'year', parts: yearParts(year, feedGrain) ?? [String(year)] };
  }
  const key = shiftPeriod(period.key, period.grain, -1);
  return { key, grain: period.grain, parts: [key] };
}

/**
 * Each area's cell for a period, `*` (the city) included when the feed has it. For a summed year:
 * an area with no cell in any part has no data; parts with no cell count as zero (feeds leave out
 * empty cells); any hidden part hides the whole year (its total would reveal the hidden part).
 */
export function areaCellsFor(grid: AreaGrid, period: AreaPeriod): Map<string, AreaCell> {
  const result = new Map<string, AreaCell>();
  if (period.parts.length === 1) {
    for (const [area, cell] of grid.get(period.parts[0]!) ?? []) result.set(area, { cell, partial: false });
    return result;
  }
  const sums = new Map<string, { value: number; hidden: boolean }>();
  for (const part of period.parts) {
    for (const [area, cell] of grid.get(part) ?? []) {
      const sum = sums.get(area) ?? { value: 0, hidden: false };
      if (isPublished(cell)) sum.value += cell.value;
      else sum.hidden = true;
      sums.set(area, sum);
    }
  }
  for (const [area, sum] of sums) {
    result.set(area, sum.hidden
      ? { cell: { n: 0, suppressed: true, period: period.key, area }, partial: true }
      : { cell: { n: sum.value, value: sum.value, period: period.key, area }, partial: false });
  }
  return result;
}

/** An area's fraction of the city: only when both are published and the city total is positive. */
export function shareOfTotal(part: Cell | undefined, whole: Cell | undefined): number | undefined {
  if (!isPublished(part) || !isPublished(whole) || whole.value <= 0) return undefined;
  return part.value / whole.value;
}

export interface Change {
  /** Current minus previous, in the metric's unit. */
  delta: number;
  /** delta / previous; undefined when the previous value is zero. */
  ratio: number | undefined;
}

/** The change from the previous period: only when both values are published. */
export function changeBetween(current: Cell | undefined, previous: Cell | undefined): Change | undefined {
  if (!isPublished(current) || !isPublished(previous)) return undefined;
  const delta = current.value - previous.value;
  return { delta, ratio: previous.value === 0 ? undefined : delta / previous.value };
}

/**
 * A count per resident as a rate cell (`value` is per person; multiply by `per` to show it), run
 * through the same rule-3 check as a published rate: no rate from a suppressed count, none on a
 * population under k, and flagged unstable when the count is 20 or fewer (rule 9). Undefined when
 * the population is unknown.
 */
export function perCapitaCell(count: Cell | undefined, population: number | undefined, k: number): Cell | undefined {
  if (count === undefined || population === undefined || !Number.isFinite(population) || population < 0) return undefined;
  if (!isPublished(count)) return { n: 0, suppressed: true };
  const rate: Cell = { n: population, numerator: count.value, value: population > 0 ? count.value / population : 0 };
  if (cellFault({ statistic: 'rate' }, rate, k)) return { n: 0, suppressed: true };
  if (count.value <= UNSTABLE_NUMERATOR) rate.unstable = true;
  return rate;
}

/** A population read from a feature property: a non-negative number, or a numeric string. */
export function populationOf(properties: Record<string, unknown> | undefined, property: string): number | undefined {
  const raw = properties?.[property];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

// Text without digits, then a whole number without leading zeros (which collate as a tie-break
// of their own), short enough to be exact as a double.
const NUMBERED = /^(\D*)(0|[1-9]\d{0,14})$/;

/**
 * `Intl.Collator(locale, { numeric: true })` ("District 2" before "District 10"), built on its
 * first comparison: ranking compares names only on ties, and a page's first Intl object starts
 * ICU (7-22 ms) on the first render. Ties are common among numbered areas (two districts at 15),
 * so names that differ only in their closing number are compared here, as the collator would.
 */
export function lazyCollator(locale?: string): Pick<Intl.Collator, 'compare'> {
  let collator: Intl.Collator | undefined;
  return {
    compare: (a, b) => {
      const x = NUMBERED.exec(a);
      const y = x && NUMBERED.exec(b);
      if (y && x[1] === y[1]) return Math.sign(Number(x[2]) - Number(y[2]));
      return (collator ??= new Intl.Collator(locale, { numeric: true })).compare(a, b);
    },
  };
}

const byName = lazyCollator();

/**
 * Items with a published value, highest first; ties in name order so the list is stable. Items
 * without a value are left out: a hidden value has no rank.
 */
export function rankByValue<T>(
  items: readonly T[], valueOf: (item: T) => number | undefined, nameOf: (item: T) => string,
  collator: Pick<Intl.Collator, 'compare'> = byName,
): T[] {
  return items
    .filter((item) => valueOf(item) !== undefined)
    .sort((a, b) => valueOf(b)! - valueOf(a)! || collator.compare(nameOf(a), nameOf(b)));
}
