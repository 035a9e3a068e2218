#!/usr/bin/env node
// Runs every check `npm test` promises, in order, and ends with one combined count line.
// Each step keeps running after a failure so one run reports everything that is wrong.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function step(name, cmd, args, { env = {}, parse } = {}) {
  return new Promise((resolve) => {
    console.log(`\n[daylight] ${name}: ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; process.stdout.write(chunk); });
    child.on('close', (code) => {
      const counted = parse?.(out);
      if (counted) { totals.passed += counted.passed; totals.failed += counted.failed; }
      if (code !== 0) {
        failedSteps.push(name);
        // A step that failed without counting a test (a type error, a crash) is one failure.
        if (!counted || counted.failed === 0) totals.failed += 1;
      } else if (!counted) {
        totals.passed += 1;
      }
      resolve(code);
    });
  });
}

const countDir = mkdtempSync(join(tmpdir(), 'daylight-test-'));
const wtrCountFile = join(countDir, 'wtr.json');

await step('type check (browser, pure core, node)', 'npx', ['--no-install', 'npm', 'run', '-s', 'typecheck']);
await step('build + size budget', 'node', ['scripts/check-build.mjs']);
await step('custom-elements manifest documents the public API', 'node', ['scripts/check-manifest.mjs']);
await step('browser tests (Chromium)', 'npx', ['--no-install', 'wtr'], {
  env: { DAYLIGHT_COUNT_FILE: wtrCountFile, CI: 'true' },
  parse: () => existsSync(wtrCountFile) ? JSON.parse(readFileSync(wtrCountFile, 'utf8')) : undefined,
});
// node 20's --test does not expand globs, so the file list is built here.
const nodeTestFiles = readdirSync('test/node', { recursive: true })
  .map(String).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test/node', f));
await step('node tests', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTestFiles], {
  parse: (out) => {
    const pass = /^ℹ pass (\d+)/m.exec(out);
    const fail = /^ℹ fail (\d+)/m.exec(out);
    return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
  },
});

console.log(failedSteps.length ? `\n[daylight] failed steps: ${failedSteps.join(', ')}` : '\n[daylight] all steps passed');
console.log(`total: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
