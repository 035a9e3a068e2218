process.env.TZ = 'UTC';
/**
 * Reading a source in a second thread (which also parses its timestamps) builds the same feed,
 * with the same problems on the same lines, as reading it in the builder's thread.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/builder/config.ts';
import { FeedBuilder, type SourceSink } from '../../../src/builder/build.ts';
import { readRows } from '../../../src/cli/io.ts';
import { hashId } from '../../../src/builder/groups.ts';

const root = new URL('../../../', import.meta.url);
const config = parseConfig(JSON.parse(readFileSync(new URL('configs/sample-city.config.json', root), 'utf8')));
const boundary = JSON.parse(readFileSync(new URL('test/fixtures/sample-city/sample-city-districts.geojson', root), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'daylight-thread-'));

// The fixtures with some fields padded (ASCII and Unicode spaces), emptied or garbled.
for (const source of config.sources) {
  const [header, ...rows] = readFileSync(new URL(`test/fixtures/sample-city/${source.file}`, root), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, source.file), `${[header!, ...rows.map((row, r) => row.split(',').map((field, f) => {
    const n = r * 7 + f;
    if (n % 23 === 0) return ` ${field} `;
    if (n % 29 === 0) return `\u00a0${field}`;
    if (n % 97 === 0) return '';
    if (n % 89 === 0) return '2024-02-30 25:00:00';
    return field;
  }).join(','))].join('\n')}\n`);
}

async function build(thread: boolean): Promise<{ feed: string; problems: string[]; parsedByThread: number }> {
  const builder = new FeedBuilder(config, { generated: '2025-01-01T00:00:00Z', boundary });
  const problems: string[] = [];
  let parsedByThread = 0;
  for (const [index, source] of config.sources.entries()) {
    let sink: SourceSink | undefined;
    const note = (line: number, problem: string | undefined) => {
      if (problem) problems.push(`${source.id} ${line}: ${problem}`);
    };
    // Small reads, many batches: the builder's thread reads the first 5,000 bytes, the reader thread the rest.
    await readRows(join(dir, source.file), { format: 'csv', thread, chunkBytes: 4096, handOverAfter: 5000 }, {
      header: (names) => {
        sink = builder.openSource(index, names);
      },
      row: (values, line) => note(line, sink!.add(values, line)),
      rowRange: (text, starts, ends, at, line, ahead, row) => {
        if (ahead?.times && ahead.idHashes) parsedByThread++;
        note(line, sink!.addRange(text, starts, ends, at, line, ahead, row));
      },
      readAhead: () => ({ ...sink!.readAhead, format: source.timestampFormat, zone: config.jurisdiction.timezone }),
      malformed: (line, reason) => problems.push(`${source.id} ${line}! ${reason}`),
    });
    sink!.close();
  }
  return { feed: JSON.stringify(builder.finish().feed), problems, parsedByThread };
}

describe('reading in a second thread', () => {
  it('builds the feed the builder\'s own thread builds, byte for byte, with the same problems on the same lines', async () => {
    const here = await build(false);
    const there = await build(true);
    assert.equal(here.parsedByThread, 0);
    assert.ok(there.parsedByThread > 1000, `the thread parsed timestamps for ${there.parsedByThread} rows`);
    assert.ok(here.problems.some((p) => p.includes('"2024-02-30 25:00:00"')), 'the garbled timestamps made problems');
    assert.deepEqual(there.problems, here.problems);
    assert.equal(there.feed, here.feed);
  });

  it('hands on, for each timestamp column, what timestampParser reads (NaN where the text is not plain), and the id\'s hashes', async () => {
    const path = join(dir, 'times.csv');
    writeFileSync(path, `id,a,b\n${Array.from({ length: 400 }, (_, i) => `C${i},2024-03-10 0${i % 4}:${String(i % 60).padStart(2, '0')}:00,${i % 3 === 0 ? ' 2024-03-10 01:00:00' : i % 3 === 1 ? 'soon' : '2024-11-03 01:30:00'}`).join('\n')}\n`);
    const seen: string[] = [];
    await readRows(path, { format: 'csv', thread: true, chunkBytes: 512, handOverAfter: 0 }, {
      header: () => {},
      row: () => assert.fail('no row should need csv-parse'),
      rowRange: (text, starts, ends, at, line, ahead, row = 0) => {
        const { times, idHashes } = ahead ?? {};
        if (!times || !idHashes) return;
        const want = new Int32Array(3);
        hashId(text.slice(starts[at]!, ends[at]!), 0, ends[at]! - starts[at]!, want, 0);
        assert.deepEqual(idHashes.subarray(row * 3, row * 3 + 3), want);
        seen.push(`${line} ${text.slice(starts[at + 1], ends[at + 1])}=${times[row * 2]} ${text.slice(starts[at + 2], ends[at + 2])}=${times[row * 2 + 1]}`);
      },
      readAhead: () => ({ timeColumns: [1, 2], format: 'YYYY-MM-DD HH:mm:ss', zone: 'America/Los_Angeles', idColumn: 0 }),
      malformed: () => assert.fail('no line is malformed'),
    });
    assert.ok(seen.length > 300, `${seen.length} rows came with times`);
    const { ZoneClock, timestampParser } = await import('../../../src/builder/time.ts');
    const parser = timestampParser('YYYY-MM-DD HH:mm:ss', new ZoneClock('America/Los_Angeles'));
    for (const entry of seen) {
      const [, a, ta, b, tb] = /^\d+ (.*)=(\S+) (.*)=(\S+)$/.exec(entry)!;
      assert.equal(Number(ta), parser.parse(a!), entry);
      assert.equal(Number(tb), b!.startsWith(' ') ? Number.NaN : parser.parse(b!), entry);
    }
  });
});
