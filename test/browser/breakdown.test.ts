import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../src/elements/feed/define.js';
import '../../src/elements/breakdown/define.js';
import type { DaylightBreakdown } from '../../src/elements/breakdown/breakdown.js';
import type { Cell, Feed } from '../../src/core/types.js';
import { everythingSaid, fixtureFeed, mentionsNumber, shadow } from './helpers.js';
import { barTexts, collectingFaults, mount } from './mount.js';

const breakdown = (feed: Feed, attributes: Record<string, string>) => mount('daylight-breakdown', feed, attributes, 640);

const bars = barTexts;

const summary = (el: DaylightBreakdown) => shadow(el).querySelector('[part=summary]')!.textContent!.trim();

describe('<daylight-breakdown>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed('services.json'); });

  it('is accessible, as bars and as a table', async () => {
    const el = await breakdown(feed, { metric: 'referrals', by: 'service', compare: 'previous' });
    await expect(el).to.be.accessible();
    el.showTable = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows counts and shares of the total, largest first, hidden categories after, Other last', async () => {
    const el = await breakdown(feed, { metric: 'referrals', by: 'service' });
    expect(bars(el)).to.deep.equal([
      ['Housing', '80 35%'],
      ['Mental health', '60 26%'],
      ['Substance use treatment', '45 20%'],
      ['Legal aid', 'Hidden'],
      ['Other', 'Hidden'],
    ]);
    expect(shadow(el).querySelector('.total')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Total 230');
    expect(summary(el)).to.equal('Referrals by service, 2024, Citywide. Largest: Housing, 80 (35% of the total). Total: 230.');
    expect(shadow(el).querySelector('[part=notes]')!.textContent).to.contain('2 categories are hidden because the count was fewer than 11 or could reveal one.');
    // Hidden bars are the same stub whatever their value; published bars scale to the largest.
    const widths = [...shadow(el).querySelectorAll<HTMLElement>('.bar')].map((bar) => bar.style.width);
    expect(widths).to.deep.equal(['100%', '75%', '56.25%']);
    expect(shadow(el).querySelectorAll('.hatch')).to.have.length(2);
  });

  it('keeps Other last even when it is the largest', async () => {
    const cell = feed.metrics[1]!.cells.find((c) => c.period === '2024' && c.responder_type === 'other')!;
    Object.assign(cell, { n: 90, value: 90 });
    const el = await breakdown(feed, { metric: 'second_responder_visits', by: 'responder_type' });
    expect(bars(el).map((row) => row[0])).to.deep.equal(['Behavioral health clinician', 'Victim advocate', 'Violence interrupter', 'Other']);
  });

  it('compares each category with the previous period, and says when it cannot', async () => {
    const el = await breakdown(feed, { metric: 'referrals', by: 'service', compare: 'previous' });
    expect(bars(el).map((row) => row[2])).to.deep.equal([
      '▲ 10 more than 2023', '▼ 2 fewer than 2023', '▲ 5 more than 2023', 'no comparison with 2023', 'no comparison with 2023',
    ]);
    const sentences = [...shadow(el).querySelectorAll('.row > .visually-hidden')].map((s) => s.textContent);
    expect(sentences[0]).to.equal('Housing: 80, 35% of the total, 10 more than 2023');
    expect(sentences[3]).to.equal('Legal aid: hidden to protect privacy, no comparison with 2023');
  });

  it('hides a second category when the total would give away the only hidden one, and reports the fault', async () => {
    await collectingFaults(async (faults) => {
      // District 12, 2024: 90 - 40 - 25 - 16 - 0 would reveal legal aid (9).
      const el = await breakdown(feed, { metric: 'referrals', by: 'service', area: '12' });
      await el.updateComplete;
      expect(bars(el)).to.deep.equal([
        ['Housing', '40 44%'],
        ['Mental health', '25 28%'],
        ['Substance use treatment', 'Hidden'],
        ['Legal aid', 'Hidden'],
        ['Other', '0 0%'],
      ]);
      const said = everythingSaid(shadow(el)) + el.csvText();
      expect(mentionsNumber(said, '16')).to.equal(false);
      expect(mentionsNumber(said, '9')).to.equal(false);
      expect(mentionsNumber(said, '18%')).to.equal(false);
      expect(faults.flatMap((f) => f.faults.map((x) => x.path))).to.deep.equal(['metrics[0].cells[15]']);
    });
  });

  it('hides the total when no category can protect the hidden one', async () => {
    await collectingFaults(async (faults) => {
      const cells = feed.metrics[1]!.cells.filter((c) => c.period === '2024');
      // 120 = 48 + 33 + 27 + 12: hide "other" alone; the rest cannot be hidden... unless they are all zero.
      for (const cell of cells) {
        if (cell.responder_type === 'other') { delete cell.value; cell.suppressed = true; delete (cell as Partial<Cell>).n; }
        else if (cell.responder_type !== '*') Object.assign(cell, { n: 0, value: 0 });
      }
      Object.assign(cells.find((c) => c.responder_type === '*')!, { n: 12, value: 12 });
      const el = await breakdown(feed, { metric: 'second_responder_visits', by: 'responder_type' });
      await el.updateComplete;
      expect(shadow(el).querySelector('.total')!.textContent).to.contain('Hidden');
      expect(mentionsNumber(everythingSaid(shadow(el)), '12')).to.equal(false);
      expect(shadow(el).querySelector('[part=notes]')!.textContent).to.contain('The total is hidden so that a hidden category cannot be worked out from it.');
      expect(faults).to.have.length(1);
    });
  });

  it('shows a table with the same rows, from the keyboard, and downloads exactly that table', async () => {
    const el = await breakdown(feed, { metric: 'referrals', by: 'service', compare: 'previous' });
    shadow(el).querySelector<HTMLButtonElement>('[part=toggle]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=toggle]')!.getAttribute('aria-pressed')).to.equal('true');
    const shown = [...shadow(el).querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(shown).to.deep.equal([
      ['Service', 'Count', 'Share', '2023', 'Change from 2023', 'Note'],
      ['Housing', '80', '35%', '70', '10 more than 2023', ''],
      ['Mental health', '60', '26%', '62', '2 fewer than 2023', ''],
      ['Substance use treatment', '45', '20%', '40', '5 more than 2023', ''],
      ['Legal aid', 'Hidden', '', '15', 'no comparison with 2023', 'hidden to protect privacy'],
      ['Other', 'Hidden', '', '13', 'no comparison with 2023', 'hidden to protect privacy'],
      ['Total', '230', '', '', '', ''],
    ]);
    expect(el.csvRows()).to.deep.equal(shown);
    expect(shadow(el).querySelector('caption')!.textContent).to.equal('Referrals by service, 2024, Citywide');
  });

  it('splits a median by category, without shares', async () => {
    const el = await breakdown(feed, { metric: 'time_on_scene', by: 'call_type' });
    expect(bars(el)).to.deep.equal([['Violence', '24.5 min'], ['Medical', '15.2 min'], ['Welfare check', '12.0 min']]);
    expect(summary(el)).to.equal('Median time on scene by call type, 2024. Largest: Violence, 24.5 minutes. All calls: 21.5 minutes.');
  });

  it('follows the area chosen in the enclosing feed', async () => {
    const el = await fixture<HTMLElement & { selection: object }>(html`<daylight-feed .feed=${feed} no-status>
      <daylight-breakdown metric="referrals" by="service"></daylight-breakdown>
    </daylight-feed>`);
    const chart = el.querySelector('daylight-breakdown')!;
    await chart.updateComplete;
    el.selection = { area: '14', period: '2024' };
    await chart.updateComplete;
    expect(bars(chart)[0]).to.deep.equal(['Housing', '25 29%']);
    expect(shadow(chart).querySelector('.context')!.textContent).to.equal('2024, District 14');
  });

  it('speaks Spanish', async () => {
    const el = await breakdown(feed, { metric: 'referrals', by: 'service', lang: 'es' });
    expect(bars(el)[0]).to.deep.equal(['Vivienda', '80 35 %']);
    expect(summary(el).replace(/\u00a0/g, ' ')).to.equal('Derivaciones por servicio, 2024, Toda la ciudad. El más alto: Vivienda, 80 (el 35 % del total). Total: 230.');
  });

  it('reserves its height before the data arrives, and keeps it', async () => {
    const el = await mount('daylight-breakdown', undefined, { metric: 'referrals', by: 'service' }, 360);
    const before = el.getBoundingClientRect().height;
    expect(before).to.be.greaterThan(200);
    el.feed = feed;
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.be.at.least(before);
  });

  it('never lets a reader recover a hidden category from the numbers shown (property over random feeds)', async () => {
    const k = 11;
    const services = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arbitrary = fc.record({
      values: fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 80 })), { minLength: 1, maxLength: 6 }),
      extra: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      hideTotal: fc.boolean(),
    });
    await collectingFaults(async () => {
      await fc.assert(fc.asyncProperty(arbitrary, async ({ values, extra, hideTotal }) => {
        const random = structuredClone(feed);
        const total = values.reduce((a, b) => a + b, 0);
        const cell = (service: string, value: number, hidden: boolean): Cell => (hidden
          ? { period: '2024', area: '*', service, suppressed: true } as unknown as Cell
          : { period: '2024', area: '*', service, n: value, value });
        // Rule 1 always (a feed that breaks it is the guard's business); complementary suppression at random, often too little.
        random.metrics[0]!.cells = [
          cell('*', total, (total > 0 && total < k) || hideTotal),
          ...values.map((v, i) => cell(services[i]!, v, (v > 0 && v < k) || extra[i]!)),
        ];
        delete random.dimensions!.service!.values;
        const el = await breakdown(random, { metric: 'referrals', by: 'service' });
        const shown = new Map<string, number | undefined>();
        for (const row of shadow(el).querySelectorAll<HTMLElement>('.row')) {
          const text = row.querySelector('.number')!.textContent!.trim();
          shown.set(row.dataset.key!, /^\d[\d,]*$/.test(text) ? Number(text.replace(/,/g, '')) : undefined);
        }
        const totalText = shadow(el).querySelector('.total strong')?.textContent ?? '';
        const shownTotal = /^\d[\d,]*$/.test(totalText) ? Number(totalText.replace(/,/g, '')) : undefined;
        // Every number shown is the true one, and none is a small count.
        values.forEach((v, i) => {
          const s = shown.get(services[i]!);
          if (s !== undefined) expect(s).to.equal(v);
        });
        for (const s of [...shown.values(), shownTotal]) if (s !== undefined) expect(s === 0 || s >= k, `shown ${s}`).to.equal(true);
        // With the total shown, the hidden ones are at least two and add up to at least k.
        const hidden = values.filter((_, i) => shown.get(services[i]!) === undefined);
        if (shownTotal !== undefined && hidden.length > 0) {
          expect(hidden.length, 'hidden categories').to.be.at.least(2);
          expect(shownTotal - [...shown.values()].reduce<number>((a, b) => a + (b ?? 0), 0), 'hidden sum').to.be.at.least(k);
        }
        // Shares need the total; without it, none is shown.
        if (shownTotal === undefined) expect(shadow(el).querySelectorAll('.share')).to.have.length(0);
        el.parentElement!.remove();
      }), { numRuns: 120 });
    });
  });
});
