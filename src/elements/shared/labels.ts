/**
 * Names and selections that every data element needs in the same form: what a dimension and its
 * values are called in the reader's language, which cells a `where`/`area` attribute and the shared
 * `<daylight-filter>` selection fix, and which period to show when none is chosen.
 */
import type { Cell, Feed, Grain, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { resolveLabel } from '../../core/format.js';
import { comparePeriods } from '../../core/period.js';
import { parseWhere } from '../../core/select.js';
import type { Messages } from '../../core/i18n/index.js';
import type { FeedSelection } from './context.js';

/** The builder's id for the category that gathers values with fewer than k records (rule 5). */
export const OTHER_VALUE = 'other';
/** The builder's id for records with no value (or, for areas, outside every mapped area). */
export const UNKNOWN_VALUE = 'unknown';

/** A dimension's name: "Service", "Police district"; its id when the feed gives no label. */
export function dimensionLabel(feed: Feed, dimension: string, locale: string): string {
  const label = feed.dimensions?.[dimension]?.label;
  return label ? resolveLabel(label, locale) : dimension;
}

/** A dimension value's name: the feed's label, else "Citywide"/"Total" for `*`, "Other", "Unknown", or the value itself. */
export function valueLabel(feed: Feed, dimension: string, value: string, locale: string, t: Messages): string {
  const label = feed.dimensions?.[dimension]?.values?.[value];
  if (label) return resolveLabel(label, locale);
  if (value === TOTAL) return dimension === 'area' ? t.citywide : t.total;
  if (value === OTHER_VALUE) return t.other;
  if (value === UNKNOWN_VALUE) return t.unknown;
  return value;
}

/** The area a metric's cells are for, as words; empty when the metric has no area dimension. */
export function areaName(feed: Feed, metric: Metric, area: string | undefined, locale: string, t: Messages): string {
  if (!metric.dimensions.includes('area')) return '';
  return valueLabel(feed, 'area', area ?? TOTAL, locale, t);
}

/**
 * The dimension values an element fixes: its `where` attribute, then its `area` attribute, else
 * the area chosen in the shared selection. `free` names a dimension the element spreads across
 * (a breakdown's `by`), which is never fixed.
 */
export function fixedWhere(metric: Metric, where: string | undefined, area: string | undefined, selection: FeedSelection | undefined, free?: string): Record<string, string> {
  const fixed = parseWhere(where);
  const chosen = area ?? selection?.area;
  if (chosen && metric.dimensions.includes('area') && fixed.area === undefined) fixed.area = chosen;
  if (free) delete fixed[free];
  return fixed;
}

/**
 * The values of a dimension in display order: the feed's own order (the keys of
 * `dimensions[dim].values`, which the builder writes largest first with Other and Unknown last),
 * then any value that appears only in cells. `*` is left out.
 */
export function orderedValues(feed: Feed, metric: Metric, dimension: string): string[] {
  const seen = new Set<string>();
  for (const cell of metric.cells) {
    const value = cell[dimension];
    if (typeof value === 'string' && value !== TOTAL) seen.add(value);
  }
  const declared = Object.keys(feed.dimensions?.[dimension]?.values ?? {}).filter((v) => seen.has(v));
  return [...new Set([...declared, ...seen])];
}

/** True when a cell sits at `fixed` (unnamed dimensions at `*`), ignoring `free` dimensions and the period. */
function matches(metric: Metric, cell: Record<string, unknown>, fixed: Record<string, string>, free: readonly string[]): boolean {
  return metric.dimensions.every((d) => d === 'period' || free.includes(d) || (cell[d] ?? TOTAL) === (fixed[d] ?? TOTAL));
}

/** The periods (oldest first, `*` left out) that have a cell at `fixed`, any value of the `free` dimensions. */
export function periodsAt(metric: Metric, grain: Grain, fixed: Record<string, string>, free: readonly string[] = []): string[] {
  if (!metric.dimensions.includes('period')) return [];
  const periods = new Set<string>();
  for (const cell of metric.cells) {
    const period = cell.period;
    if (typeof period === 'string' && period !== TOTAL && matches(metric, cell, fixed, free)) periods.add(period);
  }
  return [...periods].sort((a, b) => comparePeriods(a, b, grain));
}

/**
 * The period an element shows: its own `period` attribute, else the shared selection's, else the
 * latest period with data at `fixed`. `*` (all periods) is allowed when the feed publishes it.
 */
export function chosenPeriod(metric: Metric, grain: Grain, own: string | undefined, selection: FeedSelection | undefined, fixed: Record<string, string>, free: readonly string[] = []): string | undefined {
  if (!metric.dimensions.includes('period')) return undefined;
  const chosen = own ?? selection?.period;
  if (chosen) return chosen;
  const periods = periodsAt(metric, grain, fixed, free);
  return periods[periods.length - 1];
}

/**
 * The one cell at `period` and `where` (unnamed dimensions at `*`), for quantile metrics at `q`.
 * Unlike `selectCell`, it also finds the all-periods total (`period` = `*`) and cells of metrics
 * that have no period dimension.
 */
export function cellAt(metric: Metric, period: string | undefined, where: Record<string, string>, q?: number): Cell | undefined {
  const wantQ = metric.statistic === 'quantile' ? (q ?? 0.5) : undefined;
  const hasPeriod = metric.dimensions.includes('period');
  if (hasPeriod && period === undefined) return undefined;
  return metric.cells.find((cell) => (!hasPeriod || cell.period === period)
    && (wantQ === undefined || cell.q === wantQ)
    && metric.dimensions.every((d) => d === 'period' || (cell[d] ?? TOTAL) === (where[d] ?? TOTAL)));
}
