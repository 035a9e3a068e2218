/**
 * Period keys are strings whose shape follows the feed's grain:
 * year `2024`, quarter `2024-Q3`, month `2024-07`, ISO week `2024-W07`.
 * Arithmetic works on an ordinal (count of grains since year 0) so that sorting,
 * "previous" and "a year earlier" need no calendar library.
 */
import type { Grain } from './types.js';

const PATTERNS: Record<Grain, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  week: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
};

/** Grains per year, for "same period a year earlier". Weeks use 52; ISO years with 53 weeks shift by one, a documented approximation. */
export const PERIODS_PER_YEAR: Record<Grain, number> = { year: 1, quarter: 4, month: 12, week: 52 };

export function isPeriodOfGrain(key: string, grain: Grain): boolean {
  return PATTERNS[grain].test(key);
}

/** The period's position on a line of grains, or NaN when the key does not match the grain. */
export function periodOrdinal(key: string, grain: Grain): number {
  const match = PATTERNS[grain].exec(key);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  switch (grain) {
    case 'year': return year;
    case 'quarter': return year * 4 + Number(match[2]) - 1;
    case 'month': return year * 12 + Number(match[2]) - 1;
    case 'week': return year * 53 + Number(match[2]) - 1;
  }
}

export function periodFromOrdinal(ordinal: number, grain: Grain): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (grain) {
    case 'year': return String(ordinal);
    case 'quarter': return `${Math.floor(ordinal / 4)}-Q${(ordinal % 4) + 1}`;
    case 'month': return `${Math.floor(ordinal / 12)}-${pad((ordinal % 12) + 1)}`;
    case 'week': return `${Math.floor(ordinal / 53)}-W${pad((ordinal % 53) + 1)}`;
  }
}

/** The period `offset` grains away (negative is earlier). Weeks past the year's last ISO week roll into the next year. */
export function shiftPeriod(key: string, grain: Grain, offset: number): string {
  if (grain === 'week') {
    const { year, week } = parseWeek(key);
    const start = isoWeekStart(year, week);
    start.setUTCDate(start.getUTCDate() + offset * 7);
    return isoWeekKey(start);
  }
  return periodFromOrdinal(periodOrdinal(key, grain) + offset, grain);
}

/** The same period one year earlier: `2024-07` -> `2023-07`, `2024-Q3` -> `2023-Q3`. */
export function samePeriodLastYear(key: string, grain: Grain): string {
  if (grain === 'week') {
    const { year, week } = parseWeek(key);
    return `${year - 1}-W${String(Math.min(week, weeksInIsoYear(year - 1))).padStart(2, '0')}`;
  }
  return shiftPeriod(key, grain, -PERIODS_PER_YEAR[grain]);
}

/** Sort comparator for period keys of one grain. */
export function comparePeriods(a: string, b: string, grain: Grain): number {
  return periodOrdinal(a, grain) - periodOrdinal(b, grain);
}

/** First and last calendar day of a period, as UTC dates (periods are calendar units in the jurisdiction's zone). */
export function periodBounds(key: string, grain: Grain): { start: Date; end: Date } {
  const match = PATTERNS[grain].exec(key);
  if (!match) throw new RangeError(`"${key}" is not a ${grain} period`);
  const year = Number(match[1]);
  switch (grain) {
    case 'year': return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year, 11, 31)) };
    case 'quarter': {
      const q = Number(match[2]) - 1;
      return { start: new Date(Date.UTC(year, q * 3, 1)), end: new Date(Date.UTC(year, q * 3 + 3, 0)) };
    }
    case 'month': {
      const month = Number(match[2]) - 1;
      return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 0)) };
    }
    case 'week': {
      const start = isoWeekStart(year, Number(match[2]));
      const end = new Date(start);
      end.setUTCDate(end.getUTCDate() + 6);
      return { start, end };
    }
  }
}

/** The period key containing a calendar date given as `YYYY-MM-DD` or a UTC Date of that day. */
export function periodOfDate(date: Date, grain: Grain): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (grain) {
    case 'year': return String(year);
    case 'quarter': return `${year}-Q${Math.floor(month / 3) + 1}`;
    case 'month': return `${year}-${String(month + 1).padStart(2, '0')}`;
    case 'week': return isoWeekKey(date);
  }
}

function parseWeek(key: string): { year: number; week: number } {
  const match = PATTERNS.week.exec(key);
  if (!match) throw new RangeError(`"${key}" is not a week period`);
  return { year: Number(match[1]), week: Number(match[2]) };
}

function isoWeekStart(year: number, week: number): Date {
  // ISO week 1 is the week with the year's first Thursday; Jan 4th is always in it.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = new Date(jan4);
  mondayOfWeek1.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7));
  mondayOfWeek1.setUTCDate(mondayOfWeek1.getUTCDate() + (week - 1) * 7);
  return mondayOfWeek1;
}

function isoWeekKey(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const isoYear = thursday.getUTCFullYear();
  const week = Math.round((thursday.getTime() - isoWeekStart(isoYear, 1).getTime()) / 604_800_000) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

function weeksInIsoYear(year: number): number {
  return isoWeekKey(new Date(Date.UTC(year, 11, 28))).endsWith('53') ? 53 : 52;
}
