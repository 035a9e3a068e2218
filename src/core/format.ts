/**
 * Locale-aware formatting with Intl only (no locale data shipped). Formatters are cached because
 * constructing an Intl object costs far more than using one, and charts format hundreds of ticks.
 */
import type { Grain, Label, Metric, Unit } from './types.js';
import { periodBounds } from './period.js';

/** Languages with a full message catalogue. Other tags fall back to English. */
export type Locale = 'en' | 'es';

export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'es'];

/** `es-MX` -> `es`; unknown -> `en`. */
export function toLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

/** Picks a label's text for a language tag: exact tag, then its base language, then English. */
export function resolveLabel(label: Label | undefined, tag: string): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return label;
  const base = tag.split('-')[0] ?? 'en';
  return label[tag] ?? label[base] ?? label.en;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options })));
  return format;
}

/** Formats an integer count with the locale's grouping: 12,345 / 12 345. */
export function formatCount(value: number, tag: string): string {
  return numberFormat(tag, { maximumFractionDigits: 0 }).format(value);
}

/** Formats a metric value in its unit, without the unit's noun (see `unitSuffix`). */
export function formatNumber(value: number, unit: Unit, tag: string, per?: number): string {
  switch (unit) {
    case 'count': return formatCount(value, tag);
    case 'minutes': return numberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'share': return numberFormat(tag, { style: 'percent', maximumFractionDigits: value !== 0 && Math.abs(value) < 0.1 ? 1 : 0 }).format(value);
    case 'rate': return numberFormat(tag, { maximumFractionDigits: 1 }).format(per ? value * per : value);
  }
}

/** A difference in the metric's unit, unsigned; direction is worded separately. */
export function formatDifference(delta: number, unit: Unit, tag: string, per?: number): string {
  if (unit === 'share') {
    // A change in a share reads best in percentage points, not as a percent of a percent.
    return numberFormat(tag, { maximumFractionDigits: 1 }).format(Math.abs(delta) * 100);
  }
  return formatNumber(Math.abs(delta), unit, tag, per);
}

/** Axis-tick formatting: compact for big counts (1.2K), otherwise like `formatNumber`. */
export function formatTick(value: number, unit: Unit, tag: string, per?: number): string {
  if (unit === 'count' && Math.abs(value) >= 10_000) return numberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  if (unit === 'minutes') return numberFormat(tag, { maximumFractionDigits: 1 }).format(value);
  return formatNumber(value, unit, tag, per);
}

export type PeriodStyle = 'long' | 'short';

/**
 * A period key as words: `2026-10` -> "October 2026" / "oct 2026"; quarters and weeks are built
 * from the locale's month names so no string catalogue is needed for them.
 */
export function formatPeriod(key: string, grain: Grain, tag: string, style: PeriodStyle = 'long'): string {
  if (key === '*') return '';
  let bounds: { start: Date; end: Date };
  try {
    bounds = periodBounds(key, grain);
  } catch {
    return key;
  }
  switch (grain) {
    case 'year': return key;
    case 'month': return dateFormat(tag, { month: style === 'long' ? 'long' : 'short', year: 'numeric' }).format(bounds.start);
    case 'quarter': {
      const months = dateFormat(tag, { month: 'short' });
      return `${months.format(bounds.start)}–${months.format(bounds.end)} ${bounds.start.getUTCFullYear()}`;
    }
    case 'week': {
      const day = dateFormat(tag, { month: 'short', day: 'numeric' });
      return style === 'long'
        ? dateFormat(tag, { month: 'short', day: 'numeric', year: 'numeric' }).formatRange(bounds.start, bounds.end)
        : day.format(bounds.start);
    }
  }
}

/** A calendar date `YYYY-MM-DD` as words: "November 1, 2026" / "1 de noviembre de 2026". */
export function formatDate(isoDate: string, tag: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat(tag, { dateStyle: 'long' }).format(date);
}

/** The value of a metric as residents read it, with its unit: "8.4 minutes", "24%", "31". */
export function formatValueWithUnit(metric: Pick<Metric, 'unit' | 'per'>, value: number, tag: string, minutesWord: (v: string) => string, perWord: (v: string, per: string) => string): string {
  const text = formatNumber(value, metric.unit, tag, metric.per);
  if (metric.unit === 'minutes') return minutesWord(text);
  if (metric.unit === 'rate' && metric.per) return perWord(text, formatCount(metric.per, tag));
  return text;
}
