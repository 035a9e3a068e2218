import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/feed/define.js';
import '../../src/elements/distribution/define.js';
import type { DaylightDistribution } from '../../src/elements/distribution/distribution.js';
import type { Feed } from '../../src/core/types.js';
import { everythingSaid, fixtureFeed, mentionsNumber, shadow } from './helpers.js';
import { barTexts, collectingFaults, heightsBeforeAndAfterLoad, mount } from './mount.js';

const distribution = (feed: Feed, attributes: Record<string, string>) => mount('daylight-distribution', feed, attributes, 680);
/** Each quantile row as the reader sees it: name and values. */
const rows = (el: DaylightDistribution) => [...shadow(el).querySelectorAll('.qrow .visual')]
  .map((row) => [row.querySelector('.name')!.textContent!.trim(), row.querySelector('.value')!.textContent!.replace(/\s+/g, ' ').trim()]);
const summary = (el: DaylightDistribution) => shadow(el).querySelector('[part=summary]')!.textContent!.trim();

describe('<daylight-distribution>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed('services.json'); });

  it('is accessible, as a chart and as tables', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene', by: 'call_type', buckets: 'time_on_scene_buckets' });
    await expect(el).to.be.accessible();
    el.showTable = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('marks the median and the 90th percentile, and says what they mean', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene' });
    expect(rows(el)).to.deep.equal([['All calls', '21.5 min · 46.1 min']]);
    expect(summary(el)).to.equal('Time on scene, 2024: median 21.5 minutes (half took less, half took more); 90th percentile 46.1 minutes (90 in 100 took less).');
    // Axis 0-50: the median sits at 43%, the 90th percentile at 92.2%.
    const markers = [...shadow(el).querySelectorAll<HTMLElement>('.qrow .marker')].map((m) => [m.className, m.style.left]);
    expect(markers).to.deep.equal([['marker median', '43%'], ['marker upper', '92.2%']]);
    expect([...shadow(el).querySelectorAll('.tick')].map((tick) => tick.textContent)).to.deep.equal(['0', '10', '20', '30', '40', '50']);
    expect(shadow(el).querySelector('[part=notes]')!.textContent).to.contain('The shortest and longest times are never published');
  });

  it('splits by category, with a quantile that has too few records marked hidden, not drawn', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene', by: 'call_type' });
    expect(rows(el)).to.deep.equal([
      ['All calls', '21.5 min · 46.1 min'],
      ['Medical', '15.2 min · 38.0 min'],
      ['Violence', '24.5 min · 61.3 min'],
      ['Welfare check', '12.0 min · Not shown'],
    ]);
    expect(shadow(el).querySelectorAll('.qrow[data-key=welfare] .marker')).to.have.length(1);
    const sentence = shadow(el).querySelector('.qrow[data-key=welfare] > .visually-hidden')!.textContent;
    expect(sentence).to.equal('Welfare check: median 12.0 minutes, 90th percentile not shown, because too few records stand behind it to publish it safely');
  });

  it('splits by area, following the feed\'s area names', async () => {
    const el = await distribution(feed, { metric: 'response_time', by: 'area' });
    expect(rows(el)).to.deep.equal([
      ['Citywide', '8.4 min · 17.2 min'],
      ['District 12', '9.1 min · 19.0 min'],
      ['District 14', '7.8 min · Not shown'],
    ]);
    expect(shadow(el).querySelector('.context')!.textContent).to.equal('2024');
  });

  it('never shows a minimum or a maximum, even when a feed has them', async () => {
    await collectingFaults(async (faults) => {
      feed.metrics[2]!.cells.push({ period: '2024', call_type: '*', q: 0, n: 400, value: 0.7 }, { period: '2024', call_type: '*', q: 1, n: 400, value: 187.3 });
      const el = await distribution(feed, { metric: 'time_on_scene' });
      expect(rows(el)).to.deep.equal([['All calls', '21.5 min · 46.1 min']]);
      const said = everythingSaid(shadow(el)) + el.csvText();
      expect(mentionsNumber(said, '0.7')).to.equal(false);
      expect(mentionsNumber(said, '187.3')).to.equal(false);
      expect(faults).to.have.length(1);
    });
  });

  it('shows the time buckets the feed publishes, in order, hidden ones hatched', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene', buckets: 'time_on_scene_buckets' });
    expect(barTexts(el)).to.deep.equal([
      ['0–10 min', 'Hidden'],
      ['10–20 min', '150'],
      ['20–30 min', '120'],
      ['30–60 min', '110'],
      ['60 min or more', 'Hidden'],
    ]);
    expect(shadow(el).querySelectorAll('.bars .hatch')).to.have.length(2);
    expect(summary(el)).to.contain('Most common: 10–20 min (150).');
  });

  it('hides one more bucket when the total would give a hidden one away', async () => {
    await collectingFaults(async (faults) => {
      const bucketCells = feed.metrics[3]!.cells;
      Object.assign(bucketCells.find((c) => c.bucket === '60+')!, { n: 12, value: 12, suppressed: undefined });
      delete bucketCells.find((c) => c.bucket === '60+')!.suppressed;
      const el = await distribution(feed, { metric: 'time_on_scene_buckets' });
      await el.updateComplete;
      // 400 - 150 - 120 - 110 - 12 would give 8: the 12 is hidden too.
      expect(barTexts(el).map((b) => b[1])).to.deep.equal(['Hidden', '150', '120', '110', 'Hidden']);
      expect(mentionsNumber(everythingSaid(shadow(el)), '8')).to.equal(false);
      expect(faults).to.have.length(1);
    });
  });

  it('shows both tables from the keyboard, and the CSV holds exactly them', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene', by: 'call_type', buckets: 'time_on_scene_buckets' });
    shadow(el).querySelector<HTMLButtonElement>('[part=toggle]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const tables = [...shadow(el).querySelectorAll('table')].map((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(tables[0]![0]).to.deep.equal(['Call type', 'Median', '90th percentile', 'Note']);
    expect(tables[0]![4]).to.deep.equal(['Welfare check', '12.0 min', 'Not shown', 'not shown, because too few records stand behind it to publish it safely']);
    expect(tables[1]![0]).to.deep.equal(['Time on scene', 'Count', 'Note']);
    expect(el.csvRows()).to.deep.equal([...tables[0]!, [], ...tables[1]!]);
  });

  it('shows the period asked for', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene', period: '2023' });
    expect(rows(el)).to.deep.equal([['All calls', '22.0 min · 49.5 min']]);
  });

  it('speaks Spanish', async () => {
    const el = await distribution(feed, { metric: 'time_on_scene', lang: 'es' });
    expect(summary(el)).to.equal('Tiempo en el lugar, 2024: mediana 21,5 minutos (la mitad tardó menos y la otra mitad más); percentil 90 46,1 minutos (90 de cada 100 tardaron menos).');
  });

  it('says when a metric has no distribution to show', async () => {
    const el = await distribution(feed, { metric: 'referrals' });
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('This metric has no published quantiles or time buckets.');
  });

  it('reserves its height before the data arrives', async () => {
    const [before, after] = await heightsBeforeAndAfterLoad('daylight-distribution', { metric: 'time_on_scene' }, 360);
    expect(before).to.be.greaterThan(200);
    expect(after).to.be.at.least(before);
  });
});
