// scripts/leaflet-trim.mjs: what it cuts from Leaflet is really unreachable, and the builds cut it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ts from 'typescript';
import { build as esbuild, type Plugin } from 'esbuild';
import { build as viteBuild } from 'vite';
import postcss from 'postcss';
import { transform as lightningcss } from 'lightningcss';
import {
  REPLACED_MODULES, UNUSED_BROWSER_FLAGS, UNUSED_CSS_CLASSES, UNUSED_METHODS, leafletTrimEsbuild, removeMethods, removeUnusedFlags,
  trimLeaflet, trimLeafletCss,
} from '../../scripts/leaflet-trim.mjs';

const REMOVED = Object.values(UNUSED_METHODS).flat();
const leafletFile = (module: string) => join('node_modules/leaflet/src', module);

/** The names of the function-valued properties of every object literal in `code`. */
function methodNames(code: string): string[] {
  const source = ts.createSourceFile('x.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isFunctionExpression(node.initializer) && ts.isIdentifier(node.name)) names.push(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Where minified code uses `name` as a property: `x.name` or a string `"name"` (as in `this[name]`). */
function referencesTo(code: string, name: string): string[] {
  return [...code.matchAll(new RegExp(`.{0,30}(?:\\.${name}\\b|["'\`]${name}["'\`]).{0,30}`, 'g'))].map((m) => m[0]);
}

/**
 * Reads of an event's `flyTo` flag, which only the removed `flyTo` method set (GridLayer asks
 * whether a zoom was a pinch or a flight): the flag is now always absent, as it was on every map
 * that never flew.
 */
const FLAGS_OF_REMOVED_METHODS = [/\(\w+\.pinch\|\|\w+\.flyTo\)/];

/**
 * Removed methods whose names the map keeps on other classes (Map and LatLngBounds have their own
 * `getCenter`), so a search by name finds the kept ones. For these the test looks for code only the
 * removed methods held (their error messages, and the polygon and line centre functions they
 * alone called), and checks that nothing calls them instead: Daylight's sources name no such
 * method, and Leaflet's one caller of a layer's centre, the popups and tooltips of DivOverlay, is
 * not bundled.
 */
const KEPT_ON_OTHER_CLASSES: Record<string, RegExp[]> = {
  getCenter: [/Must add layer to map before using getCenter/, /latlngs not passed/],
};

const inlineCssStub: Plugin = {
  name: 'css-inline-stub',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: args.path, namespace: 'css-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'css-stub' }, () => ({ contents: 'export default "";', loader: 'js' }));
  },
};

/** All the code a page with a map can load (entry, Leaflet, canvas and tile chunks), minified as shipped. */
async function mapBundle(trimmed: boolean): Promise<string> {
  const result = await esbuild({
    entryPoints: ['src/elements/map/define.ts'], bundle: true, minify: true, format: 'esm', splitting: true,
    write: false, outdir: '/virtual', target: 'es2022', platform: 'browser', logLevel: 'silent',
    conditions: ['production'], tsconfig: 'tsconfig.json', plugins: [inlineCssStub, ...(trimmed ? [leafletTrimEsbuild()] : [])],
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

describe('leaflet-trim', () => {
  it('leaves no code that calls, lists or looks up a removed method, in any chunk of the map', async () => {
    const [before, after] = await Promise.all([mapBundle(false), mapBundle(true)]);
    for (const [name, traces] of Object.entries(KEPT_ON_OTHER_CLASSES)) {
      for (const trace of traces) {
        assert.match(before, trace, `${name}: ${trace} is in the untrimmed bundle`);
        assert.doesNotMatch(after, trace, `${name}: ${trace} is still there`);
      }
    }
    assert.equal(/bindPopup|bindTooltip/.test(after), false, 'DivOverlay (popups, tooltips) is bundled');
    for (const dir of ['src/elements/map', 'src/core']) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        assert.doesNotMatch(readFileSync(join(dir, file), 'utf8'), /\.getCenter\b/, `${dir}/${file} calls getCenter`);
      }
    }
    for (const name of REMOVED.filter((n) => !(n in KEPT_ON_OTHER_CLASSES))) {
      // Esbuild keeps property names, so a definition reads `name(` or `name:function(`.
      assert.match(before, new RegExp(`[,{]${name}(?:\\(|:function\\()`), `${name} is defined in the untrimmed bundle`);
      assert.doesNotMatch(after, new RegExp(`[,{]${name}(?:\\(|:function\\()`), `${name} is still defined`);
      const references = referencesTo(after, name).filter((text) => !FLAGS_OF_REMOVED_METHODS.some((flag) => flag.test(text)));
      assert.deepEqual(references, [], `${name} is removed but still used`);
    }
    // The same search does find what is used: it would catch a removed method that is called.
    assert.ok(referencesTo(after, 'fitBounds').length > 0);
    assert.ok(referencesTo(after, 'addInitHook').length > 0);
    assert.equal(after.includes('urn:schemas-microsoft-com:vml'), false, 'the VML renderer is gone');
    assert.ok(after.length < before.length - 5_000, `only ${before.length - after.length} bytes less`);
  });

  it('leaves no code that reads a removed Browser flag, and keeps the flags that are read', async () => {
    const [before, after] = await Promise.all([mapBundle(false), mapBundle(true)]);
    for (const flag of UNUSED_BROWSER_FLAGS) {
      assert.match(before, new RegExp(`[,{]${flag}:`), `${flag} is in the untrimmed Browser object`);
      // Leaflet reads its flags as `Browser.flag` (never by a computed name), so a read is `.flag`.
      // (Strings such as "webkit" + "Transform" are prefixes of CSS property names, not flags.)
      const reads = [...after.matchAll(new RegExp(`.{0,30}\\.${flag}\\b.{0,30}`, 'g'))].map((m) => m[0]);
      assert.deepEqual(reads, [], `${flag} is removed but still read`);
    }
    // The search finds a flag that is read, so it would catch a removed one that is.
    assert.ok(after.match(/\.any3d\b/g)!.length > 1);
    // A user-agent test that only fed removed flags is gone with them.
    assert.ok(before.includes('"Google"') && !after.includes('"Google"'), 'the Android stock-browser test');
  });

  it('removes listed flags and the variables only they used, keeping lines, and refuses what it cannot vouch for', () => {
    const code = [
      'var a = userAgentContains("a");',
      'var b = a && userAgentContains("b");',
      'var c = userAgentContains("c");',
      'var d = c || a;',
      'function userAgentContains(s) { return navigator.userAgent.indexOf(s) >= 0; }',
      'export default {',
      '\ta: a,',
      '\tb: b,',
      '\td: d',
      '};',
      '',
    ].join('\n');
    const out = removeUnusedFlags(code, 'x.js', ['b']);
    assert.equal(out.split('\n').length, code.split('\n').length);
    assert.doesNotMatch(out, /var b|\bb: b/);
    assert.match(out, /var a = /, 'a is still read by d and the object');
    const both = removeUnusedFlags(code, 'x.js', ['b', 'd']);
    assert.doesNotMatch(both, /var c|var d|var b/, 'c only fed d');
    const { diagnostics } = ts.transpileModule(both, { fileName: 'x.js', reportDiagnostics: true, compilerOptions: { allowJs: true } });
    assert.deepEqual(diagnostics?.map((d) => d.messageText), []);
    assert.throws(() => removeUnusedFlags(code, 'x.js', ['e']), /x\.js has no flag e to remove/);
    const sideEffect = code.replace('var c = userAgentContains("c");', 'var c = register("c");');
    assert.throws(() => removeUnusedFlags(sideEffect, 'x.js', ['d']), /c is unused but its initialiser calls register/);
  });

  it('removes exactly the listed methods and keeps every line where it was', () => {
    for (const [module, names] of Object.entries(UNUSED_METHODS)) {
      const code = readFileSync(leafletFile(module), 'utf8');
      const out = trimLeaflet(code, `/app/node_modules/leaflet/src/${module}`)!;
      const expected = methodNames(code);
      for (const name of names) expected.splice(expected.indexOf(name), 1);
      assert.deepEqual(methodNames(out), expected, module);
      assert.equal(out.split('\n').length, code.split('\n').length, `${module}: line count`);
      // What stays is untouched, line by line.
      const kept = out.split('\n').filter((line, i) => line === code.split('\n')[i]).length;
      assert.ok(kept > out.split('\n').length * 0.5, module);
      const { diagnostics } = ts.transpileModule(out, { fileName: module, reportDiagnostics: true, compilerOptions: { allowJs: true } });
      assert.deepEqual(diagnostics?.map((d) => d.messageText), [], module);
    }
  });

  it('removes a first, middle or last method and leaves valid JavaScript', () => {
    const code = 'export var A = {\n\t// first\n\ta: function () { return 1; },\n\n\tb: function () {\n\t\treturn 2;\n\t},\n\tc: 3,\n\td: function () { return 4; }\n};\n';
    for (const names of [['a'], ['b'], ['d'], ['a', 'd'], ['b', 'd'], ['a', 'b'], ['a', 'b', 'd']]) {
      const out = removeMethods(code, 'x.js', names);
      const value = new Function(`${out.replace('export var A =', 'return')}`)() as Record<string, unknown>;
      assert.deepEqual(Object.keys(value), ['a', 'b', 'c', 'd'].filter((key) => !names.includes(key)), names.join());
      assert.equal(out.split('\n').length, code.split('\n').length);
    }
    // Neighbours both go, with the comments above the second.
    assert.doesNotMatch(removeMethods(code, 'x.js', ['a', 'b']), /first|return [12]/);
  });

  it('stops the build when a listed method is not in its file (another Leaflet)', () => {
    const map = readFileSync(leafletFile('map/Map.js'), 'utf8').replace('flyToBounds: function', 'flyToArea: function');
    assert.throws(() => trimLeaflet(map, 'node_modules/leaflet/src/map/Map.js'), /map\/Map\.js has no method flyToBounds to remove/);
    // A property that is not a function is not a method, even with a listed name.
    assert.throws(() => removeMethods('var A = { pad: 1 };', 'y.js', ['pad']), /y\.js has no method pad/);
  });

  it('touches nothing but the listed Leaflet modules', () => {
    assert.equal(trimLeaflet('var a = {isEmpty: function () {}};', '/app/src/elements/map/map.ts'), undefined);
    assert.equal(trimLeaflet('x', '/app/node_modules/leaflet/src/layer/Layer.js'), undefined);
    assert.equal(trimLeaflet('x', '/app/node_modules/leaflet/src/layer/vector/SVG.VML.js'), REPLACED_MODULES['layer/vector/SVG.VML.js']);
    assert.equal(trimLeaflet('x', 'C:\\app\\node_modules\\leaflet\\src\\layer\\vector\\SVG.VML.js?v=1'), REPLACED_MODULES['layer/vector/SVG.VML.js']);
  });

  it('is part of the library build: its Leaflet chunk has none of the removed methods', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'daylight-trim-'));
    try {
      await viteBuild({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
      const chunks = readdirSync(outDir).filter((file) => file.startsWith('leaflet-'));
      assert.deepEqual(chunks.map((file) => file.replace(/-[\w-]{8}\.js$/, '')).sort(), ['leaflet-canvas', 'leaflet-layer', 'leaflet-tiles']);
      const code = chunks.map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
      assert.match(code, /[,{]fitBounds(?:\(|:function\()/);
      for (const name of REMOVED.filter((n) => !(n in KEPT_ON_OTHER_CLASSES))) assert.doesNotMatch(code, new RegExp(`[,{]${name}(?:\\(|:function\\()`), name);
      for (const trace of Object.values(KEPT_ON_OTHER_CLASSES).flat()) assert.doesNotMatch(code, trace);
      // Leaflet's CSS, inlined in the map's chunk, without the popup rules (Popup.js itself is not bundled).
      assert.match(code, /leaflet-control-attribution/);
      assert.doesNotMatch(code, /leaflet-popup-content-wrapper/);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('leaflet-trim: Leaflet\'s CSS', () => {
  const original = readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8');
  const unused = new RegExp(`\\.(?:${UNUSED_CSS_CLASSES.join('|')})(?![\\w-])`);
  /** The stylesheet minified by lightningcss (which also proves it parses), to compare rules, not spacing. */
  const normalised = (css: string) => lightningcss({ filename: 'leaflet.css', code: Buffer.from(css), minify: true }).code.toString();

  it('keeps every rule and selector of Leaflet\'s stylesheet that names none of the unused classes, and only those', () => {
    // The same cut made independently, with PostCSS's parser.
    const expected = postcss.parse(original);
    expected.walkComments((comment) => { comment.remove(); });
    expected.walkRules((rule) => {
      const kept = rule.selectors.filter((selector) => !unused.test(selector));
      if (kept.length === 0) rule.remove();
      else rule.selectors = kept;
    });
    expected.walkAtRules((atRule) => { if (!atRule.nodes?.length) atRule.remove(); });
    const trimmed = trimLeafletCss(original);
    assert.equal(normalised(trimmed), normalised(expected.toString()));
    assert.ok(trimmed.length < original.length * 0.45, `${trimmed.length} of ${original.length} characters`);
  });

  it('removes popups, markers and Leaflet\'s controls, keeps the panes, tiles, attribution and animation', () => {
    const trimmed = normalised(trimLeafletCss(original));
    for (const gone of ['.leaflet-popup-content-wrapper', '.leaflet-marker-icon', '.leaflet-control-zoom', '.leaflet-bar', '.leaflet-control-layers']) {
      assert.ok(!trimmed.includes(gone), gone);
    }
    for (const kept of ['.leaflet-pane', '.leaflet-map-pane', '.leaflet-popup-pane', '.leaflet-tile-loaded', '.leaflet-control-attribution', '.leaflet-bottom', '.leaflet-zoom-anim', '.leaflet-interactive', '.leaflet-safari', '@media print']) {
      assert.ok(trimmed.includes(kept), kept);
    }
    // Only Leaflet's stylesheet is touched.
    assert.equal(trimLeaflet('.x{color:red}', '/app/src/styles.css'), undefined);
    assert.equal(trimLeaflet(original, '/app/node_modules/leaflet/dist/leaflet.css?inline'), trimLeafletCss(original));
  });
});
