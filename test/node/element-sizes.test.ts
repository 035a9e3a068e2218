// scripts/element-sizes.mjs: the size figures `npm test` holds to budget depend on the code alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync } from 'node:zlib';
import { withStableHashes } from '../../scripts/element-sizes.mjs';

const entry = (chunkHash: string, layerHash: string) => [
  { path: '/virtual/define.js', text: `import{a}from"./chunk-${chunkHash}.js";const m=()=>import("./leaflet-layer-${layerHash}.js");a(m);` },
  { path: `/virtual/chunk-${chunkHash}.js`, text: 'export const a=(f)=>f();' },
  { path: `/virtual/leaflet-layer-${layerHash}.js`, text: `import{a}from"./chunk-${chunkHash}.js";export const draw=()=>a(()=>1);` },
];

describe('element sizes', () => {
  it('name chunks by their code, not by esbuild\'s hash, so the same code measures the same', () => {
    const one = entry('QV4G3FXT', 'EXYYHZ2Z');
    const two = entry('ELXJNOBI', 'WSPE3X2H');
    const named = (files: typeof one) => files.map((file) => withStableHashes(files)(file.text));
    assert.deepEqual(named(one), named(two));
    const [define] = named(one);
    // Stand-ins keep the length and alphabet of a hash, so the figure stays what a page downloads.
    assert.equal(define!.length, one[0]!.text.length);
    assert.match(define!, /chunk-[A-Z2-7]{8}\.js.*leaflet-layer-[A-Z2-7]{8}\.js/);
    assert.equal(brotliCompressSync(define!).length, brotliCompressSync(named(two)[0]!).length);
  });

  it('gives different chunks different names', () => {
    const files = entry('QV4G3FXT', 'EXYYHZ2Z');
    const define = withStableHashes(files)(files[0]!.text);
    const [, chunk, layer] = /chunk-([A-Z2-7]{8}).*leaflet-layer-([A-Z2-7]{8})/.exec(define)!;
    assert.notEqual(chunk, layer);
  });
});
