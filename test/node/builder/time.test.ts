process.env.TZ = 'UTC';
/**
 * Timestamp parsing against a reference that does what the parser did before its caches: Date.UTC
 * for the wall time and the zone's offset looked up with Intl at every quarter hour. The caches
 * (offsets per UTC day, the last date per parser, the fixed-width reader) must not change a single
 * result, least of all on days when clocks change.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ZoneClock, timestampParser } from '../../../src/builder/time.ts';

const DAY = 86_400_000;
const QUARTER = 900_000;

function referenceClock(zone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const offsetAt = (epoch: number) => {
    const at = Math.floor(epoch / QUARTER) * QUARTER;
    const parts = format.formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
  };
  const wallToEpoch = (wall: number) => {
    const before = offsetAt(wall - DAY / 2);
    const after = offsetAt(wall + DAY / 2);
    if (before === after) return wall - before;
    const first = wall - before;
    if (offsetAt(first) === before) return first;
    const second = wall - after;
    if (offsetAt(second) === after) return second;
    return first;
  };
  return { offsetAt, wallToEpoch };
}

function reference(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return Number.NaN;
  return referenceClock(zone).wallToEpoch(wall);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ZONES = ['America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Apia'];
// Days around clock changes (2011-12-30 does not exist in Apia), and ordinary days.
const DATES: Array<[number, number, number]> = [
  [2024, 3, 10], [2024, 3, 9], [2024, 3, 11], [2024, 11, 3], [2024, 11, 2], [2024, 11, 4], [2024, 3, 31], [2024, 10, 27],
  [2024, 4, 7], [2024, 10, 6], [2011, 12, 29], [2011, 12, 30], [2011, 12, 31], [2023, 6, 15], [2024, 2, 29], [2023, 2, 29],
  [2024, 4, 31], [2024, 13, 1], [2024, 0, 5], [2024, 1, 32],
];

describe('timestamp parsing', () => {
  for (const zone of ZONES) {
    it(`agrees with Intl at every quarter hour of days with and without clock changes in ${zone}`, () => {
      const clock = new ZoneClock(zone);
      const iso = timestampParser('YYYY-MM-DD HH:mm:ss', clock);
      const us = timestampParser('MM/DD/YYYY hh:mm:ss A', clock);
      const loose = timestampParser('YYYY/M/D H:mm', clock);
      for (const [y, mo, d] of DATES) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 7) {
          const h = Math.floor(minutes / 60);
          const mi = minutes % 60;
          const s = (minutes * 13) % 60;
          const want = reference(zone, y, mo, d, h, mi, s);
          const text = `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
          assert.equal(iso.parse(text), want, `${zone} ${text}`);
          assert.equal(us.parse(`${pad(mo)}/${pad(d)}/${y} ${pad(h % 12 || 12)}:${pad(mi)}:${pad(s)} ${h < 12 ? 'AM' : 'PM'}`), want, `${zone} ${text} (12-hour)`);
          assert.equal(loose.parse(`${y}/${mo}/${d} ${h}:${pad(mi)}`), reference(zone, y, mo, d, h, mi, 0), `${zone} ${text} (loose)`);
        }
      }
    });
  }

  it('agrees with Intl on the offset of every quarter hour over two years', () => {
    for (const zone of ['America/Chicago', 'Australia/Lord_Howe']) {
      const clock = new ZoneClock(zone);
      const ref = referenceClock(zone);
      for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += QUARTER + 60_000) {
        assert.equal(clock.offsetAt(t), ref.offsetAt(t), `${zone} ${new Date(t).toISOString()}`);
      }
    }
  });

  it('rejects what the general reader rejects, in the fixed-width reader too', () => {
    const parser = timestampParser('YYYY-MM-DD HH:mm:ss', new ZoneClock('America/Chicago'));
    for (const bad of ['2024-01-01 24:00:00', '2024-01-01 23:60:00', '2024-01-01 23:59:60', '2024-01-01T00:00:00', '2024-01-01 00:00',
      '2024-01-01 00:00:00 ', ' 2024-01-01 00:00:00', '2024-1-01 00:00:00', '2024-01-0a 00:00:00', '2023-02-29 00:00:00', '2024-04-31 12:00:00', '', 'yesterday']) {
      assert.ok(Number.isNaN(parser.parse(bad)), bad);
    }
    // Four-digit years below 100 keep Date.UTC's reading, as before.
    assert.equal(parser.parse('0099-06-01 12:00:00'), reference('America/Chicago', 99, 6, 1, 12, 0, 0));
  });

  it('parseRange(text, start, end) reads a timestamp inside a line as parse() reads it alone, for every format', () => {
    const clock = new ZoneClock('America/Los_Angeles');
    const samples: Array<[string, string[]]> = [
      ['YYYY-MM-DD HH:mm:ss', ['2024-11-03 01:30:00', '2024-03-10 02:30:00', '2024-07-01 12:00:00', '2024-02-30 01:00:00', '2024-07-01 12:00', '2024-07-0x 12:00:00', '', '0099-06-01 12:00:00']],
      ['MM/DD/YYYY hh:mm:ss A', ['04/07/2020 11:53:08 PM', '04/07/2020 13:53:08 PM', '4/7/2020 11:53:08 PM']],
      ['YYYY/M/D H:mm', ['2024/3/10 2:30', '2024/12/31 23:59', '2024/1/1']],
      ['iso', ['2020-04-07T23:53:08-07:00', '2020-04-07 23:53:08', '2020-04-07T23:53:08.5Z', 'nope']],
      ['epoch_s', ['1586328788', '1586328788.25', '15x']],
      ['epoch_ms', ['1586328788000', '-5']],
    ];
    for (const [format, texts] of samples) {
      const alone = timestampParser(format, clock);
      const inLine = timestampParser(format, clock);
      for (const text of texts) {
        const line = `C1,${text},x`;
        const want = alone.parse(text);
        const got = inLine.parseRange(line, 3, 3 + text.length);
        assert.ok(Object.is(got, want), `${format} ${JSON.stringify(text)}: ${got} vs ${want}`);
      }
    }
  });

  it('reads the same text the same way whatever came before it', () => {
    const clock = new ZoneClock('America/Los_Angeles');
    const parser = timestampParser('YYYY-MM-DD HH:mm:ss', clock);
    const texts = ['2024-11-03 01:30:00', '2024-11-03 00:59:59', '2024-03-10 02:30:00', '2024-03-10 03:00:00', '2024-07-01 12:00:00', '2024-02-30 01:00:00'];
    const fresh = texts.map((t) => timestampParser('YYYY-MM-DD HH:mm:ss', new ZoneClock('America/Los_Angeles')).parse(t));
    for (let round = 0; round < 3; round++) {
      for (let i = texts.length - 1; i >= 0; i--) assert.equal(parser.parse(texts[(i * 5 + round) % texts.length]!), fresh[(i * 5 + round) % texts.length]);
    }
  });
});
