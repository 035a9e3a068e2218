/**
 * Applies the subtraction checks of src/core/disclosure.ts to the cells one element shows, and
 * turns each cell into words. A cell an element hid for this reason has a number in the feed, but
 * it is treated exactly like a suppressed one: it is described without its number ("Hidden"),
 * never as "Fewer than 11", which would be untrue of it.
 */
import type { Cell, Feed, Metric } from '../../core/types.js';
import type { Messages } from '../../core/i18n/index.js';
import type { PrivacyFault } from '../../core/privacy.js';
import { describeCell, type CellText } from '../../core/describe.js';
import { protectAdditiveGroup, protectFunnel, subtractionFault } from '../../core/disclosure.js';
import '../../core/i18n/en/protect.js';

export interface Described extends CellText {
  /** What a table's "Note" column says about the cell: why it is hidden, or that it is unstable. */
  note: string;
}

export interface Protection {
  /** Published cells this element hides, because with the others shown they would reveal a hidden one. */
  withheld: Set<Cell>;
  faults: PrivacyFault[];
}

function protection(feed: Feed, metric: Metric, cells: Array<Cell | undefined>, origin: (cell: Cell) => Cell = (cell) => cell): Protection {
  const withheld = new Set(cells.filter((c): c is Cell => c !== undefined));
  return { withheld, faults: [...withheld].map((cell) => subtractionFault(feed, metric, origin(cell))) };
}

/** A total and its members (categories, buckets): see `protectAdditiveGroup`. */
export function protectGroup(feed: Feed, metric: Metric, total: Cell | undefined, members: ReadonlyArray<Cell | undefined>): Protection {
  const { hide, hideTotal } = protectAdditiveGroup(total, members, feed.privacy.minCount);
  return protection(feed, metric, [...hide.map((i) => members[i]), ...(hideTotal ? [total] : [])]);
}

/**
 * Funnel stages in order: see `protectFunnel`. `origin` maps a stage to the feed cell a fault
 * should name, when stages are derived (a share's base and numerator come from one cell).
 */
export function protectStages(feed: Feed, metric: Metric, stages: ReadonlyArray<Cell | undefined>, origin?: (cell: Cell) => Cell): Protection {
  return protection(feed, metric, protectFunnel(stages, feed.privacy.minCount).map((i) => stages[i]), origin);
}

/** `describeCell`, except that a cell this element withheld reads "Hidden" with its reason. */
export function describeWithProtection(feed: Feed, metric: Metric, cell: Cell | undefined, t: Messages, locale: string, withheld?: ReadonlySet<Cell>): Described {
  if (cell && withheld?.has(cell)) {
    return { state: 'withheld', short: t.hiddenShort, long: t.hiddenBySubtraction, unstable: false, note: t.hiddenBySubtraction };
  }
  const text = describeCell(feed, metric, cell, t, locale);
  const note = text.state === 'withheld' ? t.withheldFault
    : text.state === 'suppressed' ? text.long
      : text.unstable ? `${t.unstable}: ${t.unstableExplain}` : '';
  return { ...text, note };
}

/** True when a described cell is hidden (suppressed by the feed, or withheld by a check). */
export function isHidden(text: CellText): boolean {
  return text.state === 'suppressed' || text.state === 'withheld';
}
