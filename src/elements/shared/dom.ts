/**
 * Small DOM builders for the parts of an element that are drawn on every page load and rarely
 * change: a trend's card and chart. There, Lit's templates cost more than the DOM they make: on
 * the render benchmark's page of eight trends, building the same nodes by hand took the page's
 * main-thread work to painted from 54 to 49 ms at 1x CPU, and painted it 30-40 ms sooner under 4x
 * throttling (docs/performance.md, fourteenth round). Interactive and occasional parts stay
 * templates.
 *
 * Text goes in as text nodes and values as attributes, never as markup: a feed's label is inert
 * here as it is in a template.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attributes = Record<string, string | number>;

/** An HTML element with `attributes`, and `text` as its only child when given. */
export function htmlElement<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attributes, text);
}

/** An SVG element with `attributes`, and `text` as its only child when given. */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag), attributes, text);
}

function fill<E extends Element>(element: E, attributes: Attributes, text: string | undefined): E {
  for (const name in attributes) element.setAttribute(name, String(attributes[name]));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Sets a node's text, writing only a change (a write re-lays out the text even when it is the same). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an attribute, or removes it for `undefined`, writing only a change. */
export function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
