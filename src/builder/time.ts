/**
 * Timestamps as cities export them (local wall-clock text, usually with no zone) turned into
 * instants, and instants turned into period keys in the jurisdiction's IANA time zone.
 *
 * Only `Intl.DateTimeFormat` is used, so this runs in Node and in the browser without a time
 * zone library. `formatToParts` costs microseconds, and a build touches millions of timestamps,
 * so offsets are cached per UTC day (a day whose offset is the same at its start, middle and end
 * is taken as constant) and, on the few days with a transition, per quarter hour.
 */
import type { Grain } from '../core/types.js';
import { periodOfDate } from '../core/period.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** DST transitions fall on whole quarter hours in every zone in the tz database. */
const BUCKET = 15 * MINUTE;

export class ZoneClock {
  readonly zone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  /** UTC day number -> the offset all day long, or NaN when it changes that day. */
  private readonly dayOffsets = new Map<number, number>();
  private readonly periodByDay = new Map<number, string>();
  // The last day looked up: rows come in time order, so most lookups hit it.
  private lastDay = Number.NaN;
  private lastDayOffset = Number.NaN;
  private lastPeriodDay = Number.NaN;
  private lastPeriod = '';
  private grain: Grain = 'month';

  /** Throws a RangeError naming the zone when it is not a valid IANA zone. */
  constructor(zone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`"${zone}" is not an IANA time zone this JavaScript engine knows (e.g. "America/Chicago")`);
    }
    this.zone = zone;
  }

  /** Offset of local time from UTC at an instant, in milliseconds (east positive). */
  offsetAt(epoch: number): number {
    const day = Math.floor(epoch / DAY);
    if (day === this.lastDay) {
      if (!Number.isNaN(this.lastDayOffset)) return this.lastDayOffset;
      return this.bucketOffset(epoch);
    }
    const constant = this.constantOffset(day);
    this.lastDay = day;
    this.lastDayOffset = constant;
    return Number.isNaN(constant) ? this.bucketOffset(epoch) : constant;
  }

  /**
   * The offset of UTC day `day` when it is the same at the day's start, middle and end (no zone
   * in the tz database changes its offset and back within half a day), else NaN.
   */
  private constantOffset(day: number): number {
    let constant = this.dayOffsets.get(day);
    if (constant === undefined) {
      const start = this.bucketOffset(day * DAY);
      constant = start === this.bucketOffset(day * DAY + DAY / 2) && start === this.bucketOffset((day + 1) * DAY) ? start : Number.NaN;
      this.dayOffsets.set(day, constant);
    }
    return constant;
  }

  /**
   * The offset that applies to every wall-clock time on the UTC-coded wall day `wallDay` under
   * `wallToEpoch`'s rules when no transition is near (so each is just wall − offset), else NaN.
   */
  wallDayOffset(wallDay: number): number {
    const offset = this.constantOffset(wallDay);
    // wallToEpoch looks half a day either side of the wall time: the neighbouring days too.
    return offset === this.constantOffset(wallDay - 1) && offset === this.constantOffset(wallDay + 1) ? offset : Number.NaN;
  }

  private bucketOffset(epoch: number): number {
    const bucket = Math.floor(epoch / BUCKET);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.computeOffset(bucket * BUCKET);
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  private computeOffset(epoch: number): number {
    const parts = this.format.formatToParts(new Date(epoch));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - epoch;
  }

  /**
   * The instant of a local wall-clock time (given as if it were UTC). An ambiguous time (the hour
   * repeated when clocks fall back) resolves to its first occurrence; a time that does not exist
   * (skipped when clocks spring forward) is read with the offset before the jump, as most CAD
   * systems do.
   */
  wallToEpoch(wall: number): number {
    const before = this.offsetAt(wall - DAY / 2);
    const after = this.offsetAt(wall + DAY / 2);
    if (before === after) return wall - before;
    const first = wall - before;
    if (this.offsetAt(first) === before) return first;
    const second = wall - after;
    if (this.offsetAt(second) === after) return second;
    return first;
  }

  /**
   * When `epoch` is the first occurrence of a repeated wall-clock time, the second occurrence;
   * otherwise `epoch` itself. Used to read an end time that seems to precede its start across a
   * fall-back transition.
   */
  laterOccurrence(epoch: number): number {
    const offset = this.offsetAt(epoch);
    const wall = epoch + offset;
    const later = this.offsetAt(epoch + DAY / 4);
    if (later >= offset) return epoch;
    const second = wall - later;
    return second > epoch && this.offsetAt(second) === later ? second : epoch;
  }

  /** Sets the grain used by `periodOf`. */
  useGrain(grain: Grain): void {
    if (grain !== this.grain) {
      this.periodByDay.clear();
      this.lastPeriodDay = Number.NaN;
    }
    this.grain = grain;
  }

  /** Local calendar day number (days since 1970-01-01 in the zone) of an instant. */
  localDay(epoch: number): number {
    return Math.floor((epoch + this.offsetAt(epoch)) / DAY);
  }

  /** The period key (in the configured grain) containing an instant, cut in the zone's local time. */
  periodOf(epoch: number): string {
    return this.periodOfDay(this.localDay(epoch));
  }

  /** The period key of a local day number. */
  periodOfDay(day: number): string {
    if (day === this.lastPeriodDay) return this.lastPeriod;
    let key = this.periodByDay.get(day);
    if (key === undefined) {
      key = periodOfDate(new Date(day * DAY), this.grain);
      this.periodByDay.set(day, key);
    }
    this.lastPeriodDay = day;
    this.lastPeriod = key;
    return key;
  }
}

/** `YYYY-MM-DD` of a local day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Local day number of `YYYY-MM-DD`. */
export function dayOfIso(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

type Token =
  | { kind: 'num'; field: 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second'; min: number; max: number }
  | { kind: 'fraction' }
  | { kind: 'ampm' }
  | { kind: 'offset' }
  | { kind: 'literal'; text: string };

const TOKENS: Array<[string, Token]> = [
  ['YYYY', { kind: 'num', field: 'year', min: 4, max: 4 }],
  ['MM', { kind: 'num', field: 'month', min: 2, max: 2 }],
  ['M', { kind: 'num', field: 'month', min: 1, max: 2 }],
  ['DD', { kind: 'num', field: 'day', min: 2, max: 2 }],
  ['D', { kind: 'num', field: 'day', min: 1, max: 2 }],
  ['HH', { kind: 'num', field: 'hour', min: 2, max: 2 }],
  ['H', { kind: 'num', field: 'hour', min: 1, max: 2 }],
  ['hh', { kind: 'num', field: 'hour12', min: 2, max: 2 }],
  ['h', { kind: 'num', field: 'hour12', min: 1, max: 2 }],
  ['mm', { kind: 'num', field: 'minute', min: 2, max: 2 }],
  ['ss', { kind: 'num', field: 'second', min: 2, max: 2 }],
  ['SSS', { kind: 'fraction' }],
  ['A', { kind: 'ampm' }],
  ['Z', { kind: 'offset' }],
];

/** Formats understood besides token patterns. */
export const NAMED_FORMATS = ['iso', 'epoch_s', 'epoch_ms'] as const;

export interface TimestampParser {
  readonly format: string;
  /** A sample in this format, for error messages. */
  readonly example: string;
  /** Epoch milliseconds, or NaN when the text does not match the format or names an impossible date. */
  parse(text: string): number;
  /** `parse(text.slice(start, end))`, without making the slice when the format allows. */
  parseRange(text: string, start: number, end: number): number;
}

/** Throws an Error describing the problem when the pattern has no date part. */
export function compileTokens(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < format.length) {
    for (const [text, token] of TOKENS) {
      if (format.startsWith(text, i)) {
        tokens.push(token);
        i += text.length;
        continue outer;
      }
    }
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += format[i];
    else tokens.push({ kind: 'literal', text: format[i]! });
    i++;
  }
  const fields = new Set(tokens.flatMap((t) => (t.kind === 'num' ? [t.field] : [])));
  if (!fields.has('year') || !fields.has('month') || !fields.has('day')) {
    throw new Error(`"${format}" has no full date: use the tokens YYYY, MM (or M) and DD (or D), e.g. "MM/DD/YYYY hh:mm:ss A"`);
  }
  if (fields.has('hour12') !== tokens.some((t) => t.kind === 'ampm')) {
    throw new Error(`"${format}": a 12-hour clock (hh or h) needs an AM/PM marker (A), and A needs hh or h`);
  }
  return tokens;
}

const SAMPLE = { year: 2020, month: 4, day: 7, hour: 23, minute: 53, second: 8 };

function renderExample(tokens: Token[]): string {
  return tokens.map((t) => {
    switch (t.kind) {
      case 'literal': return t.text;
      case 'ampm': return 'PM';
      case 'fraction': return '000';
      case 'offset': return '-07:00';
      case 'num': {
        const value = t.field === 'hour12' ? SAMPLE.hour % 12 || 12 : SAMPLE[t.field];
        return String(value).padStart(t.min, '0');
      }
    }
  }).join('');
}

/**
 * Builds a parser for one timestamp format. Local times (no offset token) are read in `clock`'s
 * zone, honouring daylight saving time.
 */
export function timestampParser(format: string, clock: ZoneClock): TimestampParser {
  if (format === 'epoch_s' || format === 'epoch_ms') {
    const scale = format === 'epoch_s' ? 1000 : 1;
    return withSlices({
      format, example: format === 'epoch_s' ? '1586328788' : '1586328788000',
      parse: (text) => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) * scale : Number.NaN),
    });
  }
  if (format === 'iso') return withSlices(isoParser(clock));
  const tokens = compileTokens(format);
  const dates = new DateCache(clock);
  const generic = (text: string) => parseTokens(tokens, text, dates);
  const fixed = fixedWidthParser(tokens, dates, generic);
  if (!fixed) return withSlices({ format, example: renderExample(tokens), parse: generic });
  return { format, example: renderExample(tokens), parse: (text) => fixed(text, 0, text.length), parseRange: fixed };
}

function withSlices(parser: Omit<TimestampParser, 'parseRange'>): TimestampParser {
  return { ...parser, parseRange: (text, start, end) => parser.parse(text.slice(start, end)) };
}

const FIELD_INDEX = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 } as const;

/**
 * For a format made only of fixed-width numbers and literals (e.g. `YYYY-MM-DD HH:mm:ss`), a
 * parser that reads digits at known positions instead of walking the tokens. Anything it does not
 * recognise goes to the general parser, so both accept and reject exactly the same texts.
 */
function fixedWidthParser(tokens: Token[], dates: DateCache, generic: (text: string) => number): ((text: string, start: number, end: number) => number) | undefined {
  const literalAt: number[] = [];
  const literalCode: number[] = [];
  const numberAt: number[] = [];
  const numberLength: number[] = [];
  const numberField: number[] = [];
  let width = 0;
  for (const token of tokens) {
    if (token.kind === 'literal') {
      for (let i = 0; i < token.text.length; i++) {
        literalAt.push(width + i);
        literalCode.push(token.text.charCodeAt(i));
      }
      width += token.text.length;
    } else if (token.kind === 'num' && token.min === token.max && token.field !== 'hour12') {
      numberAt.push(width);
      numberLength.push(token.min);
      numberField.push(FIELD_INDEX[token.field]);
      width += token.min;
    } else return undefined;
  }
  // Where each field's digits are (-1: not in the format, read as 0). A format naming a field
  // twice keeps the general reader, which reads the last one.
  const at = [-1, -1, -1, -1, -1, -1];
  const length = [0, 0, 0, 0, 0, 0];
  for (let n = 0; n < numberAt.length; n++) {
    if (at[numberField[n]!] !== -1) return undefined;
    at[numberField[n]!] = numberAt[n]!;
    length[numberField[n]!] = numberLength[n]!;
  }
  const [yearAt, monthAt, dayAt, hourAt, minuteAt, secondAt] = at as [number, number, number, number, number, number];
  const [yearLength, monthLength, dayLength, hourLength, minuteLength, secondLength] = length as [number, number, number, number, number, number];
  const literals = literalAt.length;
  return (text, start, end) => {
    if (end - start !== width) return generic(text.slice(start, end));
    for (let i = 0; i < literals; i++) if (text.charCodeAt(start + literalAt[i]!) !== literalCode[i]) return generic(text.slice(start, end));
    const year = digitsAt(text, start + yearAt, yearLength);
    const month = digitsAt(text, start + monthAt, monthLength);
    const day = digitsAt(text, start + dayAt, dayLength);
    const hour = hourAt < 0 ? 0 : digitsAt(text, start + hourAt, hourLength);
    const minute = minuteAt < 0 ? 0 : digitsAt(text, start + minuteAt, minuteLength);
    const second = secondAt < 0 ? 0 : digitsAt(text, start + secondAt, secondLength);
    if ((year | month | day | hour | minute | second) < 0) return generic(text.slice(start, end));
    return dates.assemble(year, month, day, hour, minute, second, 0, Number.NaN);
  };
}

/** The number written by `length` digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at, stop = at + length; i < stop; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * The last calendar date a parser saw, with its UTC-coded midnight and, when no offset change is
 * near, its offset: timestamps in an export come in runs of the same date, so most of them skip
 * Date.UTC, the impossible-date check and the zone lookups.
 */
class DateCache {
  private year = -1;
  private month = -1;
  private day = -1;
  /** Date.UTC of the date's midnight, or NaN for an impossible date. */
  private midnight = Number.NaN;
  /** The zone offset for every wall time that day, or NaN near a transition. */
  private offset = Number.NaN;
  constructor(readonly clock: ZoneClock) {}

  /** Same result as assemble(), faster for a repeated date. */
  assemble(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offset: number): number {
    if (year !== this.year || month !== this.month || day !== this.day || year < 100) {
      // Years below 100 keep assemble()'s Date.UTC reading (0099 is 1999), uncached.
      if (year < 100) return assemble(year, month, day, hour, minute, second, ms, offset, this.clock);
      this.year = year;
      this.month = month;
      this.day = day;
      if (month < 1 || month > 12 || day < 1 || day > 31) this.midnight = Number.NaN;
      else {
        const midnight = Date.UTC(year, month - 1, day);
        // Date.UTC rolls 31 April over into 1 May; a real date survives the round trip.
        this.midnight = new Date(midnight).getUTCDate() === day ? midnight : Number.NaN;
      }
      this.offset = Number.isNaN(this.midnight) ? Number.NaN : this.clock.wallDayOffset(Math.floor(this.midnight / DAY));
    }
    if (Number.isNaN(this.midnight) || hour > 23 || minute > 59 || second > 59) return Number.NaN;
    const wall = this.midnight + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    if (!Number.isNaN(offset)) return wall - offset;
    return Number.isNaN(this.offset) ? this.clock.wallToEpoch(wall) : wall - this.offset;
  }
}

function parseTokens(tokens: Token[], text: string, dates: DateCache): number {
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
  let pm = -1;
  let offset = Number.NaN;
  let i = 0;
  const end = text.length;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    switch (token.kind) {
      case 'literal': {
        if (!text.startsWith(token.text, i)) return Number.NaN;
        i += token.text.length;
        break;
      }
      case 'num': {
        let value = 0;
        let digits = 0;
        while (digits < token.max && i < end) {
          const c = text.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          value = value * 10 + c;
          i++;
          digits++;
        }
        if (digits < token.min) return Number.NaN;
        switch (token.field) {
          case 'year': year = value; break;
          case 'month': month = value; break;
          case 'day': day = value; break;
          case 'hour': hour = value; break;
          case 'hour12': if (value < 1 || value > 12) return Number.NaN; hour = value % 12; break;
          case 'minute': minute = value; break;
          case 'second': second = value; break;
        }
        break;
      }
      case 'fraction': {
        if (text.charCodeAt(i) !== 46 /* . */) break; // the fraction is optional
        i++;
        let scale = 100;
        const start = i;
        while (i < end) {
          const c = text.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
          i++;
        }
        if (i === start) return Number.NaN;
        ms = Math.floor(ms);
        break;
      }
      case 'ampm': {
        const a = text.charCodeAt(i) | 32;
        const m = text.charCodeAt(i + 1) | 32;
        if (m !== 109 || (a !== 97 && a !== 112)) return Number.NaN;
        pm = a === 112 ? 1 : 0;
        i += 2;
        break;
      }
      case 'offset': {
        const parsed = parseOffset(text, i);
        if (!parsed) return Number.NaN;
        offset = parsed.offset;
        i = parsed.next;
        break;
      }
    }
  }
  if (i !== end) return Number.NaN;
  if (pm === 1) hour += 12;
  return dates.assemble(year, month, day, hour, minute, second, ms, offset);
}

function parseOffset(text: string, i: number): { offset: number; next: number } | undefined {
  if (text[i] === 'Z') return { offset: 0, next: i + 1 };
  const match = /^([+-])(\d{2}):?(\d{2})?/.exec(text.slice(i));
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  return { offset: sign * (Number(match[2]) * 60 + Number(match[3] ?? 0)) * MINUTE, next: i + match[0].length };
}

function assemble(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number,
  offset: number, clock: ZoneClock): number {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 April over into 1 May; a real date survives the round trip.
  if (new Date(wall).getUTCDate() !== day) return Number.NaN;
  return Number.isNaN(offset) ? clock.wallToEpoch(wall) : wall - offset;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isoParser(clock: ZoneClock): Omit<TimestampParser, 'parseRange'> {
  return {
    format: 'iso',
    example: '2020-04-07T23:53:08-07:00',
    parse(text) {
      const match = ISO.exec(text.trim());
      if (!match) return Number.NaN;
      const offset = match[8] ? parseOffset(match[8], 0)!.offset : Number.NaN;
      const ms = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
      return assemble(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0),
        Number(match[6] ?? 0), ms, offset, clock);
    },
  };
}
