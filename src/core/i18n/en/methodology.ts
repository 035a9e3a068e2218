import { en } from '../en.js';

/** English strings only `<daylight-methodology>` reads; importing this module adds them to `en`. */
export const methodologyMessages = {
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
};

Object.assign(en, methodologyMessages);
