import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { plainCountReporter } from './scripts/plain-count-reporter.mjs';
import { testRoutes } from './test/server/test-server-plugin.mjs';
import { leafletTrimDevServer, trimLeaflet } from './scripts/leaflet-trim.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out, and this sandbox refuses it.
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Vite's `x.css?inline` convention (used to adopt Leaflet's CSS into a shadow root), served as a JS module.
const cssInline = {
  name: 'css-inline',
  resolveMimeType(ctx) {
    if (ctx.path.endsWith('.css') && ctx.URL.searchParams.has('inline')) return 'js';
  },
  transform(ctx) {
    if (ctx.path.endsWith('.css') && ctx.URL.searchParams.has('inline')) {
      // Leaflet's CSS as the builds ship it, without the rules for parts the map never creates.
      return { body: `export default ${JSON.stringify(trimLeaflet(ctx.body, ctx.path) ?? ctx.body)};` };
    }
  },
};

export default {
  files: process.env.WTR_FILES || 'test/browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  middleware: [testRoutes()],
  // The Leaflet residents get (scripts/leaflet-trim.mjs), not the one in node_modules.
  plugins: [cssInline, leafletTrimDevServer(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args } })],
  reporters: [defaultReporter(), plainCountReporter()],
  testFramework: { config: { timeout: 10000 } },
};
