/**
 * Injected by the render benchmark into the Daylight page once it has painted (not part of any
 * measured page): returns the page body as static HTML, each shadow root written as declarative
 * shadow DOM with its adopted stylesheets in a <style>. Parsed by a page with no script, that
 * markup is the cost of Daylight's final DOM alone: style, layout and paint, without the script
 * that built it.
 */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

// Elements written without an end tag: `<br></br>` would parse as two.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function serialize(node: Node): string {
  if (node instanceof Text) return escapeText(node.data);
  if (!(node instanceof Element)) return '';
  const attributes = [...node.attributes].map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
  if (VOID.has(node.localName)) return `<${node.localName}${attributes}>`;
  let content = '';
  if (node.shadowRoot) {
    const css = node.shadowRoot.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    content += `<template shadowrootmode="open"><style>${css}</style>${[...node.shadowRoot.childNodes].map(serialize).join('')}</template>`;
  }
  content += [...node.childNodes].map(serialize).join('');
  return `<${node.localName}${attributes}>${content}</${node.localName}>`;
}

(globalThis as unknown as { staticBody: () => string }).staticBody = () => [...document.body.childNodes].map(serialize).join('');
