/**
 * Locale-aware formatting with Intl (no locale data shipped), except for the two catalogue languages
 * in their default regions, which are written out here: the first Intl object a page makes starts
 * ICU (13-25 ms, more on phones), and that landed on every element's first paint. The fast path
 * reproduces Chromium's output byte for byte (test/browser/format-fast.test.ts holds it to that);
 * anything it does not cover goes to Intl. Intl formatters are cached because constructing one
 * costs far more than using it, and charts format hundreds of ticks.
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

// en, en-US, es, es-ES only: es-US, es-MX and en-GB differ in separators or month names.
const FAST_TAG = /^e(?:(n)(?:-us)?|s(?:-es)?)$/i;
/** True for Spanish, false for English, undefined where only Intl will do. */
const fastSpanish = (tag: string) => {
  const match = FAST_TAG.exec(tag);
  return match ? !match[1] : undefined;
};

/**
 * ICU rounds the shortest decimal that reads back as the double (`String(x)`), half away from
 * zero, and shifts it two places for percent: so this works on that string, never on the float
 * (0.285 is 28.499999999999996 as a float percent, yet ICU prints 29%).
 */
function fastNumber(value: number, es: boolean, { style, notation, minimumFractionDigits: min = 0, maximumFractionDigits: max = 3 }: Intl.NumberFormatOptions): string | undefined {
  const parts = /^-?(\d+)\.?(\d*)$/.exec(String(value));
  // Exponent forms, NaN and infinities; compact notation is locale data, left to Intl.
  if (!parts || notation) return undefined;
  const point = parts[1]!.length + (style ? 2 : 0) + max;
  const digits = (parts[1]! + parts[2]).padEnd(point + 1, '0');
  const scaled = String(BigInt(digits.slice(0, point)) + BigInt(digits[point]! >= '5')).padStart(max + 1, '0');
  let whole = scaled.slice(0, scaled.length - max);
  const fraction = scaled.slice(whole.length).replace(/0+$/, '').padEnd(min, '0');
  // Spanish groups only from five digits up (1234, 12.345).
  if (!es || whole.length > 4) whole = whole.replace(/\B(?=(\d{3})+$)/g, es ? '.' : ',');
  // 1 / value is negative for -0 too, and Intl keeps the sign of -0 and of negatives that round to 0.
  return `${1 / value < 0 ? '-' : ''}${whole}${fraction && (es ? ',' : '.') + fraction}${style ? (es ? '\u00a0%' : '%') : ''}`;
}

/** `options` is one of the sets below: the fast path reads `style` as percent or nothing. */
function formatWith(options: Intl.NumberFormatOptions, tag: string, value: number): string {
  const es = fastSpanish(tag);
  return (es !== undefined && fastNumber(value, es, options)) || numberFormat(tag, options).format(value);
}

const MONTHS = [
  'January February March April May June July August September October November December'.split(' '),
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
];

/** The three date shapes below (month and year, month alone, long date) for the fast tags; Intl for the rest. */
function formatDateWith(options: Intl.DateTimeFormatOptions, tag: string, date: Date): string {
  const es = fastSpanish(tag);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  // Intl writes year 0 as 1 (it counts eras); below 1000 is left to it. Keys and ISO dates end at 9999.
  if (es === undefined || year < 1000) return dateFormat(tag, options).format(date);
  let name = MONTHS[+es]![month]!;
  // Chromium's short names are the first three letters, except Spanish September ("sept").
  if (options.month === 'short') name = es && month === 8 ? 'sept' : name.slice(0, 3);
  const day = date.getUTCDate();
  if (options.dateStyle) return es ? `${day} de ${name} de ${year}` : `${name} ${day}, ${year}`;
  return options.year ? `${name}${es && options.month === 'long' ? ' de' : ''} ${year}` : name;
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
  return formatWith(WHOLE, tag, value);
}

/** Formats a metric value in its unit, without the unit's noun (see `unitSuffix`). */
export function formatNumber(value: number, unit: Unit, tag: string, per?: number): string {
  switch (unit) {
    case 'count': return formatCount(value, tag);
    case 'minutes': return formatWith(ONE_DECIMAL, tag, value);
    case 'share': return formatWith(value !== 0 && Math.abs(value) < 0.1 ? PERCENT_ONE_DECIMAL : PERCENT, tag, value);
    case 'rate': return formatWith(UP_TO_ONE_DECIMAL, tag, per ? value * per : value);
  }
}

/** A difference in the metric's unit, unsigned; direction is worded separately. */
export function formatDifference(delta: number, unit: Unit, tag: string, per?: number): string {
  if (unit === 'share') {
    // A change in a share reads best in percentage points, not as a percent of a percent.
    return formatWith(UP_TO_ONE_DECIMAL, tag, Math.abs(delta) * 100);
  }
  return formatNumber(Math.abs(delta), unit, tag, per);
}

/** Axis-tick formatting: compact for big counts (1.2K), otherwise like `formatNumber`. */
export function formatTick(value: number, unit: Unit, tag: string, per?: number): string {
  if (unit === 'count' && Math.abs(value) >= 10_000) return formatWith(COMPACT, tag, value);
  if (unit === 'minutes') return formatWith(UP_TO_ONE_DECIMAL, tag, value);
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
    case 'month': return formatDateWith(style === 'long' ? MONTH_YEAR_LONG : MONTH_YEAR_SHORT, tag, bounds.start);
    case 'quarter': {
      const month = (date: Date) => formatDateWith(MONTH_SHORT, tag, date);
      return `${month(bounds.start)}–${month(bounds.end)} ${bounds.start.getUTCFullYear()}`;
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
  return Number.isNaN(date.getTime()) ? isoDate : formatDateWith(DATE_LONG, tag, date);
}

/** The value of a metric as residents read it, with its unit: "8.4 minutes", "24%", "31". */
export function formatValueWithUnit(metric: Pick<Metric, 'unit' | 'per'>, value: number, tag: string, minutesWord: (v: string) => string, perWord: (v: string, per: string) => string): string {
  const text = formatNumber(value, metric.unit, tag, metric.per);
  if (metric.unit === 'minutes') return minutesWord(text);
  if (metric.unit === 'rate' && metric.per) return perWord(text, formatCount(metric.per, tag));
  return text;
}
