/**
 * Selectors: pick the cells an element shows. Every lookup goes through a per-metric index built
 * once (WeakMap on the metric object), so selecting is linear in the feed, never quadratic.
 */
import type { Cell, Feed, Grain, Metric } from './types.js';
import { TOTAL } from './types.js';
import { periodFromOrdinal, periodOrdinal, samePeriodLastYear, shiftPeriod } from './period.js';

/** Which cells to take: a value per non-period dimension (default `*`), and a quantile for quantile metrics. */
export interface Selection {
  /** Dimension id -> value. Dimensions not named are taken at their total, `*`. */
  where?: Record<string, string>;
  /** For quantile metrics; default 0.5. */
  q?: number;
}

export interface SeriesPoint {
  period: string;
  /** Undefined when the feed has no cell for the period (no data, as opposed to suppressed). */
  cell: Cell | undefined;
}

export function findMetric(feed: Feed, id: string): Metric | undefined {
  return feed.metrics.find((metric) => metric.id === id);
}

/** `median` -> 0.5, `p90` -> 0.9, `p25` -> 0.25, `0.75` -> 0.75; undefined for anything else. */
export function quantileFromStatistic(statistic: string | undefined): number | undefined {
  if (!statistic || statistic === 'median') return 0.5;
  const percentile = /^p(\d{1,2})$/.exec(statistic);
  if (percentile) return Number(percentile[1]) / 100;
  const fraction = Number(statistic);
  return fraction > 0 && fraction < 1 ? fraction : undefined;
}

/** Parses `type=fatal; area=12` into `{ type: 'fatal', area: '12' }`. */
export function parseWhere(text: string | null | undefined): Record<string, string> {
  const where: Record<string, string> = {};
  for (const part of (text ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) where[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return where;
}

type Index = Map<string, Cell[]>;
const indexes = new WeakMap<Metric, Index>();

function keyOf(metric: Metric, cell: Cell | Record<string, string | undefined>, q: number | undefined): string {
  let key = '';
  for (const dim of metric.dimensions) if (dim !== 'period') key += `${String(cell[dim] ?? TOTAL)}\u0000`;
  return metric.statistic === 'quantile' ? `${key}q${q}` : key;
}

/** Cells grouped by every non-period dimension (and q): one bucket is one time series. */
function indexOf(metric: Metric): Index {
  let index = indexes.get(metric);
  if (!index) {
    index = new Map();
    for (const cell of metric.cells) {
      const key = keyOf(metric, cell, cell.q);
      let bucket = index.get(key);
      if (!bucket) index.set(key, (bucket = []));
      bucket.push(cell);
    }
    indexes.set(metric, index);
  }
  return index;
}

/** The selection's cells across periods, sorted by period (the period `*` total excluded). */
export function selectCells(metric: Metric, grain: Grain, selection: Selection = {}): Cell[] {
  const q = metric.statistic === 'quantile' ? (selection.q ?? 0.5) : undefined;
  const cells = (indexOf(metric).get(keyOf(metric, selection.where ?? {}, q)) ?? [])
    .filter((cell) => cell.period !== TOTAL);
  if (!metric.dimensions.includes('period')) return cells;
  return inPeriodOrder(cells, grain);
}

/**
 * Cells sorted by period (stable). Each period is parsed once, not once per comparison, and a
 * feed that already lists its cells in order, as the builder writes them, is not sorted at all:
 * a page of charts selects its series before its first paint.
 */
function inPeriodOrder(cells: Cell[], grain: Grain): Cell[] {
  const ordinals = cells.map((cell) => periodOrdinal(String(cell.period), grain));
  let ordered = true;
  for (let i = 1; i < ordinals.length && ordered; i++) ordered = ordinals[i - 1]! <= ordinals[i]!;
  if (ordered) return cells;
  return cells.map((_, i) => i).sort((a, b) => ordinals[a]! - ordinals[b]!).map((i) => cells[i]!);
}

const MAX_SERIES_PERIODS = 100_000;

/**
 * The selection as a continuous series from its first to its last period: periods with no cell
 * appear with `cell: undefined`, so charts draw gaps instead of joining across missing data.
 */
export function selectSeries(metric: Metric, grain: Grain, selection: Selection = {}): SeriesPoint[] {
  const cells = selectCells(metric, grain, selection);
  if (cells.length === 0 || !metric.dimensions.includes('period')) return cells.map((cell) => ({ period: String(cell.period ?? TOTAL), cell }));
  const byPeriod = new Map(cells.map((cell) => [String(cell.period), cell]));
  const first = String(cells[0]!.period);
  const last = String(cells[cells.length - 1]!.period);
  const lastOrdinal = periodOrdinal(last, grain);
  const points: SeriesPoint[] = [];
  // Years, quarters and months are one ordinal apart; ISO years have 52 or 53 weeks, so weeks are
  // walked by date. Both walks are bounded: a feed spanning centuries would still stop.
  if (grain !== 'week') {
    const firstOrdinal = periodOrdinal(first, grain);
    const end = Math.min(lastOrdinal, firstOrdinal + MAX_SERIES_PERIODS - 1);
    for (let ordinal = firstOrdinal; ordinal <= end; ordinal++) {
      const period = periodFromOrdinal(ordinal, grain);
      points.push({ period, cell: byPeriod.get(period) });
    }
    return points;
  }
  for (let period = first, guard = 0; guard < MAX_SERIES_PERIODS; period = shiftPeriod(period, grain, 1), guard++) {
    points.push({ period, cell: byPeriod.get(period) });
    if (period === last || periodOrdinal(period, grain) > lastOrdinal) break;
  }
  return points;
}

/** The cell for one period of the selection. */
export function selectCell(metric: Metric, grain: Grain, period: string, selection: Selection = {}): Cell | undefined {
  return selectCells(metric, grain, selection).find((cell) => cell.period === period);
}

/** The latest period that has a cell (published or suppressed) for the selection. */
export function latestPeriod(metric: Metric, grain: Grain, selection: Selection = {}): string | undefined {
  const cells = selectCells(metric, grain, selection);
  return cells.length ? String(cells[cells.length - 1]!.period) : undefined;
}

export type Comparison = 'previous' | 'year' | 'none';

/** The period a KPI compares against. */
export function comparisonPeriod(period: string, grain: Grain, mode: Comparison): string | undefined {
  if (mode === 'none') return undefined;
  if (mode === 'year') return grain === 'year' ? shiftPeriod(period, grain, -1) : samePeriodLastYear(period, grain);
  return shiftPeriod(period, grain, -1);
}

/** True when the cell carries a number that may be shown. */
export function isPublished(cell: Cell | undefined): cell is Cell & { value: number } {
  return cell !== undefined && !cell.suppressed && typeof cell.value === 'number';
}

/** Distinct values of a dimension in a metric, in first-seen order, `*` excluded. */
export function dimensionValues(metric: Metric, dimension: string): string[] {
  const seen = new Set<string>();
  for (const cell of metric.cells) {
    const value = cell[dimension];
    if (typeof value === 'string' && value !== TOTAL) seen.add(value);
  }
  return [...seen];
}
