import type { breakdownMessages } from './en/breakdown.js';
import type { categoryMessages } from './en/categories.js';
import type { dashboardMessages } from './en/dashboard.js';
import type { distributionMessages } from './en/distribution.js';
import type { feedMessages } from './en/feed.js';
import type { filterMessages } from './en/filter.js';
import type { freshnessMessages } from './en/freshness.js';
import type { funnelMessages } from './en/funnel.js';
import type { kpiMessages } from './en/kpi.js';
import type { mapMessages } from './en/map.js';
import type { methodologyMessages } from './en/methodology.js';
import type { protectMessages } from './en/protect.js';
import type { tableMessages } from './en/table.js';
import type { trendMessages } from './en/trend.js';

/*
 * English messages. Every user-facing string of every element lives in a catalogue; sentences are
 * functions so that each language can order its own words.
 *
 * English is built into every element, so it is split: this file holds the strings that shared
 * code or several elements read, ./en/<element>.ts the strings only one element reads, and a few
 * files the strings of a group of elements (categories.ts, freshness.ts, protect.ts). Each
 * element's module imports its own file, which adds its strings to `en` when it is evaluated, so a
 * page with one element does not download the others' words. test/node/i18n-split.test.ts checks
 * that every string an element's code reads is here or in that element's file.
 *
 * Other languages are not split (they load on request, whole): es.ts is typed `Messages`, so the
 * compiler lists every key missing from it. See docs/i18n.md.
 */
const common = {
  lang: 'en',
  // Loading and errors
  loading: 'Loading data…',
  errorWidget: 'This chart could not be shown because its data could not be loaded.',
  errorDetails: 'Details for the site maintainer',
  noFeed: 'No data source: place this element inside <daylight-feed src="…">, or set its feed property.',
  unknownMetric: (metric: string, available: string) => `The feed has no metric "${metric}". Metrics in this feed: ${available}.`,
  noMetricAttribute: 'Set the metric attribute, e.g. metric="incidents".',
  notAPeriod: (period: string) => `period="${period}" is not a period. Write a year ("2024"), a quarter ("2024-Q3"), a month ("2024-07") or a week ("2024-W07").`,
  networkError: (url: string) => `Could not reach ${url}. Check the address, and that the server allows this page to load it (CORS).`,
  httpError: (url: string, status: number, statusText: string) =>
    `The server answered ${status}${statusText ? ` ${statusText}` : ''} for ${url}. `
    + (status === 404 ? 'No file is published at that address: check the src attribute.'
      : status >= 500 ? 'The server had a problem; try again later, or tell the site maintainer.'
        : 'The server refused the request.'),
  timeoutError: (url: string, seconds: number) => `No answer from ${url} within ${seconds} seconds. The server may be down or slow; try again later.`,
  notJsonError: (url: string, start: string) => `${url} is not a JSON feed (it begins "${start}"). Check that src points at the feed file, not at a web page.`,
  schemaError: (url: string | undefined, count: number) => `${url ?? 'This feed'} is not a valid Daylight feed: ${count === 1 ? '1 problem' : `${count} problems`} found.`,
  moreProblems: (count: number) => `…and ${count} more.`,
  // Freshness
  asOf: (date: string) => `Data as of ${date}`,
  // Values
  // A suppressed cell may be a small count or a larger one hidden so that a small one cannot be
  // worked out; the words must be true of both, so the reason lives in legends and notes.
  suppressedShort: 'Hidden',
  suppressedSentence: 'hidden to protect privacy',
  notShown: 'Not shown',
  notShownSentence: 'not shown, because too few records stand behind it to publish it safely',
  withheldFault: 'withheld: the feed broke a privacy rule',
  noData: 'No data',
  minutes: (value: string) => `${value} min`,
  minutesLong: (value: string) => `${value} minutes`,
  perBase: (value: string, per: string) => `${value} per ${per}`,
  unstable: 'Unstable',
  unstableExplain: 'Based on 20 or fewer events, so it can change a lot by chance.',
  citywide: 'Citywide',
  // Statistics
  statisticLabel: (label: string, q: number | undefined) =>
    q === undefined ? label : q === 0.5 ? `Median ${lower(label)}` : `${ordinal(Math.round(q * 100))} percentile ${lower(label)}`,
  comparisonShort: (difference: string, direction: Direction, period: string) =>
    direction === 'same' ? `Same as ${period}` : `${difference} ${directionWord(direction)} than ${period}`,
  percentagePoints: (value: string) => `${value} percentage points`,
  legendSuppressed: (k: string) => `Hidden: fewer than ${k} or could reveal one`,
  showTable: 'Show as table',
  showChart: 'Show as chart',
  downloadCsv: 'Download CSV',
  download: 'Download',
  downloadLabel: (title: string) => `Download: ${title}`,
  exportCsv: 'Data (CSV)',
  exportPng: 'Image (PNG)',
  exportSvg: 'Image (SVG)',
  exportSource: (source: string) => `Source: ${source}`,
  exportFailed: 'This browser could not make the image. Download the data (CSV) or the SVG image instead.',
  period: 'Period',
  value: 'Value',
  status: 'Note',
  noSeries: 'No data for this selection.',
  changeColumn: (period: string) => `Change from ${period}`,
  // Tables and categories (the strings only the category elements read: ./en/categories.ts)
  total: 'Total',
  other: 'Other',
  unknown: 'Unknown',
};

/** Which way a figure moved, as a comparison sentence names it. */
export type Direction = 'more' | 'fewer' | 'higher' | 'lower' | 'faster' | 'slower' | 'longer' | 'shorter' | 'same';

/** The English word for a direction; the sections' sentences share it. */
export function directionWord(direction: Direction): string {
  return direction;
}

/** A label as it reads inside a sentence ("Response time" -> "response time"). */
export function lower(label: string): string {
  // Keep acronyms (CAD, EMS) as they are; lower only a capitalised first word.
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** 1st, 2nd, 3rd, 11th, 90th. */
export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Every English string: the type every other language's catalogue must match, key for key. */
export type Messages = typeof common
  & typeof breakdownMessages
  & typeof categoryMessages
  & typeof dashboardMessages
  & typeof distributionMessages
  & typeof feedMessages
  & typeof filterMessages
  & typeof freshnessMessages
  & typeof funnelMessages
  & typeof kpiMessages
  & typeof mapMessages
  & typeof methodologyMessages
  & typeof protectMessages
  & typeof tableMessages
  & typeof trendMessages;

/**
 * The English catalogue. It holds only the common strings until the element modules that need the
 * others are imported (the type promises all of them, so that elements read `t.key` unchecked):
 * read it through `messagesFor`, from element code, never at module evaluation.
 */
export const en = common as Messages;
