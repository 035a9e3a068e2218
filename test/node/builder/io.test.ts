process.env.TZ = 'UTC';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRows } from '../../../src/cli/io.ts';

async function lines(text: string, format: 'csv' | 'ndjson' = 'csv', columns?: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'daylight-io-')), format === 'csv' ? 'x.csv' : 'x.ndjson');
  writeFileSync(file, text);
  const seen: string[] = [];
  await readRows(file, { format, ...(columns ? { columns } : {}) }, {
    header: (h) => seen.push(`header ${h.join('|')}`),
    row: (v, line) => seen.push(`${line}: ${v.join('|')}`),
    malformed: (line, reason) => seen.push(`${line}! ${reason}`),
  });
  return seen;
}

describe('readRows', () => {
  it('numbers rows by their line in the file, across quoted newlines and blank lines', async () => {
    assert.deepEqual(await lines('a,b\n1,"two\nlines"\n\n3,4\n5\n'), [
      'header a|b', '3: 1|two\nlines', '5: 3|4', '6! expected 2 fields as in the header, found 1',
    ]);
  });

  it('reports a stray quote with its line and keeps reading', async () => {
    const seen = await lines('a,b\n1,2\n3,x"y\n5,6\n');
    assert.equal(seen[0], 'header a|b');
    assert.equal(seen[1], '2: 1|2');
    assert.match(seen[2]!, /^3! .*quote/i);
    assert.equal(seen[3], '4: 5|6');
  });

  it('reads NDJSON objects by the columns asked for and reports a broken line', async () => {
    assert.deepEqual(await lines('{"a":"1","b":2}\nnot json\n{"a":null,"b":true}\n', 'ndjson', ['a', 'b']), [
      'header a|b', '1: 1|2', '2! not valid JSON (Unexpected token \'o\', "not json" is not valid JSON)', '3: |true',
    ]);
  });
});
