import { en } from '../en.js';

/** English strings only `<daylight-trend>` reads; importing this module adds them to `en`. */
export const trendMessages = {
  trendSummary: (subject: string, area: string, first: string, last: string, latest: string, high: string) =>
    `${subject}, ${area}, ${first} to ${last}. Latest: ${latest}.${high ? ` Highest: ${high}.` : ''}`,
  valueIn: (value: string, period: string) => `${value} in ${period}`,
  hiddenPeriods: (count: number, k: string) =>
    `${count === 1 ? '1 period is' : `${count} periods are`} hidden because the count was fewer than ${k} or could reveal one.`,
  chartKeys: 'Use the left and right arrow keys to move between periods; Home and End jump to the first and last.',
};

Object.assign(en, trendMessages);
