import { en } from '../en.js';

/** English strings only `<daylight-breakdown>` reads; importing this module adds them to `en`. */
export const breakdownMessages = {
  shareOfTotal: (share: string) => `${share} of the total`,
  breakdownSummary: (subject: string, context: string, largest: string, overall: string) =>
    `${subject}, ${context}. ${largest ? `Largest: ${largest}.` : 'No category has a number that can be published.'}${overall ? ` ${overall}.` : ''}`,
  hiddenCategories: (count: number, k: string) =>
    `${count === 1 ? '1 category is' : `${count} categories are`} hidden because the count was fewer than ${k} or could reveal one.`,
  totalWithheld: 'The total is hidden so that a hidden category cannot be worked out from it.',
  noComparisonWith: (period: string) => `no comparison with ${period}`,
};

Object.assign(en, breakdownMessages);
