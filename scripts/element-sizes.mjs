// Sizes of what a city page actually downloads, measured the same way by `npm test`
// (scripts/check-build.mjs, which fails over budget) and `npm run bench` (bench/size.bench.ts,
// which reports). Size is deterministic, so unlike speed it can be asserted.
//
// - The full CDN bundle and the lazy map chunk come from the real library build (dist/).
// - Each element alone: its define.ts bundled by esbuild with tree-shaking and minification, as a
//   city bundler importing only that element would (Lit included, since the page needs it).
//   Leaflet's lazy chunk is split out; the map's figure is its entry plus that chunk, with
//   Leaflet's CSS (inlined into the chunk) counted separately, as the budget says.
// - The CSS in Lit `css` templates is minified as the library build minifies it
//   (scripts/minify-css-literals.mjs), so these figures and dist/ agree.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { minifyCssLiteralsEsbuild } from './minify-css-literals.mjs';
import { leafletTrimEsbuild, trimLeaflet, trimLeafletCss } from './leaflet-trim.mjs';

const KB = 1024;
export const BUDGETS = {
  trend: 30 * KB,            // line/trend element alone, brotli
  map: 50 * KB,              // map element + lazy Leaflet chunk, brotli, Leaflet CSS excluded
  kit: 70 * KB,              // whole kit (dist/daylight.js), brotli
};

export function compressed(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

/** `leaflet.css?inline` -> the CSS text as the builds ship it, trimmed (or '' when `stubCss`), as Vite does. */
function cssInline(stubCss) {
  // Paths in a plugin's own namespace go into esbuild's chunk hashes as they are, and the hashes
  // into the chunk names that the code imports: an absolute path made the figures depend on where
  // the repository is checked out (the map measured 51,167 B brotli in one folder, 51,234 B in a
  // fresh clone). Relative to the working directory, they are the same in every checkout.
  const inlined = (path) => ({ path: relative(process.cwd(), path), namespace: 'css-inline' });
  return {
    name: 'css-inline',
    setup(b) {
      b.onResolve({ filter: /\.css\?inline$/ }, (args) => inlined(resolve(args.resolveDir, 'node_modules', args.path.replace(/\?inline$/, ''))));
      b.onResolve({ filter: /^leaflet\/.*\.css\?inline$/ }, (args) => inlined(resolve('node_modules', args.path.replace(/\?inline$/, ''))));
      b.onLoad({ filter: /.*/, namespace: 'css-inline' }, (args) => {
        const file = resolve(args.path);
        return { contents: `export default ${JSON.stringify(stubCss ? '' : trimLeaflet(readFileSync(file, 'utf8'), file) ?? readFileSync(file, 'utf8'))};`, loader: 'js' };
      });
    },
  };
}

/**
 * Bundles one element's entry. Returns what a page downloads to show it (the entry and the chunks
 * it imports statically; for the map, also the lazy Leaflet chunk, which its budget counts) and,
 * apart, the chunks loaded only on a reader's request (image export, another language).
 */
async function bundle(entry, stubCss) {
  const result = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', splitting: true, write: false, metafile: true,
    outdir: '/virtual', target: 'es2022', conditions: ['production'], platform: 'browser',
    tsconfig: 'tsconfig.json', logLevel: 'silent', plugins: [cssInline(stubCss), minifyCssLiteralsEsbuild(), leafletTrimEsbuild()],
    // As the library build: no licence comments in the code (the package exports only dist/, whose
    // bundles have none); the licences ship in dist/THIRD-PARTY-NOTICES.txt.
    legalComments: 'none',
  });
  const outputs = result.metafile.outputs;
  const named = withStableHashes(result.outputFiles);
  const bytesOf = new Map(result.outputFiles.map((f) => [relativeOut(f.path), Buffer.from(named(f.text))]));
  const shown = new Set();
  const visit = (name) => {
    if (shown.has(name)) return;
    shown.add(name);
    for (const i of outputs[name].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  // Chunks of dynamic imports are entry points too in esbuild's metafile: pick the element's own.
  visit(Object.keys(outputs).find((name) => outputs[name].entryPoint === entry));
  for (const name of Object.keys(outputs)) if (/leaflet-layer/.test(name)) visit(name);
  const onDemand = Object.keys(outputs).filter((name) => !shown.has(name))
    .map((name) => ({ name: chunkName(name), bytes: bytesOf.get(name) }));
  return { shown: [...shown].map((name) => bytesOf.get(name)), onDemand };
}

const HASHED_NAME = /-([A-Z0-9]{8})\.js/g;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Chunk file names carry esbuild's hash, and the code that imports a chunk carries its name. That
 * hash changes with more than the code: with the source of modules tree-shaking removed entirely
 * (the map's bundle, byte for byte the same, measured 51,173 B brotli before a change to a helper
 * it does not use and 51,225 B after) and with where node_modules lies (51,254 B in a worktree).
 * Eight random characters cost brotli a few bytes each, so each hash is replaced by a stand-in of
 * the same length and alphabet, derived from the chunk's own code with the names taken out: the
 * figures move when the shipped code does, and only then.
 */
export function withStableHashes(files) {
  const standIns = new Map();
  for (const file of files) {
    const hash = /-([A-Z0-9]{8})\.js$/.exec(file.path)?.[1];
    if (!hash) continue;
    const digest = createHash('sha256').update(file.text.replace(HASHED_NAME, '.js')).digest();
    standIns.set(hash, [...digest.subarray(0, 8)].map((byte) => BASE32[byte % 32]).join(''));
  }
  return (text) => text.replace(HASHED_NAME, (name, hash) => `-${standIns.get(hash) ?? hash}.js`);
}

// esbuild names outputs relative to the working directory in the metafile, absolute in outputFiles.
const relativeOut = (path) => relative(process.cwd(), path);
const chunkName = (path) => path.split('/').pop().replace(/-[A-Z0-9]{8}\.js$/, '');

const sum = (parts) => parts.reduce((a, p) => ({ raw: a.raw + p.raw, gzip: a.gzip + p.gzip, brotli: a.brotli + p.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** When the chunks a page does not load up front are fetched. */
const ON_DEMAND = {
  es: 'on request only (a Spanish page)',
  'export-image': 'on request only (an image download)',
  'leaflet-tiles': 'only with a `tiles` attribute',
  'leaflet-canvas': 'only for maps of over 1,500 areas',
};

/** Rows of { name, raw, gzip, brotli, budget? }; `dist/` must already hold the library build. */
export async function measureSizes() {
  const rows = [];
  const dist = readdirSync('dist').filter((f) => f.endsWith('.js'));
  rows.push({ name: 'whole kit (dist/daylight.js, CDN bundle)', ...compressed(readFileSync('dist/daylight.js')), budget: BUDGETS.kit });
  const chunk = dist.find((f) => f.startsWith('leaflet-layer-'));
  if (chunk) rows.push({ name: `lazy map chunk (dist/${chunk}, Leaflet + its CSS)`, ...compressed(readFileSync(join('dist', chunk))) });
  const elements = readdirSync('src/elements').filter((d) => d !== 'shared').sort();
  const built = await Promise.all(elements.map(async (name) => ({ name, ...(await bundle(`src/elements/${name}/define.ts`, name === 'map')) })));
  const onDemand = new Map();
  for (const { name, shown, onDemand: chunks } of built) {
    const total = sum(shown.map((bytes) => compressed(Buffer.from(bytes))));
    const budget = name === 'trend' ? BUDGETS.trend : name === 'map' ? BUDGETS.map : undefined;
    const label = name === 'map' ? 'element: map (entry + lazy chunk, without Leaflet CSS)' : `element: ${name} (alone, tree-shaken)`;
    rows.push({ name: label, ...total, ...(budget ? { budget } : {}) });
    // esbuild's shared chunks ("chunk-…") hold code the listed chunks import; they count with those.
    for (const c of chunks) if (c.name !== 'chunk') onDemand.set(c.name, c.bytes);
  }
  for (const [name, bytes] of [...onDemand].sort()) rows.push({ name: `${ON_DEMAND[name] ?? 'on request only'}: ${name} chunk`, ...compressed(Buffer.from(bytes)) });
  // As the map ships it: without the rules for parts it never creates (scripts/leaflet-trim.mjs).
  const leafletCss = compressed(Buffer.from(trimLeafletCss(readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8'))));
  rows.push({ name: 'Leaflet CSS (on top of the map budget)', ...leafletCss });
  return rows;
}

export function sizeTable(rows) {
  const kb = (n) => (n / KB).toFixed(1);
  const lines = ['| what | raw KB | gzip KB | brotli KB | budget (brotli) |', '|---|---:|---:|---:|---|'];
  for (const r of rows) {
    const verdict = r.budget === undefined ? '' : `${kb(r.budget)} KB ${r.brotli <= r.budget ? 'ok' : '**OVER**'}`;
    lines.push(`| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${verdict} |`);
  }
  return lines.join('\n');
}
