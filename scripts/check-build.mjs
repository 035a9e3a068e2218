#!/usr/bin/env node
// Builds the library and holds the size budget. Size is deterministic, so unlike speed it can be
// asserted in `npm test`.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_BROTLI_BYTES = { 'daylight.js': 70 * 1024 };
// Lazy chunks carry a content hash (leaflet-layer-<hash>.js), so they are matched by name prefix.
const BUDGET_GZIP_BYTES_BY_PREFIX = { 'leaflet-layer-': 60 * 1024 };

const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('vite build failed');
  process.exit(1);
}
let failed = false;
for (const file of readdirSync('dist').filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join('dist', file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes).length;
  const budget = BUDGET_BROTLI_BYTES[file];
  let verdict = budget === undefined ? '' : brotli <= budget ? ` (budget ${budget} B: ok)` : ` (budget ${budget} B: OVER)`;
  if (budget !== undefined && brotli > budget) failed = true;
  const gzipPrefix = Object.keys(BUDGET_GZIP_BYTES_BY_PREFIX).find((prefix) => file.startsWith(prefix));
  if (gzipPrefix) {
    const gzipBudget = BUDGET_GZIP_BYTES_BY_PREFIX[gzipPrefix];
    verdict += gzip <= gzipBudget ? ` (gzip budget ${gzipBudget} B: ok)` : ` (gzip budget ${gzipBudget} B: OVER)`;
    if (gzip > gzipBudget) failed = true;
  }
  console.log(`${file}: ${bytes.length} B raw, ${gzip} B gzip, ${brotli} B brotli${verdict}`);
}
process.exit(failed ? 1 : 0);
