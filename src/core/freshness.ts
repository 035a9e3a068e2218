/**
 * Whether a feed is stale: its as-of date is further back than one period plus the publication
 * lag plus a week of grace. A monthly feed with a 7-day lag is stale 45 days after its as-of date.
 */
import type { Feed, Grain } from './types.js';

const GRAIN_DAYS: Record<Grain, number> = { week: 7, month: 31, quarter: 92, year: 366 };
const GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

export function staleAfterDays(feed: Pick<Feed, 'period' | 'methodology'>): number {
  return GRAIN_DAYS[feed.period.grain] + feed.methodology.lagDays + GRACE_DAYS;
}

export function isStale(feed: Pick<Feed, 'period' | 'methodology'>, now: Date): boolean {
  const asOf = Date.parse(`${feed.methodology.asOf}T00:00:00Z`);
  return Number.isFinite(asOf) && (now.getTime() - asOf) / DAY_MS > staleAfterDays(feed);
}
