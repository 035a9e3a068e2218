// The compile hint (scripts/compile-hints.mjs) on a real Vite build of a small page: on the
// scripts the page loads, not on the ones it imports lazily, and with source maps that still
// point at the right lines.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { COMPILE_HINT, compileHintsVite } from '../../scripts/compile-hints.mjs';

let root: string;

/** Builds the fixture page into `out` and returns its JavaScript and map files by name. */
async function buildPage(out: string, plugins: Plugin[]): Promise<Map<string, string>> {
  await build({
    root, base: './', configFile: false, logLevel: 'silent', publicDir: false, plugins,
    build: {
      outDir: join(root, out), emptyOutDir: true, sourcemap: true, minify: true,
      rolldownOptions: { input: Object.fromEntries(['page', 'twin', 'other'].map((name) => [name, join(root, `${name}.html`)])) },
    },
  });
  const dir = join(root, out, 'assets');
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const scriptsOf = (files: Map<string, string>) => [...files.keys()].filter((f) => f.endsWith('.js'));
const chunkNamed = (files: Map<string, string>, prefix: string) => {
  const name = scriptsOf(files).find((f) => f.startsWith(`${prefix}-`));
  assert.ok(name, `a chunk named ${prefix}-… among ${scriptsOf(files).join(', ')}`);
  return name;
};

describe('compileHintsVite', () => {
  let plain: Map<string, string>;
  let hinted: Map<string, string>;
  let pageOnly: Map<string, string>;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'daylight-hints-'));
    // Two pages load the same script, so it is a chunk shared by both rather than an entry (as the
    // demo's main.ts is). All the scripts share a module, a chunk of its own that they import
    // statically; one imports another lazily.
    writeFileSync(join(root, 'page.html'), '<!doctype html><title>page</title><script type="module" src="./page.js"></script>');
    writeFileSync(join(root, 'twin.html'), '<!doctype html><title>twin</title><script type="module" src="./page.js"></script>');
    writeFileSync(join(root, 'other.html'), '<!doctype html><title>other</title><script type="module" src="./other.js"></script>');
    writeFileSync(join(root, 'shared.js'), 'export function shared(n) {\n  return `shared ${n * 2}`;\n}\n');
    writeFileSync(join(root, 'lazy.js'), 'export function later(n) {\n  return `lazy ${n + 1}`;\n}\n');
    writeFileSync(join(root, 'page.js'), [
      "import { shared } from './shared.js';",
      'document.title = shared(document.title.length);',
      "document.addEventListener('click', () => import('./lazy.js').then((m) => console.log(m.later(1))));",
      '',
    ].join('\n'));
    writeFileSync(join(root, 'other.js'), "import { shared } from './shared.js';\nconsole.log(shared(3));\n");
    plain = await buildPage('plain', []);
    hinted = await buildPage('hinted', [compileHintsVite()]);
    pageOnly = await buildPage('page-only', [compileHintsVite({ entries: ['page'] })]);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('hints the scripts the pages load, and their static imports, but not a lazy chunk', () => {
    assert.deepEqual(scriptsOf(hinted), scriptsOf(plain), 'the same files, under the same names');
    const lazy = chunkNamed(hinted, 'lazy');
    const onLoad = scriptsOf(hinted).filter((f) => f !== lazy);
    assert.ok(onLoad.some((f) => f.startsWith('page-')), `the pages' shared script is a chunk: ${onLoad.join(', ')}`);
    assert.ok(onLoad.some((f) => f.startsWith('shared-')), `the shared module is a chunk of its own: ${onLoad.join(', ')}`);
    for (const file of onLoad) {
      assert.equal(hinted.get(file), `${COMPILE_HINT}\n${plain.get(file)}`, `${file}: the hint on its first line, the code unchanged`);
    }
    assert.equal(hinted.get(lazy), plain.get(lazy), 'the lazy chunk is left as it was');
  });

  it('moves each hinted script\'s source map down one line, and leaves the others alone', () => {
    const lazy = chunkNamed(hinted, 'lazy');
    for (const file of scriptsOf(hinted)) {
      const before = JSON.parse(plain.get(`${file}.map`)!);
      const after = JSON.parse(hinted.get(`${file}.map`)!);
      assert.equal(after.mappings, file === lazy ? before.mappings : `;${before.mappings}`, file);
      assert.deepEqual({ ...after, mappings: '' }, { ...before, mappings: '' }, `${file}: only the mappings change`);
    }
  });

  it('starts from the named pages only when told to', () => {
    const other = chunkNamed(pageOnly, 'other');
    for (const prefix of ['page', 'shared']) {
      const file = chunkNamed(pageOnly, prefix);
      assert.ok(pageOnly.get(file)!.startsWith(COMPILE_HINT), `the named page's ${file} is hinted`);
    }
    assert.equal(pageOnly.get(other), plain.get(other), 'the other page\'s script is not');
  });
});
