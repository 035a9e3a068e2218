/**
 * Disclosure by subtraction, checked on what one widget shows together (DESIGN.md rule 2, widget side).
 *
 * `guardFeed` (./privacy.ts) checks cells one at a time. A breakdown or a funnel also shows cells
 * side by side, and a reader can subtract: a published total minus every published category but
 * one gives the one that was hidden; two funnel stages that differ by 4 say that 4 people dropped
 * out. The builder prevents both with complementary suppression; these functions are the second
 * lock for feeds that were hand-made or edited. They say which extra cells to hide; the caller
 * hides them and reports a `recoverable-by-subtraction` fault. Pure, no DOM.
 */
import type { Cell, Feed, Metric } from './types.js';
import { formatPath } from './path.js';
import { ruleInfo, type PrivacyFault } from './privacy.js';

type Published = Cell & { value: number };

function published(cell: Cell | undefined): cell is Published {
  return cell !== undefined && !cell.suppressed && typeof cell.value === 'number';
}

export interface GroupProtection {
  /** Indexes of published members that must be hidden as well. */
  hide: number[];
  /** True when no choice of members protects the group, so the total must be hidden instead. */
  hideTotal: boolean;
}

/**
 * An additive group: `total` = sum of `members` (categories of a breakdown, buckets of a
 * histogram). When the total is published and some members are suppressed, a reader knows the
 * sum of the suppressed ones: total minus the published members. That is safe only when at least
 * two members are hidden and their known sum is at least k (rule 2); otherwise the hidden member,
 * or the small hidden group, is pinned down.
 *
 * Returns the fewest extra members to hide (smallest first, so the least is lost), or asks to hide
 * the total when the members cannot protect the group. Absent members (`undefined`) are not part of
 * the group. Rounding or noise make the subtraction approximate; the check stays strict because an
 * approximate small count still tells a reader who is in it.
 */
export function protectAdditiveGroup(total: Cell | undefined, members: ReadonlyArray<Cell | undefined>, k: number): GroupProtection {
  const safe: GroupProtection = { hide: [], hideTotal: false };
  if (!published(total)) return safe;
  let hidden = 0;
  let residual = total.value;
  const candidates: Array<{ index: number; value: number }> = [];
  members.forEach((cell, index) => {
    if (!cell) return;
    if (!published(cell)) hidden++;
    else {
      residual -= cell.value;
      // Hiding a zero adds nothing to the hidden sum, so it cannot help.
      if (cell.value > 0) candidates.push({ index, value: cell.value });
    }
  });
  if (hidden === 0) return safe;
  candidates.sort((a, b) => a.value - b.value || a.index - b.index);
  const hide: number[] = [];
  while (hidden < 2 || residual < k) {
    if (candidates.length === 0) return { hide: [], hideTotal: true };
    // The smallest member that finishes the job; if none does, the largest, to get there soonest.
    const finishing = candidates.findIndex((c) => hidden + 1 >= 2 && residual + c.value >= k);
    const [next] = candidates.splice(finishing >= 0 ? finishing : candidates.length - 1, 1);
    hide.push(next!.index);
    residual += next!.value;
    hidden++;
  }
  return { hide: hide.sort((a, b) => a - b), hideTotal: false };
}

/**
 * A funnel: nested stages, each a subset of the one before (identified ⊇ contacted ⊇ connected).
 * For any two published stages, their difference is itself a count of people (those who reached
 * the first but not the second), so it must be 0 or at least k. A difference of 0 with a
 * suppressed stage between them pins that stage (it lies between two equal numbers). Stages are
 * kept in order and a later stage that breaks either rule against an earlier kept one is hidden:
 * the earliest stages, which the rest depend on, survive.
 *
 * Returns the indexes of published stages to hide.
 */
export function protectFunnel(stages: ReadonlyArray<Cell | undefined>, k: number): number[] {
  const kept: Array<{ index: number; value: number }> = [];
  const hide: number[] = [];
  const hiddenBetween = (from: number, to: number) => {
    for (let i = from + 1; i < to; i++) {
      const cell = stages[i];
      if (cell && (!published(cell) || hide.includes(i))) return true;
    }
    return false;
  };
  stages.forEach((cell, index) => {
    if (!published(cell)) return;
    const leaks = kept.some((earlier) => {
      const difference = Math.abs(earlier.value - cell.value);
      return (difference > 0 && difference < k) || (difference === 0 && hiddenBetween(earlier.index, index));
    });
    if (leaks) hide.push(index);
    else kept.push({ index, value: cell.value });
  });
  return hide;
}

/** A `recoverable-by-subtraction` fault for a cell a widget hid; it names the cell, never its value. */
export function subtractionFault(feed: Feed, metric: Metric, cell: Cell): PrivacyFault {
  const m = feed.metrics.indexOf(metric);
  const c = metric.cells.indexOf(cell);
  const path = m >= 0 && c >= 0 ? formatPath(['metrics', m, 'cells', c]) : formatPath(['metrics', metric.id]);
  const { ruleNumber, text } = ruleInfo('recoverable-by-subtraction', feed.privacy.minCount);
  return { rule: 'recoverable-by-subtraction', ruleNumber, metric: metric.id, path, message: `${path}: ${text}; the value is hidden.` };
}
