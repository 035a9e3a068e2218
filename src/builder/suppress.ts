/**
 * Cell suppression for additive count tables (DESIGN.md rules 1 and 2).
 *
 * A table is a list of cells and a list of additive groups (`total = sum of members`). Groups
 * come from the `*` totals a feed publishes (a row, a column, an area or period total), and
 * from nested counts such as funnel stages. Primary suppression hides small counts; then
 * complementary suppression adds cells until no hidden count can be worked out:
 *
 * 1. group by group, every group with a hidden cell hides at least two, and the hidden members
 *    add up to at least k (so each could be anything from 0 to k or more), repeated to a fixpoint;
 * 2. then the whole system of group equations is solved exactly (Gaussian elimination per
 *    connected component): a hidden cell that is still pinned down by a combination of groups
 *    (e.g. a cell bridging two closed cycles of suppressions) gets another partner hidden,
 *    and step 1 runs again.
 */

export interface TableCell {
  /** Dimension values, `*` for a total. */
  coords: string[];
  /** The count. */
  value: number;
  /**
   * Never published (e.g. a funnel's drop-off, a share's complement, a sensitive category below
   * jurisdiction level). Hidden cells that are not `protect`ed may be derived by a reader, so they
   * count as known unless they are small; they can be chosen as complements at no cost.
   */
  hidden?: boolean;
  /** Must never be derivable whatever its size (sensitive categories). */
  protect?: boolean;
  /** Suppress regardless of size (e.g. a quantile with too few records, a share with a small denominator). */
  force?: boolean;
}

export interface AdditiveGroup {
  total: number;
  members: number[];
}

export interface SuppressionResult {
  suppressed: boolean[];
  /** How many cells were hidden for being small or forced, and how many as complements. */
  primary: number;
  complementary: number;
  /** Components too large for the exact check; only the group rule was applied to them. */
  uncheckedComponents: number;
}

export interface SuppressOptions {
  k: number;
  /** Cells whose suppression status must be the same (e.g. a share's numerator and denominator). */
  links?: number[][];
  /** Components with more hidden cells than this skip the exact linear check (it is cubic). */
  exactLimit?: number;
}

const SEP = '\u0001';

/**
 * The additive groups implied by `*` totals: for every cell with `*` in an additive dimension,
 * the cells equal to it except for a concrete value there. Groups whose total is absent are
 * skipped (nothing publishes their sum).
 */
export function standardGroups(cells: readonly TableCell[], additiveDims: readonly number[]): AdditiveGroup[] {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => index.set(cell.coords.join(SEP), i));
  const groups = new Map<string, AdditiveGroup>();
  cells.forEach((cell, i) => {
    for (const d of additiveDims) {
      if (cell.coords[d] === '*') continue;
      const parent = cell.coords.slice();
      parent[d] = '*';
      const parentKey = parent.join(SEP);
      const total = index.get(parentKey);
      if (total === undefined) continue;
      const groupKey = `${d}${SEP}${parentKey}`;
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { total, members: [] }));
      group.members.push(i);
    }
  });
  return [...groups.values()];
}

/** Primary status of each cell: true when rule 1 (or a forced rule) hides it. */
function primaryStatus(cells: readonly TableCell[], k: number): boolean[] {
  return cells.map((c) => c.force === true || c.protect === true || (c.value > 0 && c.value < k));
}

/**
 * Runs primary and complementary suppression to a fixpoint. Never un-hides a cell; deterministic
 * (ties break on cell order), so the same records always give the same feed.
 */
export function suppressTable(cells: readonly TableCell[], groups: readonly AdditiveGroup[], options: SuppressOptions): SuppressionResult {
  const { k } = options;
  const suppressed = primaryStatus(cells, k);
  const primary = suppressed.filter((s, i) => s && !cells[i]!.hidden).length;
  const groupsOf: number[][] = cells.map(() => []);
  groups.forEach((g, gi) => {
    groupsOf[g.total]!.push(gi);
    for (const m of g.members) groupsOf[m]!.push(gi);
  });
  const links = options.links ?? [];
  const linksOf: number[][] = cells.map(() => []);
  links.forEach((link, li) => link.forEach((c) => linksOf[c]!.push(li)));

  const dirty = new Set<number>();
  const hide = (c: number) => {
    if (suppressed[c]) return;
    suppressed[c] = true;
    for (const g of groupsOf[c]!) dirty.add(g);
    for (const li of linksOf[c]!) for (const other of links[li]!) if (!suppressed[other]) hide(other);
  };
  // Links first: a primary cell drags its partners along.
  suppressed.forEach((s, c) => {
    if (s) {
      suppressed[c] = false;
      hide(c);
    }
  });
  groups.forEach((_, gi) => dirty.add(gi));

  let uncheckedComponents = 0;
  for (;;) {
    while (dirty.size > 0) {
      const gi = dirty.values().next().value as number;
      dirty.delete(gi);
      const pick = complementFor(groups[gi]!, cells, suppressed, k);
      if (pick !== undefined) {
        hide(pick);
        dirty.add(gi);
      }
    }
    const pinned = determinedCells(cells.map((_, i) => suppressed[i]!), groups, options.exactLimit);
    uncheckedComponents = pinned.unchecked;
    if (pinned.cells.length === 0) break;
    // Hide one more partner in a group of each pinned cell, then let the group rule settle again.
    let progressed = false;
    for (const c of pinned.cells) {
      const gi = groupsOf[c]!.find((g) => groups[g]!.members.some((m) => !suppressed[m]) || !suppressed[groups[g]!.total]);
      if (gi === undefined) continue;
      const pick = cheapestCandidate(groups[gi]!, cells, suppressed, 0, k);
      if (pick !== undefined) {
        hide(pick);
        progressed = true;
      }
    }
    // Unreachable in practice (a pinned cell always has a published neighbour), but never spin.
    if (!progressed) break;
  }
  const complementary = suppressed.filter((s, i) => s && !cells[i]!.hidden).length - primary;
  return { suppressed, primary, complementary, uncheckedComponents };
}

/** The cell to hide next in a group, or undefined when the group is already safe. */
function complementFor(group: AdditiveGroup, cells: readonly TableCell[], suppressed: readonly boolean[], k: number): number | undefined {
  let hiddenMembers = 0;
  let hiddenSum = 0;
  for (const m of group.members) {
    if (suppressed[m]) {
      hiddenMembers++;
      hiddenSum += cells[m]!.value;
    }
  }
  const totalHidden = suppressed[group.total]!;
  const hiddenCount = hiddenMembers + (totalHidden ? 1 : 0);
  if (hiddenCount === 0) return undefined;
  // A lone hidden cell is the total minus the rest, or the rest summed.
  const lone = hiddenCount === 1;
  // Hidden members that add up to less than k would each be bounded by that small sum.
  const tooNarrow = !totalHidden && hiddenMembers > 0 && hiddenSum < k;
  if (!lone && !tooNarrow) return undefined;
  return cheapestCandidate(group, cells, suppressed, totalHidden ? k : hiddenSum, k);
}

/**
 * Picks a complement: cells already unpublished cost nothing; otherwise the smallest count that
 * lifts the hidden sum to k, else the largest available. The total is the last resort.
 */
function cheapestCandidate(group: AdditiveGroup, cells: readonly TableCell[], suppressed: readonly boolean[], hiddenSum: number, k: number): number | undefined {
  let best: number | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const m of group.members) {
    if (suppressed[m]) continue;
    const cell = cells[m]!;
    const value = cell.value;
    let score: number;
    if (cell.hidden) score = -1e15 + (hiddenSum + value >= k ? 0 : k - value);
    else if (hiddenSum + value >= k) score = value;
    else score = 1e12 - value;
    if (score < bestScore) {
      bestScore = score;
      best = m;
    }
  }
  if (best === undefined && !suppressed[group.total]) best = group.total;
  return best;
}

/**
 * Hidden cells whose exact value follows from the published cells through the group equations
 * (treating every unhidden cell as known). Exported for `audit` and the property tests.
 */
export function determinedCells(hidden: readonly boolean[], groups: readonly AdditiveGroup[], exactLimit = 4000): { cells: number[]; unchecked: number } {
  // Equations with at least one unknown, over the unknown cells only.
  // Each equation lists its unknowns; a negative entry -(c + 1) marks the total (coefficient −1).
  const equations: number[][] = [];
  for (const g of groups) {
    const unknowns: number[] = [];
    for (const m of g.members) if (hidden[m]) unknowns.push(m);
    if (hidden[g.total]) unknowns.push(-(g.total + 1));
    if (unknowns.length > 0) equations.push(unknowns);
  }
  const cellOf = (u: number) => (u < 0 ? -u - 1 : u);
  // Union-find over unknowns to solve independent components separately.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const eq of equations) for (const u of eq) if (!parent.has(cellOf(u))) parent.set(cellOf(u), cellOf(u));
  for (const eq of equations) for (let i = 1; i < eq.length; i++) {
    const a = find(cellOf(eq[0]!));
    const b = find(cellOf(eq[i]!));
    if (a !== b) parent.set(a, b);
  }
  const components = new Map<number, { unknowns: Set<number>; equations: number[][] }>();
  for (const eq of equations) {
    const root = find(cellOf(eq[0]!));
    let comp = components.get(root);
    if (!comp) components.set(root, (comp = { unknowns: new Set(), equations: [] }));
    comp.equations.push(eq);
    for (const u of eq) comp.unknowns.add(cellOf(u));
  }
  const determined: number[] = [];
  let unchecked = 0;
  for (const comp of components.values()) {
    if (comp.unknowns.size > exactLimit) {
      unchecked++;
      continue;
    }
    determined.push(...solveComponent([...comp.unknowns], comp.equations));
  }
  return { cells: determined.sort((a, b) => a - b), unchecked };
}

/**
 * Gaussian elimination to reduced row echelon form. Coefficients are +1 for members and −1 for
 * the total; an unknown is determined exactly when its pivot row has no other non-zero entry.
 */
function solveComponent(unknowns: number[], equations: number[][]): number[] {
  const column = new Map<number, number>();
  unknowns.forEach((u, i) => column.set(u, i));
  const width = unknowns.length;
  const rows: Float64Array[] = equations.map((eq) => {
    const row = new Float64Array(width);
    for (const u of eq) row[column.get(u < 0 ? -u - 1 : u)!] = u < 0 ? -1 : 1;
    return row;
  });
  const eps = 1e-9;
  let pivotRow = 0;
  const pivotOf = new Int32Array(width).fill(-1);
  for (let col = 0; col < width && pivotRow < rows.length; col++) {
    let best = -1;
    for (let r = pivotRow; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > eps) { best = r; break; }
    if (best < 0) continue;
    [rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!];
    const pr = rows[pivotRow]!;
    const scale = pr[col]!;
    for (let j = col; j < width; j++) pr[j]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow) continue;
      const row = rows[r]!;
      const factor = row[col]!;
      if (Math.abs(factor) <= eps) continue;
      for (let j = col; j < width; j++) row[j]! -= factor * pr[j]!;
      row[col] = 0;
    }
    pivotOf[col] = pivotRow;
    pivotRow++;
  }
  const out: number[] = [];
  for (let col = 0; col < width; col++) {
    const r = pivotOf[col]!;
    if (r < 0) continue;
    const row = rows[r]!;
    let others = false;
    for (let j = 0; j < width; j++) if (j !== col && Math.abs(row[j]!) > eps) { others = true; break; }
    if (!others) out.push(unknowns[col]!);
  }
  return out;
}
