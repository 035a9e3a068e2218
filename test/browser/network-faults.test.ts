import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { clearFeedCache } from '../../src/index.js';
import { clearSavedFeeds } from '../../src/elements/shared/loader.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { DaylightKpi } from '../../src/elements/kpi/kpi.js';
import type { DaylightTrend } from '../../src/elements/trend/trend.js';
import { everythingSaid, mentionsNumber, nextFrames, settled, shadow } from './helpers.js';

/**
 * Network faults against the real test server (test/server/test-server-plugin.mjs): slow, 404,
 * 500, a connection reset mid-body, the wrong content type, a feed that changes between loads,
 * and "offline" after a first good load. Then the same faults with a feed that breaks the privacy
 * rules: nothing withheld may reach the DOM, accessible text, the console or a CSV export.
 */
let run = 0;
const seq = (steps: string, extra = '') => `/__test/sequence?steps=${steps}&key=net-${Date.now()}-${++run}${extra}`;

async function mountFeed(src: string, attrs = ''): Promise<DaylightFeed> {
  const el = await fixture<DaylightFeed>(html`<div style="width: 600px"></div>`);
  el.innerHTML = `<daylight-feed src="${src}" ${attrs}><daylight-kpi metric="incidents"></daylight-kpi><daylight-kpi metric="incidents"></daylight-kpi><daylight-trend metric="incidents"></daylight-trend></daylight-feed>`;
  const feed = el.querySelector('daylight-feed') as DaylightFeed;
  await feed.loaded;
  await settledAll(feed);
  return feed;
}

async function settledAll(feed: DaylightFeed): Promise<void> {
  await feed.updateComplete;
  for (const child of feed.children) await settled(child);
  await nextFrames();
  for (const child of feed.children) await settled(child);
}

const kpiValues = (feed: DaylightFeed) => [...feed.querySelectorAll<DaylightKpi>('daylight-kpi')].map((k) => shadow(k).querySelector('[part=value]')?.textContent?.trim() ?? '');
const statusText = (feed: DaylightFeed) => shadow(feed).querySelector('[part~=status], [part=error]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('network faults', () => {
  beforeEach(() => { clearFeedCache(); clearSavedFeeds(); });
  afterEach(() => { clearFeedCache(); clearSavedFeeds(); });

  for (const [step, kind, words] of [
    ['404', 'http', 'answered 404'],
    ['500', 'http', 'answered 500'],
    ['reset', 'network', 'Could not reach'],
    ['not-json', 'not-json', 'is not a JSON feed'],
    ['truncated', 'not-json', 'is not a JSON feed'],
  ] as const) {
    it(`${step}: a readable error with "Try again", and widgets say why they are empty`, async () => {
      const feed = await mountFeed(seq(step));
      const state = await feed.loaded;
      expect(state.status === 'error' && state.error.kind).to.equal(kind);
      const alert = shadow(feed).querySelector('[role=alert]')!;
      expect(alert.textContent).to.contain(words);
      expect(alert.querySelector('button')!.textContent).to.equal('Try again');
      const kpi = feed.querySelector('daylight-kpi')!;
      expect(shadow(kpi).querySelector('[role=alert]')!.textContent).to.contain('could not be loaded');
    });
  }

  it('a connection reset mid-body is a network error, not a half-read feed', async () => {
    const feed = await mountFeed(`/__test/reset?key=reset-${++run}`);
    const state = await feed.loaded;
    expect(state.status === 'error' && state.error.kind).to.equal('network');
  });

  it('accepts JSON served as text/plain (many city CMSs do)', async () => {
    const feed = await mountFeed(`/__test/plain?key=plain-${++run}`);
    expect((await feed.loaded).status).to.equal('ready');
    expect(kpiValues(feed)).to.deep.equal(['31', '31']);
  });

  it('slow: times out visibly, and "Try again" loads the feed', async () => {
    const feed = await mountFeed(seq('slow,ok', '&delay=3000'), 'timeout="250"');
    const state = await feed.loaded;
    expect(state.status === 'error' && state.error.kind).to.equal('timeout');
    const button = shadow(feed).querySelector<HTMLButtonElement>('[role=alert] button')!;
    expect(button.textContent).to.equal('Try again');
    button.click();
    expect((await feed.loaded).status).to.equal('ready');
    await settledAll(feed);
    expect(kpiValues(feed)).to.deep.equal(['31', '31']);
  });

  it('a feed that changes between two loads: old data stays until the new one is ready, then all switch at once', async () => {
    const feed = await mountFeed(seq('ok,alt'));
    expect(kpiValues(feed)).to.deep.equal(['31', '31']);
    expect(statusText(feed)).to.contain('November 1, 2026');
    feed.reload();
    await feed.updateComplete;
    // While the new feed loads, the page keeps showing the old one (never "Loading", never half).
    expect(feed.data).to.not.equal(undefined);
    expect(statusText(feed)).to.not.contain('Loading');
    expect(kpiValues(feed)).to.deep.equal(['31', '31']);
    expect((await feed.loaded).status).to.equal('ready');
    await settledAll(feed);
    expect(kpiValues(feed)).to.deep.equal(['1,031', '1,031']);
    expect(statusText(feed)).to.contain('November 15, 2026');
    const trend = feed.querySelector<DaylightTrend>('daylight-trend')!;
    const said = everythingSaid(trend);
    expect(mentionsNumber(said, '1,031')).to.equal(true);
    expect(/(^|[^\d,])31([^\d,]|$)/.test(said)).to.equal(false);
  });

  for (const step of ['reset', '500', '404', 'not-json'] as const) {
    it(`offline after the first load (${step}): the last good feed, marked as an offline copy with its date`, async () => {
      const feed = await mountFeed(seq(`ok,${step}`));
      expect(kpiValues(feed)).to.deep.equal(['31', '31']);
      clearFeedCache(); // a new page visit: only the saved copy is left
      const fresh = await mountFeed(new URL(feed.src!, location.href).pathname + new URL(feed.src!, location.href).search);
      expect((await fresh.loaded).status).to.equal('ready');
      expect(fresh.offlineSavedAt).to.be.a('string');
      const notice = shadow(fresh).querySelector('[part~=offline]')!;
      const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
      expect(notice.textContent).to.contain(`Offline — showing data saved on ${today}`);
      expect(notice.textContent).to.contain('as of November 1, 2026');
      expect(notice.querySelector('button')!.textContent).to.equal('Try again');
      expect(kpiValues(fresh)).to.deep.equal(['31', '31']);
      await expect(fresh).to.be.accessible();
    });
  }

  it('offline after a reload on the same page: keeps the feed on screen, marked offline', async () => {
    const feed = await mountFeed(seq('ok,reset'));
    feed.reload();
    await feed.loaded;
    await settledAll(feed);
    expect(shadow(feed).querySelector('[part~=offline]')!.textContent).to.contain('Offline — showing data saved on');
    expect(kpiValues(feed)).to.deep.equal(['31', '31']);
  });

  it('no-offline-copy shows the error instead of a saved copy', async () => {
    const feed = await mountFeed(seq('ok,500'), 'no-offline-copy');
    feed.reload();
    const state = await feed.loaded;
    expect(state.status).to.equal('error');
    await feed.updateComplete;
    expect(shadow(feed).querySelector('[role=alert]')!.textContent).to.contain('answered 500');
  });
});

/** The numbers the leaky feed must never show (see leaky() in the test server). */
const LEAKED = ['7', '9', '23.9', '37.5%', '38%', '3'];

describe('privacy under network faults', () => {
  beforeEach(() => { clearFeedCache(); clearSavedFeeds(); });
  afterEach(() => { clearFeedCache(); clearSavedFeeds(); });

  const scenarios: Array<[string, string, boolean]> = [
    ['first load ok', 'ok', false],
    ['text/plain', 'plain', false],
    ['404', '404', false],
    ['500', '500', false],
    ['reset mid-body', 'reset', false],
    ['truncated body', 'truncated', false],
    ['offline copy after a reset', 'ok,reset', true],
    ['offline copy after a 500', 'ok,500', true],
    ['offline copy after truncation', 'ok,truncated', true],
    ['changed between loads', 'ok,alt', true],
  ];
  for (const [name, steps, reload] of scenarios) {
    it(`${name}: no withheld number in the DOM, accessible text, console or CSV`, async () => {
      const logged: string[] = [];
      const real = { log: console.log, warn: console.warn, error: console.error, info: console.info };
      for (const level of ['log', 'warn', 'error', 'info'] as const) console[level] = (...args: unknown[]) => { logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')); };
      try {
        const host = await fixture<HTMLDivElement>(html`<div style="width: 700px"></div>`);
        host.innerHTML = `<daylight-feed src="${seq(steps, '&leaky=1')}">
          <daylight-kpi metric="incidents" period="2026-07"></daylight-kpi>
          <daylight-kpi metric="incidents" period="2026-09"></daylight-kpi>
          <daylight-kpi metric="response_time" statistic="p90" period="2026-09"></daylight-kpi>
          <daylight-kpi metric="coresponse_share" period="2026-09"></daylight-kpi>
          <daylight-trend metric="incidents"></daylight-trend>
          <daylight-trend metric="coresponse_share"></daylight-trend>
          <daylight-table metric="incidents"></daylight-table>
        </daylight-feed>`;
        const feed = host.querySelector('daylight-feed') as DaylightFeed;
        await feed.loaded;
        await settledAll(feed);
        if (reload) {
          feed.reload();
          await feed.loaded;
          await settledAll(feed);
        }
        const said = [everythingSaid(feed), ...logged];
        for (const el of feed.children) {
          const rows = (el as unknown as { csvRows?: () => unknown[][] }).csvRows?.();
          if (rows) said.push(rows.flat().join(' | '));
        }
        const text = said.join(' | ');
        for (const number of LEAKED) {
          // Fault reports name cells by path (metrics[2].cells[1]) and count them ("3 values were
          // hidden"): those numbers are positions and tallies, not values.
          const at = text.split(' | ').map((part) => part.replace(/\[\d+\]/g, '[i]').replace(/\b\d+ (cell\(s\)|values? (was|were))/g, 'N $1').replace(/\brule \d+/g, 'rule N'))
            .filter((part) => mentionsNumber(part, number));
          expect(at, `${number} leaked`).to.deep.equal([]);
        }
      } finally {
        Object.assign(console, real);
      }
    });
  }
});
