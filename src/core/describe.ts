/**
 * What a cell says, in words, for every place a cell is shown: a chart label, a table cell, a
 * tooltip, a sentence, a CSV field. Having one function decide means no element can show a
 * suppressed cell's number by accident: a suppressed cell has no number to format.
 */
import type { Cell, Feed, Metric } from './types.js';
import type { Messages } from './i18n/index.js';
import { formatCount, formatNumber } from './format.js';
import { isFaultSuppressed } from './privacy.js';

export type CellState = 'published' | 'suppressed' | 'withheld' | 'missing';

export interface CellText {
  state: CellState;
  /** Short display text: "31", "8.4 min", "24%", "Fewer than 11", "No data". */
  short: string;
  /** Text for sentences and screen readers: "8.4 minutes", "fewer than 11, hidden to protect privacy". */
  long: string;
  /** The value, only when published. */
  value?: number;
  unstable: boolean;
}

export function describeCell(_feed: Feed, metric: Metric, cell: Cell | undefined, t: Messages, locale: string): CellText {
  if (!cell) return { state: 'missing', short: t.noData, long: t.noData.toLowerCase(), unstable: false };
  if (cell.suppressed || typeof cell.value !== 'number') {
    const withheld = isFaultSuppressed(cell);
    if (metric.statistic === 'count') {
      return { state: withheld ? 'withheld' : 'suppressed', short: t.suppressedShort, long: t.suppressedSentence, unstable: false };
    }
    return { state: withheld ? 'withheld' : 'suppressed', short: t.notShown, long: t.notShownSentence, unstable: false };
  }
  const number = formatNumber(cell.value, metric.unit, locale, metric.per);
  const short = metric.unit === 'minutes' ? t.minutes(number) : metric.unit === 'rate' && metric.per ? t.perBase(number, formatCount(metric.per, locale)) : number;
  const long = metric.unit === 'minutes' ? t.minutesLong(number) : short;
  return { state: 'published', short, long, value: cell.value, unstable: cell.unstable === true };
}
