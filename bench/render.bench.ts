/**
 * Render speed, side by side in one run: 8 trend charts of 60 monthly points drawn by Daylight,
 * by chart.js (line parts only, animation off) and by vega-embed (Vega-Lite), plus a full
 * <daylight-dashboard> on the Philadelphia demo feed. Measures, never asserts.
 *
 * - Each page is its own Vite production build (bench/pages/), as each site builds its own,
 *   served from 127.0.0.1; each library's page downloads only that library, in one script. Same
 *   data, same 8 boxes of the same size. Daylight is measured twice: bundled from source with the
 *   page (tree-shaken to the feed and the trend), and as the whole kit from the CDN bundle (a
 *   second script), the way a page that pastes the script tag gets it.
 * - Daylight's scripts carry the compile hint its builds ship (scripts/compile-hints.mjs); the
 *   peers are measured as they ship and with the same hint added.
 * - Figure: navigation start -> all charts painted (the page's own `performance.now()` two
 *   animation frames after the last chart drew), so it includes fetching, parsing and compiling
 *   the library. The harness learns it from a console line and runs nothing in the page while it
 *   loads (bench/painted.ts says why). Each run opens a fresh browser context (no HTTP or code cache carried over).
 * - Runs are interleaved (round-robin, starting case rotated each round) so machine-load drift
 *   hits every case alike; median of BENCH_RUNS (default 7) per case. Then the same again under
 *   4x CPU throttling (CDP Emulation.setCPUThrottlingRate) as a phone stand-in.
 * - os.loadavg() is recorded before and after: the machine is shared.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { build } from 'vite';
import { transformSync } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { leafletCodeSplitting } from '../scripts/leaflet-chunks.mjs';
import { leafletTrimVite } from '../scripts/leaflet-trim.mjs';
import { minifyCssLiteralsVite } from '../scripts/minify-css-literals.mjs';
import { COMPILE_HINT, compileHintsVite } from '../scripts/compile-hints.mjs';
import { serveStatic } from '../test/server/static-server.ts';
import { paintedMark } from './painted.ts';
import { PAINTED_MESSAGE } from './painted-message.ts';
import { median, ratioOfMedians } from './stats.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pages = join(root, 'bench/pages');
const out = join(root, '.daylight-tmp', 'bench-render');
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const THROTTLED_RUNS = Math.max(5, Number(process.env.BENCH_THROTTLED_RUNS ?? 5));
const CPU_RUNS = Math.max(5, Number(process.env.BENCH_CPU_RUNS ?? 7));

rmSync(out, { recursive: true, force: true });
console.log('building the bench pages (Daylight, chart.js, vega-embed, dashboard) and the library…');
const PAGES = ['daylight', 'daylight-cdn', 'chartjs', 'vega', 'dashboard', 'baseline'];
// One build per page, as each site builds its own page: built together, the pages' shared modules
// (Lit, d3-array, Daylight's core, the bench data) became shared chunks, and the Daylight page
// loaded five scripts where a city's own build of it has one.
for (const [i, name] of PAGES.entries()) {
  await build({
    root: pages, base: './', configFile: false, logLevel: 'warn', publicDir: false,
    resolve: { conditions: ['production'] },
    // Daylight's code as the library build ships it (vite.config.ts), compile hint included; the
    // other libraries' pages as theirs ship, without one (hinted copies are made below).
    plugins: [minifyCssLiteralsVite(), leafletTrimVite(), ...(name.startsWith('daylight') || name === 'dashboard' ? [compileHintsVite()] : [])],
    build: {
      outDir: out, emptyOutDir: i === 0, target: 'es2022',
      // vega-embed's page is one 860 KB script: that is the library, not a build to fix.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        input: { [name]: join(pages, `${name}.html`) },
        // The CDN bundle, built below by the library's own configuration.
        external: ['/cdn/daylight.js'],
        output: { minify: true, codeSplitting: leafletCodeSplitting },
      },
    },
  });
}
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(out, 'cdn'), emptyOutDir: true, sourcemap: false } });
// The kit's own script tag, ahead of the page's, as a city page pastes it: the browser then fetches
// the kit while it parses the page, not after the page's script has asked for it.
{
  const cdnPage = join(out, 'daylight-cdn.html');
  const htmlText = readFileSync(cdnPage, 'utf8');
  const firstScript = htmlText.indexOf('<script type="module"');
  if (firstScript < 0) throw new Error('bench build: no module script in daylight-cdn.html');
  writeFileSync(cdnPage, `${htmlText.slice(0, firstScript)}<script type="module" src="/cdn/daylight.js"></script>\n${htmlText.slice(firstScript)}`);
}
// The peers given the same compile hint as Daylight's bundle (scripts/compile-hints.mjs): any
// page can add it to any script, so the comparison is shown both ways. Each gets a hinted copy of
// its entry file, which holds the whole library.
for (const peer of ['chartjs', 'vega']) {
  const htmlText = readFileSync(join(out, `${peer}.html`), 'utf8');
  const entry = new RegExp(`src="\\./(assets/${peer}-[^"]+\\.js)"`).exec(htmlText)?.[1];
  if (!entry) throw new Error(`bench build: no entry script in ${peer}.html`);
  const hinted = entry.replace(/\.js$/, '-hinted.js');
  writeFileSync(join(out, hinted), `${COMPILE_HINT}\n${readFileSync(join(out, entry), 'utf8')}`);
  writeFileSync(join(out, `${peer}-hinted.html`), htmlText.replace(entry, hinted));
}
// What the one-build-per-page rule is for: no page waits on a chain of chunks.
for (const name of PAGES) {
  const htmlText = readFileSync(join(out, `${name}.html`), 'utf8');
  const scripts = htmlText.match(/<script type="module"/g)?.length ?? 0;
  const preloads = htmlText.match(/rel="modulepreload"/g)?.length ?? 0;
  if (scripts !== (name === 'daylight-cdn' ? 2 : 1) || preloads) {
    throw new Error(`bench build: ${name}.html loads ${scripts} module scripts and ${preloads} preloaded chunks; `
      + 'each page should load its own one script (and the CDN page the kit\'s too)');
  }
}
mkdirSync(join(out, 'feeds'), { recursive: true });
for (const f of ['philadelphia.json', 'philadelphia-districts.geojson']) cpSync(join(root, 'demo/feeds', f), join(out, 'feeds', f));

/** The JavaScript each page downloads (its module and preloaded chunks), brotli-compressed. */
function pageScriptBrotli(page: string): number {
  const htmlText = readFileSync(join(out, page), 'utf8');
  const files = [...htmlText.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  if (htmlText.includes('src="/cdn/daylight.js"')) files.push('cdn/daylight.js');
  return [...new Set(files)].reduce((sum, f) => sum + brotliCompressSync(readFileSync(join(out, f))).length, 0);
}
const scriptKB: Record<string, number> = Object.fromEntries(['daylight', 'daylight-cdn', 'chartjs', 'chartjs-hinted', 'vega', 'vega-hinted', 'dashboard', 'baseline'].map((p) => [p, +(pageScriptBrotli(`${p}.html`) / 1024).toFixed(1)]));

const site = await serveStatic(out);
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/**
 * The Daylight page's DOM as a page of static HTML (bench/pages/static-dom.ts writes it from the
 * painted page), with no script but the painted mark, set as chart.js's page sets it (two frames
 * after its script ran). Its time is what that DOM costs to parse, style, lay out and paint; the
 * rest of the Daylight page's time is script: loading, compiling and running the library,
 * validating the feed, and building the DOM.
 *
 * Two copies. `final`: the DOM once the trends have built their points as focusable elements,
 * which they do in idle moments after the painted mark. `painted`: the DOM at the mark, points
 * still plain shapes, kept so by a page whose idle callbacks never come; this is the DOM the
 * Daylight figure pays for, so its time bounds what any script that builds it could reach.
 */
async function writeStaticDaylightPage(copy: 'final' | 'painted'): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  if (copy === 'painted') await page.addInitScript('window.requestIdleCallback = () => 0;');
  const painted = paintedMark(page, 120_000);
  await page.goto(`${site.url}/daylight.html`, { waitUntil: 'commit' });
  await painted;
  if (copy === 'final') {
    await page.evaluate("Promise.all([...document.querySelectorAll('daylight-trend')].map((t) => t.updateComplete))");
  }
  const serializer = transformSync(readFileSync(join(pages, 'static-dom.ts'), 'utf8'), { loader: 'ts' }).code;
  await page.addScriptTag({ content: serializer });
  const body = await page.evaluate('staticBody()') as string;
  await context.close();
  if (!body.includes('<template shadowrootmode="open">')) throw new Error(`bench: the ${copy} static copy of the Daylight page has no shadow roots`);
  const hasPointElements = body.includes('class="point ');
  if (hasPointElements !== (copy === 'final') || (copy === 'painted' && !body.includes('class="point-shapes"'))) {
    throw new Error(`bench: the ${copy} static copy of the Daylight page ${hasPointElements ? 'has' : 'lacks'} point elements`);
  }
  const css = readFileSync(join(pages, 'page.css'), 'utf8');
  const mark = `requestAnimationFrame(() => requestAnimationFrame(() => console.log(${JSON.stringify(`${PAINTED_MESSAGE} `)} + performance.now())));`;
  const file = copy === 'final' ? 'daylight-static.html' : 'daylight-static-painted.html';
  writeFileSync(join(out, file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench: Daylight's DOM, static (${copy})</title><style>${css}</style></head><body>${body}<script type="module">${mark}</script></body></html>\n`);
}
await writeStaticDaylightPage('final');
await writeStaticDaylightPage('painted');
// Their one inline line, the painted mark.
scriptKB['daylight-static'] = 0;
scriptKB['daylight-static-painted'] = 0;

interface Case { id: string; label: string; path: string }
const CASES: Case[] = [
  { id: 'daylight', label: 'Daylight, 8 trends', path: 'daylight.html' },
  // What a page that pastes the kit's script tag loads: every element, 190 KB before compression.
  // The same page, marked once every point is its own focusable, labelled element as well.
  { id: 'daylight-points', label: 'Daylight, 8 trends, until every point is keyboard-reachable', path: 'daylight.html?until=points' },
  { id: 'daylight-cdn', label: 'Daylight, 8 trends, whole kit from the CDN bundle', path: 'daylight-cdn.html' },
  { id: 'chartjs', label: 'chart.js, 8 line charts', path: 'chartjs.html' },
  { id: 'chartjs-hinted', label: 'chart.js, 8 line charts, with the compile hint Daylight ships', path: 'chartjs-hinted.html' },
  { id: 'vega-canvas', label: 'vega-embed (canvas), 8 line charts', path: 'vega.html?renderer=canvas' },
  { id: 'vega-svg', label: 'vega-embed (svg), 8 line charts', path: 'vega.html?renderer=svg' },
  { id: 'vega-canvas-hinted', label: 'vega-embed (canvas), 8 line charts, with the compile hint Daylight ships', path: 'vega-hinted.html?renderer=canvas' },
  { id: 'dashboard', label: 'Daylight, full <daylight-dashboard>', path: 'dashboard.html' },
  // The Daylight page's final DOM (points as elements), parsed from static HTML: its cost without the script.
  { id: 'daylight-static', label: "Daylight's final DOM as static HTML, no script", path: 'daylight-static.html' },
  // The DOM the Daylight figure paints (points still shapes), static: the floor for any script.
  { id: 'daylight-static-painted', label: "Daylight's DOM at its painted mark as static HTML, no script", path: 'daylight-static-painted.html' },
  // What every page here pays before drawing anything, which bounds the ratios.
  { id: 'baseline', label: 'no library: the same 8 boxes, empty', path: 'baseline.html' },
];

async function once(c: Case, throttle: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const painted = paintedMark(page, 120_000);
  await page.goto(`${site.url}/${c.path}`, { waitUntil: 'commit' });
  const ms = await painted;
  await context.close();
  if (errors.length) throw new Error(`${c.id}: ${errors.join('; ')}`);
  return ms;
}

/**
 * The page's main-thread CPU from navigation to painted, at 1x: the sum of the renderer main
 * thread's task durations in a Chromium trace (`tdur`, thread time, which leaves out the time the
 * thread waited for a core). Tracing slows a page a little, so these runs are apart from the
 * timed ones. On this 2-core machine the wall times also carry the browser's other processes; this
 * is the work each library itself puts on the thread that a phone has one of.
 */
async function mainThreadCpu(c: Case): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: Array<{ name: string; ph: string; pid: number; tid: number; tdur?: number }> = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  // Without the disabled-by-default category Chromium records no thread time (`tdur`) on tasks.
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const painted = paintedMark(page, 120_000);
  await page.goto(`${site.url}/${c.path}`, { waitUntil: 'commit' });
  await painted;
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const parse = events.find((e) => e.name === 'ParseHTML');
  if (!parse) throw new Error(`${c.id}: no ParseHTML event in the trace`);
  const ms = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.name === 'RunTask' && e.ph === 'X' && e.tdur)
    .reduce((sum, e) => sum + e.tdur! / 1000, 0);
  if (!(ms > 0)) throw new Error(`${c.id}: the trace has no main-thread task durations`);
  return ms;
}

async function round(throttle: number, runs: number) {
  const times = new Map<string, number[]>(CASES.map((c) => [c.id, []]));
  await once(CASES[0]!, 1); // warm the browser process itself; not counted
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < CASES.length; k++) {
      const c = CASES[(r + k) % CASES.length]!;
      times.get(c.id)!.push(await once(c, throttle));
    }
    process.stdout.write(`  ${throttle}x CPU: round ${r + 1}/${runs}\r`);
  }
  process.stdout.write('\n');
  return Object.fromEntries(CASES.map((c) => {
    const t = times.get(c.id)!;
    return [c.id, { medianMs: Math.round(median(t)), minMs: Math.round(Math.min(...t)), maxMs: Math.round(Math.max(...t)), runs: t.map((x) => Math.round(x)) }];
  }));
}

const loadBefore = loadavg();
const normal = await round(1, RUNS);
const throttled = await round(4, THROTTLED_RUNS);
const cpuTimes = new Map<string, number[]>(CASES.map((c) => [c.id, []]));
for (let r = 0; r < CPU_RUNS; r++) {
  for (let k = 0; k < CASES.length; k++) {
    const c = CASES[(r + k) % CASES.length]!;
    cpuTimes.get(c.id)!.push(await mainThreadCpu(c));
  }
  process.stdout.write(`  main-thread CPU, traced: round ${r + 1}/${CPU_RUNS}\r`);
}
process.stdout.write('\n');
const cpu: Record<string, number> = Object.fromEntries(CASES.map((c) => [c.id, +median(cpuTimes.get(c.id)!).toFixed(1)]));
const loadAfter = loadavg();
await browser.close();
await site.close();

type Stats = Record<string, { medianMs: number; minMs: number; maxMs: number; runs: number[] }>;
function ratios(s: Stats) {
  const vega = Math.min(s['vega-canvas']!.medianMs, s['vega-svg']!.medianMs);
  const vegaRenderer = s['vega-canvas']!.medianMs <= s['vega-svg']!.medianMs ? 'canvas' : 'svg';
  const d = s.daylight!.medianMs;
  const staticPainted = s['daylight-static-painted']!.medianMs;
  // The same ratios with the empty page's time taken off each side: what the libraries' own work
  // compares as, without the navigation, requests and frames every page shares.
  const base = s.baseline!.medianMs;
  const net = (x: number) => +((x - base) / Math.max(1, d - base)).toFixed(2);
  // How far each ratio can be trusted: the 90% bootstrap interval of the runs' own ratio of
  // medians, each run paired with Daylight's run of the same round (bench/stats.ts).
  const interval = (id: string) => ratioOfMedians(s[id]!.runs, s.daylight!.runs).interval.map((x) => +x.toFixed(2));
  return {
    chartjs: +(s.chartjs!.medianMs / d).toFixed(2), vega: +(vega / d).toFixed(2), vegaRenderer,
    intervals90: { chartjs: interval('chartjs'), vega: interval(`vega-${vegaRenderer}`) },
    netOfEmptyPage: { chartjs: net(s.chartjs!.medianMs), vega: net(vega) },
    // The peers with the hint too (vega-embed on canvas, its faster renderer in every run so far).
    hintedPeers: { chartjs: +(s['chartjs-hinted']!.medianMs / d).toFixed(2), vegaCanvas: +(s['vega-canvas-hinted']!.medianMs / d).toFixed(2) },
    // The static copy of the painted DOM runs no script, so no page that builds that DOM by script
    // is painted sooner: a peer's time over it is the best ratio any such page could show, and
    // the peer's time over the goal, less the static page's, is what the goal leaves for script.
    floor: {
      chartjs: +(s.chartjs!.medianMs / staticPainted).toFixed(2), vega: +(vega / staticPainted).toFixed(2),
      daylightScriptMs: d - staticPainted,
      scriptBudgetMs: { chartjs: Math.round(s.chartjs!.medianMs / 1.5 - staticPainted), vega: Math.round(vega / 3 - staticPainted) },
    },
    // Against the page that loads the whole kit from the CDN bundle.
    cdn: { chartjs: +(s.chartjs!.medianMs / s['daylight-cdn']!.medianMs).toFixed(2), vega: +(vega / s['daylight-cdn']!.medianMs).toFixed(2) },
  };
}
function cpuRatios(c: Record<string, number>) {
  const d = c.daylight!;
  const vega = Math.min(c['vega-canvas']!, c['vega-svg']!);
  const net = (x: number) => +((x - c.baseline!) / Math.max(1, d - c.baseline!)).toFixed(2);
  return {
    chartjs: +(c.chartjs! / d).toFixed(2), vega: +(vega / d).toFixed(2),
    hintedPeers: { chartjs: +(c['chartjs-hinted']! / d).toFixed(2), vegaCanvas: +(c['vega-canvas-hinted']! / d).toFixed(2) },
    netOfEmptyPage: { chartjs: net(c.chartjs!), vega: net(vega) },
  };
}
const result = {
  date: new Date().toISOString(), chromium: browser.version(), cpus: cpus().length, cpuModel: cpus()[0]?.model,
  loadavgBefore: loadBefore.map((x) => +x.toFixed(2)), loadavgAfter: loadAfter.map((x) => +x.toFixed(2)),
  charts: 8, pointsPerChart: 60, scriptBrotliKB: scriptKB, runs: RUNS, throttledRuns: THROTTLED_RUNS,
  normal, throttled4x: throttled, ratios: { normal: ratios(normal), throttled4x: ratios(throttled) },
  cpuRuns: CPU_RUNS, mainThreadCpuMs: cpu, cpuRatios: cpuRatios(cpu),
  goals: { chartjs: 'Daylight >= 1.5x faster', vega: 'Daylight >= 3x faster' },
};
writeFileSync(join(root, 'bench/results/render.json'), `${JSON.stringify(result, null, 2)}\n`);

console.log('\nNavigation start -> all charts painted, headless Chromium, median ms (min-max) of interleaved runs.');
console.log(`Machine: ${result.cpus} CPUs; load average before ${result.loadavgBefore.join(' / ')}, after ${result.loadavgAfter.join(' / ')}.\n`);
console.log('| page | JS brotli KB | 1x CPU median ms | min-max | 4x throttled median ms | min-max |');
console.log('|---|---:|---:|---|---:|---|');
for (const c of CASES) {
  const n = normal[c.id]!, t = throttled[c.id]!;
  console.log(`| ${c.label} | ${scriptKB[c.path.replace(/\.html.*/, '')]} | ${n.medianMs} | ${n.minMs}-${n.maxMs} | ${t.medianMs} | ${t.minMs}-${t.maxMs} |`);
}
const rn = result.ratios.normal, rt = result.ratios.throttled4x;
const verdict = (x: number, [low, high]: number[], goal: number) => `${x}x ${x >= goal ? '(goal met)' : `(goal ${goal}x: not met)`}; 90% interval ${low}-${high}`;
console.log('\n| ratio (their median / Daylight median, 8 charts) | 1x CPU | 4x throttled |');
console.log('|---|---:|---:|');
console.log(`| chart.js / Daylight (goal >= 1.5) | ${verdict(rn.chartjs, rn.intervals90.chartjs, 1.5)} | ${verdict(rt.chartjs, rt.intervals90.chartjs, 1.5)} |`);
console.log(`| vega-embed / Daylight (goal >= 3; faster renderer: ${rn.vegaRenderer} / ${rt.vegaRenderer}) | ${verdict(rn.vega, rn.intervals90.vega, 3)} | ${verdict(rt.vega, rt.intervals90.vega, 3)} |`);
console.log(`| net of the empty page (each median minus the empty page's): chart.js / Daylight | ${rn.netOfEmptyPage.chartjs}x | ${rt.netOfEmptyPage.chartjs}x |`);
console.log(`| net of the empty page: vega-embed / Daylight | ${rn.netOfEmptyPage.vega}x | ${rt.netOfEmptyPage.vega}x |`);
console.log(`| both peers with the compile hint too: chart.js / Daylight | ${rn.hintedPeers.chartjs}x | ${rt.hintedPeers.chartjs}x |`);
console.log(`| both peers with the compile hint too: vega-embed (canvas) / Daylight | ${rn.hintedPeers.vegaCanvas}x | ${rt.hintedPeers.vegaCanvas}x |`);
console.log(`| floor: chart.js / Daylight's painted DOM as static HTML (no script) | ${rn.floor.chartjs}x | ${rt.floor.chartjs}x |`);
console.log(`| floor: vega-embed / Daylight's painted DOM as static HTML (no script) | ${rn.floor.vega}x | ${rt.floor.vega}x |`);
console.log(`| Daylight's script, over its static DOM: ms taken / ms the chart.js goal leaves / ms the vega-embed goal leaves | ${rn.floor.daylightScriptMs} / ${rn.floor.scriptBudgetMs.chartjs} / ${rn.floor.scriptBudgetMs.vega} | ${rt.floor.daylightScriptMs} / ${rt.floor.scriptBudgetMs.chartjs} / ${rt.floor.scriptBudgetMs.vega} |`);
console.log(`| Daylight's whole kit from the CDN bundle: chart.js / Daylight | ${rn.cdn.chartjs}x | ${rt.cdn.chartjs}x |`);
console.log(`| Daylight's whole kit from the CDN bundle: vega-embed / Daylight | ${rn.cdn.vega}x | ${rt.cdn.vega}x |`);

console.log(`\nMain-thread CPU, navigation start -> painted, 1x, median of ${CPU_RUNS} traced runs (ms):\n`);
console.log(`| ${CASES.map((c) => c.id).join(' | ')} |`);
console.log(`|${CASES.map(() => '---:').join('|')}|`);
console.log(`| ${CASES.map((c) => cpu[c.id]).join(' | ')} |`);
const cr = result.cpuRatios;
console.log(`\nMain-thread CPU ratios: chart.js / Daylight ${cr.chartjs}x, vega-embed / Daylight ${cr.vega}x; peers hinted too ${cr.hintedPeers.chartjs}x and ${cr.hintedPeers.vegaCanvas}x; net of the empty page ${cr.netOfEmptyPage.chartjs}x and ${cr.netOfEmptyPage.vega}x.`);
