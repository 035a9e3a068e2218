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
  // A suppressed cell may be a small count or a larger one hidden so that a small one cannot be
  // worked out; the words must be true of both, so the reason lives in legends and notes.
  suppressedShort: 'Hidden',
  suppressedSentence: 'hidden to protect privacy',
  suppressedExplain: (k: string) => `Counts below ${k} are hidden, and so are some others that could reveal them.`,
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
  download: 'Download',
  downloadLabel: (title: string) => `Download: ${title}`,
  exportCsv: 'Data (CSV)',
  exportPng: 'Image (PNG)',
  exportSvg: 'Image (SVG)',
  exportSource: (source: string) => `Source: ${source}`,
  exportFailed: 'This browser could not make the image. Download the data (CSV) or the SVG image instead.',
  period: 'Period',
  value: 'Value',
  records: 'Records',
  status: 'Note',
  chartKeys: 'Use the left and right arrow keys to move between periods; Home and End jump to the first and last.',
  pointLabel: (period: string, value: string) => `${period}: ${value}`,
  noSeries: 'No data for this selection.',
  // Map
  mapTitle: (subject: string, level: string, period: string) => `${subject} by ${lower(level)}, ${period}`,
  mapRole: 'map',
  mapLabel: (title: string) => `Map: ${title}`,
  mapKeys: 'Arrow keys move to the nearest area that way, Page Down and Page Up step through every area, Home and End jump to the first and last, Enter selects an area, + and − zoom, Escape closes the label.',
  mapScrollHint: 'Click the map to zoom with the scroll wheel.',
  mapTouchHint: 'Use two fingers to move and zoom the map.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  mapSummaryMost: (area: string, subject: string, period: string, value: string, share: string) =>
    `${area} had the most ${lower(subject)} in ${period}: ${value}${share ? `, ${share} of the city` : ''}.`,
  mapSummaryHighest: (area: string, subject: string, period: string, value: string) =>
    `${area} had the highest ${lower(subject)} in ${period}: ${value}.`,
  mapSummaryNone: (subject: string, period: string) => `${subject}, ${period}: no area has a figure that can be published.`,
  mapHiddenAreas: (count: number, k: string) =>
    `${count === 1 ? '1 area is' : `${count} areas are`} hidden because the count was fewer than ${k} or could reveal one.`,
  mapNotShownAreas: (count: number) =>
    `${count === 1 ? '1 area is' : `${count} areas are`} not shown because too few records stand behind them to publish safely.`,
  mapPartialAreas: (count: number) =>
    `${count === 1 ? '1 area has' : `${count} areas have`} no total for the year because part of the year is hidden to protect privacy.`,
  partialShort: 'Hidden',
  partialSentence: 'hidden, because part of the period is hidden to protect privacy',
  legendPartial: 'Hidden for part of the period',
  legendUnder: (to: string) => `Under ${to}`,
  legendRange: (from: string, to: string) => `${from}–${to}`,
  legendAtLeast: (from: string) => `${from} or more`,
  legendTitle: 'Legend',
  ofCity: (share: string) => `${share} of the city`,
  perResidents: (value: string, per: string) => `${value} per ${per} residents`,
  rankedHeading: 'Highest first',
  area: 'Area',
  shareColumn: 'Share of the city',
  rateColumn: (per: string) => `Per ${per} residents`,
  changeColumn: (period: string) => `Change from ${period}`,
  areaLabel: (name: string, value: string, period: string) => `${name}: ${value}, ${period}`,
  boundaryProblems: (count: number) => `${count === 1 ? '1 problem' : `${count} problems`} with the area boundaries; the other areas are drawn.`,
  mapLoadError: 'The map itself could not be loaded (the connection may have dropped), so it is not shown; the list and the table still are. Reloading the page may bring it back.',
  boundaryLoadError: (url: string) => `The area boundaries at ${url} could not be loaded, so the map is not shown; the list and the table still are.`,
  noBoundaries: 'This feed names no area boundaries: set the areas attribute to a GeoJSON file.',
  noAreaData: 'This metric has no figures by area.',
  // Table, breakdown, distribution, funnel, filter, methodology (issue 5 elements)
  total: 'Total',
  other: 'Other',
  unknown: 'Unknown',
  allPeriods: 'All periods',
  hiddenShort: 'Hidden',
  hiddenBySubtraction: 'hidden, because together with the numbers shown it would reveal a hidden count',
  unknownDimension: (dimension: string, available: string) => `The metric has no dimension "${dimension}". Its dimensions: ${available}.`,
  byDimension: (subject: string, dimension: string) => `${subject} by ${lower(dimension)}`,
  quantileName: (q: number) => (q === 0.5 ? 'Median' : `${ordinal(Math.round(q * 100))} percentile`),
  shareHeading: 'Share',
  countHeading: 'Count',
  numeratorHeading: 'Count',
  denominatorHeading: 'Out of',
  rateHeading: 'Rate',
  hiddenRows: (count: number, k: string) =>
    `${count === 1 ? '1 number is' : `${count} numbers are`} hidden because the count was fewer than ${k} or could reveal one.`,
  withheldRows: (count: number) =>
    `${count === 1 ? '1 more number is' : `${count} more numbers are`} hidden so that a hidden count cannot be worked out by subtraction.`,
  sortedBy: (column: string, ascending: boolean) => `Sorted by ${column}, ${ascending ? 'ascending' : 'descending'}.`,
  // Breakdown
  shareOfTotal: (share: string) => `${share} of the total`,
  breakdownSummary: (subject: string, context: string, largest: string, overall: string) =>
    `${subject}, ${context}. ${largest ? `Largest: ${largest}.` : 'No category has a number that can be published.'}${overall ? ` ${overall}.` : ''}`,
  hiddenCategories: (count: number, k: string) =>
    `${count === 1 ? '1 category is' : `${count} categories are`} hidden because the count was fewer than ${k} or could reveal one.`,
  totalWithheld: 'The total is hidden so that a hidden category cannot be worked out from it.',
  noComparisonWith: (period: string) => `no comparison with ${period}`,
  previousValue: (period: string) => `${period}`,
  // Distribution
  distributionSummary: (subject: string, context: string, parts: string) => `${subject}, ${context}: ${parts}.`,
  quantileMeaning: (q: number, value: string) =>
    q === 0.5 ? `median ${value} (half took less, half took more)` : `${ordinal(Math.round(q * 100))} percentile ${value} (${Math.round(q * 100)} in 100 took less)`,
  quantileHiddenSentence: (name: string, why: string) => `${lower(name)} ${why}`,
  neverMinMax: 'The shortest and longest times are never published, because a single case could be recognised from them.',
  bucketsHeading: 'How many took how long',
  bucketRange: (from: string, to: string) => `${from}–${to} min`,
  bucketOpen: (from: string) => `${from} min or more`,
  bucketsSummary: (largest: string) => `Most common: ${largest}.`,
  noDistribution: 'This metric has no published quantiles or time buckets.',
  rowHeading: 'Group',
  // Funnel
  stageHeading: 'Stage',
  conversionHeading: 'Rate',
  stageAll: 'All',
  stageReferred: 'Referred',
  stageFollowedUp: 'Followed up',
  conversionOf: (rate: string, stage: string) => `${rate} of ${lower(stage)}`,
  funnelSummary: (subject: string, context: string, steps: string) => `${subject}, ${context}: ${steps}.`,
  funnelStep: (stage: string, value: string, conversion: string) => `${stage} ${value}${conversion ? ` (${conversion})` : ''}`,
  hiddenStages: (count: number, k: string) =>
    `${count === 1 ? '1 stage is' : `${count} stages are`} hidden because the count was fewer than ${k} or could reveal one; no rate is shown next to a hidden stage.`,
  notAFunnel: (metric: string) => `"${metric}" is neither a share nor a count with a stage dimension, so it cannot be drawn as a funnel.`,
  // Filter
  filterLegend: 'Choose what the figures show',
  filterLatest: 'Latest',
  filterReset: 'Show citywide, latest',
  filterShowing: (area: string, period: string) => `Showing ${area}, ${period}.`,
  // Methodology
  methodologyTitle: 'About this data',
  methodologyDefinitions: 'What is counted',
  methodologyIncludes: 'Includes',
  methodologyExcludes: 'Does not include',
  methodologySources: 'Sources',
  methodologyPrivacy: 'How privacy is protected',
  methodologyUpdates: 'How up to date',
  methodologyCaveats: 'Keep in mind',
  methodologyContact: 'Questions about these figures',
  methodologyPublisherNote: 'Note from the publisher',
  privacyCounts: (below: string) =>
    `Counts between 1 and ${below} are hidden to protect privacy; some other counts are hidden so the small ones cannot be worked out.`,
  privacyCountsOnly: (below: string) =>
    `Counts between 1 and ${below} are hidden to protect privacy. This feed says other counts were not hidden to protect them, so a small count might be worked out by subtraction.`,
  privacyQuantiles: (median: string, p90: string) =>
    `A median is shown only when at least ${median} cases stand behind it, and a 90th percentile only with at least ${p90}; the shortest and longest times are never shown.`,
  privacyShares: (k: string) => `A share or rate is shown only when at least ${k} cases stand behind it.`,
  privacyOther: (k: string) => `Categories with fewer than ${k} cases are grouped as "Other".`,
  privacyAreas: 'Places are only ever shown as areas, never as addresses or points.',
  privacyUnstable: 'A rate based on 20 or fewer events is marked "unstable": it can change a lot by chance.',
  privacyRounding: (base: string) => `Counts are rounded to a multiple of ${base}, so totals may not add up exactly.`,
  privacyNoise: (epsilon: string) =>
    `A small random amount is added to or taken from each count (a "differential privacy" method, ε = ${epsilon}), so that no one person can be picked out; totals may not add up exactly.`,
  methodologyLag: (days: number) =>
    days === 0 ? 'Figures for a period are published as soon as it ends.' : `Figures for a period are published ${days === 1 ? '1 day' : `${days} days`} after it ends, so that late records are included.`,
  methodologyGenerated: (date: string) => `This data file was produced on ${date}.`,
  methodologyPeriod: (from: string, to: string) => `The figures cover ${from} to ${to}.`,
  methodologyLicense: (name: string) => `Licence: ${name}`,
  methodologyEmail: (email: string) => `Email ${email}`,
  methodologyWebsite: 'Website',
  // Dashboard
  dashboardContents: 'On this page',
  dashboardWhere: 'Where gun violence and trauma concentrate',
  dashboardWhereQuestion: 'Where is gun violence and trauma concentrated, and is it changing?',
  dashboardCoresponse: 'Co-response and second responders',
  dashboardCoresponseQuestion: 'Do police respond together with social workers and health workers, and do second responders follow up?',
  dashboardResponse: 'How we responded',
  dashboardResponseQuestion: 'How fast did responders arrive, how long did they stay, who were people referred to, and did anyone follow up?',
  dashboardVictims: 'Past victims',
  dashboardVictimsQuestion: 'What was done for people who were hurt before: were they reached, and connected to help?',
  dashboardMethodology: 'How these numbers are made',
  // Offline copy (issue 7: <daylight-feed> shows the last good feed when a later load fails)
  offlineCopy: (savedOn: string) => `Offline — showing data saved on ${savedOn}`,
  offlineExplain: (asOf: string) => `The latest data could not be loaded. These figures are an earlier copy, as of ${asOf}, and may be out of date.`,
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
