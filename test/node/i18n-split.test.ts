import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';

/**
 * The English catalogue is split (src/core/i18n/en.ts): common strings, one file per element that
 * its module imports, and a few files a group of elements imports (en/categories.ts). `Messages` still promises every key, so the compiler cannot see an
 * element reading a string that only another element's file adds; on a page with that element
 * alone the string would be `undefined`. This test is that check.
 *
 * What an element carries is read from esbuild's bundle of its define.ts (as scripts/
 * element-sizes.mjs measures it, lazy chunks included), so a file dropped by tree-shaking counts
 * as absent. What its code reads is found by the type checker: every property access, element
 * access or destructuring whose property is declared in an English catalogue file, whatever the
 * variable is called (`t.key`, `this.t.key`, `messages.key`, `const { key } = t`).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const rel = (file: string) => relative(root, file).split('\\').join('/');
const isEnglish = (file: string) => file === 'src/core/i18n/en.ts' || file.startsWith('src/core/i18n/en/');
const elements = readdirSync(new URL('../../src/elements/', import.meta.url)).filter((d) => d !== 'shared').sort();
/** A file of strings a group of elements reads (en/categories.ts), named after no element. */
const isGroupFile = (file: string) => file.startsWith('src/core/i18n/en/') && !elements.includes(file.slice('src/core/i18n/en/'.length, -'.ts'.length));

/** Source files (relative to the repository) that contribute code to the element's bundle. */
async function bundledFiles(element: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [`${root}src/elements/${element}/define.ts`], bundle: true, minify: true, format: 'esm', splitting: true,
    write: false, metafile: true, outdir: '/virtual', target: 'es2022', conditions: ['production'], platform: 'browser',
    tsconfig: `${root}tsconfig.json`, absWorkingDir: root, logLevel: 'silent', external: ['*.css?inline'],
  });
  const files = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) if (input.bytesInOutput > 0) files.add(file);
  }
  return files;
}

/** The keys each English file declares, from the object literal of its one exported `const`. */
function declaredKeys(program: ts.Program): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const source of program.getSourceFiles()) {
    const file = rel(source.fileName);
    if (!isEnglish(file)) continue;
    const names: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        for (const property of node.initializer.properties) if (property.name) names.push(property.name.getText(source));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    keys.set(file, names);
  }
  return keys;
}

/** For each source file outside the catalogues, the message keys its code reads. */
function keysRead(program: ts.Program): Map<string, Set<string>> {
  const checker = program.getTypeChecker();
  const read = new Map<string, Set<string>>();
  for (const source of program.getSourceFiles()) {
    const file = rel(source.fileName);
    if (!file.startsWith('src/') || file.startsWith('src/core/i18n/')) continue;
    const keys = new Set<string>();
    const visit = (node: ts.Node) => {
      let symbol: ts.Symbol | undefined;
      if (ts.isPropertyAccessExpression(node)) symbol = checker.getSymbolAtLocation(node.name);
      else if (ts.isElementAccessExpression(node)) symbol = checker.getSymbolAtLocation(node.argumentExpression);
      else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        symbol = checker.getTypeAtLocation(node.parent).getProperty((node.propertyName ?? node.name).getText(source));
      }
      if (symbol?.declarations?.some((d) => isEnglish(rel(d.getSourceFile().fileName)))) keys.add(symbol.name);
      ts.forEachChild(node, visit);
    };
    visit(source);
    read.set(file, keys);
  }
  return read;
}

describe('the English catalogue split by element', () => {
  let declared: Map<string, string[]>;
  let read: Map<string, Set<string>>;
  const bundles = new Map<string, Set<string>>();

  before(async () => {
    const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, {
      ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
    });
    assert.ok(config);
    const program = ts.createProgram(elements.map((e) => `${root}src/elements/${e}/define.ts`), config.options);
    declared = declaredKeys(program);
    read = keysRead(program);
    for (const element of elements) bundles.set(element, await bundledFiles(element));
  });

  it('declares each key in exactly one English file', () => {
    const owners = new Map<string, string[]>();
    for (const [file, keys] of declared) for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), file]);
    assert.deepEqual([...owners].filter(([, files]) => files.length > 1), []);
    // The common file and at least the map's own; fewer means the scan above found nothing.
    assert.ok(declared.get('src/core/i18n/en.ts')!.includes('loading'));
    assert.ok(declared.get('src/core/i18n/en/map.ts')!.includes('mapTitle'));
  });

  it('finds the strings an element reads, however it names the catalogue', () => {
    // A scan that found nothing would pass every element below; these are read as `t.key`,
    // `this.t.key` and through a parameter typed `Messages` in shared code.
    assert.ok(read.get('src/elements/map/map.ts')!.has('mapTitle'));
    assert.ok(read.get('src/elements/trend/trend.ts')!.has('trendSummary'));
    assert.ok(read.get('src/elements/shared/describe-error.ts')!.has('schemaError'));
    assert.ok(read.get('src/core/describe.ts')!.has('suppressedSentence'));
  });

  for (const element of elements) {
    it(`<daylight-${element}> alone carries every English string its code reads, and no other element's`, () => {
      const files = bundles.get(element)!;
      const english = [...files].filter(isEnglish).sort();
      const own = `src/core/i18n/en/${element}.ts`;
      const groups = english.filter(isGroupFile);
      assert.deepEqual(english.filter((file) => !groups.includes(file)), ['src/core/i18n/en.ts', ...(declared.has(own) ? [own] : [])],
        "an element bundles the common strings, its own file and group files, no other element's file");
      const readHere = new Set([...files].flatMap((file) => [...(read.get(file) ?? [])]));
      for (const group of groups) {
        assert.ok(declared.get(group)!.some((key) => readHere.has(key)), `${group} is bundled, but nothing in <daylight-${element}> reads its strings`);
      }
      const available = new Set(english.flatMap((file) => declared.get(file) ?? []));
      const missing = [...files].flatMap((file) => [...(read.get(file) ?? [])].filter((key) => !available.has(key)).map((key) => `${file}: ${key}`));
      assert.deepEqual(missing, []);
    });
  }
});
