/**
 * The data every render-benchmark page draws: 8 series of 60 monthly points (2021-01..2025-12),
 * deterministic, the same numbers for Daylight, chart.js and vega-embed.
 */
import { PAINTED_MESSAGE } from '../painted-message.js';

export const CHARTS = 8;
export const MONTHS = 60;

export interface Series { id: string; label: string; points: Array<{ period: string; value: number }> }

export const SERIES: Series[] = Array.from({ length: CHARTS }, (_, c) => ({
  id: `m${c}`,
  label: `Metric ${c + 1}`,
  points: Array.from({ length: MONTHS }, (_, i) => {
    const year = 2021 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    // Every value >= 11 (the feed's k), so no point is suppressed and all three libraries draw 60.
    return { period: `${year}-${month}`, value: 40 + ((c * 37 + i * 13) % 50) + Math.round(20 * Math.sin((i + c) / 5)) };
  }),
}));

/** The same series as a Daylight feed: one count metric per chart, citywide cells only. */
export function daylightFeed(): unknown {
  return {
    version: '1.0', generated: '2026-01-10T00:00:00Z',
    jurisdiction: { name: 'Bench City', id: 'bench', timezone: 'America/New_York' },
    period: { start: '2021-01-01', end: '2025-12-31', grain: 'month' },
    privacy: { minCount: 11, complementary: true, rounding: null, noise: null },
    metrics: SERIES.map((s) => ({
      id: s.id, label: s.label, unit: 'count', statistic: 'count', dimensions: ['period', 'area'],
      cells: s.points.map((p) => ({ period: p.period, area: '*', n: p.value, value: p.value })),
    })),
    methodology: { asOf: '2026-01-01', lagDays: 7, sources: [{ name: 'Bench' }], metrics: {} },
  };
}

/**
 * Called by every page once its charts are drawn; records the time at which they have been
 * painted. Charts drawn by script in a task (chart.js, vega-embed) are painted in the next frame,
 * so the mark is the frame after it: two animation frames. Charts drawn inside a frame's
 * rendering step (Daylight's trends draw in their ResizeObserver callback, after the frame's
 * animation callbacks and before its paint) are painted in that frame: one animation frame.
 */
export function markPainted(drawnInRenderingStep = false): void {
  const mark = () => {
    const ms = performance.now();
    (window as unknown as { __benchDone: number }).__benchDone = ms;
    // The harness listens for this line (bench/painted.ts) instead of polling the page.
    console.log(`${PAINTED_MESSAGE} ${ms}`);
  };
  requestAnimationFrame(drawnInRenderingStep ? mark : () => requestAnimationFrame(mark));
}

/** 8 boxes of the same size for every library (the page size is part of the comparison). */
export function boxes(): HTMLElement[] {
  const grid = document.getElementById('charts')!;
  return SERIES.map(() => {
    const box = document.createElement('div');
    box.className = 'box';
    grid.append(box);
    return box;
  });
}
