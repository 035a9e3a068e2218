/**
 * The widget-side privacy guard (DESIGN.md rules 1, 3, 4, 8 and 9).
 *
 * The builder already enforces these rules; this is the second lock, for feeds that were
 * hand-made or edited. A cell that breaks a rule is replaced by a suppressed cell before any
 * element sees it, so the number cannot reach the DOM, accessible text, a tooltip or an export.
 */
import type { Cell, Feed, Metric } from './types.js';
import { formatPath } from './path.js';

/** The DESIGN.md rule a cell breaks. */
export type PrivacyRule =
  | 'small-count'
  | 'small-denominator'
  | 'small-numerator'
  /** A share's records outside the numerator (n − numerator) form a small count, e.g. 84 of 90 shows 6. */
  | 'small-complement'
  | 'quantile-too-few'
  | 'minimum-or-maximum'
  | 'suppressed-size'
  /** Shown together, a widget's numbers would pin a suppressed count by subtraction (checked by src/core/disclosure.ts). */
  | 'recoverable-by-subtraction';

export interface PrivacyFault {
  rule: PrivacyRule;
  /** The DESIGN.md rule number, for audits and messages. */
  ruleNumber: 1 | 2 | 3 | 4 | 8;
  metric: string;
  /** JSON path of the cell, e.g. `metrics[0].cells[12]`. */
  path: string;
  /** What was wrong, without the withheld number. */
  message: string;
}

/** Why a cell shows no number. `privacy` came from the feed, `fault` was added by this guard. */
export type SuppressionSource = 'privacy' | 'fault';

/** Numerators at or below this are published but flagged unstable (rule 9; NCHS practice). */
export const UNSTABLE_NUMERATOR = 20;

/**
 * The fewest records that may carry quantile q (rule 4: n × min(q, 1 − q) ≥ k): 2k for the
 * median, 10k for the 90th percentile. Rounded with a tolerance, because 1 − 0.9 is
 * 0.09999999999999998 in floating point and would otherwise demand one record too many.
 */
export function recordsForQuantile(q: number, k: number): number {
  return Math.ceil(k / Math.min(q, 1 - q) - 1e-9);
}

/** Returns the rule a published cell breaks under threshold `k`, or undefined when it is safe. */
export function cellFault(metric: Pick<Metric, 'statistic'>, cell: Cell, k: number): PrivacyRule | undefined {
  if (cell.suppressed) return cell.n > 0 ? 'suppressed-size' : undefined;
  switch (metric.statistic) {
    case 'count':
      // Zero is shown (rule 1); the value is checked too, in case n was filled in carelessly.
      if ((cell.n > 0 && cell.n < k) || (typeof cell.value === 'number' && cell.value > 0 && cell.value < k)) return 'small-count';
      return undefined;
    case 'share':
    case 'rate':
      if (cell.n < k) return 'small-denominator';
      if (cell.numerator === undefined || (cell.numerator > 0 && cell.numerator < k)) return 'small-numerator';
      // Rule 3 read with rule 1: "84 of 90 followed up" tells a reader that 6 were not. The
      // builder never publishes that and audit reports it; a hand-made feed must not slip it past
      // a widget either.
      if (cell.n - cell.numerator > 0 && cell.n - cell.numerator < k) return 'small-complement';
      return undefined;
    case 'quantile': {
      const q = cell.q ?? Number.NaN;
      if (!(q > 0 && q < 1)) return 'minimum-or-maximum';
      if (cell.n < recordsForQuantile(q, k)) return 'quantile-too-few';
      return undefined;
    }
  }
}

const RULE_NUMBER: Record<PrivacyRule, 1 | 2 | 3 | 4 | 8> = {
  'suppressed-size': 8,
  'small-count': 1,
  'small-denominator': 3,
  'small-numerator': 3,
  'small-complement': 3,
  'quantile-too-few': 4,
  'minimum-or-maximum': 4,
  'recoverable-by-subtraction': 2,
};

const RULE_TEXT: Record<PrivacyRule, (k: number) => string> = {
  'small-count': (k) => `a count between 1 and ${k - 1} is published (rule 1: counts below k=${k} must be suppressed)`,
  'small-denominator': (k) => `a share or rate rests on fewer than ${k} records (rule 3)`,
  'small-numerator': (k) => `a share or rate has a numerator between 1 and ${k - 1}, or none stated (rule 3)`,
  'small-complement': (k) => `a share or rate leaves between 1 and ${k - 1} records outside its numerator (n − numerator), a small count by subtraction (rule 3, applied to the complement)`,
  'quantile-too-few': (k) => `a quantile rests on too few records: n × min(q, 1 − q) must be at least ${k} (rule 4)`,
  'minimum-or-maximum': () => 'a minimum or maximum is published (rule 4: never published)',
  'suppressed-size': () => 'a suppressed cell states its size n, which reveals what suppression hides (rule 8)',
  'recoverable-by-subtraction': (k) => `this cell, shown with the others beside it, would let a reader work out a hidden count (or a group smaller than ${k}) by subtraction (rule 2: complementary suppression)`,
};

/** The rule number and sentence of a rule, for faults found outside this guard (src/core/disclosure.ts). */
export function ruleInfo(rule: PrivacyRule, k: number): { ruleNumber: 1 | 2 | 3 | 4 | 8; text: string } {
  return { ruleNumber: RULE_NUMBER[rule], text: RULE_TEXT[rule](k) };
}

export interface GuardedFeed {
  /** The feed with every faulty cell replaced by a suppressed one. */
  feed: Feed;
  faults: PrivacyFault[];
}

const guarded = new WeakMap<Feed, GuardedFeed>();
/** Cells this guard suppressed, so that elements can say "withheld: this feed broke a rule". */
const faultCells = new WeakSet<Cell>();

/**
 * Applies the guard to a whole feed. Memoised per feed object, so every element sharing a feed
 * pays once and sees the same cells. Returns new metric and cell objects only where something changed.
 */
export function guardFeed(feed: Feed): GuardedFeed {
  const cached = guarded.get(feed);
  if (cached) return cached;
  const k = feed.privacy.minCount;
  const faults: PrivacyFault[] = [];
  const metrics = feed.metrics.map((metric, m) => {
    let cells: Cell[] | undefined;
    metric.cells.forEach((cell, c) => {
      const rule = cellFault(metric, cell, k);
      const unstable = isUnstable(metric, cell);
      // Suppressed cells may omit n in the file; give them n = 0 so no element meets undefined.
      const sizeless = cell.suppressed && cell.n === undefined;
      if (!rule && !unstable && !sizeless) return;
      cells ??= metric.cells.slice();
      if (rule) {
        faults.push({
          rule,
          ruleNumber: RULE_NUMBER[rule],
          metric: metric.id,
          path: formatPath(['metrics', m, 'cells', c]),
          message: `${formatPath(['metrics', m, 'cells', c])}: ${RULE_TEXT[rule](k)}; the value is hidden.`,
        });
        cells[c] = suppressCell(metric, cell);
      } else if (sizeless) {
        cells[c] = { ...cell, n: 0 };
      } else {
        cells[c] = { ...cell, unstable: true };
      }
    });
    return cells ? { ...metric, cells } : metric;
  });
  const result: GuardedFeed = { feed: faults.length || metrics.some((mm, i) => mm !== feed.metrics[i]) ? { ...feed, metrics } : feed, faults };
  guarded.set(feed, result);
  guarded.set(result.feed, result);
  return result;
}

/** True when a cell was suppressed by this guard rather than by the feed's publisher. */
export function isFaultSuppressed(cell: Cell): boolean {
  return faultCells.has(cell);
}

function isUnstable(metric: Pick<Metric, 'statistic'>, cell: Cell): boolean {
  return (metric.statistic === 'share' || metric.statistic === 'rate')
    && !cell.suppressed && !cell.unstable && cell.numerator !== undefined && cell.numerator <= UNSTABLE_NUMERATOR;
}

function suppressCell(metric: Metric, cell: Cell): Cell {
  const safe: Cell = { n: 0, suppressed: true };
  // Keep dimension values so the cell still sits in its place; drop every number (n included:
  // for a count, n is the number itself).
  for (const dim of metric.dimensions) safe[dim] = cell[dim];
  if (cell.q !== undefined) safe.q = cell.q;
  faultCells.add(safe);
  return safe;
}
