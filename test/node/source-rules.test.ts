import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rules a reviewer would otherwise have to remember. Feeds are untrusted input and city pages run
 * strict Content-Security-Policies, so element code must never build HTML from strings, evaluate
 * code, or write style attributes (CSP `style-src 'self'` blocks them; see cssom-style.ts).
 */
const srcRoot = new URL('../../src/', import.meta.url);
const files = readdirSync(srcRoot, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));

const RULES: Array<{ name: string; pattern: RegExp; where: (file: string) => boolean }> = [
  { name: 'innerHTML / outerHTML / insertAdjacentHTML', pattern: /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(/, where: () => true },
  { name: 'unsafeHTML / unsafeSVG directives', pattern: /\bunsafe(HTML|SVG)\b/, where: () => true },
  { name: 'eval or new Function', pattern: /\beval\(|new Function\(/, where: () => true },
  { name: "Lit's styleMap (writes a style attribute on first render)", pattern: /\bstyleMap\b/, where: (f) => f.startsWith('elements') },
  { name: 'a style="…" attribute in a template', pattern: /\sstyle=["$]/, where: (f) => f.startsWith('elements') },
  { name: 'DOM or Node APIs in the pure core', pattern: /\b(document|window|customElements|navigator)\.[a-zA-Z]|\bHTMLElement\b|from 'node:|require\(/, where: (f) => f.startsWith('core') || f.startsWith('builder') },
];

describe('source rules', () => {
  for (const rule of RULES) {
    it(`src/ has no ${rule.name}`, () => {
      const offenders: string[] = [];
      for (const file of files.filter(rule.where)) {
        readFileSync(join(srcRoot.pathname, file), 'utf8').split('\n').forEach((line, i) => {
          if (!/^\s*(\/\/|\*)/.test(line) && rule.pattern.test(line)) offenders.push(`src/${file}:${i + 1}: ${line.trim()}`);
        });
      }
      assert.deepEqual(offenders, []);
    });
  }
});
