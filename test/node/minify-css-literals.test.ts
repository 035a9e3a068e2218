import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { chromium, type Browser } from 'playwright-core';
import { collapseMarkupWhitespace, minifyCss, minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

/**
 * scripts/minify-css-literals.mjs shortens the CSS of Lit `css` templates in every build. A wrong
 * rule there changes how every element looks without failing a type check, so: the cases where
 * whitespace means something, one by one, and then every stylesheet in src/ parsed by Chromium
 * before and after, which must give the same rules.
 */
describe('minifyCss', () => {
  const cases: Array<[string, string, string]> = [
    ['drops comments and indentation', 'a {\n  color: red; /* why */\n  margin: 0;\n}\n', 'a{color:red;margin:0}'],
    ['keeps the descendant combinator after a closing parenthesis', ':host(.a) .b { x: y }', ':host(.a) .b{x:y}'],
    ['keeps the space before a pseudo-class (descendant, not compound)', 'a :hover { x: y }', 'a :hover{x:y}'],
    ['drops spaces around > ~ and commas', 'a , b > c ~ d { x: y }', 'a,b>c~d{x:y}'],
    ['keeps the spaces calc() needs around + and -', 'a { width: calc(100% - 2px + var(--x) * 2); }', 'a{width:calc(100% - 2px + var(--x) * 2)}'],
    ['keeps `and (` apart (`and(` would be a function)', '@media screen and (min-width: 30em) { a { x: y } }', '@media screen and (min-width:30em){a{x:y}}'],
    ['copies strings, comment-like text and spaces included', "a::after { content: '  /* not a comment */  '; }", "a::after{content:'  /* not a comment */  '}"],
    ['copies escaped quotes inside strings', 'a { content: "say \\"  hi\\"" }', 'a{content:"say \\"  hi\\""}'],
    ['copies an unquoted url() as one token', 'a { background: url(/*x*/a.png) }', 'a{background:url(/*x*/a.png)}'],
    ['treats a quoted url() like any string', "a { background: url( 'a  b.png' ) }", "a{background:url('a  b.png')}"],
    ['keeps CSS escapes', '.a\\:b { content: "\\25BE" }', '.a\\:b{content:"\\25BE"}'],
    ['keeps an escaped semicolon before a brace', '.a\\;{}', '.a\\;{}'],
    ['treats a comment as a separator', 'a/**/b{}', 'a b{}'],
    ['keeps the space of a custom property set to nothing', ':host { --x: ; }', ':host{--x: }'],
    ['keeps one space at an edge that could meet another fragment', '\n  .a .b\n', ' .a .b '],
    ['drops whitespace at an edge that punctuation closes', '\n  a { x: y }\n', ' a{x:y}'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(minifyCss(input), expected));
});

describe('minifyCssLiterals', () => {
  it('minifies only `css` templates, keeping interpolations and template escapes', () => {
    const code = [
      "const a = css`\n  :host([theme='dark']) {\n    ${dark}\n  }\n`;",
      'const b = css`.x ${y} .z { content: "\\`" }`;',
      'const c = html`<p>  two  spaces  </p>`;',
      'const d = css`a { ${cond ? css`b:  c;` : unsafeCSS(`  e  `)} }`;',
      'const e = css`a::after { content: "\\${not}"; }`;',
    ].join('\n');
    assert.equal(minifyCssLiterals(code), [
      "const a = css` :host([theme='dark']){${dark}}`\n\n\n\n;",
      'const b = css`.x ${y} .z{content:"\\`"}`;',
      'const c = html`<p>  two  spaces  </p>`;',
      'const d = css`a{${cond ? css`b:c;` : unsafeCSS(`  e  `)}}`;',
      'const e = css`a::after{content:"\\${not}"}`;',
    ].join('\n'));
  });

  it('keeps every line number, so source maps stay right below each template', () => {
    const code = 'const a = css`\n  a {\n    b: c;\n  }\n`;\nexport const marker = 1;\n';
    const out = minifyCssLiterals(code)!;
    assert.equal(out.split('\n').indexOf('export const marker = 1;'), code.split('\n').indexOf('export const marker = 1;'));
  });

  it('leaves a file without `css` templates or line breaks in markup alone', () => {
    assert.equal(minifyCssLiterals('const x = html`<b> a </b>`;'), undefined);
    assert.equal(minifyCssLiterals('const x = foo`\n  a\n`;'), undefined);
  });

  it('makes each line break and indent in `html` and `svg` templates one space, nested ones too', () => {
    const code = [
      'const page = html`',
      '  <p class="x">${a}',
      '    <b>${b}</b>',
      '  </p>${list.map((i) => svg`<circle',
      '      r=${i}></circle>`)}',
      '`;',
      'export const marker = 1;',
    ].join('\n');
    const out = minifyCssLiterals(code)!;
    assert.equal(out.split('\n')[0], 'const page = html` <p class="x">${a} <b>${b}</b> </p>${list.map((i) => svg`<circle r=${i}></circle>`',
      'each run of whitespace with a line break is one space; nothing else changes');
    assert.equal(out.split('\n').indexOf('export const marker = 1;'), code.split('\n').indexOf('export const marker = 1;'), 'line numbers kept');
    // The line breaks go after each template, outside it.
    assert.match(out, /<\/circle>`\n\)\}/);
    assert.equal(new Function('html', 'svg', 'list', 'a', 'b', `${out.replace('export ', '')}; return page;`)(
      (strings: TemplateStringsArray, ...values: unknown[]) => strings.join('|') + values.join(','),
      (strings: TemplateStringsArray, ...values: unknown[]) => strings.join('|') + values.join(','),
      [1], 'A', 'B'), ' <p class="x">| <b>|</b> </p>| A,B,<circle r=|></circle>1', 'the cooked strings');
  });

  it('keeps a markup part with a line continuation, whose value has no line break', () => {
    assert.equal(collapseMarkupWhitespace('a\\\n  b'), 'a\\\n  b');
    assert.equal(collapseMarkupWhitespace('a \n\t b\r\n c'), 'a b c');
    assert.equal(collapseMarkupWhitespace('a  b'), 'a  b', 'spaces without a line break stay');
  });
});

/** The cooked text of each template tagged with one of `tags` in `code`, each interpolation as `stand`. */
function cookedTemplates(code: string, tags: readonly string[], stand: string): Array<{ tag: string; text: string }> {
  const source = ts.createSourceFile('t.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Array<{ tag: string; text: string }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.includes(node.tag.text)) {
      const t = node.template;
      const text = ts.isNoSubstitutionTemplateLiteral(t) ? t.text : t.head.text + t.templateSpans.map((span) => stand + span.literal.text).join('');
      found.push({ tag: node.tag.text, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('every template in src/, parsed by Chromium before and after', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  /** Each source file with templates, as written and as the builds minify it. */
  const sources = readdirSync(`${root}src`, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))
    .map((file) => {
      const code = readFileSync(`${root}src/${file}`, 'utf8');
      return { file, code, minified: minifyCssLiterals(code, file) };
    })
    .filter((source): source is { file: string; code: string; minified: string } => source.minified !== undefined);

  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  after(async () => { await browser?.close(); });

  it('stylesheets: the same rules, in every file', async () => {
    // An interpolation stands for a fragment of declarations (the dark theme's tokens); both sides
    // get the same one.
    const stand = '--interpolated: 1;';
    // Runs in the page (a string, so that this file needs no DOM types).
    const parse = `(sheets) => sheets.map((text) => [text, 'x{' + text + '}'].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return [...sheet.cssRules].map((rule) => rule.cssText).join('\\n');
    }))`;
    const page = await browser.newPage();
    let before = 0;
    let afterMinify = 0;
    let compared = 0;
    for (const { file, code, minified } of sources) {
      const original = cookedTemplates(code, ['css'], stand).map((t) => t.text);
      const shortened = cookedTemplates(minified, ['css'], stand).map((t) => t.text);
      assert.equal(shortened.length, original.length, file);
      before += original.join('').length;
      afterMinify += shortened.join('').length;
      // As a stylesheet, and as the body of a rule (for fragments that are only declarations).
      // Chromium keeps custom property values as written, so a space after a comma inside one
      // (`var(--a, #fff)`) is the only difference its serialisation may show.
      const parsed = await page.evaluate(`(${parse})(${JSON.stringify([...original, ...shortened])})`) as string[][];
      const normal = (text: string) => text.replace(/,\s+/g, ',');
      for (let i = 0; i < original.length; i++) {
        const [a, b] = [parsed[i]!, parsed[original.length + i]!];
        assert.ok(a[1]!.length > 3, `${file}: template ${i + 1} parsed to nothing`);
        assert.deepEqual(b.map(normal), a.map(normal), `${file}: template ${i + 1}`);
        compared++;
      }
    }
    assert.ok(compared >= 15, `only ${compared} templates compared`);
    assert.ok(afterMinify < before * 0.85, `${before} -> ${afterMinify} characters`);
  });

  it('markup: the same elements, attributes and text, in every file', async () => {
    // An interpolation in markup is a text, an attribute value or an element's content; a comment
    // stands in for it in either copy alike (as Lit's own markers do).
    const stand = '<!--x-->';
    // Each template parsed as Lit does (inside <template>, an svg one inside <svg>), then written
    // out with every run of whitespace in its text made one space: what renders.
    const parse = `(items) => items.map(({ tag, text }) => {
      const template = document.createElement('template');
      template.innerHTML = tag === 'svg' ? '<svg>' + text + '</svg>' : text;
      const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) node.data = node.data.replace(/\\s+/g, ' ');
      return template.innerHTML;
    })`;
    const page = await browser.newPage();
    let compared = 0;
    let collapsed = 0;
    for (const { file, code, minified } of sources) {
      const original = cookedTemplates(code, ['html', 'svg'], stand);
      const shortened = cookedTemplates(minified, ['html', 'svg'], stand);
      assert.equal(shortened.length, original.length, file);
      const parsed = await page.evaluate(`(${parse})(${JSON.stringify([...original, ...shortened])})`) as string[];
      for (let i = 0; i < original.length; i++) {
        assert.equal(parsed[original.length + i], parsed[i], `${file}: template ${i + 1}`);
        if (original[i]!.text !== shortened[i]!.text) collapsed++;
        compared++;
      }
    }
    assert.ok(compared >= 100, `only ${compared} templates compared`);
    assert.ok(collapsed >= 50, `only ${collapsed} templates had line breaks`);
  });
});
