// scripts/third-party-notices.mjs: dist/ ships the licence of every package bundled into it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { bundledPackages, noticesText } from '../../scripts/third-party-notices.mjs';

describe('third-party notices', () => {
  it('finds the package of each bundled module, scoped, nested or with a query', () => {
    const packages = bundledPackages([
      '/repo/src/elements/map/map.ts',
      '/repo/node_modules/lit-html/lit-html.js',
      '/repo/node_modules/@lit/context/lib/create-context.js',
      '/repo/node_modules/leaflet/dist/leaflet.css?inline',
      '/repo/node_modules/a/node_modules/b/index.js',
      '\0/repo/node_modules/valibot/dist/index.mjs',
    ]);
    assert.deepEqual([...packages], [
      ['lit-html', '/repo/node_modules/lit-html'],
      ['@lit/context', '/repo/node_modules/@lit/context'],
      ['leaflet', '/repo/node_modules/leaflet'],
      ['b', '/repo/node_modules/a/node_modules/b'],
      ['valibot', '/repo/node_modules/valibot'],
    ]);
  });

  it('names every package the whole kit bundles, with its licence text', async () => {
    // The same module graph as the library build (src/index.ts and its lazy chunks).
    const result = await build({
      entryPoints: ['src/index.ts'], bundle: true, format: 'esm', splitting: true, write: false, metafile: true,
      outdir: '/virtual', platform: 'browser', logLevel: 'silent', tsconfig: 'tsconfig.json',
      loader: { '.css': 'empty' },
      plugins: [{ name: 'inline-css', setup(b) { b.onResolve({ filter: /\?inline$/ }, (a) => ({ path: resolve('node_modules', a.path.replace(/\?inline$/, '')) })); } }],
    });
    const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
    const packages = bundledPackages(inputs);
    for (const expected of ['lit-html', '@lit/reactive-element', 'leaflet', 'valibot']) assert.ok(packages.has(expected), expected);
    const text = noticesText(packages);
    for (const name of packages.keys()) assert.match(text, new RegExp(`^${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ \\(`, 'm'), name);
    assert.match(text, /Copyright \(c\) 2010-\d{4}, Volodymyr Agafonkin/, "Leaflet's copyright line");
    assert.match(text, /Redistribution and use in source and binary forms/, 'the BSD conditions themselves');
  });

  it('refuses a package without a licence file rather than shipping it unnoticed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daylight-notices-'));
    try {
      const pkg = join(dir, 'node_modules', 'nameless');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'nameless', version: '1.0.0', license: 'UNLICENSED' }));
      assert.throws(() => noticesText(bundledPackages([join(pkg, 'index.js')])), /nameless .* has no LICENSE file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
