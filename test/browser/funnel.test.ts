import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../src/elements/feed/define.js';
import '../../src/elements/funnel/define.js';
import type { DaylightFunnel } from '../../src/elements/funnel/funnel.js';
import type { Cell, Feed } from '../../src/core/types.js';
import { everythingSaid, fixtureFeed, mentionsNumber, shadow } from './helpers.js';
import { barTexts, collectingFaults, heightsBeforeAndAfterLoad, mount } from './mount.js';

const funnel = (feed: Feed, attributes: Record<string, string>) => mount('daylight-funnel', feed, attributes, 640);

const stages = barTexts;
const summary = (el: DaylightFunnel) => shadow(el).querySelector('[part=summary]')!.textContent!.trim();

describe('<daylight-funnel>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed('services.json'); });

  it('is accessible, as bars and as a table', async () => {
    const el = await funnel(feed, { metric: 'past_victims_outreach' });
    await expect(el).to.be.accessible();
    el.showTable = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows each stage with its count and the rate from the stage before', async () => {
    const el = await funnel(feed, { metric: 'past_victims_outreach' });
    expect(stages(el)).to.deep.equal([
      ['Identified', '120'],
      ['Contacted', '84', '70% of identified'],
      ['Connected to services', '50', '60% of contacted'],
    ]);
    expect(summary(el)).to.equal('Outreach to past victims, 2024, Citywide: Identified 120, Contacted 84 (70% of identified), Connected to services 50 (60% of contacted).');
    expect(shadow(el).querySelector('ol')!.getAttribute('aria-labelledby')).to.equal(shadow(el).querySelector('[part=title]')!.id);
  });

  it('takes the stage order from the stages attribute', async () => {
    const el = await funnel(feed, { metric: 'past_victims_outreach', stages: 'identified, connected' });
    expect(stages(el)).to.deep.equal([['Identified', '120'], ['Connected to services', '50', '42% of identified']]);
  });

  it('shows no rate next to a hidden stage, and rates across it from shown stages only', async () => {
    const el = await funnel(feed, { metric: 'past_victims_outreach', area: '12' });
    expect(stages(el)).to.deep.equal([
      ['Identified', '40'],
      ['Contacted', 'Hidden'],
      ['Connected to services', '22', '55% of identified'],
    ]);
    expect(shadow(el).querySelector('[part=notes]')!.textContent).to.contain('1 stage is hidden because the count was fewer than 11 or could reveal one; no rate is shown next to a hidden stage.');
  });

  it('hides a stage that differs from the one before by fewer than k, and reports it', async () => {
    await collectingFaults(async (faults) => {
      // 2023 citywide: 100 identified, 95 contacted: the 5 who were not contacted would be a small count.
      const el = await funnel(feed, { metric: 'past_victims_outreach', period: '2023' });
      await el.updateComplete;
      expect(stages(el)).to.deep.equal([
        ['Identified', '100'],
        ['Contacted', 'Hidden'],
        ['Connected to services', '60', '60% of identified'],
      ]);
      const said = everythingSaid(shadow(el)) + el.csvText();
      expect(mentionsNumber(said, '95')).to.equal(false);
      expect(mentionsNumber(said, '5')).to.equal(false);
      expect(mentionsNumber(said, '95%')).to.equal(false);
      expect(faults.flatMap((f) => f.faults.map((x) => x.path))).to.deep.equal(['metrics[6].cells[7]']);
    });
  });

  it('hides a stage that, equal to an earlier one, would pin the hidden stage between them', async () => {
    await collectingFaults(async (faults) => {
      // 2023, District 12: 30 identified, contacted hidden, 30 connected: contacted would be exactly 30.
      const el = await funnel(feed, { metric: 'past_victims_outreach', period: '2023', area: '12' });
      await el.updateComplete;
      expect(stages(el).map((s) => s[1])).to.deep.equal(['30', 'Hidden', 'Hidden']);
      expect(faults.flatMap((f) => f.faults.map((x) => x.path))).to.deep.equal(['metrics[6].cells[11]']);
    });
  });

  it('draws a share as referred → followed up, and withholds both when the base gives away a small remainder', async () => {
    const el = await funnel(feed, { metric: 'referral_followup_rate' });
    expect(stages(el)).to.deep.equal([['Referred', '200'], ['Followed up', '150', '75% of referred']]);
    const leaky = structuredClone(feed);
    leaky.metrics[5]!.cells[1] = { period: '2024', area: '12', n: 90, numerator: 84, value: 84 / 90 };
    await collectingFaults(async (faults) => {
      // District 12: 84 of 90 followed up; the 6 who were not would be a small count. The builder
      // withholds such a share's base and numerator together, and so does the widget guard.
      const district = await funnel(leaky, { metric: 'referral_followup_rate', area: '12' });
      await district.updateComplete;
      expect(stages(district).map((s) => s.slice(0, 2))).to.deep.equal([['Referred', 'Hidden'], ['Followed up', 'Hidden']]);
      for (const number of ['84', '93%', '90', '6']) expect(mentionsNumber(everythingSaid(shadow(district)), number), number).to.equal(false);
      expect(faults.flatMap((f) => f.faults.map((x) => `${x.path} ${x.rule}`))).to.deep.equal(['metrics[5].cells[1] small-complement']);
    });
  });

  it('names stages from stage-labels', async () => {
    const el = await funnel(feed, { metric: 'referral_followup_rate', 'stage-labels': 'Referrals made, Followed up in 30 days' });
    expect(stages(el).map((s) => s[0])).to.deep.equal(['Referrals made', 'Followed up in 30 days']);
  });

  it('shows a table from the keyboard, and downloads exactly that table', async () => {
    const el = await funnel(feed, { metric: 'past_victims_outreach', area: '12' });
    shadow(el).querySelector<HTMLButtonElement>('[part=toggle]')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const shown = [...shadow(el).querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(shown).to.deep.equal([
      ['Stage', 'Count', 'Rate', 'Note'],
      ['Identified', '40', '', ''],
      ['Contacted', 'Hidden', '', 'hidden to protect privacy'],
      ['Connected to services', '22', '55% of identified', ''],
    ]);
    expect(el.csvRows()).to.deep.equal(shown);
  });

  it('explains a metric that cannot be a funnel', async () => {
    const el = await funnel(feed, { metric: 'time_on_scene' });
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('"time_on_scene" is neither a share nor a count with a stage dimension');
  });

  it('speaks Spanish', async () => {
    const el = await funnel(feed, { metric: 'past_victims_outreach', lang: 'es' });
    expect(stages(el)[1]!.map((s) => s.replace(/\u00a0/g, ' '))).to.deep.equal(['Contactadas', '84', '70 % de identificadas']);
  });

  it('reserves its height before the data arrives', async () => {
    const [before, after] = await heightsBeforeAndAfterLoad('daylight-funnel', { metric: 'past_victims_outreach' }, 360);
    expect(before).to.be.greaterThan(200);
    expect(after).to.be.at.least(before);
  });

  it('never lets a reader work out a hidden stage or a small drop-out from the numbers shown (property over random funnels)', async () => {
    const k = 11;
    const keys = ['identified', 'contacted', 'connected'];
    // Nested stages: each stage keeps a random part of the one before.
    const arbitrary = fc.record({
      first: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 150 })),
      keep: fc.array(fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 2 }),
      extra: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    });
    await collectingFaults(async () => {
      await fc.assert(fc.asyncProperty(arbitrary, async ({ first, keep, extra }) => {
        const values = [first];
        for (const part of keep) values.push(Math.floor(values[values.length - 1]! * part));
        const random = structuredClone(feed);
        const metric = random.metrics.find((m) => m.id === 'past_victims_outreach')!;
        metric.cells = values.map((v, i) => ((v > 0 && v < k) || extra[i]
          ? { period: '2024', area: '*', stage: keys[i]!, suppressed: true } as unknown as Cell
          : { period: '2024', area: '*', stage: keys[i]!, n: v, value: v }));
        const el = await funnel(random, { metric: 'past_victims_outreach' });
        const shown = [...shadow(el).querySelectorAll('.row .number')].map((n) => {
          const text = n.textContent!.trim();
          return /^\d[\d,]*$/.test(text) ? Number(text.replace(/,/g, '')) : undefined;
        });
        expect(shown).to.have.length(3);
        shown.forEach((s, i) => {
          if (s === undefined) return;
          expect(s, 'a shown count is the true one').to.equal(values[i]);
          expect(s === 0 || s >= k, `shown ${s}`).to.equal(true);
          for (let j = 0; j < i; j++) {
            const earlier = shown[j];
            if (earlier === undefined) continue;
            const difference = earlier - s;
            expect(difference === 0 || difference >= k, `stages ${j} and ${i} differ by ${difference}`).to.equal(true);
            // Equal stages must not enclose a hidden one: it would be pinned to their value.
            if (difference === 0) for (let h = j + 1; h < i; h++) expect(shown[h], 'pinned stage').to.not.equal(undefined);
          }
        });
        // Rates only between shown stages: every rate shown matches two shown counts.
        const rates = [...shadow(el).querySelectorAll('.row')].map((row) => row.querySelector('.change')?.textContent ?? '');
        rates.forEach((rate, i) => { if (rate) expect(shown[i], 'rate next to a hidden stage').to.not.equal(undefined); });
        el.parentElement!.remove();
      }), { numRuns: 150 });
    });
  });
});
