/**
 * Size: gzip and brotli of the full CDN bundle, of each element's entry alone (tree-shaken), and
 * of the lazy map chunk, against the budgets of issue 7. The same measurement runs in `npm test`
 * (scripts/check-build.mjs), which fails when a budget row grows; this reports it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSizes, sizeTable } from '../scripts/element-sizes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const built = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const rows = await measureSizes();
writeFileSync(join(root, 'bench/results/size.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log('\nBytes a page downloads (KB = 1,024 B). Elements alone: esbuild, minified, tree-shaken, Lit included.\n');
console.log(sizeTable(rows));
