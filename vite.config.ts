import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { minifyCssLiteralsVite } from './scripts/minify-css-literals.mjs';
import { leafletCodeSplitting } from './scripts/leaflet-chunks.mjs';
import { leafletTrimVite } from './scripts/leaflet-trim.mjs';
import { thirdPartyNoticesVite } from './scripts/third-party-notices.mjs';
import { compileHintsVite } from './scripts/compile-hints.mjs';

// `npm start` serves demo/ (and the stories page under /stories/); `npm run build` builds the
// library: one ES module for CDNs and bundlers, with the map split into its own lazy chunk.
/** The stories' loading state needs a request that never finishes; only the dev server has it. */
const neverAnswer: Plugin = {
  name: 'daylight-demo-never',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use('/__demo/never', () => { /* deliberately never responds */ });
  },
};

export default defineConfig(({ command }) => ({
  // Builds only: the dev server and the tests keep the styles as written, comments included.
  plugins: [neverAnswer, minifyCssLiteralsVite(), leafletTrimVite(), thirdPartyNoticesVite(), compileHintsVite()],
  root: command === 'serve' ? resolve(import.meta.dirname, 'demo') : import.meta.dirname,
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT) || 5173,
    fs: { allow: [import.meta.dirname] },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Library mode keeps ES output unminified (for bundlers' tree-shaking); this file is served to
    // residents' phones as it is, so it is minified.
    rolldownOptions: {
      output: {
        minify: true,
        codeSplitting: leafletCodeSplitting,
      },
    },
    lib: {
      entry: resolve(import.meta.dirname, 'src/index.ts'),
      formats: ['es'],
      fileName: () => 'daylight.js',
    },
  },
}));
