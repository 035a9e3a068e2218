import { en } from '../en.js';

/** English strings only `<daylight-table>` reads; importing this module adds them to `en`. */
export const tableMessages = {
  allPeriods: 'All periods',
  numeratorHeading: 'Count',
  denominatorHeading: 'Out of',
  rateHeading: 'Rate',
  sortedBy: (column: string, ascending: boolean) => `Sorted by ${column}, ${ascending ? 'ascending' : 'descending'}.`,
};

Object.assign(en, tableMessages);
