import { en, lower, ordinal } from '../en.js';

/** English strings only `<daylight-distribution>` reads; importing this module adds them to `en`. */
export const distributionMessages = {
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
};

Object.assign(en, distributionMessages);
