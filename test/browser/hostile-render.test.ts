import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, nextFrames, settled, shadow } from './helpers.js';

/**
 * Hostile feed content in the elements. Markup, script URLs, bidi controls and 10,000-character
 * strings in every label a feed can carry must render as inert text (no element is created from
 * them, nothing runs, no link goes to javascript:), and must not blow an element out of its box.
 * Feeds that fail validation make every element show a readable error in the space it reserved.
 * (That no element code builds HTML from strings is checked statically: test/node/source-rules.)
 */
const SCRIPT = '<script>window.__hostile = "script"</script>';
const IMG = '<img src=x onerror="window.__hostile = \'img\'">';
const JS_URL = 'javascript:window.__hostile="url"';
const BIDI = '\u202Eevil\u202C \u2066x\u2069 \u200F';
const LONG = 'L'.repeat(10_000);

async function hostileFeed(): Promise<Feed> {
  const feed = await fixtureFeed();
  const f = feed as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  f.title = { en: `${SCRIPT} ${IMG}`, es: IMG };
  f.jurisdiction.name = `${IMG}${BIDI}`;
  f.metrics[0].label = { en: `${SCRIPT}${IMG}${BIDI}${LONG}`, es: LONG };
  f.metrics[0].description = `${IMG} ${JS_URL}`;
  f.metrics[1].label = JS_URL;
  f.metrics[2].label = `${BIDI}${IMG}`;
  f.dimensions.area.label = IMG;
  f.dimensions.area.values['1'] = { en: `${SCRIPT}${LONG}`, es: IMG };
  f.dimensions.area.values['2'] = JS_URL;
  f.methodology.sources = [{ name: `${IMG}${LONG}`, url: JS_URL, publisher: SCRIPT }, { name: 'data url', url: 'data:text/html,<script>alert(1)</script>' }];
  f.methodology.contact = { name: IMG, email: "x@example.org", url: JS_URL };
  f.methodology.caveats = [IMG, LONG, BIDI];
  if (f.methodology.metrics?.incidents) f.methodology.metrics.incidents.includes = [SCRIPT, LONG];
  if (f.license) f.license.url = JS_URL;
  return feed;
}

type Walked = { elements: Element[]; text: string };
function walk(root: Node): Walked {
  const elements: Element[] = [];
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element) {
      elements.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return { elements, text };
}

const TAGS = ['daylight-kpi', 'daylight-trend', 'daylight-table', 'daylight-breakdown', 'daylight-methodology', 'daylight-filter'];

describe('hostile feed content renders as inert text', () => {
  afterEach(() => { delete (window as unknown as { __hostile?: string }).__hostile; });

  it('no element, script, handler or javascript: link is created from feed strings, and nothing runs', async () => {
    const feed = await hostileFeed();
    const warn = console.warn;
    console.warn = () => {};
    try {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 480px"><daylight-feed .feed=${feed} no-status>
        <daylight-kpi metric="incidents"></daylight-kpi>
        <daylight-trend metric="incidents"></daylight-trend>
        <daylight-table metric="incidents"></daylight-table>
        <daylight-breakdown metric="incidents" by="area"></daylight-breakdown>
        <daylight-methodology></daylight-methodology>
        <daylight-filter></daylight-filter>
      </daylight-feed></div>`);
      const el = host.querySelector('daylight-feed') as DaylightFeed;
      expect((await el.loaded).status).to.equal('ready');
      for (const child of el.children) await settled(child);
      await nextFrames();
      for (const child of el.children) await settled(child);
      await new Promise((done) => setTimeout(done, 50)); // give an injected <img onerror> time to fire

      const { elements, text } = walk(host);
      expect(elements.filter((e) => e.localName === 'script'), 'script elements').to.have.length(0);
      expect(elements.filter((e) => e.localName === 'img'), 'img elements').to.have.length(0);
      expect(elements.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))), 'inline handlers').to.have.length(0);
      for (const a of elements.filter((e) => e.localName === 'a')) {
        const href = (a.getAttribute('href') ?? '').trim().toLowerCase();
        expect(href.startsWith('javascript:') || href.startsWith('data:'), `link to ${href}`).to.equal(false);
      }
      expect((window as unknown as { __hostile?: string }).__hostile).to.equal(undefined);
      // The strings are shown as the text they are.
      expect(text).to.contain('<img src=x onerror=');
      expect(text).to.contain('<script>');
      // Every element stays inside its 480 px box, even with a 10,000-character label.
      // and no text inside it runs out of the box (a scrolling table wrapper may hold wider content).
      const right = host.getBoundingClientRect().right + 1;
      for (const child of el.children) {
        expect(child.getBoundingClientRect().width, child.localName).to.be.at.most(481);
        const sticking = walk(child).elements.filter((e) => e.getBoundingClientRect().right > right && !e.closest('[part~=table], .table-wrap, table'))
          .map((e) => `${child.localName} ${e.localName}.${e.getAttribute('class') ?? ''}[${e.getAttribute('part') ?? ''}] ${Math.round(e.getBoundingClientRect().width)}px`);
        expect(sticking, 'elements wider than the box').to.deep.equal([]);
      }
    } finally {
      console.warn = warn;
    }
  });
});

describe('invalid feeds: every element shows a readable error in the space it reserves', () => {
  const cases: Array<[string, (feed: Record<string, any>) => unknown]> = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['wrong-typed cells', (f) => { f.metrics[0].cells[0].n = '12'; return f; }],
    ['a future version', (f) => ({ ...f, version: '2.0' })],
    ['not an object', () => 'nope'],
    ['metrics missing', (f) => { delete f.metrics; return f; }],
    ['deeply nested metrics', () => { let v: unknown = 1; for (let i = 0; i < 10_000; i++) v = [v]; return { version: '1.0', metrics: v }; }],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const bad = make(structuredClone(await fixtureFeed()) as unknown as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
      const host = await fixture<HTMLDivElement>(html`<div style="width: 480px"></div>`);
      const feedEl = document.createElement('daylight-feed');
      feedEl.feed = bad;
      for (const tag of TAGS) {
        const child = document.createElement(tag);
        if (tag !== 'daylight-methodology' && tag !== 'daylight-filter') child.setAttribute('metric', 'incidents');
        feedEl.append(child);
      }
      host.append(feedEl);
      expect((await feedEl.loaded).status).to.equal('error');
      for (const child of feedEl.children) await settled(child);
      const alert = shadow(feedEl).querySelector('[role=alert]')!;
      expect(alert.textContent!.trim().length).to.be.greaterThan(20);
      for (const child of feedEl.children) {
        const box = child.getBoundingClientRect();
        expect(box.width, child.localName).to.be.at.most(481);
        const said = walk(child).text.replace(/\s+/g, ' ').trim();
        expect(said.length, `${child.localName} says why it is empty`).to.be.greaterThan(10);
      }
    });
  }

  it('every widget keeps the height it reserved when its feed fails (no layout shift)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width: 480px"></div>`);
    const feedEl = document.createElement('daylight-feed');
    feedEl.setAttribute('timeout', '300');
    feedEl.setAttribute('no-offline-copy', '');
    feedEl.setAttribute('src', `/__test/hang?key=hostile-${Date.now()}`);
    for (const tag of ['daylight-kpi', 'daylight-trend', 'daylight-table', 'daylight-breakdown', 'daylight-distribution', 'daylight-funnel']) {
      const child = document.createElement(tag);
      child.setAttribute('metric', tag === 'daylight-distribution' ? 'response_time' : 'incidents');
      feedEl.append(child);
    }
    host.append(feedEl);
    for (const child of feedEl.children) await settled(child);
    const loading = [...feedEl.children].map((c) => `${c.localName} ${c.getBoundingClientRect().height}`);
    expect((await feedEl.loaded).status).to.equal('error');
    for (const child of feedEl.children) await settled(child);
    expect([...feedEl.children].map((c) => `${c.localName} ${c.getBoundingClientRect().height}`)).to.deep.equal(loading);
  });
});
