import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';

// V8's explicit compile hint, on the scripts a page runs as it loads.
//
// V8 compiles a function the first time it is called, on the page's main thread, unless the
// script's first line asks for every function to be compiled up front
// (`//# allFunctionsCalledOnLoad`, Chromium 136 and later; to other engines it is a comment). Up-front
// compilation of a streamed script runs on a background thread while the script downloads. Nearly
// every function of an entry runs before a page's charts are drawn (define the elements, validate
// the feed, render), so the main thread was compiling them one by one in the middle of the first
// render: on the render benchmark that was 8-9 ms of main-thread work at 1x CPU, and the page drew
// 40-80 ms sooner under 4x CPU throttling (docs/performance.md).
//
// Only the chunks a page loads up front get the hint. The lazy chunks (the map's Leaflet layer,
// image export, Spanish) load when something asks for them, and most of their code may never run.

/** The hint, exactly as V8 looks for it on a script's first line. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * A Vite plugin that puts {@link COMPILE_HINT} on the first line of the chunks a page runs as it
 * loads ({@link chunksOnLoad}), and moves their source maps down a line. Chunks only loaded by
 * `import()` are left as they are.
 *
 * It edits the written files: minification would drop the comment, and Vite's own plugins still
 * rewrite some chunks' code at the end of `generateBundle`.
 *
 * @param {{ entries?: string[] }} [options] `entries`: only the pages and entry chunks of these
 *   names (a benchmark build that bundles other libraries' pages too); all by default.
 */
export function compileHintsVite({ entries } = {}) {
  return {
    name: 'daylight-compile-hints',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? dirname(options.file ?? '.');
      for (const chunk of chunksOnLoad(bundle, entries)) {
        const file = join(dir, chunk.fileName);
        const code = readFileSync(file, 'utf8');
        if (code.startsWith(COMPILE_HINT)) continue;
        writeFileSync(file, `${COMPILE_HINT}\n${code}`);
        // In a source map's mappings each ";" starts the next generated line.
        const mapFile = join(dir, chunk.sourcemapFileName ?? `${chunk.fileName}.map`);
        if (existsSync(mapFile)) {
          const map = JSON.parse(readFileSync(mapFile, 'utf8'));
          map.mappings = `;${map.mappings}`;
          writeFileSync(mapFile, JSON.stringify(map));
        }
      }
    },
  };
}

/**
 * The chunks a page runs as it loads: entry chunks, the chunks a built HTML page loads with
 * `<script type="module" src>` (an HTML page's scripts often end up as shared chunks rather than an
 * entry of their own), and every chunk those import statically, transitively. `entries` limits
 * the starting points to the entry chunks and HTML pages (file name without `.html`) so named.
 */
export function chunksOnLoad(bundle, entries) {
  const files = Object.values(bundle);
  const chunks = new Map(files.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const wanted = (name) => !entries || entries.includes(name);
  const roots = [...chunks.values()].filter((c) => c.isEntry && wanted(c.name));
  for (const page of files) {
    if (page.type !== 'asset' || !page.fileName.endsWith('.html') || !wanted(basename(page.fileName, '.html'))) continue;
    const pageDir = dirname(page.fileName);
    for (const [tag] of String(page.source).matchAll(/<script\b[^>]*>/g)) {
      const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
      if (!src || !/\btype="module"/.test(tag) || /^[a-z]+:|^\/\//i.test(src)) continue;
      const chunk = chunks.get(posix.normalize(posix.join(pageDir, src)));
      if (chunk) roots.push(chunk);
    }
  }
  const onLoad = new Set();
  const visit = (chunk) => {
    if (!chunk || onLoad.has(chunk)) return;
    onLoad.add(chunk);
    for (const file of chunk.imports) visit(chunks.get(file));
  };
  for (const chunk of roots) visit(chunk);
  return [...onLoad];
}
