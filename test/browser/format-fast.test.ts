import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatCount, formatDate, formatNumber, formatPeriod } from '../../src/core/format.js';

// The fast path claims byte-identical output to this browser's Intl, so Intl is the oracle. Mixed
// case is included because tags come straight from `lang` attributes.
const FAST_TAGS = ['en', 'en-US', 'es', 'es-ES', 'EN-us', 'ES-es'];
const RUNS = 3000;

type Constructors = Pick<typeof Intl, 'NumberFormat' | 'DateTimeFormat'>;
const real: Constructors = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };

/**
 * Runs `run` with Intl's formatter constructors replaced by throwing spies, so a fallback to Intl
 * anywhere in the fast path fails the test instead of passing by agreeing with itself. Reference
 * formatters must be made before (see `reference`).
 */
function withoutIntl(run: () => void): string[] {
  const made: string[] = [];
  for (const name of Object.keys(real) as (keyof Constructors)[]) {
    Reflect.set(Intl, name, function () {
      made.push(name);
      throw new Error(`Intl.${name} constructed`);
    });
  }
  try {
    run();
  } finally {
    Object.assign(Intl, real);
  }
  return made;
}

/** Runs `run` with Intl's formatter constructors counted (and working). */
function countingIntl(run: () => void): number {
  let made = 0;
  for (const name of Object.keys(real) as (keyof Constructors)[]) {
    Reflect.set(Intl, name, new Proxy(real[name], {
      construct(target, args) {
        made++;
        return Reflect.construct(target, args) as object;
      },
    }));
  }
  try {
    run();
  } finally {
    Object.assign(Intl, real);
  }
  return made;
}

const numberReferences = new Map<string, Intl.NumberFormat>();
const dateReferences = new Map<string, Intl.DateTimeFormat>();
function reference(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberReferences.get(key);
  if (!format) numberReferences.set(key, (format = new real.NumberFormat(tag, options)));
  return format;
}
function dateReference(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateReferences.get(key);
  if (!format) dateReferences.set(key, (format = new real.DateTimeFormat(tag, { timeZone: 'UTC', ...options })));
  return format;
}

const digit = fc.integer({ min: 0, max: 9 });
const negate = <T extends number>(value: fc.Arbitrary<T>) =>
  fc.tuple(value, fc.boolean()).map(([v, negative]) => (negative ? -v : v));
/** `int.dddd5`: the last digit is a tie at some rounding position, the case float rounding gets wrong. */
const tie = (maxInt: number) =>
  negate(fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.array(digit, { maxLength: 5 }))
    .map(([int, fraction]) => Number(`${int}.${fraction.join('')}5`)));
const integers = negate(fc.double({ min: 0, max: 1e15, noNaN: true }).map(Math.round));
// Below 1e-6 `String(x)` switches to exponent form, which the fast path hands to Intl.
const plain = (min: number, max: number) => negate(fc.double({ min, max, noNaN: true }));
const anyPlain = plain(0, 1e15).filter((v) => !String(v).includes('e'));
const NEGATIVE_ZERO = fc.constant(-0);

const WHOLE = { maximumFractionDigits: 0 };
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const UP_TO_ONE_DECIMAL = { maximumFractionDigits: 1 };
const PERCENT = { style: 'percent', maximumFractionDigits: 0 } as const;
const PERCENT_ONE_DECIMAL = { style: 'percent', maximumFractionDigits: 1 } as const;

// Each option set through the public function that uses it, with values that reach it.
const optionSets: { name: string; options: Intl.NumberFormatOptions; format: (v: number, tag: string) => string; values: fc.Arbitrary<number> }[] = [
  { name: 'WHOLE', options: WHOLE, format: formatCount, values: fc.oneof(integers, tie(1e9), anyPlain, plain(1e-6, 1), NEGATIVE_ZERO) },
  { name: 'ONE_DECIMAL', options: ONE_DECIMAL, format: (v, tag) => formatNumber(v, 'minutes', tag), values: fc.oneof(integers, tie(1e9), anyPlain, plain(1e-6, 1), NEGATIVE_ZERO) },
  { name: 'UP_TO_ONE_DECIMAL', options: UP_TO_ONE_DECIMAL, format: (v, tag) => formatNumber(v, 'rate', tag), values: fc.oneof(integers, tie(1e9), anyPlain, plain(1e-6, 1), NEGATIVE_ZERO) },
  {
    name: 'PERCENT',
    options: PERCENT,
    format: (v, tag) => formatNumber(v, 'share', tag),
    // `share` picks PERCENT for zero and for magnitudes from 0.1 up.
    values: fc.oneof(plain(0.1, 1), tie(100), plain(0.1, 1e12), NEGATIVE_ZERO, fc.constant(0)).filter((v) => v === 0 || Math.abs(v) >= 0.1),
  },
  {
    name: 'PERCENT_ONE_DECIMAL',
    options: PERCENT_ONE_DECIMAL,
    format: (v, tag) => formatNumber(v, 'share', tag),
    values: fc.oneof(
      plain(1e-6, 0.1),
      negate(fc.array(digit, { maxLength: 5 }).map((d) => Number(`0.0${d.join('')}5`))),
    // Five zeros make 0.0000005, which String() writes as 5e-7: that goes to Intl by design (see
    // `plain`), and this test's Intl throws, so one seed in a few thousand failed the run.
    ).filter((v) => v !== 0 && Math.abs(v) < 0.1 && !String(v).includes('e')),
  },
];

const MONTH_YEAR_LONG = { month: 'long', year: 'numeric' } as const;
const MONTH_YEAR_SHORT = { month: 'short', year: 'numeric' } as const;
const MONTH_SHORT = { month: 'short' } as const;
const DATE_LONG = { dateStyle: 'long' } as const;
const years = fc.integer({ min: 1000, max: 9999 });
const pad = (n: number) => String(n).padStart(2, '0');
const utc = (year: number, month: number, day: number) => {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
};
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('format fast path (en, en-US, es, es-ES)', () => {
  for (const { name, options, format, values } of optionSets) {
    it(`${name} matches Intl.NumberFormat for every fast tag`, () => {
      for (const tag of FAST_TAGS) {
        const expected = reference(tag, options);
        // A few named cases first: each is a place where a naive implementation differs from ICU.
        const named = [1.005, 0.15, 0.35, 0.285, 0.575, 0.0035, 0.00145, 1234, 12345, -0.4, -0.04, 0.95, 99.95, 999999.96, 0.1, 0.0995];
        const made = withoutIntl(() => {
          for (const v of named) {
            if (name === 'PERCENT' && v !== 0 && Math.abs(v) < 0.1) continue;
            if (name === 'PERCENT_ONE_DECIMAL' && Math.abs(v) >= 0.1) continue;
            expect(format(v, tag), `${v} in ${tag}`).to.equal(expected.format(v));
          }
          fc.assert(fc.property(values, (v) => format(v, tag) === expected.format(v)), { numRuns: RUNS });
        });
        expect(made).to.deep.equal([]);
      }
    });
  }

  it('month periods, long and short, match Intl.DateTimeFormat', () => {
    for (const tag of FAST_TAGS) {
      const long = dateReference(tag, MONTH_YEAR_LONG);
      const short = dateReference(tag, MONTH_YEAR_SHORT);
      const made = withoutIntl(() => {
        fc.assert(fc.property(years, (year) => {
          for (let month = 0; month < 12; month++) {
            const key = `${year}-${pad(month + 1)}`;
            const start = utc(year, month, 1);
            expect(formatPeriod(key, 'month', tag, 'long'), `${key} ${tag}`).to.equal(long.format(start));
            expect(formatPeriod(key, 'month', tag, 'short'), `${key} ${tag}`).to.equal(short.format(start));
          }
        }), { numRuns: 400 });
      });
      expect(made).to.deep.equal([]);
    }
  });

  it('quarter periods match the month names of Intl.DateTimeFormat', () => {
    for (const tag of FAST_TAGS) {
      const month = dateReference(tag, MONTH_SHORT);
      const made = withoutIntl(() => {
        fc.assert(fc.property(years, (year) => {
          for (let q = 0; q < 4; q++) {
            const expected = `${month.format(utc(year, q * 3, 1))}–${month.format(utc(year, q * 3 + 2, 1))} ${year}`;
            expect(formatPeriod(`${year}-Q${q + 1}`, 'quarter', tag), tag).to.equal(expected);
          }
        }), { numRuns: 400 });
      });
      expect(made).to.deep.equal([]);
    }
  });

  it('formatDate matches Intl.DateTimeFormat on every day of leap, common and edge years, and on sampled days', () => {
    for (const tag of FAST_TAGS) {
      const expected = dateReference(tag, DATE_LONG);
      const made = withoutIntl(() => {
        for (const year of [1000, 1900, 2000, 2024, 2026, 9999]) {
          for (let day = utc(year, 0, 1); day.getUTCFullYear() === year; day = utc(year, day.getUTCMonth(), day.getUTCDate() + 1)) {
            expect(formatDate(iso(day), tag)).to.equal(expected.format(day));
          }
        }
        const days = fc.tuple(years, fc.integer({ min: 0, max: 365 })).map(([year, day]) => utc(year, 0, day + 1))
          .filter((day) => day.getUTCFullYear() <= 9999);
        fc.assert(fc.property(days, (day) => formatDate(iso(day), tag) === expected.format(day)), { numRuns: RUNS });
      });
      expect(made).to.deep.equal([]);
    }
  });

  it('formats with the four fast tags without constructing any Intl object', () => {
    const made = withoutIntl(() => {
      for (const tag of ['en', 'en-US', 'es', 'es-ES']) {
        formatCount(12345, tag);
        formatNumber(8.44, 'minutes', tag);
        formatNumber(0.05, 'share', tag);
        formatNumber(0.5, 'share', tag);
        formatNumber(3.14, 'rate', tag, 1000);
        formatPeriod('2021-09', 'month', tag, 'long');
        formatPeriod('2021-09', 'month', tag, 'short');
        formatPeriod('2021-Q3', 'quarter', tag);
        formatDate('2026-11-01', tag);
      }
    });
    expect(made).to.deep.equal([]);
    expect(formatPeriod('2021-09', 'month', 'es', 'short')).to.equal('sept 2021');
    expect(formatDate('2026-11-01', 'es-ES')).to.equal('1 de noviembre de 2026');
    expect(formatNumber(0.123, 'share', 'es')).to.equal('12\u00a0%');
  });
});

// These tests let Intl be built, so they run after the ones above: the module caches formatters.
describe('format outside the fast path', () => {
  it('sends other tags (es-MX, es-US, en-GB, fr) to Intl', () => {
    for (const tag of ['es-MX', 'es-US', 'en-GB', 'fr']) {
      let texts: string[] = [];
      const made = countingIntl(() => {
        texts = [formatCount(12345.6, tag), formatNumber(0.0456, 'share', tag), formatPeriod('2021-09', 'month', tag, 'short'), formatDate('2026-11-01', tag)];
      });
      expect(made, tag).to.be.greaterThan(0);
      expect(texts).to.deep.equal([
        reference(tag, WHOLE).format(12345.6),
        reference(tag, PERCENT_ONE_DECIMAL).format(0.0456),
        dateReference(tag, MONTH_YEAR_SHORT).format(utc(2021, 8, 1)),
        dateReference(tag, DATE_LONG).format(utc(2026, 10, 1)),
      ]);
    }
    // es-MX groups from four digits, unlike es: proof the text came from Intl, not the fast path.
    expect(formatCount(1234, 'es-MX')).to.equal(reference('es-MX', WHOLE).format(1234));
    expect(formatCount(1234, 'es-MX')).not.to.equal(formatCount(1234, 'es'));
  });

  it('hands exponent forms, NaN, infinities and years before 1000 to Intl', () => {
    for (const tag of FAST_TAGS) {
      for (const v of [1e21, -1e21, 1e-7, -5e-7, 1.5e300, Number.NaN, Infinity, -Infinity]) {
        expect(formatCount(v, tag)).to.equal(reference(tag, WHOLE).format(v));
        expect(formatNumber(v, 'minutes', tag)).to.equal(reference(tag, ONE_DECIMAL).format(v));
        expect(formatNumber(v, 'rate', tag)).to.equal(reference(tag, UP_TO_ONE_DECIMAL).format(v));
      }
      expect(formatNumber(5e-7, 'share', tag)).to.equal(reference(tag, PERCENT_ONE_DECIMAL).format(5e-7));
      for (const day of ['0000-01-01', '0099-06-15', '0999-12-31']) {
        expect(formatDate(day, tag)).to.equal(dateReference(tag, DATE_LONG).format(new Date(`${day}T00:00:00Z`)));
      }
      expect(formatPeriod('0999-12', 'month', tag)).to.equal(dateReference(tag, MONTH_YEAR_LONG).format(utc(999, 11, 1)));
    }
  });
});
