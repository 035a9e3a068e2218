// Fixtures shared by the map's test files.
import { fixture, html } from '@open-wc/testing';
import type { DaylightMap } from '../../src/elements/map/map.js';
import type { Cell, Feed } from '../../src/core/types.js';

export const PHL_BOUNDARIES = '/test/fixtures/real/phl_police_districts.geojson';

/**
 * Mounts a map of `incidents` in a box `width` px wide and waits for `mapReady` (drawn, or an
 * error or empty state shown). Its areas are the Philadelphia districts unless the attributes
 * name others or `boundaries` gives them as an object.
 */
export async function mountMap(feed: Feed, attributes: Record<string, string> = {}, { width = 900, boundaries }: { width?: number; boundaries?: unknown } = {}): Promise<DaylightMap> {
  const host = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}></div>`);
  const el = document.createElement('daylight-map');
  el.setAttribute('metric', 'incidents');
  if (!boundaries && !('areas' in attributes)) el.setAttribute('areas', PHL_BOUNDARIES);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (boundaries) el.boundaries = boundaries;
  el.feed = feed;
  host.append(el);
  await el.mapReady;
  return el;
}

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
