process.env.TZ = 'UTC';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { validateFeed } from '../../src/core/validate.ts';

/**
 * Builder faults through the real command (bin/daylight.mjs, from source): a build killed with
 * SIGKILL mid-run, or one that fails, leaves the previous feed byte-identical (the CLI writes a
 * temporary file and renames it); input with 5% garbage rows completes and reports them; input
 * that is all garbage fails cleanly with a message and writes nothing.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin', 'daylight.mjs');
const HEADER = 'call,received,on_scene,district';
const DISTRICTS = ['North', 'South', 'East', 'West'];

function row(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + ((i >> 5) % 6)).padStart(2, '0');
  return `C${i},${month}/${day}/2024 08:00:00 AM,${month}/${day}/2024 08:${String(5 + (i % 50)).padStart(2, '0')}:00 AM,${DISTRICTS[i % 4]}`;
}
const GARBAGE = (i: number) => `G${i},not a time,¯\\_(ツ)_/¯,${i % 2 ? '' : 'Nowhere'}`;

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'daylight-faults-'));
  writeFileSync(join(dir, 'daylight.config.json'), JSON.stringify({
    jurisdiction: { name: 'Testville', id: 'testville', timezone: 'America/Los_Angeles' },
    grain: 'month', asOf: '2024-07-01', lagDays: 0, privacy: { k: 5 },
    sources: [{ id: 'cad', file: 'calls.csv', kind: 'calls', name: 'CAD', timestampFormat: 'MM/DD/YYYY hh:mm:ss A',
      fields: { id: 'call', received: 'received', arrived: 'on_scene', area: 'district' } }],
  }));
  return dir;
}

async function writeCsv(file: string, rows: number, garbageEvery = 0): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${garbageEvery && i % garbageEvery === 0 ? GARBAGE(i) : row(i)}\n`;
    if (chunk.length > 1 << 16) { if (!out.write(chunk)) await once(out, 'drain'); chunk = ''; }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function build(dir: string, out: string, extra: string[] = []) {
  return spawnSync(process.execPath, [cli, 'build', '--config', join(dir, 'daylight.config.json'), '--out', out, '--generated', '2024-07-01T00:00:00Z', '--no-progress', ...extra],
    { encoding: 'utf8', env: { ...process.env, DAYLIGHT_FROM_SOURCE: '1' } });
}

describe('builder faults (real CLI)', () => {
  let dir: string;
  let out: string;
  let previous: Buffer;

  before(async () => {
    dir = scratch();
    out = join(dir, 'public');
    await writeCsv(join(dir, 'calls.csv'), 2_000);
    const first = build(dir, out);
    assert.equal(first.status, 0, first.stderr + first.stdout);
    previous = readFileSync(join(out, 'feed.json'));
    assert.ok(validateFeed(JSON.parse(previous.toString('utf8'))).ok);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('SIGKILL mid-build on a large input leaves the previous feed byte-identical', async () => {
    await writeCsv(join(dir, 'calls.csv'), 1_500_000);
    const child = spawn(process.execPath, [cli, 'build', '--config', join(dir, 'daylight.config.json'), '--out', out, '--generated', '2024-08-01T00:00:00Z', '--progress'],
      { env: { ...process.env, DAYLIGHT_FROM_SOURCE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let exited = false;
    child.on('exit', () => { exited = true; });
    // Kill once it is reading rows (its first progress report), well before it could finish.
    await new Promise<void>((resolve) => {
      const onData = (data: Buffer) => {
        output += data;
        if (/rows|%/.test(output)) { child.stderr.off('data', onData); resolve(); }
      };
      child.stderr.on('data', onData);
      child.stdout.on('data', (data: Buffer) => { output += data; });
      child.on('exit', () => resolve());
    });
    assert.equal(exited, false, `the build finished before it could be killed: ${output}`);
    child.kill('SIGKILL');
    const [, signal] = await once(child, 'exit') as [number | null, string | null];
    assert.equal(signal, 'SIGKILL');
    assert.deepEqual(readFileSync(join(out, 'feed.json')), previous, 'feed.json changed');
    // Whatever temporary file the killed run left is not the feed, and the next build still works.
    await writeCsv(join(dir, 'calls.csv'), 2_000);
    const next = build(dir, out, ['--max-bad-rows', '0']);
    assert.equal(next.status, 0, next.stderr);
    assert.ok(validateFeed(JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))).ok);
    previous = readFileSync(join(out, 'feed.json'));
  });

  it('5% garbage rows: completes, and reports the bad rows with their lines and reasons', async () => {
    await writeCsv(join(dir, 'calls.csv'), 4_000, 20);
    const result = build(dir, out, ['--max-bad-rows', '0.06', '--show-bad-rows', '3']);
    const said = result.stdout + result.stderr;
    assert.equal(result.status, 0, said);
    assert.match(said, /200\b.*(unusable|bad|skipped)|(unusable|bad|skipped).*\b200\b/i, said);
    assert.match(said, /line \d+/i, said);
    assert.ok(validateFeed(JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))).ok);
    previous = readFileSync(join(out, 'feed.json'));
  });

  it('5% garbage rows with the default 1% allowance: fails with a message, previous feed intact', async () => {
    await writeCsv(join(dir, 'calls.csv'), 4_000, 20);
    const result = build(dir, out);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout + result.stderr, /5\.0% *\)? are unusable|more than the 1\.0% allowed/);
    assert.deepEqual(readFileSync(join(out, 'feed.json')), previous);
  });

  it('100% garbage: fails cleanly (exit 1, a message, no stack trace) and writes nothing', async () => {
    await writeCsv(join(dir, 'calls.csv'), 2_000, 1);
    const result = build(dir, out, ['--max-bad-rows', '1']);
    const said = result.stdout + result.stderr;
    assert.equal(result.status, 1, said);
    assert.doesNotMatch(said, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.ok(said.trim().length > 0);
    assert.deepEqual(readFileSync(join(out, 'feed.json')), previous);
    const fresh = join(dir, 'never');
    const none = build(dir, fresh, ['--max-bad-rows', '1']);
    assert.equal(none.status, 1);
    assert.equal(existsSync(join(fresh, 'feed.json')), false);
    assert.deepEqual(existsSync(fresh) ? readdirSync(fresh).filter((f) => f.endsWith('.json')) : [], []);
  });
});
