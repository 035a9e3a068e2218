process.env.TZ = 'UTC';
/**
 * The CSV reader's fast path (plain lines split with indexOf) against csv-parse reading the whole
 * file, as the reader did before it had a fast path: the same rows, line numbers and reports for
 * quotes, escaped quotes, newlines inside fields, CRLF, BOM, blank lines, empty fields and bad
 * lines, with chunk boundaries at every position.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type CsvError } from 'csv-parse';
import { readRows } from '../../../src/cli/io.ts';

const dir = mkdtempSync(join(tmpdir(), 'daylight-csv-'));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `${n++}.csv`);
  writeFileSync(path, content);
  return path;
}

/** What the reader reports, one string per event; a rejection ends the list. */
async function ours(path: string, chunkBytes?: number, delimiter?: string): Promise<string[]> {
  const seen: string[] = [];
  try {
    await readRows(path, { format: 'csv', ...(chunkBytes ? { chunkBytes } : {}), ...(delimiter ? { delimiter } : {}) }, {
      header: (h) => seen.push(`header ${JSON.stringify(h)}`),
      row: (v, line) => seen.push(`${line}: ${JSON.stringify(v)}`),
      malformed: (line, reason) => seen.push(`${line}! ${reason}`),
    });
  } catch (error) {
    seen.push(`rejected ${(error as Error).message}`);
  }
  return seen;
}

/**
 * The same through `rowRange` where the reader uses it: positions turned back into strings must
 * give the rows `row` gets, with the same line numbers and reports.
 */
async function oursRanged(path: string, chunkBytes?: number, delimiter?: string, handOverAfter?: number): Promise<string[]> {
  const seen: string[] = [];
  let width = 0;
  try {
    const thread = handOverAfter !== undefined ? { thread: true, handOverAfter } : {};
    await readRows(path, { format: 'csv', ...thread, ...(chunkBytes ? { chunkBytes } : {}), ...(delimiter ? { delimiter } : {}) }, {
      header: (h) => {
        width = h.length;
        seen.push(`header ${JSON.stringify(h)}`);
      },
      row: (v, line) => seen.push(`${line}: ${JSON.stringify(v)}`),
      rowRange: (text, starts, ends, at, line) => {
        const fields = Array.from({ length: width }, (_, i) => text.slice(starts[at + i], ends[at + i]));
        seen.push(`${line}: ${JSON.stringify(fields)}`);
      },
      malformed: (line, reason) => seen.push(`${line}! ${reason}`),
    });
  } catch (error) {
    seen.push(`rejected ${(error as Error).message}`);
  }
  return seen;
}

/** The reference: csv-parse over the whole file, with the reader's line and blank-line rules. */
async function reference(path: string, delimiter = ','): Promise<string[]> {
  const seen: string[] = [];
  let header: string[] | undefined;
  let line = 0;
  const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_records_with_error: true });
  parser.on('skip', (error: CsvError) => {
    line = typeof error.lines === 'number' ? error.lines : 0;
    seen.push(`${line}! ${error.message.replace(/^Invalid Record Length: /, '').replace(/, got \d+ on line \d+$/, '')}`);
  });
  parser.on('data', (record: string[]) => {
    line++;
    for (const field of record) if (field.includes('\n')) line += field.split('\n').length - 1;
    if (record.length === 1 && record[0] === '') return;
    if (!header) {
      header = record;
      seen.push(`header ${JSON.stringify(record)}`);
    } else if (record.length !== header.length) seen.push(`${line}! expected ${header.length} fields as in the header, found ${record.length}`);
    else seen.push(`${line}: ${JSON.stringify(record)}`);
  });
  createReadStream(path).pipe(parser);
  try {
    await once(parser, 'end');
  } catch (error) {
    seen.push(`rejected ${(error as Error).message}`);
  }
  if (!header && !seen.some((s) => s.startsWith('rejected'))) seen.push('header []');
  return seen;
}

const CASES: Record<string, string> = {
  'plain LF': 'id,type,when\nC1,ENGINE,2024-01-01 00:00:00\nC2,MEDIC,2024-01-02 00:00:00\n',
  'plain CRLF': 'id,type,when\r\nC1,ENGINE,2024-01-01\r\nC2,MEDIC,2024-01-02\r\n',
  'BOM and LF': '\uFEFFid,type\nC1,ENGINE\n',
  'BOM and CRLF': '\uFEFFid,type\r\nC1,ENGINE\r\n',
  'no final line break': 'a,b\n1,2\n3,4',
  'no final line break, CRLF': 'a,b\r\n1,2\r\n3,4',
  'header only': 'a,b\n',
  'header only, no line break': 'a,b',
  'empty file': '',
  'empty fields': 'a,b,c\n,,\n1,,3\n,2,\n',
  'blank lines': 'a,b\n\n1,2\n\n\n3,4\n\n',
  'blank lines, CRLF': 'a,b\r\n\r\n1,2\r\n\r\n3,4\r\n\r\n',
  'wrong field counts': 'a,b\n1\n1,2,3\n4,5\n',
  'quoted header': '"a","b"\n1,2\n"3","4"\n',
  'quotes from the middle on': 'a,b\n1,2\n3,"four"\n5,6\n',
  'escaped quotes': 'a,b\n1,2\n"say ""hi""",x\n"",""\n',
  'newline inside quotes': 'a,b\n1,2\n3,"two\nlines"\n5,6\n7\n',
  'CRLF inside quotes in a CRLF file': 'a,b\r\n1,2\r\n3,"two\r\nlines"\r\n5,6\r\n',
  'CRLF inside quotes in an LF file': 'a,b\n1,2\n3,"two\r\nlines"\n5,6\n',
  'stray quote': 'a,b\n1,2\n3,x"y\n5,6\n',
  'quote not closed': 'a,b\n1,2\n3,"open\n5,6\n',
  'bare CR line endings': 'a,b\r1,2\r3,4\r',
  'a CR inside a line of an LF file': 'a,b\n1,2\n3,x\ry\n5,6\n',
  'an LF line in a CRLF file': 'a,b\r\n1,2\n3,4\r\n5,6\r\n',
  'a CR at the end of a CRLF file': 'a,b\r\n1,2\r\n3,4\r',
  'spaces kept': 'a,b\n 1 , 2 \n',
  'non-ASCII text': 'calle,tipo\nPeñalolén,Ñandú\nCafé ☕,日本\n',
  'non-ASCII and quotes': 'calle,tipo\nPeñalolén,"Ñandú, rápido"\nCafé,x\n',
};

describe('CSV reader: fast path and csv-parse agree', () => {
  for (const [name, content] of Object.entries(CASES)) {
    it(name, async () => {
      const path = file(content);
      const expected = await reference(path);
      assert.deepEqual(await ours(path), expected, 'whole file in one read');
      assert.deepEqual(await oursRanged(path), expected, 'whole file in one read, as positions');
      // Chunk boundaries at every byte position (splitting multi-byte characters too).
      for (const chunk of [1, 2, 3, 5, 8, 13]) {
        assert.deepEqual(await ours(path, chunk), expected, `reads of ${chunk} bytes`);
        assert.deepEqual(await oursRanged(path, chunk), expected, `reads of ${chunk} bytes, as positions`);
      }
    });
  }

  it('another delimiter', async () => {
    const path = file('a;b\n1;2\n"3;x";4\n');
    const expected = await reference(path, ';');
    assert.deepEqual(await ours(path, undefined, ';'), expected);
    assert.deepEqual(await ours(path, 2, ';'), expected);
    assert.deepEqual(await oursRanged(path, 2, ';'), expected);
  });

  it('many rows across many chunks, with a quoted row near the end', async () => {
    const lines = ['id,n,when'];
    for (let i = 0; i < 5000; i++) lines.push(i === 4990 ? `C${i},"${i}, quoted",2024-01-01` : i % 997 === 0 ? `C${i},short` : `C${i},${i},2024-01-01 00:00:00`);
    const path = file(`${lines.join('\n')}\n`);
    const expected = await reference(path);
    assert.deepEqual(await ours(path, 4096), expected);
    assert.deepEqual(await ours(path), expected);
    assert.deepEqual(await oursRanged(path, 4096), expected);
  });
});

describe('CSV reader: in a second thread', () => {
  for (const [name, content] of Object.entries(CASES)) {
    it(`${name}: the rows, line numbers and reports of csv-parse, in order, whichever line the thread takes over at`, async () => {
      const path = file(content);
      const expected = await reference(path);
      for (const after of [0, 10, 25]) assert.deepEqual(await oursRanged(path, 3, undefined, after), expected, `handed over after ${after} bytes`);
    });
  }

  it('many rows in hundreds of batches (more than the thread may send ahead), with bad and quoted rows among them', async () => {
    const lines = ['id,n,when'];
    for (let i = 0; i < 5000; i++) lines.push(i === 4990 ? `C${i},"${i}, quoted",2024-01-01` : i % 997 === 0 ? `C${i},short` : `C${i},${i},2024-01-01 00:00:00`);
    const path = file(`${lines.join('\n')}\n`);
    const expected = await reference(path);
    assert.deepEqual(await oursRanged(path, 256, undefined, 0), expected);
    assert.deepEqual(await oursRanged(path, 256, undefined, 40_000), expected);
    assert.deepEqual(await oursRanged(path, undefined, undefined, 0), expected);
  });

  it('stops and rejects when a handler throws, on either path', async () => {
    for (const content of ['a,b\n1,2\n3,4\n', 'a,b\n1,"2"\n3,4\n']) {
      const path = file(content);
      let rows = 0;
      const stop = () => {
        rows++;
        throw new Error('stop');
      };
      for (const handOverAfter of [0, 1000]) {
        rows = 0;
        await assert.rejects(readRows(path, { format: 'csv', thread: true, handOverAfter }, { header: () => {}, row: stop, rowRange: stop, malformed: () => {} }), /stop/);
        assert.equal(rows, 1);
      }
    }
  });
});

describe('CSV reader: handing over to the thread', () => {
  it('rejects with the error when working out what the thread should read ahead fails', async () => {
    const path = file('a,b\n1,2\n3,4\n5,6\n');
    await assert.rejects(readRows(path, { format: 'csv', thread: true, handOverAfter: 0, chunkBytes: 4 }, {
      header: () => {}, row: () => {}, rowRange: () => {}, malformed: () => {},
      readAhead: () => {
        throw new Error('no plan');
      },
    }), /no plan/);
  });
});

describe('CSV reader: what it reports', () => {
  it('numbers a record by its last line, after a quoted record that spans lines and after a bad one', async () => {
    const seen = await ours(file('a,b\n1,2\n"x\ny",3\n4\n5,x"y\n6,7\n'));
    assert.equal(seen[0], 'header ["a","b"]');
    assert.equal(seen[1], '2: ["1","2"]');
    assert.equal(seen[2], '4: ["x\\ny","3"]');
    assert.equal(seen[3], '5! expected 2 fields as in the header, found 1');
    assert.match(seen[4]!, /^6! .*quote.*line 6/i, 'the message names the line in the file, not in the part csv-parse read');
    assert.equal(seen[5], '7: ["6","7"]');
  });

  it('drops the byte order mark from the first column name', async () => {
    assert.deepEqual((await ours(file('\uFEFFcall,x\nC1,2\n')))[0], 'header ["call","x"]');
  });

  it('stops and rejects when a handler throws, on either path', async () => {
    for (const content of ['a,b\n1,2\n3,4\n', 'a,b\n1,"2"\n3,4\n']) {
      const path = file(content);
      let rows = 0;
      await assert.rejects(readRows(path, { format: 'csv' }, {
        header: () => {},
        row: () => {
          rows++;
          throw new Error('stop');
        },
        malformed: () => {},
      }), /stop/);
      assert.equal(rows, 1);
    }
  });
});
