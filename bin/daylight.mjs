#!/usr/bin/env node
// The `daylight` command. A published package runs the bundled dist/cli/daylight.mjs
// (`npm run build:cli`); in a clone it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundled = fileURLToPath(new URL('../dist/cli/daylight.mjs', import.meta.url));
if (existsSync(bundled) && !process.env.DAYLIGHT_FROM_SOURCE) {
  const { run } = await import(pathToFileURL(bundled).href);
  run();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  run();
}
