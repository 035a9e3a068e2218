import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import { clearFeedCache, type FeedErrorEvent, type FeedLoadEvent } from '../../src/index.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { DaylightKpi } from '../../src/elements/kpi/kpi.js';
import { fixtureFeed, settled, shadow } from './helpers.js';

let run = 0;
/** A test-server URL unique to this test, so request counts do not mix. */
const url = (route: string, params = '') => `/__test/${route}?key=${route}-${Date.now()}-${++run}${params}`;

async function count(src: string): Promise<number> {
  const key = new URL(src, location.href).searchParams.get('key');
  const response = await fetch(`/__test/count?key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

describe('<daylight-feed>', () => {
  afterEach(() => clearFeedCache());

  it('is accessible once loaded, with its widgets', async () => {
    const el = await fixture<DaylightFeed>(html`<daylight-feed src=${url('feed')}><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`);
    await el.loaded;
    await settled(el.querySelector('daylight-kpi')!);
    await expect(el).to.be.accessible();
  });

  it('makes ONE request for many widgets and several <daylight-feed> with the same src', async () => {
    const src = url('feed', '&delay=50');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <daylight-feed src=${src}>
        <daylight-kpi metric="incidents"></daylight-kpi><daylight-kpi metric="response_time"></daylight-kpi>
        <daylight-trend metric="incidents"></daylight-trend>
      </daylight-feed>
      <daylight-feed src=${src}><daylight-kpi metric="coresponse_share"></daylight-kpi></daylight-feed>
      <daylight-feed src=${src}></daylight-feed>
    </div>`);
    const feeds = [...wrapper.querySelectorAll('daylight-feed')];
    const states = await Promise.all(feeds.map((feed) => feed.loaded));
    expect(states.map((s) => s.status)).to.deep.equal(['ready', 'ready', 'ready']);
    expect(await count(src)).to.equal(1);
  });

  it('fires daylight-feed-load with the validated feed, and says how fresh the data is', async () => {
    const el = document.createElement('daylight-feed');
    el.now = new Date('2026-11-10T00:00:00Z');
    const loaded = oneEvent(el, 'daylight-feed-load');
    el.src = url('feed');
    document.body.append(el);
    const event = (await loaded) as unknown as FeedLoadEvent;
    expect(event.feed.jurisdiction.id).to.equal('small-city');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=status]')!.textContent).to.contain('Data as of November 1, 2026');
    el.remove();
  });

  it('marks stale data plainly', async () => {
    const el = await fixture<DaylightFeed>(html`<daylight-feed .now=${new Date('2027-03-01T00:00:00Z')} src=${url('feed')}></daylight-feed>`);
    await el.loaded;
    await el.updateComplete;
    expect(shadow(el).querySelector('.stale')!.textContent).to.equal('Not updated since November 1, 2026');
  });

  for (const [code, words] of [[404, 'No file is published at that address'], [500, 'The server had a problem']] as const) {
    it(`explains HTTP ${code} in words a webmaster can act on`, async () => {
      const el = await fixture<DaylightFeed>(html`<daylight-feed src=${url('status', `&code=${code}`)}><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`);
      const errored = oneEvent(el, 'daylight-feed-error');
      const event = (await errored) as unknown as FeedErrorEvent;
      expect(event.error.kind).to.equal('http');
      expect(event.error.status).to.equal(code);
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role=alert]')!;
      expect(alert.textContent).to.contain(`The server answered ${code}`);
      expect(alert.textContent).to.contain(words);
      const kpi = el.querySelector('daylight-kpi')!;
      await kpi.updateComplete;
      expect(shadow(kpi).querySelector('[role=alert]')!.textContent).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
    });
  }

  it('says when the address serves a web page instead of JSON', async () => {
    const el = await fixture<DaylightFeed>(html`<daylight-feed src=${url('not-json')}></daylight-feed>`);
    const state = await el.loaded;
    expect(state.status).to.equal('error');
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('is not a JSON feed (it begins "<!doctype html>');
  });

  it('says so when src is not an address at all, and its widgets show the error instead of throwing', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      const el = await fixture<DaylightFeed>(html`<daylight-feed src="http://["><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`);
      const state = await el.loaded;
      expect(state.status).to.equal('error');
      await el.updateComplete;
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('Could not reach http://[');
      const kpi = el.querySelector<DaylightKpi>('daylight-kpi')!;
      await kpi.updateComplete;
      expect(shadow(kpi).textContent).to.contain('could not be loaded');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('lists the first schema problems with their paths', async () => {
    const feed = await fixtureFeed();
    (feed.metrics[0]!.cells[0] as Record<string, unknown>).n = '12';
    (feed.metrics[0]!.cells[1] as Record<string, unknown>).n = -1;
    const el = await fixture<DaylightFeed>(html`<daylight-feed .feed=${feed}></daylight-feed>`);
    await el.updateComplete;
    const text = shadow(el).querySelector('[role=alert]')!.textContent!;
    expect(text).to.contain('is not a valid Daylight feed: 2 problems found.');
    expect(text).to.contain('metrics[0].cells[0].n: expected a non-negative integer, found "12".');
    expect(text).to.contain('metrics[0].cells[1].n: expected a non-negative integer, found -1.');
  });

  it('says "unsupported feed version" for a future feed', async () => {
    const feed = { ...(await fixtureFeed()), version: '2.0' };
    const el = await fixture<DaylightFeed>(html`<daylight-feed .feed=${feed}></daylight-feed>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('unsupported feed version "2.0"');
  });

  it('gives up after its timeout and offers to try again', async () => {
    const el = await fixture<DaylightFeed>(html`<daylight-feed timeout="200" src=${url('hang')}></daylight-feed>`);
    const state = await el.loaded;
    expect(state.status === 'error' && state.error.kind).to.equal('timeout');
    await el.updateComplete;
    const alert = shadow(el).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('within 0.2 seconds');
    expect(alert.querySelector('button')!.textContent).to.equal('Try again');
  });

  it('aborts its request when removed before the feed arrives', async () => {
    const signals: AbortSignal[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return realFetch(input, init);
    };
    try {
      const el = await fixture<DaylightFeed>(html`<daylight-feed src=${url('hang')}></daylight-feed>`);
      expect(signals).to.have.length(1);
      expect(signals[0]!.aborted).to.equal(false);
      el.remove();
      expect(signals[0]!.aborted).to.equal(true);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps the request alive while another consumer still needs it', async () => {
    const src = url('feed', '&delay=100');
    const wrapper = await fixture<HTMLDivElement>(html`<div><daylight-feed src=${src}></daylight-feed><daylight-feed src=${src}></daylight-feed></div>`);
    const [first, second] = [...wrapper.querySelectorAll('daylight-feed')];
    first!.remove();
    const state = await second!.loaded;
    expect(state.status).to.equal('ready');
  });

  it('keeps a widget the same size while loading and after an error', async () => {
    const el = await fixture<DaylightFeed>(html`<daylight-feed style="width: 480px" src=${url('hang')}><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>`);
    const kpi = el.querySelector<DaylightKpi>('daylight-kpi')!;
    await kpi.updateComplete;
    const loadingHeight = kpi.getBoundingClientRect().height;
    expect(loadingHeight).to.be.greaterThan(100);
    el.src = url('status', '&code=500');
    await el.loaded;
    await kpi.updateComplete;
    expect(kpi.getBoundingClientRect().height).to.equal(loadingHeight);
  });
});
