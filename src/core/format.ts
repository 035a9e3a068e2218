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
// Keys of the option objects below, made once: a chart formats hundreds of values, and
// serialising the options on every call showed in render profiles.
const optionKeys = new WeakMap<object, string>();
const keyOf = (options: object) => {
  let key = optionKeys.get(options);
  if (key === undefined) optionKeys.set(options, (key = JSON.stringify(options)));
  return key;
};

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${tag}|${keyOf(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${tag}|${keyOf(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options })));
  return format;
}

const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const UP_TO_ONE_DECIMAL: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const PERCENT_ONE_DECIMAL: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
const COMPACT: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
const MONTH_YEAR_LONG: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
const MONTH_YEAR_SHORT: Intl.DateTimeFormatOptions = { month: 'short', year: 'numeric' };
const MONTH_SHORT: Intl.DateTimeFormatOptions = { month: 'short' };
const DAY_SHORT: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
const DAY_SHORT_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', year: 'numeric' };
const DATE_LONG: Intl.DateTimeFormatOptions = { dateStyle: 'long' };

/** Formats an integer count with the locale's grouping: 12,345 / 12 345. */
export function formatCount(value: number, tag: string): string {
  return numberFormat(tag, WHOLE).format(value);
}

/** Formats a metric value in its unit, without the unit's noun (see `unitSuffix`). */
export function formatNumber(value: number, unit: Unit, tag: string, per?: number): string {
  switch (unit) {
    case 'count': return formatCount(value, tag);
    case 'minutes': return numberFormat(tag, ONE_DECIMAL).format(value);
    case 'share': return numberFormat(tag, value !== 0 && Math.abs(value) < 0.1 ? PERCENT_ONE_DECIMAL : PERCENT).format(value);
    case 'rate': return numberFormat(tag, UP_TO_ONE_DECIMAL).format(per ? value * per : value);
  }
}

/** A difference in the metric's unit, unsigned; direction is worded separately. */
export function formatDifference(delta: number, unit: Unit, tag: string, per?: number): string {
  if (unit === 'share') {
    // A change in a share reads best in percentage points, not as a percent of a percent.
    return numberFormat(tag, UP_TO_ONE_DECIMAL).format(Math.abs(delta) * 100);
  }
  return formatNumber(Math.abs(delta), unit, tag, per);
}

/** Axis-tick formatting: compact for big counts (1.2K), otherwise like `formatNumber`. */
export function formatTick(value: number, unit: Unit, tag: string, per?: number): string {
  if (unit === 'count' && Math.abs(value) >= 10_000) return numberFormat(tag, COMPACT).format(value);
  if (unit === 'minutes') return numberFormat(tag, UP_TO_ONE_DECIMAL).format(value);
  return formatNumber(value, unit, tag, per);
}

export type PeriodStyle = 'long' | 'short';

/**
 * A period key as words: `2026-10` -> "October 2026" / "oct 2026"; quarters and weeks are built
 * from the locale's month names so no string catalogue is needed for them.
 */
export function formatPeriod(key: string, grain: Grain, tag: string, style: PeriodStyle = 'long'): string {
  // A page of charts names the same few dozen periods over and over (each chart, axis and label).
  const cacheKey = `${key}|${grain}|${tag}|${style}`;
  let text = periodTexts.get(cacheKey);
  if (text === undefined) {
    if (periodTexts.size >= 10_000) periodTexts.clear();
    periodTexts.set(cacheKey, (text = periodText(key, grain, tag, style)));
  }
  return text;
}

const periodTexts = new Map<string, string>();

function periodText(key: string, grain: Grain, tag: string, style: PeriodStyle): string {
  if (key === '*') return '';
  let bounds: { start: Date; end: Date };
  try {
    bounds = periodBounds(key, grain);
  } catch {
    return key;
  }
  switch (grain) {
    case 'year': return key;
    case 'month': return dateFormat(tag, style === 'long' ? MONTH_YEAR_LONG : MONTH_YEAR_SHORT).format(bounds.start);
    case 'quarter': {
      const months = dateFormat(tag, MONTH_SHORT);
      return `${months.format(bounds.start)}–${months.format(bounds.end)} ${bounds.start.getUTCFullYear()}`;
    }
    case 'week': {
      const day = dateFormat(tag, DAY_SHORT);
      return style === 'long'
        ? dateFormat(tag, DAY_SHORT_YEAR).formatRange(bounds.start, bounds.end)
        : day.format(bounds.start);
    }
  }
}

/** A calendar date `YYYY-MM-DD` as words: "November 1, 2026" / "1 de noviembre de 2026". */
export function formatDate(isoDate: string, tag: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat(tag, DATE_LONG).format(date);
}

/** The value of a metric as residents read it, with its unit: "8.4 minutes", "24%", "31". */
export function formatValueWithUnit(metric: Pick<Metric, 'unit' | 'per'>, value: number, tag: string, minutesWord: (v: string) => string, perWord: (v: string, per: string) => string): string {
  const text = formatNumber(value, metric.unit, tag, metric.per);
  if (metric.unit === 'minutes') return minutesWord(text);
  if (metric.unit === 'rate' && metric.per) return perWord(text, formatCount(metric.per, tag));
  return text;
}
