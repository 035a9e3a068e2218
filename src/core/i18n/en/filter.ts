import { en } from '../en.js';

/** English strings only `<daylight-filter>` reads; importing this module adds them to `en`. */
export const filterMessages = {
  filterLegend: 'Choose what the figures show',
  filterLatest: 'Latest',
  filterReset: 'Show citywide, latest',
  filterShowing: (area: string, period: string) => `Showing ${area}, ${period}.`,
};

Object.assign(en, filterMessages);
