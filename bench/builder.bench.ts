/**
 * `npm run bench`: throughput and peak memory of `daylight build` on 1M and 10M synthetic call
 * rows, side by side with DuckDB computing the same per-call first-arrival response times, counts,
 * medians and 90th percentiles by month and district with SQL over the same CSV.
 *
 * Each engine runs in its own child process so that its peak RSS is its own. Sizes can be changed
 * with BENCH_ROWS=100000,1000000. The machine is shared, so sizes up to 1M run three times and
 * each engine's median run is reported, with every run's seconds and the load average
 * (BENCH_REPEAT=n to change). Results: bench/results/builder.json and a Markdown table.
 */
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';

const here = dirname(fileURLToPath(import.meta.url));

interface RunResult { engine: string; rows: number; seconds: number; rowsPerSecond: number; peakMB: number; calls: number; median: number; p90: number; runs?: number[]; load?: number[] }

async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write('call_id,unit_type,received,on_scene,cleared,district\n');
  let state = 12345;
  const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const pad = (n: number) => String(n).padStart(2, '0');
  const fmt = (t: number) => {
    const d = new Date(t);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  const start = Date.UTC(2022, 0, 1);
  const span = 2 * 365 * 86_400_000;
  let written = 0;
  let call = 0;
  let chunk = '';
  while (written < rows) {
    call++;
    // Calls arrive in time order, as CAD exports do; each has 1 to 3 units, listed together.
    const received = start + Math.floor((call / (rows / 1.8)) * span) + Math.floor(rand() * 60_000);
    const units = 1 + Math.floor(rand() * 3);
    const district = String(1 + Math.floor(rand() * 20));
    for (let u = 0; u < units && written < rows; u++) {
      const arrive = received + Math.floor((2 + rand() * 20) * 60_000);
      const clear = arrive + Math.floor((5 + rand() * 60) * 60_000);
      chunk += `C${call},${u === 0 ? 'ENGINE' : 'MEDIC'},${fmt(received)},${fmt(arrive)},${fmt(clear)},${district}\n`;
      written++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function config(dir: string): string {
  const file = join(dir, 'bench.config.json');
  writeFileSync(file, JSON.stringify({
    jurisdiction: { name: 'Bench City', id: 'bench', timezone: 'America/Chicago' },
    grain: 'month', lagDays: 0, privacy: { k: 11 }, maxBadRowShare: 0.001,
    sources: [{ id: 'calls', file: 'calls.csv', kind: 'calls', name: 'Synthetic calls', timestampFormat: 'YYYY-MM-DD HH:mm:ss',
      fields: { id: 'call_id', received: 'received', arrived: 'on_scene', cleared: 'cleared', area: 'district', responderType: 'unit_type' } }],
    metrics: { time_on_scene: { enabled: false }, coresponse_share: { enabled: false }, second_responder_visits: { enabled: false } },
  }));
  return file;
}

async function childDaylight(dir: string, rows: number): Promise<void> {
  const { buildFromConfig } = await import('../src/cli/build.ts');
  const started = performance.now();
  const { feed } = await buildFromConfig({ config: join(dir, 'bench.config.json'), out: dir, dataDir: dir, quiet: true, log: () => {} });
  const seconds = (performance.now() - started) / 1000;
  const rt = feed.metrics.find((m) => m.id === 'response_time')!;
  const total = (q: number) => rt.cells.find((c) => c.period === '*' && c.area === '*' && c.q === q)!;
  process.stdout.write(JSON.stringify({ engine: 'daylight build', rows, seconds, calls: total(0.5).n, median: total(0.5).value, p90: total(0.9).value, peakMB: process.resourceUsage().maxRSS / 1024 }));
}

async function childDuckdb(dir: string, rows: number): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const csv = join(dir, 'calls.csv').replaceAll("'", "''");
  // The same question as the builder: per call, the first arriving unit; then counts, median and
  // p90 (quantile_cont is the same type-7 interpolation) by month x district with "*" totals.
  const reader = await connection.runAndReadAll(`
    WITH calls AS (
      SELECT call_id, min(received) AS received, min(on_scene) AS arrived, any_value(district) AS district
      FROM read_csv('${csv}', header = true, timestampformat = '%Y-%m-%d %H:%M:%S',
        columns = {'call_id': 'VARCHAR', 'unit_type': 'VARCHAR', 'received': 'TIMESTAMP', 'on_scene': 'TIMESTAMP', 'cleared': 'TIMESTAMP', 'district': 'VARCHAR'})
      GROUP BY call_id
    ), minutes AS (
      SELECT strftime(received, '%Y-%m') AS period, district, epoch(arrived - received) / 60.0 AS m FROM calls
    )
    SELECT period, district, count(*) AS n, quantile_cont(m, 0.5) AS median, quantile_cont(m, 0.9) AS p90
    FROM minutes GROUP BY CUBE (period, district)`);
  const all = reader.getRowObjects();
  const total = all.find((r) => r.period === null && r.district === null)!;
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ engine: 'DuckDB SQL', rows, seconds, calls: Number(total.n), median: Math.round(Number(total.median) * 10) / 10,
    p90: Math.round(Number(total.p90) * 10) / 10, peakMB: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * The builder as a published package runs it: compiled JavaScript (bin/daylight.mjs loads the
 * esbuild bundle, `npm run build:cli`), not TypeScript through tsx. Under tsx the reader thread
 * has to start the TypeScript loader again (240-270 ms measured inside a 1M build, against
 * 20-40 ms compiled), a cost no user pays. BENCH_FROM_SOURCE=1 measures the sources instead.
 */
function builderBundle(): string | undefined {
  if (process.env.BENCH_FROM_SOURCE) return undefined;
  // Inside the repository (git-ignored), so its bare imports resolve from node_modules.
  const outfile = join(here, '../.daylight-tmp/bench-builder/daylight-build.mjs');
  buildSync({
    entryPoints: [join(here, '../src/cli/build.ts')], bundle: true, platform: 'node', format: 'esm',
    target: 'node20', packages: 'external', outfile, logLevel: 'warning',
  });
  return outfile;
}

/**
 * A plain node script that runs the compiled builder (no flags: a reader thread inherits the
 * process's execArgv, and `--eval` or a loader there would fail it or slow it down).
 */
function daylightChildScript(bundle: string): string {
  const script = join(dirname(bundle), 'run.mjs');
  writeFileSync(script, `
const { buildFromConfig } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const [dir, rows] = process.argv.slice(2);
const started = performance.now();
const { feed } = await buildFromConfig({ config: dir + '/bench.config.json', out: dir, dataDir: dir, quiet: true, log: () => {} });
const seconds = (performance.now() - started) / 1000;
const rt = feed.metrics.find((m) => m.id === 'response_time');
const total = (q) => rt.cells.find((c) => c.period === '*' && c.area === '*' && c.q === q);
process.stdout.write(JSON.stringify({ engine: 'daylight build', rows: Number(rows), seconds, calls: total(0.5).n, median: total(0.5).value, p90: total(0.9).value, peakMB: process.resourceUsage().maxRSS / 1024 }));
`);
  return script;
}

function runChild(kind: string, dir: string, rows: number, bundle?: string): RunResult | undefined {
  const args = kind === 'daylight' && bundle
    ? [daylightChildScript(bundle), dir, String(rows)]
    : ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, dir, String(rows)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.error(`${kind} failed:\n${r.stderr}`);
    return undefined;
  }
  const parsed = JSON.parse(r.stdout) as Omit<RunResult, 'rowsPerSecond'>;
  return { ...parsed, rowsPerSecond: Math.round(rows / parsed.seconds), peakMB: Math.round(parsed.peakMB) };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const [, , , kind, dir, rows] = process.argv;
    if (kind === 'daylight') await childDaylight(dir!, Number(rows));
    else await childDuckdb(dir!, Number(rows));
    return;
  }
  let duckdb = true;
  try {
    await import('@duckdb/node-api');
  } catch {
    duckdb = false;
    console.log('DuckDB (@duckdb/node-api) is not installed; only daylight build is measured. Run npm install to compare.');
  }
  const sizes = (process.env.BENCH_ROWS ?? '1000000,10000000').split(',').map(Number);
  const results: RunResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'daylight-bench-'));
  try {
    config(dir);
    const bundle = builderBundle();
    console.log(bundle ? 'daylight build: the compiled bundle, as the published package runs it (BENCH_FROM_SOURCE=1 for the TypeScript sources)' : 'daylight build: the TypeScript sources through tsx');
    for (const rows of sizes) {
      const t = performance.now();
      await generate(join(dir, 'calls.csv'), rows);
      console.log(`generated ${rows.toLocaleString('en-US')} rows (${(statSync(join(dir, 'calls.csv')).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const repeat = Number(process.env.BENCH_REPEAT ?? (rows <= 1_000_000 ? 3 : 1));
      const load = loadavg().map((l) => Math.round(l * 100) / 100);
      for (const [engine, kind] of [['daylight build', 'daylight'], ['DuckDB SQL', 'duckdb']] as const) {
        if (kind === 'duckdb' && !duckdb) continue;
        const runs: RunResult[] = [];
        for (let i = 0; i < repeat; i++) {
          const run = runChild(kind, dir, rows, bundle);
          if (run) runs.push(run);
        }
        if (runs.length === 0) continue;
        const sorted = runs.slice().sort((a, b) => a.seconds - b.seconds);
        const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
        results.push({ ...median, engine, runs: runs.map((r) => Math.round(r.seconds * 1000) / 1000), load });
      }
      console.log(`load average (1, 5, 15 min) before the runs: ${load.join(', ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = ['| rows | engine | seconds | rows/s | peak RSS (MB) | calls | median (min) | p90 (min) | time vs DuckDB |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of results) {
    const duck = results.find((d) => d.engine === 'DuckDB SQL' && d.rows === r.rows);
    lines.push(`| ${r.rows.toLocaleString('en-US')} | ${r.engine} | ${r.seconds.toFixed(2)} | ${r.rowsPerSecond.toLocaleString('en-US')} | ${r.peakMB} | ${r.calls} | ${r.median} | ${r.p90} | ${duck ? `${(r.seconds / duck.seconds).toFixed(2)}x` : 'n/a'} |`);
  }
  console.log(lines.join('\n'));
  console.log('\nThe builder\'s "calls" counts only calls with an arrival inside the published months; DuckDB\'s counts every call. Medians should agree to 0.1 min.');
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'builder.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  if (!existsSync(join(here, 'results', 'builder.json'))) process.exitCode = 1;
}

await main();
