// Selecting a series: the order of a feed's cells is the builder's business, not the chart's; a
// hand-made feed may list them in any order and must draw the same line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { selectCells, selectSeries } from '../../src/core/select.js';
import { periodFromOrdinal, shiftPeriod } from '../../src/core/period.js';
import type { Cell, Grain, Metric } from '../../src/core/types.js';

const metricOf = (cells: Cell[]): Metric => ({
  id: 'm', label: 'M', unit: 'count', statistic: 'count', dimensions: ['period', 'area'], cells,
} as Metric);

const grains: Grain[] = ['year', 'quarter', 'month', 'week'];

describe('selectCells', () => {
  it('returns one series in period order, whatever order the feed lists it in', () => {
    fc.assert(fc.property(
      fc.constantFrom(...grains),
      fc.uniqueArray(fc.integer({ min: 2000 * 4, max: 2030 * 4 }), { minLength: 0, maxLength: 40 }),
      fc.integer({ min: 0, max: 1_000 }),
      (grain, ordinals, seed) => {
        const scale = { year: 1 / 4, quarter: 1, month: 3, week: 13 }[grain];
        const periods = [...new Set(ordinals.map((o) => periodFromOrdinal(Math.floor(o * scale), grain)))];
        const cells: Cell[] = periods.flatMap((period, i) => [
          { period, area: '*', n: 20 + i, value: 20 + i },
          { period, area: 'north', n: 12, value: 12 },
        ]);
        // A deterministic shuffle from the seed.
        const shuffled = cells.map((cell, i) => ({ cell, key: (i * 7919 + seed * 104_729) % 1_000_003 })).sort((a, b) => a.key - b.key).map((x) => x.cell);
        const picked = selectCells(metricOf(shuffled), grain);
        const expected = [...periods].sort();
        // Period keys of one grain sort as text in time order (zero-padded), so text order is the oracle.
        assert.deepEqual(picked.map((c) => c.period), expected);
        assert.ok(picked.every((c) => c.area === '*'));
      },
    ), { numRuns: 300 });
  });

  it('keeps a feed that is already in order as it is, without the period total', () => {
    const cells: Cell[] = [
      { period: '*', area: '*', n: 90, value: 90 },
      { period: '2024-01', area: '*', n: 40, value: 40 },
      { period: '2024-02', area: '*', n: 50, value: 50 },
    ];
    assert.deepEqual(selectCells(metricOf(cells), 'month').map((c) => c.period), ['2024-01', '2024-02']);
  });
});

describe('selectSeries', () => {
  it('walks every period from the first to the last, with gaps where the feed has no cell', () => {
    const cells: Cell[] = [
      { period: '2024-03', area: '*', n: 30, value: 30 },
      { period: '2023-12', area: '*', n: 12, value: 12 },
      { period: '2024-01', area: '*', n: 3, suppressed: true },
    ];
    const series = selectSeries(metricOf(cells), 'month');
    assert.deepEqual(series.map((p) => [p.period, p.cell ? (p.cell.suppressed ? 'hidden' : p.cell.n) : 'none']),
      [['2023-12', 12], ['2024-01', 'hidden'], ['2024-02', 'none'], ['2024-03', 30]]);
  });

  it('is the run of periods one grain apart from the first cell to the last, in every grain', () => {
    fc.assert(fc.property(
      fc.constantFrom(...grains),
      fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 12 }),
      (grain, offsets) => {
        const start = { year: '1990', quarter: '1990-Q1', month: '1990-01', week: '1990-W01' }[grain];
        const periods = offsets.map((offset) => shiftPeriod(start, grain, offset)).sort();
        const cells: Cell[] = periods.map((period, i) => ({ period, area: '*', n: 20 + i, value: 20 + i }));
        const series = selectSeries(metricOf(cells), grain);
        // The oracle: step from the first period with shiftPeriod, which knows ISO years of 52 and 53 weeks.
        const expected = [periods[0]!];
        while (expected[expected.length - 1] !== periods[periods.length - 1]) expected.push(shiftPeriod(expected[expected.length - 1]!, grain, 1));
        assert.deepEqual(series.map((point) => point.period), expected);
        assert.deepEqual(series.filter((point) => point.cell).map((point) => point.cell!.period), periods);
      },
    ), { numRuns: 300 });
  });
});
