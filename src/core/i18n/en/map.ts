import { en, lower } from '../en.js';

/** English strings only `<daylight-map>` reads; importing this module adds them to `en`. */
export const mapMessages = {
  legendMissing: 'No data',
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
  rankedHeading: 'Highest first',
  area: 'Area',
  shareColumn: 'Share of the city',
  rateColumn: (per: string) => `Per ${per} residents`,
  areaLabel: (name: string, value: string, period: string) => `${name}: ${value}, ${period}`,
  boundaryProblems: (count: number) => `${count === 1 ? '1 problem' : `${count} problems`} with the area boundaries; the other areas are drawn.`,
  mapLoadError: 'The map itself could not be loaded (the connection may have dropped), so it is not shown; the list and the table still are. Reloading the page may bring it back.',
  boundaryLoadError: (url: string) => `The area boundaries at ${url} could not be loaded, so the map is not shown; the list and the table still are.`,
  noBoundaries: 'This feed names no area boundaries: set the areas attribute to a GeoJSON file.',
  noAreaData: 'This metric has no figures by area.',
};

Object.assign(en, mapMessages);
