process.env.TZ = 'UTC';
/**
 * A source read as ranges of its lines (`addRange`, what the CLI's CSV fast path hands on) builds
 * the same feed and reports the same problems as the same rows given as strings (`add`), including
 * rows with padded, blank and unreadable fields.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../../src/builder/config.ts';
import { FeedBuilder } from '../../../src/builder/build.ts';

const root = new URL('../../../', import.meta.url);
const config = parseConfig(JSON.parse(readFileSync(new URL('configs/sample-city.config.json', root), 'utf8')));
const boundary = JSON.parse(readFileSync(new URL('test/fixtures/sample-city/sample-city-districts.geojson', root), 'utf8'));

/** The fixture's lines, with some fields padded (ASCII and Unicode spaces), emptied or garbled. */
function lines(file: string): string[] {
  const [header, ...rows] = readFileSync(new URL(`test/fixtures/sample-city/${file}`, root), 'utf8').trimEnd().split('\n');
  return [header!, ...rows.map((row, r) => row.split(',').map((field, f) => {
    const n = r * 7 + f;
    if (n % 23 === 0) return ` ${field} `;
    if (n % 29 === 0) return `\u00a0${field}`;
    if (n % 31 === 0) return `${field}\t`;
    if (n % 97 === 0) return '';
    if (n % 89 === 0) return 'yesterday';
    return field;
  }).join(','))];
}

function build(ranged: boolean): { feed: string; problems: string[] } {
  const builder = new FeedBuilder(config, { generated: '2025-01-01T00:00:00Z', boundary });
  const problems: string[] = [];
  config.sources.forEach((source, index) => {
    const [header, ...rows] = lines(source.file);
    const sink = builder.openSource(index, header!.split(','));
    rows.forEach((text, i) => {
      let problem;
      if (ranged) {
        const starts: number[] = [];
        const ends: number[] = [];
        let start = 0;
        for (const field of text.split(',')) {
          starts.push(start);
          ends.push(start + field.length);
          start += field.length + 1;
        }
        // Every other row sits after another row's ranges, as a batch from the reader thread does.
        const at = i % 2 === 0 ? 0 : starts.length;
        problem = sink.addRange(text, Int32Array.from([...(at ? starts.map(() => 0) : []), ...starts]),
          Int32Array.from([...(at ? ends.map(() => 1) : []), ...ends]), at, i + 2);
      } else problem = sink.add(text.split(','), i + 2);
      if (problem) problems.push(`${source.id} ${i + 2}: ${problem}`);
    });
    sink.close();
  });
  return { feed: JSON.stringify(builder.finish().feed), problems };
}

describe('rows as ranges of a line', () => {
  it('addRange builds the feed add builds, byte for byte, with the same problems on the same lines', () => {
    const strings = build(false);
    const ranges = build(true);
    // The garbled fields must have made problems, or this compares only the easy road.
    assert.ok(strings.problems.some((p) => p.includes('"yesterday"')), strings.problems.slice(0, 3).join('\n'));
    assert.deepEqual(ranges.problems, strings.problems);
    assert.equal(ranges.feed, strings.feed);
  });
});
