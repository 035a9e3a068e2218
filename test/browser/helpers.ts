import type { Feed } from '../../src/core/types.js';

/** A fresh copy of a fixture feed (tests mutate them to provoke faults). */
export async function fixtureFeed(name = 'small-city.json'): Promise<Feed> {
  const response = await fetch(`/test/fixtures/feeds/${name}`);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return (await response.json()) as Feed;
}

/** Every text a person or a screen reader can get from an element: text, ARIA names, titles, alt, values. */
export function everythingSaid(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element) {
      for (const name of ['aria-label', 'aria-valuetext', 'aria-description', 'title', 'alt', 'value', 'data-value']) {
        const value = node.getAttribute(name);
        if (value) parts.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' | ');
}

/** Resolves when the element (and any Lit elements inside its shadow root) has rendered. */
export async function settled(element: Element): Promise<void> {
  const lit = element as Element & { updateComplete?: Promise<unknown> };
  if (lit.updateComplete) await lit.updateComplete;
  const inner = element.shadowRoot?.querySelectorAll('*') ?? [];
  for (const child of inner) {
    const litChild = child as Element & { updateComplete?: Promise<unknown> };
    if (litChild.updateComplete) await litChild.updateComplete;
  }
}

/** Waits for the next animation frame twice: ResizeObserver callbacks and the re-render they cause. */
export async function nextFrames(): Promise<void> {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))));
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

/** Standalone occurrences of a number in text: "7" matches in "7 min" but not in "17" or "2026-07". */
export function mentionsNumber(text: string, number: string): boolean {
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\d.,])${escaped}($|[^\\d.,%])`).test(text) || (number.endsWith('%') && text.includes(number));
}

/**
 * Waits until a <daylight-dashboard> has loaded its feed and everything inside has rendered:
 * every widget, every map's lazily loaded layer, and the redraws that follow their first sizes.
 */
export async function dashboardRendered(dashboard: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await dashboard.updateComplete;
  const innerFeed = shadow(dashboard).querySelector('daylight-feed') as (HTMLElement & { loaded: Promise<unknown> }) | null;
  if (!innerFeed) throw new Error('the dashboard rendered no <daylight-feed>');
  await innerFeed.loaded;
  await dashboard.updateComplete;
  for (const widget of innerFeed.querySelectorAll('*')) await settled(widget);
  await Promise.all([...innerFeed.querySelectorAll<HTMLElement & { mapReady: Promise<void> }>('daylight-map')].map((map) => map.mapReady));
  await nextFrames();
  for (const widget of innerFeed.querySelectorAll('*')) await settled(widget);
}

/**
 * For a `describe` block: from each test's start, the page's idle callbacks wait in the returned
 * array (a cancelled one leaves `undefined`) until the test runs them, so each test says when the
 * page is idle and for how long; the browser's own `requestIdleCallback` is back after each test.
 */
export function holdIdleCallbacks(): Array<IdleRequestCallback | undefined> {
  const held: Array<IdleRequestCallback | undefined> = [];
  const realRequest = window.requestIdleCallback;
  const realCancel = window.cancelIdleCallback;
  beforeEach(() => {
    held.length = 0;
    window.requestIdleCallback = (callback) => held.push(callback);
    window.cancelIdleCallback = (id) => { held[id - 1] = undefined; };
  });
  afterEach(() => {
    window.requestIdleCallback = realRequest;
    window.cancelIdleCallback = realCancel;
  });
  return held;
}
