// Fixtures shared by the map's test files.
import type { Cell, Feed } from '../../src/core/types.js';

/** A feed with one count metric (`incidents`) by period and area, holding exactly `cells`. */
export function syntheticFeed(cells: Cell[], extra: Partial<Feed> = {}): Feed {
  return {
    version: '1.0', generated: '2026-01-01T00:00:00Z',
    jurisdiction: { name: 'Grid City', id: 'grid', timezone: 'America/New_York' },
    period: { start: '2023-01-01', end: '2024-12-31', grain: 'year' },
    privacy: { minCount: 11, complementary: true, rounding: null, noise: null },
    metrics: [{ id: 'incidents', label: 'Shooting incidents', unit: 'count', statistic: 'count', dimensions: ['period', 'area'], cells }],
    methodology: { asOf: '2025-01-01', lagDays: 7, sources: [{ name: 'Test' }], metrics: {} },
    ...extra,
  };
}
