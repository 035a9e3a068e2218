/**
 * Scale: feeds of 10, 1,000 and 20,000 areas x 120 monthly periods (one count metric; every cell
 * published). For each: the validator alone in Node, then in headless Chromium a page with
 * <daylight-feed src> + <daylight-kpi> + a citywide <daylight-trend>: navigation start -> feed
 * loaded and validated, -> first render painted, and the JS heap in use afterwards (after a
 * forced GC). Reports how cost grows per cell between sizes: linear means the per-cell cost stays
 * flat. Measures, never asserts.
 */
import { createWriteStream, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { once } from 'node:events';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../test/server/static-server.ts';
import { validateFeed } from '../src/core/validate.ts';
import { paintedMark } from './painted.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.daylight-tmp', 'bench-scale');
const PERIODS = 120;
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10,1000,20000').split(',').map(Number);
const RUNS = Math.max(1, Number(process.env.BENCH_SCALE_RUNS ?? 3));

rmSync(out, { recursive: true, force: true });
console.log('building the scale page…');
await build({
  root: join(root, 'bench/pages'), base: './', configFile: false, logLevel: 'warn', publicDir: false,
  resolve: { conditions: ['production'] },
  build: { outDir: out, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: { scale: join(root, 'bench/pages/scale.html') }, output: { minify: true } } },
});

const periods = Array.from({ length: PERIODS }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
/** Streams a feed of `areas` x 120 periods to disk (a 20,000-area feed is ~130 MB). */
async function writeFeed(areas: number, file: string): Promise<void> {
  const stream = createWriteStream(file);
  const write = async (s: string) => { if (!stream.write(s)) await once(stream, 'drain'); };
  await write(JSON.stringify({
    version: '1.0', generated: '2026-01-10T00:00:00Z', jurisdiction: { name: 'Scale City', id: 'scale', timezone: 'America/New_York' },
    period: { start: '2016-01-01', end: '2025-12-31', grain: 'month' }, privacy: { minCount: 11, complementary: true, rounding: null, noise: null },
    methodology: { asOf: '2026-01-01', lagDays: 7, sources: [{ name: 'Bench' }], metrics: {} },
  }).slice(0, -1));
  await write(',"metrics":[{"id":"incidents","label":"Shooting incidents","unit":"count","statistic":"count","dimensions":["period","area"],"cells":[');
  let first = true;
  for (const period of periods) {
    const total = 11 * areas + 100;
    let chunk = `${first ? '' : ','}{"period":"${period}","area":"*","n":${total},"value":${total}}`;
    first = false;
    for (let a = 0; a < areas; a++) {
      const n = 11 + ((a * 7 + period.length) % 90);
      chunk += `,{"period":"${period}","area":"a${a}","n":${n},"value":${n}}`;
      if (chunk.length > 1 << 16) { await write(chunk); chunk = ''; }
    }
    await write(chunk);
  }
  await write(']}]}');
  stream.end();
  await once(stream, 'finish');
}

interface Row { areas: number; cells: number; mb: number; nodeValidateMs: number; loadedMs: number; paintedMs: number; heapMb: number }
const rows: Row[] = [];
const site = await serveStatic(out);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const loadBefore = loadavg();
for (const areas of SIZES) {
  const file = join(out, `feed-${areas}.json`);
  await writeFeed(areas, file);
  const bytes = statSync(file).size;
  const cells = (areas + 1) * PERIODS;
  // The validator alone, in Node, on the parsed object (median of RUNS).
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const nodeTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const result = validateFeed(parsed);
    nodeTimes.push(performance.now() - t0);
    if (!result.ok) throw new Error(`generated feed invalid: ${result.errors[0]?.message}`);
  }
  const loaded: number[] = [], painted: number[] = [], heap: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e}`));
    const cdp = await context.newCDPSession(page);
    const paintedAt = paintedMark(page, 600_000);
    await page.goto(`${site.url}/scale.html?feed=feed-${areas}.json`, { waitUntil: 'commit' });
    const p = await paintedAt;
    const [l, status] = await page.evaluate('[window.__benchLoaded, window.__benchStatus]') as [number, string];
    if (status !== 'ready') throw new Error(`feed of ${areas} areas: ${status}`);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage') as { usedSize: number };
    loaded.push(l); painted.push(p); heap.push(usage.usedSize / 2 ** 20);
    await context.close();
  }
  rows.push({ areas, cells, mb: +(bytes / 2 ** 20).toFixed(1), nodeValidateMs: Math.round(median(nodeTimes)), loadedMs: Math.round(median(loaded)), paintedMs: Math.round(median(painted)), heapMb: +median(heap).toFixed(1) });
  rmSync(file);
  console.log(`  ${areas} areas done`);
}
await browser.close();
await site.close();

const growth = rows.slice(1).map((r, i) => {
  const prev = rows[i]!;
  const cellsX = r.cells / prev.cells;
  return { from: prev.areas, to: r.areas, cellsX: +cellsX.toFixed(1), validateX: +(r.nodeValidateMs / Math.max(1, prev.nodeValidateMs)).toFixed(1),
    paintedX: +(r.paintedMs / prev.paintedMs).toFixed(1), heapX: +(r.heapMb / prev.heapMb).toFixed(1),
    perCellValidateX: +((r.nodeValidateMs / r.cells) / (Math.max(1, prev.nodeValidateMs) / prev.cells)).toFixed(2) };
});
// Cost above the smallest page (which is mostly page load), per 1,000 extra cells: flat = linear.
const base = rows[0]!;
const marginal = rows.slice(1).map((r) => ({ areas: r.areas, msPer1000Cells: +((r.paintedMs - base.paintedMs) / ((r.cells - base.cells) / 1000)).toFixed(2),
  validateMsPer1000Cells: +(r.nodeValidateMs / (r.cells / 1000)).toFixed(3) }));
const result = { date: new Date().toISOString(), periods: PERIODS, runs: RUNS, loadavgBefore: loadBefore.map((x) => +x.toFixed(2)), loadavgAfter: loadavg().map((x) => +x.toFixed(2)), rows, growth, marginal };
writeFileSync(join(root, 'bench/results/scale.json'), `${JSON.stringify(result, null, 2)}\n`);

console.log(`\nFeeds of N areas x ${PERIODS} months, one metric. Median of ${RUNS}. Load average before ${result.loadavgBefore.join(' / ')}, after ${result.loadavgAfter.join(' / ')}.\n`);
console.log('| areas | cells | feed MB | validate (Node) ms | nav -> loaded + validated ms | nav -> first render painted ms | JS heap after GC MB |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.areas.toLocaleString('en')} | ${r.cells.toLocaleString('en')} | ${r.mb} | ${r.nodeValidateMs} | ${r.loadedMs} | ${r.paintedMs} | ${r.heapMb} |`);
console.log('\n| growth | cells x | validate x | first render x | heap x |');
console.log('|---|---:|---:|---:|---:|');
for (const g of growth) console.log(`| ${g.from.toLocaleString('en')} -> ${g.to.toLocaleString('en')} areas | ${g.cellsX} | ${g.validateX} | ${g.paintedX} | ${g.heapX} |`);
console.log(`\n| areas | first-render ms per 1,000 cells above the ${base.areas}-area page | validate ms per 1,000 cells (Node) |`);
console.log('|---:|---:|---:|');
for (const m of marginal) console.log(`| ${m.areas.toLocaleString('en')} | ${m.msPer1000Cells} | ${m.validateMsPer1000Cells} |`);
console.log('\nLinear growth shows as a flat per-1,000-cell cost; a quadratic selector would multiply it by the size ratio.');
