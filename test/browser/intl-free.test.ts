// A page's first Intl object starts ICU (13-25 ms in a fresh renderer, more on phones). In the
// languages with a fast path in core/format.ts, the elements' first renders must not make one.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, nextFrames } from './helpers.js';
import { mountMap } from './map-fixtures.js';

const CONSTRUCTORS = ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'ListFormat', 'RelativeTimeFormat', 'Segmenter', 'DisplayNames', 'Locale'] as const;

async function madeWhile(run: () => Promise<unknown>): Promise<string[]> {
  const real = new Map(CONSTRUCTORS.map((name) => [name, Intl[name]]));
  const made: string[] = [];
  for (const [name, constructor] of real) {
    Reflect.set(Intl, name, new Proxy(constructor, {
      construct(target, args) {
        made.push(name);
        return Reflect.construct(target, args) as object;
      },
    }));
  }
  try {
    await run();
  } finally {
    for (const [name, constructor] of real) Reflect.set(Intl, name, constructor);
  }
  return made;
}

async function mount(tag: string, feed: Feed, lang: string, attributes: Record<string, string>): Promise<void> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
  const el = document.createElement(tag) as HTMLElement & { feed: Feed; updateComplete: Promise<unknown> };
  for (const [name, value] of Object.entries({ ...attributes, lang })) el.setAttribute(name, value);
  el.feed = feed;
  host.append(el);
  await el.updateComplete;
  await nextFrames();
}

describe('first renders without Intl', () => {
  for (const lang of ['en', 'es']) {
    it(`trend, KPI and map build no Intl object in ${lang}`, async () => {
      const feed = await fixtureFeed();
      // The real districts, ties in value included: "Police district 15" and "Police district 24"
      // are ordered without a collator (map.test.ts holds the ties that need one).
      const districts = await fixtureFeed('phl-districts.json');
      const made = await madeWhile(async () => {
        await mount('daylight-trend', feed, lang, { metric: 'incidents' });
        await mount('daylight-kpi', feed, lang, { metric: 'incidents' });
        await mountMap(districts, { lang });
      });
      expect(made).to.deep.equal([]);
    });
  }
});
