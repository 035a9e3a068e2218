// Minifies the CSS inside Lit `css` tagged templates at build time, and collapses the line breaks
// and indentation of `html` and `svg` templates. esbuild and Rolldown keep template literals as
// written, so without this every comment and indent of src/**/*.ts templates reaches residents'
// phones. Used by the library build (vite.config.ts), the demo build (vite.demo.config.ts) and the
// size figures (scripts/element-sizes.mjs), so all three agree.
//
// The CSS is only ever made shorter in ways that cannot change what it means: comments go,
// whitespace collapses to one space and goes entirely only next to punctuation that separates
// tokens on its own. Strings, escapes, unquoted url() and interpolations are copied as they are.
//
// In markup, a run of whitespace that holds a line break becomes one space, which HTML and SVG
// text render the same way (no template here has <pre>, <textarea> or `white-space: pre`, where
// it would not). Whitespace is never removed, so no two words or inline elements join.
import ts from 'typescript';

// A space may go after these: none of them can merge with what follows. Not after `)`: in
// `:host(.a) .b` the space is the descendant combinator.
const FREE_AFTER = new Set(['{', '}', ';', ':', ',', '>', '~', '(']);
// A space may go before these. Not before `:` (`a :hover` is not `a:hover`), `(` (`and (` is not
// the function `and(`), `+` or `-` (calc() needs the spaces around them).
const FREE_BEFORE = new Set(['{', '}', ';', ',', '>', '~', ')']);

const placeholder = (i) => `__daylight_css_${i}__`;
const PLACEHOLDER = /__daylight_css_(\d+)__/;

/**
 * Minified CSS text. `css` is a template literal's raw text (escapes as written); interpolations
 * may stand in it as identifier-like placeholders, which are treated like any other word.
 * @param {string} css
 * @returns {string}
 */
export function minifyCss(css) {
  let out = '';
  let space = false;
  let i = 0;
  // A fragment may be interpolated next to another one (`${a}${b}`), so its outer whitespace is
  // kept (as one space) unless the punctuation at that edge makes it meaningless.
  const emitSpace = (next) => {
    if (!space) return;
    space = false;
    const previous = out[out.length - 1];
    // `--x: ;` (a custom property set to nothing) needs its space in older browsers.
    if (previous === ':' && (next === ';' || next === '}')) { out += ' '; return; }
    if ((previous === undefined || !FREE_AFTER.has(previous)) && (next === undefined || !FREE_BEFORE.has(next))) out += ' ';
  };
  while (i < css.length) {
    const c = css[i];
    if (/\s/.test(c)) { space = true; i++; continue; }
    if (c === '/' && css[i + 1] === '*') {
      // A comment separates tokens like whitespace does (`a/**/b` is two words).
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      space = true;
      continue;
    }
    emitSpace(c);
    if (c === '\\') {
      // A CSS escape, or a template escape (\` and \${) in the raw text: both keep the next character.
      out += css.slice(i, i + 2);
      i += 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '(' && /(^|[^\w-])url$/i.test(out.slice(-4)) && !/^\s*["']/.test(css.slice(i + 1))) {
      // An unquoted URL is one token up to `)`; whitespace and `/*` inside it are not CSS's to touch.
      const end = css.indexOf(')', i);
      const j = end < 0 ? css.length : end + 1;
      out += css.slice(i, j);
      i = j;
    } else if (c === '}' && out.endsWith(';') && !out.endsWith('\\;')) {
      // The last declaration of a block needs no semicolon.
      out = `${out.slice(0, -1)}}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  emitSpace(undefined);
  return out;
}

/** The raw text between a template part's delimiters (`…${`, `}…${`, `}…\``, `\`…\``). */
function rawText(node, source) {
  const text = node.getText(source);
  return text.slice(1, ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? -2 : -1);
}

function minifiedTemplate(template, source, code) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return `\`${minifyCss(rawText(template, source))}\``;
  const parts = [rawText(template.head, source), ...template.templateSpans.map((span) => rawText(span.literal, source))];
  const minified = minifyCss(parts.map((part, i) => (i === 0 ? part : placeholder(i - 1) + part)).join(''));
  const pieces = minified.split(PLACEHOLDER);
  // split() alternates text and captured indices; they must come back whole and in order.
  const order = pieces.filter((_, i) => i % 2 === 1).map(Number);
  if (order.length !== template.templateSpans.length || order.some((n, i) => n !== i)) {
    throw new Error(`minify-css-literals: lost an interpolation in ${source.fileName}`);
  }
  let out = `\`${pieces[0]}`;
  template.templateSpans.forEach((span, i) => {
    const expression = code.slice(span.expression.getStart(source), span.expression.end);
    out += `\${${minifyCssLiterals(expression, source.fileName) ?? expression}}${pieces[2 * i + 2]}`;
  });
  return `${out}\``;
}

/**
 * Markup text with each run of whitespace that holds a line break made one space. A part with a
 * line continuation (a backslash before the break, which the template's value drops) is kept.
 * @param {string} raw a template part's raw text
 * @returns {string}
 */
export function collapseMarkupWhitespace(raw) {
  if (/\\\r?\n/.test(raw)) return raw;
  return raw.replace(/\s*\n\s*/g, ' ');
}

const MARKUP_TAGS = new Set(['html', 'svg']);

/**
 * `code` with the CSS of every `css\`…\`` template minified, or undefined when it has none.
 * Each template is followed by the line breaks it lost, so every later line keeps its number and
 * the file's source map needs no change below it (the minifiers drop those line breaks anyway).
 * @param {string} code TypeScript or JavaScript source
 * @param {string} [fileName] for error messages
 * @returns {string | undefined}
 */
export function minifyCssLiterals(code, fileName = 'source.ts') {
  if (!/\b(?:css|html|svg)`/.test(code)) return undefined;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const start = node.template.getStart(source);
      const text = minifiedTemplate(node.template, source, code);
      const lost = code.slice(start, node.template.end).split('\n').length - text.split('\n').length;
      edits.push({ start, end: node.template.end, text: text + '\n'.repeat(Math.max(0, lost)) });
      return; // templates inside its interpolations were done by minifiedTemplate
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && MARKUP_TAGS.has(node.tag.text)) {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      let lost = 0;
      for (const part of parts) {
        const start = part.getStart(source) + 1;
        const end = part.end - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
        const raw = code.slice(start, end);
        const text = collapseMarkupWhitespace(raw);
        if (text === raw) continue;
        edits.push({ start, end, text });
        lost += raw.split('\n').length - text.split('\n').length;
      }
      // The lost line breaks go after the template, outside it, as for css above.
      if (lost > 0) edits.push({ start: template.end, end: template.end, text: '\n'.repeat(lost) });
      // Templates inside its interpolations are visited as children.
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return undefined;
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

const SOURCE = /[\\/]src[\\/].*\.ts$/;

/** Vite plugin: minifies the `css` templates of src/**\/*.ts in builds (the dev server keeps them readable). */
export function minifyCssLiteralsVite() {
  return {
    name: 'daylight-minify-css-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!SOURCE.test(id.split('?')[0])) return undefined;
      const out = minifyCssLiterals(code, id);
      // Line numbers are kept (see minifyCssLiterals), so the incoming source map still holds.
      return out === undefined ? undefined : { code: out, map: null };
    },
  };
}

/** esbuild plugin: the same transform for src/**\/*.ts, for bundles measured outside Vite. */
export function minifyCssLiteralsEsbuild() {
  return {
    name: 'daylight-minify-css-literals',
    setup(build) {
      build.onLoad({ filter: SOURCE }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const code = await readFile(args.path, 'utf8');
        const out = minifyCssLiterals(code, args.path);
        return out === undefined ? undefined : { contents: out, loader: 'ts' };
      });
    },
  };
}
