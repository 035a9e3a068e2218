import { en, lower, ordinal } from '../en.js';

/**
 * English strings the category elements share (`<daylight-breakdown>`, `<daylight-table>`,
 * `<daylight-distribution>`, `<daylight-funnel>`) and no other element reads; importing this
 * module adds them to `en`.
 */
export const categoryMessages = {
  unknownDimension: (dimension: string, available: string) => `The metric has no dimension "${dimension}". Its dimensions: ${available}.`,
  byDimension: (subject: string, dimension: string) => `${subject} by ${lower(dimension)}`,
  quantileName: (q: number) => (q === 0.5 ? 'Median' : `${ordinal(Math.round(q * 100))} percentile`),
  shareHeading: 'Share',
  countHeading: 'Count',
  hiddenRows: (count: number, k: string) =>
    `${count === 1 ? '1 number is' : `${count} numbers are`} hidden because the count was fewer than ${k} or could reveal one.`,
  withheldRows: (count: number) =>
    `${count === 1 ? '1 more number is' : `${count} more numbers are`} hidden so that a hidden count cannot be worked out by subtraction.`,
};

Object.assign(en, categoryMessages);
