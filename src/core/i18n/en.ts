/**
 * English messages. Every user-facing string of every element lives in a catalogue like this one;
 * sentences are functions so that each language can order its own words. To add a language, copy
 * this file, translate it, and register it in ./index.ts (see docs/i18n.md).
 */
export const en = {
  lang: 'en',
  // Loading and errors
  loading: 'Loading data…',
  errorTitle: 'Data could not be loaded',
  errorWidget: 'This chart could not be shown because its data could not be loaded.',
  errorDetails: 'Details for the site maintainer',
  noFeed: 'No data source: place this element inside <daylight-feed src="…">, or set its feed property.',
  unknownMetric: (metric: string, available: string) => `The feed has no metric "${metric}". Metrics in this feed: ${available}.`,
  noMetricAttribute: 'Set the metric attribute, e.g. metric="incidents".',
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
  privacyFaults: (count: number) =>
    `${count === 1 ? '1 value was' : `${count} values were`} hidden because the feed broke a privacy rule. The site maintainer should check the feed with "daylight audit".`,
  retry: 'Try again',
  // Freshness
  asOf: (date: string) => `Data as of ${date}`,
  stale: (date: string) => `Not updated since ${date}`,
  staleExplain: 'These figures are older than the publication schedule promises.',
  // Values
  fewerThan: (k: string) => `Fewer than ${k}`,
  fewerThanSentence: (k: string) => `fewer than ${k}, hidden to protect privacy`,
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
  // KPI sentences
  kpiValue: (subject: string, value: string, period: string, isQuantile: boolean) =>
    isQuantile ? `${subject} was ${value} in ${period}` : `${subject}: ${value} in ${period}`,
  kpiSuppressed: (subject: string, period: string, reason: string) => `${subject} in ${period}: ${reason}.`,
  kpiMissing: (subject: string, period: string) => `${subject}: no data for ${period}.`,
  kpiNoPeriod: (subject: string) => `${subject}: no data published yet.`,
  comparison: (difference: string, direction: Direction, period: string) =>
    direction === 'same' ? `, the same as in ${period}.` : `, ${difference} ${directionWord(direction)} than in ${period}.`,
  comparisonShort: (difference: string, direction: Direction, period: string) =>
    direction === 'same' ? `Same as ${period}` : `${difference} ${directionWord(direction)} than ${period}`,
  comparisonUnavailable: (period: string, why: 'suppressed' | 'missing') =>
    why === 'suppressed' ? `. No comparison with ${period}: that value is hidden to protect privacy.` : `. No data for ${period} to compare with.`,
  comparisonHidden: (period: string) => `${period}: hidden, no comparison`,
  percentagePoints: (value: string) => `${value} percentage points`,
  // Trend
  trendSummary: (subject: string, area: string, first: string, last: string, latest: string, high: string) =>
    `${subject}, ${area}, ${first} to ${last}. Latest: ${latest}.${high ? ` Highest: ${high}.` : ''}`,
  valueIn: (value: string, period: string) => `${value} in ${period}`,
  hiddenPeriods: (count: number, k: string) =>
    `${count === 1 ? '1 period is' : `${count} periods are`} hidden because the count was fewer than ${k} or could reveal one.`,
  legendSuppressed: (k: string) => `Hidden: fewer than ${k} or could reveal one`,
  legendMissing: 'No data',
  showTable: 'Show as table',
  showChart: 'Show as chart',
  downloadCsv: 'Download CSV',
  period: 'Period',
  value: 'Value',
  records: 'Records',
  status: 'Note',
  chartKeys: 'Use the left and right arrow keys to move between periods; Home and End jump to the first and last.',
  pointLabel: (period: string, value: string) => `${period}: ${value}`,
  noSeries: 'No data for this selection.',
};

export type Direction = 'more' | 'fewer' | 'higher' | 'lower' | 'faster' | 'slower' | 'longer' | 'shorter' | 'same';

function directionWord(direction: Direction): string {
  return direction;
}

function lower(label: string): string {
  // Keep acronyms (CAD, EMS) as they are; lower only a capitalised first word.
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export type Messages = typeof en;
