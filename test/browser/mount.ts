import { fixture, html } from '@open-wc/testing';
import type { Feed } from '../../src/core/types.js';
import type { PrivacyFaultEvent } from '../../src/elements/shared/events.js';

/** Creates `<tag>` with attributes and a feed, in a box of the given width, and waits for its render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, feed: Feed | undefined, attributes: Record<string, string>, width = 560): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (feed) (el as unknown as { feed: Feed }).feed = feed;
  const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  host.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** Runs `body` while collecting `daylight-privacy-fault` events and silencing the console warning that comes with them. */
export async function collectingFaults<T>(body: (faults: PrivacyFaultEvent[]) => Promise<T>): Promise<T> {
  const faults: PrivacyFaultEvent[] = [];
  const onFault = (event: PrivacyFaultEvent) => faults.push(event);
  document.addEventListener('daylight-privacy-fault', onFault);
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await body(faults);
  } finally {
    document.removeEventListener('daylight-privacy-fault', onFault);
    console.warn = warn;
  }
}

/**
 * The element's height while its feed is still loading (served with a delay by the test server)
 * and once it has rendered the data: equal when the element reserves its size.
 */
export async function heightsBeforeAndAfterLoad(tag: keyof HTMLElementTagNameMap, attributes: Record<string, string>, width: number, feedFile = 'services.json'): Promise<[number, number]> {
  const feedEl = document.createElement('daylight-feed') as HTMLElement & { loaded: Promise<unknown>; updateComplete: Promise<unknown> };
  feedEl.setAttribute('src', `/__test/feed?fixture=${feedFile}&delay=400&key=${tag}-${Math.random()}`);
  feedEl.setAttribute('no-status', '');
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  feedEl.append(el);
  const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  host.append(feedEl);
  await feedEl.updateComplete;
  await el.updateComplete;
  const before = el.getBoundingClientRect().height;
  await feedEl.loaded;
  await feedEl.updateComplete;
  await el.updateComplete;
  return [before, el.getBoundingClientRect().height];
}

/** Each bar of a bar-list chart as the reader sees it: name, value (and share), note. */
export function barTexts(el: Element): string[][] {
  return [...el.shadowRoot!.querySelectorAll('.row .visual')]
    .map((row) => [...row.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).filter(Boolean));
}
