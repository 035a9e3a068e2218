import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { DaylightTrend } from '../../src/elements/trend/trend.js';
import type { PrivacyFaultEvent } from '../../src/index.js';
import type { Feed } from '../../src/core/types.js';
import { everythingSaid, fixtureFeed, mentionsNumber, nextFrames, settled, shadow } from './helpers.js';

/**
 * A feed that breaks every rule a widget re-checks, with values chosen so that no other number
 * on the page can be mistaken for them: 7 (small count), 3/8 = 37.5% (small denominator and
 * numerator), 23.9 minutes from 60 records (a p90 needs 110), and a suppressed cell that states n = 9.
 */
async function leakyFeed(): Promise<Feed> {
  const feed = await fixtureFeed();
  const incidents = feed.metrics[0]!;
  Object.assign(incidents.cells[0]!, { n: 7, value: 7 }); // 2026-07, citywide
  Object.assign(incidents.cells[2]!, { n: 9 }); // 2026-09: suppressed, but says its size
  feed.metrics[1]!.cells.push({ period: '2026-09', q: 0.9, n: 60, value: 23.9 });
  feed.metrics[2]!.cells[1] = { period: '2026-09', n: 8, numerator: 3, value: 0.375 };
  return feed;
}

const LEAKED = ['7', '9', '23.9', '37.5%', '38%', '3'];

describe('privacy guard in the widgets (rules 1, 3, 4, 8)', () => {
  it('never puts a withheld number in the DOM, accessible names, tooltips or the CSV', async () => {
    const feed = await leakyFeed();
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); };
    const faultEvents: PrivacyFaultEvent[] = [];
    const onFault = (event: Event) => faultEvents.push(event as PrivacyFaultEvent);
    document.addEventListener('daylight-privacy-fault', onFault);
    try {
      const el = await fixture<DaylightFeed>(html`<daylight-feed style="width: 700px" .feed=${feed}>
        <daylight-kpi metric="incidents" period="2026-07"></daylight-kpi>
        <daylight-kpi metric="incidents" period="2026-09"></daylight-kpi>
        <daylight-kpi metric="response_time" statistic="p90" period="2026-09"></daylight-kpi>
        <daylight-kpi metric="coresponse_share" period="2026-09"></daylight-kpi>
        <daylight-trend metric="incidents"></daylight-trend>
        <daylight-trend metric="coresponse_share"></daylight-trend>
        <daylight-trend metric="response_time" statistic="p90"></daylight-trend>
      </daylight-feed>`);
      for (const child of el.children) await settled(child);
      await nextFrames();
      for (const child of el.children) await settled(child);

      // Walk every point of every chart so each tooltip renders, and collect what it says.
      const said: string[] = [everythingSaid(el)];
      for (const chart of el.querySelectorAll<DaylightTrend>('daylight-trend')) {
        const points = [...shadow(chart).querySelectorAll<SVGElement>('.point')];
        expect(points.length).to.be.greaterThan(0);
        for (const point of points) {
          point.dispatchEvent(new FocusEvent('focus'));
          await chart.updateComplete;
          said.push(everythingSaid(chart));
        }
        said.push(chart.csvRows().flat().join(' | '));
        chart.showTable = true;
        await chart.updateComplete;
        said.push(everythingSaid(chart));
      }
      const text = said.join('\n');
      for (const number of LEAKED) expect(mentionsNumber(text, number), `"${number}" appeared`).to.equal(false);
      // What the residents see instead.
      expect(text).to.contain('Hidden');
      expect(text).to.contain('Not shown');

      expect(faultEvents).to.have.length(1);
      expect(faultEvents[0]!.faults.map((f) => `${f.path} ${f.rule}`)).to.deep.equal([
        'metrics[0].cells[0] small-count',
        'metrics[0].cells[2] suppressed-size',
        'metrics[1].cells[4] quantile-too-few',
        'metrics[2].cells[1] small-denominator',
      ]);
      const daylightWarnings = warnings.filter((w) => w.startsWith('[daylight]'));
      expect(daylightWarnings).to.have.length(1);
      expect(daylightWarnings[0]).to.contain('metrics[0].cells[0]: a count between 1 and 10 is published');
      for (const number of ['7', '23.9', '0.375']) expect(mentionsNumber(daylightWarnings[0]!, number), `warning said ${number}`).to.equal(false);
      // The feed element tells the webmaster, in words.
      expect(shadow(el).textContent).to.contain('4 values were hidden because the feed broke a privacy rule');
    } finally {
      console.warn = realWarn;
      document.removeEventListener('daylight-privacy-fault', onFault);
    }
  });

  it('reports a leaky feed given straight to a widget (no <daylight-feed>) once, however many widgets show it', async () => {
    const feed = await leakyFeed();
    let events = 0;
    const onFault = () => { events++; };
    document.addEventListener('daylight-privacy-fault', onFault);
    const realWarn = console.warn;
    console.warn = () => {};
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <daylight-kpi metric="incidents" period="2026-07" .feed=${feed}></daylight-kpi>
        <daylight-trend metric="incidents" .feed=${feed}></daylight-trend>
      </div>`);
      for (const child of wrapper.children) await settled(child);
      expect(events).to.equal(1);
      expect(mentionsNumber(everythingSaid(wrapper), '7')).to.equal(false);
    } finally {
      console.warn = realWarn;
      document.removeEventListener('daylight-privacy-fault', onFault);
    }
  });

  it('hides a share whose complement is a small count: "84 of 90" would tell residents that 6 were not', async () => {
    const feed = await fixtureFeed();
    feed.metrics[2]!.cells[1] = { period: '2026-09', n: 90, numerator: 84, value: 84 / 90 };
    const faults: PrivacyFaultEvent[] = [];
    const onFault = (event: Event) => faults.push(event as PrivacyFaultEvent);
    document.addEventListener('daylight-privacy-fault', onFault);
    const realWarn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture(html`<daylight-kpi .feed=${feed} metric="coresponse_share" period="2026-09" compare="none"></daylight-kpi>`);
      const said = everythingSaid(el);
      for (const number of ['93%', '93.3%', '84', '6']) expect(mentionsNumber(said, number), `"${number}" appeared`).to.equal(false);
      expect(said).to.contain('Not shown');
      expect(faults.flatMap((e) => e.faults.map((f) => `${f.path} ${f.rule}`))).to.deep.equal(['metrics[2].cells[1] small-complement']);
    } finally {
      console.warn = realWarn;
      document.removeEventListener('daylight-privacy-fault', onFault);
    }
  });

  it('flags a rate resting on 20 or fewer events as unstable instead of hiding it', async () => {
    const feed = await fixtureFeed();
    const el = await fixture(html`<daylight-kpi .feed=${feed} metric="coresponse_share" period="2026-09" compare="none"></daylight-kpi>`);
    expect(everythingSaid(el)).to.contain('Unstable');
    expect(everythingSaid(el)).to.contain('4.7%');
  });
});
