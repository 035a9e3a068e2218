import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { minifyCssLiteralsVite } from './scripts/minify-css-literals.mjs';
import { leafletCodeSplitting } from './scripts/leaflet-chunks.mjs';
import { leafletTrimVite } from './scripts/leaflet-trim.mjs';
import { thirdPartyNoticesVite } from './scripts/third-party-notices.mjs';
import { compileHintsVite } from './scripts/compile-hints.mjs';

// Builds the demo site (every demo/*.html) as a static site in dist-demo/, the way a city would
// host it: used by the strict-CSP test and the render benchmarks.
const demo = resolve(import.meta.dirname, 'demo');
const pages = readdirSync(demo).filter((f) => f.endsWith('.html'));

export default defineConfig({
  root: demo,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, 'dist-demo'),
    emptyOutDir: true,
    rollupOptions: {
      input: Object.fromEntries(pages.map((f) => [f.replace(/\.html$/, ''), resolve(demo, f)])),
      output: { codeSplitting: leafletCodeSplitting },
    },
  },
  // The elements' CSS and the pages' compile hint as the library build ships them (vite.config.ts),
  // and the licences of what the site bundles beside its scripts, as in dist/.
  plugins: [minifyCssLiteralsVite(), leafletTrimVite(), thirdPartyNoticesVite(), compileHintsVite(), {
    // The demo's feeds and boundaries are data fetched at run time, not modules: copy them as they are.
    name: 'daylight-copy-feeds',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(resolve(demo, 'feeds'))) {
        this.emitFile({ type: 'asset', fileName: `feeds/${file}`, source: readFileSync(resolve(demo, 'feeds', file)) });
      }
      this.emitFile({ type: 'asset', fileName: 'favicon.svg', source: readFileSync(resolve(demo, 'favicon.svg')) });
    },
  }],
});
