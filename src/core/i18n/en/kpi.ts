import { directionWord, en, type Direction } from '../en.js';

/** English strings only `<daylight-kpi>` reads; importing this module adds them to `en`. */
export const kpiMessages = {
  suppressedExplain: (k: string) => `Counts below ${k} are hidden, and so are some others that could reveal them.`,
  kpiValue: (subject: string, value: string, period: string, isQuantile: boolean) =>
    isQuantile ? `${subject} was ${value} in ${period}` : `${subject}: ${value} in ${period}`,
  kpiSuppressed: (subject: string, period: string, reason: string) => `${subject} in ${period}: ${reason}.`,
  kpiMissing: (subject: string, period: string) => `${subject}: no data for ${period}.`,
  kpiNoPeriod: (subject: string) => `${subject}: no data published yet.`,
  comparison: (difference: string, direction: Direction, period: string) =>
    direction === 'same' ? `, the same as in ${period}.` : `, ${difference} ${directionWord(direction)} than in ${period}.`,
  comparisonUnavailable: (period: string, why: 'suppressed' | 'missing') =>
    why === 'suppressed' ? `. No comparison with ${period}: that value is hidden to protect privacy.` : `. No data for ${period} to compare with.`,
  comparisonHidden: (period: string) => `${period}: hidden, no comparison`,
};

Object.assign(en, kpiMessages);
