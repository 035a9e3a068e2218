/**
 * `npm run demo:feeds`: rebuilds demo/feeds/*.json with the real builder from the shared real
 * datasets (../shared/data, or DAYLIGHT_DATA) and the synthetic Sample City data. Each feed must
 * pass the validator, the widget guard and the audit before it is written. Reproducible: the
 * "generated" time is fixed to the feed's as-of date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromConfig, feedProblems, writeAtomic } from '../src/cli/build.ts';
import { formatFeed } from '../src/cli/format.ts';
import { simplifyBoundary } from './simplify-boundary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo', 'feeds');
const shared = resolve(process.env.DAYLIGHT_DATA ?? join(root, '..', 'shared', 'data'));

interface Job {
  name: string;
  config: string;
  dataDir: string;
  /** The boundary to place next to the feed: copied as is, or simplified when large. */
  boundary?: { from: string; to: string; simplify?: number };
  real: boolean;
}

const jobs: Job[] = [
  { name: 'philadelphia', config: 'configs/philadelphia.config.json', dataDir: shared, real: true,
    boundary: { from: 'phl_police_districts.geojson', to: 'philadelphia-districts.geojson' } },
  { name: 'san-francisco', config: 'configs/san-francisco.config.json', dataDir: shared, real: true,
    boundary: { from: 'sf_analysis_neighborhoods.geojson', to: 'san-francisco-neighborhoods.geojson', simplify: 4 } },
  { name: 'sample-city', config: 'configs/sample-city.config.json', dataDir: join(root, 'test', 'fixtures', 'sample-city'), real: false,
    boundary: { from: 'sample-city-districts.geojson', to: 'sample-city-districts.geojson' } },
];

const only = process.argv.slice(2);
let failed = 0;
for (const job of jobs) {
  if (only.length && !only.includes(job.name)) continue;
  if (!existsSync(join(root, job.config))) {
    console.log(`${job.name}: ${job.config} does not exist yet; skipped.`);
    continue;
  }
  if (job.real && !existsSync(job.dataDir)) {
    console.log(`${job.name}: the shared real data is not at ${job.dataDir}; set DAYLIGHT_DATA to its folder. Skipped (exit 0).`);
    continue;
  }
  const asOf = (JSON.parse(readFileSync(join(root, job.config), 'utf8')) as { asOf?: string }).asOf;
  const { feed, report } = await buildFromConfig({
    config: join(root, job.config), out, dataDir: job.dataDir, quiet: true, showBadRows: 5,
    generated: `${asOf ?? '2025-01-01'}T12:00:00Z`, log: (l) => console.log(`  ${l}`),
  });
  const problems = feedProblems(feed);
  if (problems.length) {
    console.error(`${job.name}: the feed failed its checks and was not written:\n  ${problems.slice(0, 10).join('\n  ')}`);
    failed++;
    continue;
  }
  const text = formatFeed(feed);
  writeAtomic(join(out, `${job.name}.json`), text);
  if (job.boundary) {
    const from = join(job.dataDir, job.boundary.from);
    const to = join(out, job.boundary.to);
    if (job.boundary.simplify) writeAtomic(to, simplifyBoundary(JSON.parse(readFileSync(from, 'utf8')), job.boundary.simplify));
    else writeAtomic(to, readFileSync(from, 'utf8'));
  }
  const metrics = report.metrics.map((m) => `${m.id} ${m.cells - m.suppressed}/${m.cells}`).join(', ');
  console.log(`${job.name}: wrote demo/feeds/${job.name}.json (${(text.length / 1024).toFixed(0)} KB; published/cells: ${metrics})`);
}
process.exit(failed ? 1 : 0);
