// How a bundler other than the library's own splits the map: Leaflet must arrive in one file.
// The library build groups it by configuration (scripts/leaflet-chunks.mjs, checked in
// test/browser/map.test.ts); a city bundling the element with esbuild's defaults has no such
// setting, so the canvas and tile chunks import the map's chunk to keep Leaflet together.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, type Metafile, type Plugin } from 'esbuild';

const inlineCssStub: Plugin = {
  name: 'css-inline-stub',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: args.path, namespace: 'css-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'css-stub' }, () => ({ contents: 'export default "";', loader: 'js' }));
  },
};

describe('the map bundled with esbuild defaults', () => {
  it('puts all of Leaflet that a map loads in one file, which the canvas and tile chunks share', async () => {
    const result = await build({
      entryPoints: ['src/elements/map/define.ts'], bundle: true, minify: true, format: 'esm', splitting: true,
      write: false, metafile: true, outdir: '/virtual', target: 'es2022', platform: 'browser', logLevel: 'silent',
      tsconfig: 'tsconfig.json', plugins: [inlineCssStub],
    });
    const outputs: Metafile['outputs'] = result.metafile.outputs;
    const holdsLeafletCore = (name: string) => Object.keys(outputs[name]!.inputs).some((input) => input.endsWith('leaflet/src/map/Map.js'));
    const staticImports = (name: string) => outputs[name]!.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path);
    const entryOf = (source: string) => {
      const name = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === source);
      assert.ok(name, `a chunk for ${source}`);
      return name;
    };

    const leafletFiles = Object.keys(outputs).filter(holdsLeafletCore);
    assert.equal(leafletFiles.length, 1, `Leaflet's core in one file, not ${leafletFiles.join(', ')}`);
    const [core] = leafletFiles as [string];
    const layer = entryOf('src/elements/map/leaflet-layer.ts');
    // The map's chunk and what it imports, as the browser fetches them.
    const loadedByAMap = new Set([layer, ...staticImports(layer)]);
    const withLeaflet = [...loadedByAMap].filter((name) => Object.keys(outputs[name]!.inputs).some((input) => input.includes('node_modules/leaflet/')));
    assert.deepEqual(withLeaflet, [core], 'a map fetches Leaflet as one file');
    for (const lazy of ['src/elements/map/leaflet-canvas.ts', 'src/elements/map/leaflet-tiles.ts']) {
      const chunk = entryOf(lazy);
      assert.ok(staticImports(chunk).includes(core), `${lazy} takes Leaflet's core from the map's file`);
      const repeated = staticImports(chunk).filter((name) => name !== core && !loadedByAMap.has(name))
        .filter((name) => Object.keys(outputs[name]!.inputs).some((input) => input.includes('node_modules/leaflet/')));
      assert.deepEqual(repeated, [], `${lazy} needs no other Leaflet file`);
    }
  });
});
