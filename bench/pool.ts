/**
 * The render ratios pooled over several runs of `npm run bench -- render`, each run's
 * `bench/results/render.json` copied aside first (each run overwrites it):
 *
 *   npx tsx bench/pool.ts run1.json run2.json ...
 *
 * A single run's interval is wide on a shared machine; the rounds of several runs, paired as in
 * each run, pin the ratio down further. Runs of different code should not be pooled.
 */
import { readFileSync } from 'node:fs';
import { ratioOfMedians } from './stats.ts';

interface RenderResult {
  date: string;
  normal: Record<string, { runs: number[] }>;
  throttled4x: Record<string, { runs: number[] }>;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx bench/pool.ts <render.json> [<render.json> ...]');
  process.exit(2);
}
const results = files.map((file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RenderResult;
  } catch (error) {
    console.error(`${file}: not a readable render result (${(error as Error).message})`);
    process.exit(2);
  }
});
for (const [i, result] of results.entries()) {
  for (const mode of ['normal', 'throttled4x'] as const) {
    for (const id of ['daylight', 'chartjs', 'vega-canvas', 'vega-svg']) {
      if (!Array.isArray(result[mode]?.[id]?.runs)) {
        console.error(`${files[i]}: no ${mode}.${id}.runs; is it a bench/results/render.json?`);
        process.exit(2);
      }
    }
  }
}

console.log(`Pooled over ${results.length} render runs (${results.map((r) => r.date).join(', ')}):\n`);
console.log('| ratio (their median / Daylight median; 90% interval) | 1x CPU | 4x throttled | goal |');
console.log('|---|---:|---:|---:|');
// The floor (bench/render.bench.ts): the peers against Daylight's painted DOM as static HTML, no
// script, in the runs that have that case.
const withFloor = results.every((r) => r.normal['daylight-static-painted'] && r.throttled4x['daylight-static-painted']);
const rows: Array<{ label: string; peers: string[]; base: string; goal: string }> = [
  { label: 'chart.js / Daylight', peers: ['chartjs'], base: 'daylight', goal: '>= 1.5' },
  { label: 'vega-embed / Daylight (faster renderer)', peers: ['vega-canvas', 'vega-svg'], base: 'daylight', goal: '>= 3' },
];
if (withFloor) rows.push({ label: 'floor: vega-embed / Daylight\'s painted DOM as static HTML, no script', peers: ['vega-canvas', 'vega-svg'], base: 'daylight-static-painted', goal: '' });
for (const { label, peers, base, goal } of rows) {
  const cells = (['normal', 'throttled4x'] as const).map((mode) => {
    const baseRuns = results.flatMap((r) => r[mode][base]!.runs);
    const estimates = peers.map((peer) => ratioOfMedians(results.flatMap((r) => r[mode][peer]!.runs), baseRuns));
    const best = estimates.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    return `${best.ratio.toFixed(2)} (${best.interval.map((x) => x.toFixed(2)).join('-')}), ${baseRuns.length} rounds`;
  });
  console.log(`| ${label} | ${cells[0]} | ${cells[1]} | ${goal} |`);
}
