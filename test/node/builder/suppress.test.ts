process.env.TZ = 'UTC';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type AdditiveGroup, type TableCell, standardGroups, suppressTable } from '../../../src/builder/suppress.ts';

/** A full table over `sizes` with every "*" margin, values from `values` (row-major over the full product). */
function cube(sizes: number[], values: number[]): TableCell[] {
  const lists = sizes.map((n) => ['*', ...Array.from({ length: n }, (_, i) => String(i))]);
  const cells: TableCell[] = [];
  const leaf = new Map<string, number>();
  let next = 0;
  const rec = (prefix: string[], d: number): void => {
    if (d === sizes.length) {
      if (!prefix.includes('*')) leaf.set(prefix.join(','), values[next++ % values.length]!);
      cells.push({ coords: prefix, value: 0 });
      return;
    }
    for (const v of lists[d]!) rec([...prefix, v], d + 1);
  };
  rec([], 0);
  for (const cell of cells) {
    let sum = 0;
    for (const [key, v] of leaf) {
      const coords = key.split(',');
      if (cell.coords.every((c, i) => c === '*' || c === coords[i])) sum += v;
    }
    cell.value = sum;
  }
  return cells;
}

const P = 2147483647n;
/** Rank over GF(p), an independent way to decide what a reader can solve for. */
function rankModP(rows: bigint[][]): number {
  const m = rows.map((r) => r.map((x) => ((x % P) + P) % P));
  let rank = 0;
  const width = m[0]?.length ?? 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    const pivot = m.findIndex((r, i) => i >= rank && r[col] !== 0n);
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    const inv = modPow(m[rank]![col]!, P - 2n);
    m[rank] = m[rank]!.map((x) => (x * inv) % P);
    for (let r = 0; r < m.length; r++) {
      if (r === rank || m[r]![col] === 0n) continue;
      const f = m[r]![col]!;
      m[r] = m[r]!.map((x, j) => (((x - f * m[rank]![j]!) % P) + P) % P);
    }
    rank++;
  }
  return rank;
}
function modPow(b: bigint, e: bigint): bigint {
  let r = 1n;
  b %= P;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return r;
}

/** Suppressed cells a reader can compute exactly from the published ones (e_x in the row space). */
function recoverable(cells: TableCell[], groups: AdditiveGroup[], hidden: boolean[]): number[] {
  const unknown = cells.map((_, i) => i).filter((i) => hidden[i]);
  const col = new Map(unknown.map((u, j) => [u, j]));
  const rows: bigint[][] = [];
  for (const g of groups) {
    const row = unknown.map(() => 0n);
    let any = false;
    for (const m of g.members) if (hidden[m]) { row[col.get(m)!] = 1n; any = true; }
    if (hidden[g.total]) { row[col.get(g.total)!] = -1n; any = true; }
    if (any) rows.push(row);
  }
  if (rows.length === 0) return [];
  const base = rankModP(rows);
  return unknown.filter((u) => {
    const e = unknown.map((v) => (v === u ? 1n : 0n));
    return rankModP([...rows, e]) === base;
  });
}

describe('suppressTable', () => {
  it('suppressTable hides a small cell and a partner in its row and column so neither is the total minus the rest', () => {
    // 2 x 3 table: the cell 3 would be its row total minus the other two cells.
    const cells = cube([2, 3], [3, 40, 50, 30, 60, 70]);
    const groups = standardGroups(cells, [0, 1]);
    const { suppressed } = suppressTable(cells, groups, { k: 11 });
    const hidden = cells.filter((_, i) => suppressed[i]).map((c) => c.coords.join(','));
    assert.ok(hidden.includes('0,0'), 'the small cell is hidden');
    assert.ok(hidden.length >= 4, `a rectangle of at least four cells is hidden, found ${hidden.join(' ')}`);
    assert.deepEqual(recoverable(cells, groups, suppressed), []);
    // The totals a page shows stay published.
    assert.equal(suppressed[cells.findIndex((c) => c.coords.join(',') === '*,*')], false);
  });

  it('suppressTable keeps zeros (rule 1: zero is shown) and hides nothing in a table without small cells', () => {
    const cells = cube([3, 2], [0, 12, 15, 0, 40, 11]);
    const { suppressed } = suppressTable(cells, standardGroups(cells, [0, 1]), { k: 11 });
    assert.deepEqual(suppressed.filter(Boolean).length, 0);
  });

  it('suppressTable protects a cell that only a combination of groups pins down (a bridge between two closed cycles)', () => {
    // Hand-built: two 2x2 blocks of small cells joined by one more small cell in a 5x5 table.
    const values = [
      2, 3, 50, 50, 50,
      4, 2, 5, 50, 50,
      50, 50, 2, 3, 50,
      50, 50, 4, 2, 50,
      50, 50, 50, 50, 50,
    ];
    const cells = cube([5, 5], values);
    const groups = standardGroups(cells, [0, 1]);
    const { suppressed } = suppressTable(cells, groups, { k: 11 });
    assert.deepEqual(recoverable(cells, groups, suppressed), []);
  });

  it('for random 2- and 3-way tables: no published cell is small, no suppressed cell is recoverable, every group hides 0 or ≥ 2 cells summing to ≥ k', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), { minLength: 8, maxLength: 64 }),
      fc.integer({ min: 5, max: 11 }),
      (sizes, values, k) => {
        const cells = cube(sizes, values);
        const groups = standardGroups(cells, sizes.map((_, i) => i));
        const { suppressed } = suppressTable(cells, groups, { k });
        cells.forEach((c, i) => {
          if (!suppressed[i]) assert.ok(c.value === 0 || c.value >= k, `published ${c.value} < k=${k}`);
        });
        assert.deepEqual(recoverable(cells, groups, suppressed), []);
        for (const g of groups) {
          const hiddenMembers = g.members.filter((m) => suppressed[m]);
          const count = hiddenMembers.length + (suppressed[g.total] ? 1 : 0);
          assert.notEqual(count, 1, 'a group with exactly one hidden cell leaks it');
          if (!suppressed[g.total] && hiddenMembers.length > 0) {
            assert.ok(hiddenMembers.reduce((s, m) => s + cells[m]!.value, 0) >= k, 'hidden members sum to at least k');
          }
        }
      },
    ), { numRuns: 150, seed: 20250127 });
  });

  it('hidden "protect" cells (sensitive categories below city level) are never recoverable, whatever their size', () => {
    const cells = cube([3, 2], [40, 50, 60, 70, 80, 90]);
    // Say column 1 is a sensitive category: its by-area cells are never published.
    cells.forEach((c) => {
      if (c.coords[1] === '1' && c.coords[0] !== '*') Object.assign(c, { hidden: true, protect: true });
    });
    const groups = standardGroups(cells, [0, 1]);
    const { suppressed } = suppressTable(cells, groups, { k: 11 });
    assert.deepEqual(recoverable(cells, groups, suppressed), []);
    cells.forEach((c, i) => {
      if (c.protect) assert.equal(suppressed[i], true);
    });
  });

  it("linked cells share their fate (a share's numerator and denominator)", () => {
    const cells = cube([2, 2], [5, 30, 30, 30]);
    const groups = standardGroups(cells, [0, 1]);
    const a = cells.findIndex((c) => c.coords.join(',') === '1,1');
    const b = cells.findIndex((c) => c.coords.join(',') === '*,*');
    const { suppressed } = suppressTable(cells, groups, { k: 11, links: [[a, b]] });
    assert.equal(suppressed[a], suppressed[b]);
  });
});
