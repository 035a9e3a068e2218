#!/usr/bin/env node
// Generates custom-elements.json (the manifest IDEs, Storybook and docs sites read) and fails
// when an element, attribute, property, part, slot or event is undocumented: the manifest is
// the public API's documentation, so a gap there is a gap for every webmaster.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = spawnSync('npx', ['--no-install', 'cem', 'analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--quiet'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const problems = [];
const elements = [];
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement || !declaration.tagName) continue;
    elements.push(declaration.tagName);
    const where = `<${declaration.tagName}> (${module.path})`;
    if (!declaration.summary) problems.push(`${where}: no @summary`);
    for (const attribute of declaration.attributes ?? []) {
      const field = (declaration.members ?? []).find((m) => m.name === attribute.fieldName);
      if (!attribute.description && !field?.description) problems.push(`${where}: attribute "${attribute.name}" has no description`);
    }
    for (const member of declaration.members ?? []) {
      if (member.kind === 'field' && !member.privacy && !member.static && !member.description) {
        problems.push(`${where}: public property "${member.name}" has no description`);
      }
    }
    // cem also lists `dispatchEvent(new XEvent(arg))` under the name of `arg` (or none); such a
    // guess carries the class as its type, and the @fires tag documents the real name.
    const guessed = (event) => !event.name || (event.type?.text && !['Event', 'CustomEvent'].includes(event.type.text) && !event.description);
    for (const event of declaration.events ?? []) if (!guessed(event) && !event.description) problems.push(`${where}: event "${event.name}" has no description`);
  }
}
if (elements.length === 0) problems.push('no custom elements found in the manifest');
console.log(`custom-elements.json: ${elements.length} elements (${elements.sort().join(', ')})`);
if (problems.length) {
  console.error(`Undocumented public API:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
