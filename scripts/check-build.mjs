#!/usr/bin/env node
// Builds the library and holds the size budgets (scripts/element-sizes.mjs measures). Size is
// deterministic, so unlike speed it can be asserted in `npm test`.
//
// Two limits per budgeted row:
// - the budget from issue 7 (trend element <= 30 KB brotli, map element <= 50 KB brotli plus
//   Leaflet CSS, whole kit <= 70 KB brotli). A row within budget must stay within it.
// - for a row that is not yet within its budget, a ceiling a few % above its size when the check
//   was added (issue 6's accessibility work was landing meanwhile and growing it), so it cannot
//   grow unnoticed. Lower the ceiling as the row shrinks; delete it once the row is within budget.
//   docs/performance.md lists which rows are over and why.
import { spawnSync } from 'node:child_process';
import { measureSizes, compressed } from './element-sizes.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILE_HINT } from './compile-hints.mjs';

// Empty: every budgeted row is within its budget. The map was the last row with a ceiling: it
// came down from a ceiling of 77,500 B to 51,114 B (Leaflet module by module and trimmed, its CSS trimmed,
// lazy Spanish, image export and canvas renderer, English split by element, minified templates,
// no decorators, fewer Valibot schema kinds; docs/performance.md has the steps).
const CEILINGS_BROTLI_BYTES = {};
// The lazy chunk keeps its own gzip budget (it is the one file a map page adds).
const LAZY_CHUNK_GZIP_BYTES = 60 * 1024;

const started = Date.now();
const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('vite build failed');
  process.exit(1);
}
let failed = false;
for (const row of await measureSizes()) {
  let verdict = '';
  if (row.budget !== undefined) {
    const ceiling = CEILINGS_BROTLI_BYTES[row.name];
    if (row.brotli <= row.budget) verdict = ` (budget ${row.budget} B: ok${ceiling ? '; remove its ceiling' : ''})`;
    else if (ceiling !== undefined && row.brotli <= ceiling) verdict = ` (budget ${row.budget} B: over, known; ceiling ${ceiling} B: ok)`;
    else { verdict = ` (budget ${row.budget} B: OVER${ceiling ? `, ceiling ${ceiling} B: OVER` : ''})`; failed = true; }
  }
  console.log(`${row.name}: ${row.raw} B raw, ${row.gzip} B gzip, ${row.brotli} B brotli${verdict}`);
}
const chunk = readdirSync('dist').find((f) => f.startsWith('leaflet-layer-') && f.endsWith('.js'));
if (!chunk) { console.error('no lazy map chunk in dist/'); failed = true; }
else {
  const { gzip } = compressed(readFileSync(join('dist', chunk)));
  const ok = gzip <= LAZY_CHUNK_GZIP_BYTES;
  if (!ok) failed = true;
  console.log(`lazy map chunk gzip budget ${LAZY_CHUNK_GZIP_BYTES} B: ${ok ? 'ok' : 'OVER'}`);
}
// The CDN bundle asks V8 to compile it up front (scripts/compile-hints.mjs); the lazy map chunk
// does not, as most of it may never run.
const kitHinted = readFileSync(join('dist', 'daylight.js'), 'utf8').startsWith(`${COMPILE_HINT}\n`);
const chunkHinted = chunk !== undefined && readFileSync(join('dist', chunk), 'utf8').startsWith(COMPILE_HINT);
if (!kitHinted || chunkHinted) failed = true;
console.log(`compile hint: ${kitHinted ? 'on' : 'MISSING from'} dist/daylight.js, ${chunkHinted ? 'WRONGLY on' : 'not on'} the lazy map chunk`);
// The bundles carry no licence comments; the notices of what they bundle ship beside them.
const notices = join('dist', 'THIRD-PARTY-NOTICES.txt');
let noticesText = '';
try { noticesText = readFileSync(notices, 'utf8'); } catch { /* reported below */ }
const unnoticed = ['lit-html', 'leaflet', 'valibot'].filter((name) => !noticesText.includes(`\n${name} `));
if (unnoticed.length) { console.error(`${notices} is missing or does not name ${unnoticed.join(', ')}`); failed = true; }
else console.log(`${notices}: ok`);
console.log(`size check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
