import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/feed/define.js';
import '../../src/elements/table/define.js';
import type { DaylightTable } from '../../src/elements/table/table.js';
import type { Feed } from '../../src/core/types.js';
import { toCsv } from '../../src/elements/shared/csv.js';
import { everythingSaid, fixtureFeed, mentionsNumber, shadow } from './helpers.js';
import { collectingFaults, mount } from './mount.js';

const table = (feed: Feed, attributes: Record<string, string>) => mount('daylight-table', feed, attributes);

/** What the table shows, row by row: header cells, body, footer, as text. */
function shownRows(el: DaylightTable): string[][] {
  return [...shadow(el).querySelectorAll('table tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').replace(/[↕▲▼]/g, '').trim()));
}

const column = (el: DaylightTable, index: number) => shownRows(el).slice(1).map((row) => row[index]);

describe('<daylight-table>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed('services.json'); });

  it('is accessible', async () => {
    await expect(await table(feed, { metric: 'referrals', by: 'service' })).to.be.accessible();
  });

  it('lists a count by category for the latest period, with a caption, scoped headers and the total', async () => {
    const el = await table(feed, { metric: 'referrals', by: 'service' });
    const root = shadow(el);
    expect(root.querySelector('caption')!.textContent).to.equal('Referrals by service, 2024');
    expect([...root.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col']);
    expect([...root.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    expect(shownRows(el)).to.deep.equal([
      ['Service', 'Count', 'Note'],
      ['Housing', '80', ''],
      ['Mental health', '60', ''],
      ['Substance use treatment', '45', ''],
      ['Legal aid', 'Hidden', 'hidden to protect privacy'],
      ['Other', 'Hidden', 'hidden to protect privacy'],
      ['All services', '230', ''],
    ]);
  });

  it('hides a second category when a total and all but one category would give the hidden one away, and reports it', async () => {
    await collectingFaults(async (faults) => {
      // District 12, 2024: total 90, legal aid hidden; 90 - 40 - 25 - 16 - 0 would give 9.
      const el = await table(feed, { metric: 'referrals', by: 'service', area: '12' });
      await el.updateComplete;
      expect(column(el, 1)).to.deep.equal(['40', '25', 'Hidden', 'Hidden', '0', '90']);
      const said = everythingSaid(shadow(el)) + el.csvText();
      expect(mentionsNumber(said, '16')).to.equal(false);
      expect(mentionsNumber(said, '9')).to.equal(false);
      expect(said).to.contain('1 more number is hidden so that a hidden count cannot be worked out by subtraction.');
      expect(faults).to.have.length(1);
      expect(faults[0]!.faults[0]!.rule).to.equal('recoverable-by-subtraction');
      expect(faults[0]!.faults[0]!.path).to.equal('metrics[0].cells[15]');
    });
  });

  it('sorts by a column from the keyboard, keeps hidden rows last, and says so', async () => {
    const el = await table(feed, { metric: 'referrals', by: 'service', period: '2023', area: '12' });
    const buttons = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('th button')];
    expect(buttons().map((b) => b.textContent!.replace(/[↕▲▼\s]+/g, ' ').trim())).to.deep.equal(['Service', 'Count']);
    buttons()[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(column(el, 0)).to.deep.equal(['Housing', 'Mental health', 'Substance use treatment', 'Legal aid', 'Other', 'All services']);
    expect(shadow(el).querySelectorAll('thead th')[1]!.getAttribute('aria-sort')).to.equal('descending');
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.equal('Sorted by Count, descending.');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    // Ascending puts the smallest published first, and the hidden rows still last.
    expect(column(el, 0)).to.deep.equal(['Substance use treatment', 'Mental health', 'Housing', 'Legal aid', 'Other', 'All services']);
    expect(shadow(el).querySelectorAll('thead th')[1]!.getAttribute('aria-sort')).to.equal('ascending');
    buttons()[0]!.click();
    await el.updateComplete;
    expect(column(el, 0).slice(0, 5)).to.deep.equal(['Housing', 'Legal aid', 'Mental health', 'Other', 'Substance use treatment']);
  });

  it('downloads exactly the table shown, in the order shown', async () => {
    const el = await table(feed, { metric: 'referrals', by: 'service', 'sort-column': '1' });
    expect(el.csvRows()).to.deep.equal(shownRows(el));
    expect(el.csvText()).to.equal(toCsv(shownRows(el)));
    expect(el.csvText().split('\r\n')[1]).to.equal('Housing,80,');
  });

  it('withholds a share whose complement is small, with its count and base (84 of 90 would show 6)', async () => {
    const leaky = structuredClone(feed);
    leaky.metrics[5]!.cells[1] = { period: '2024', area: '12', n: 90, numerator: 84, value: 84 / 90 };
    await collectingFaults(async (faults) => {
      const el = await table(leaky, { metric: 'referral_followup_rate', by: 'area' });
      expect(shownRows(el)[1]!.slice(0, 4)).to.deep.equal(['District 12', 'Not shown', '', '']);
      for (const number of ['93%', '84', '90', '6']) expect(mentionsNumber(el.csvText(), number), number).to.equal(false);
      expect(faults.flatMap((f) => f.faults.map((x) => `${x.path} ${x.rule}`))).to.deep.equal(['metrics[5].cells[1] small-complement']);
    });
  });

  it('shows a share with its count and base', async () => {
    const el = await table(feed, { metric: 'referral_followup_rate', by: 'area' });
    expect(shownRows(el)).to.deep.equal([
      ['District', 'Share', 'Count', 'Out of', 'Note'],
      ['District 12', '80%', '72', '90', ''],
      ['Citywide', '75%', '150', '200', ''],
    ]);
  });

  it('gives each published quantile a column, and never a minimum or maximum', async () => {
    const withMax = structuredClone(feed);
    withMax.metrics[2]!.cells.push({ period: '2024', call_type: 'medical', q: 1, n: 180, value: 95.5 });
    await collectingFaults(async () => {
      const el = await table(withMax, { metric: 'time_on_scene', by: 'call_type' });
      expect(shownRows(el)[0]).to.deep.equal(['Call type', 'Median', '90th percentile', '100th percentile', 'Note']);
      expect(shownRows(el)[1]).to.deep.equal(['Medical', '15.2 min', '38.0 min', 'Not shown', 'withheld: the feed broke a privacy rule']);
      expect(shownRows(el)[3]!.slice(0, 3)).to.deep.equal(['Welfare check', '12.0 min', 'Not shown']);
      expect(mentionsNumber(everythingSaid(shadow(el)), '95.5')).to.equal(false);
    });
  });

  it('lists periods by default, oldest first', async () => {
    const el = await table(feed, { metric: 'response_time' });
    expect(shownRows(el)).to.deep.equal([
      ['Period', 'Median', '90th percentile', 'Note'],
      ['2023', '9.0 min', '18.1 min', ''],
      ['2024', '8.4 min', '17.2 min', ''],
    ]);
  });

  it('follows the area chosen in the enclosing feed', async () => {
    const el = await fixture<HTMLElement>(html`<daylight-feed .feed=${feed} no-status>
      <daylight-table metric="referrals" by="service" period="2024"></daylight-table>
    </daylight-feed>`);
    const tableEl = el.querySelector('daylight-table')!;
    await tableEl.updateComplete;
    expect(column(tableEl, 1)[0]).to.equal('80');
    (el as HTMLElement & { selection: object }).selection = { area: '14' };
    await tableEl.updateComplete;
    expect(shadow(tableEl).querySelector('caption')!.textContent).to.equal('Referrals by service, District 14, 2024');
    expect(column(tableEl, 1)).to.deep.equal(['25', '20', '18', '12', '11', '86']);
  });

  it('speaks Spanish', async () => {
    const el = await table(feed, { metric: 'referrals', by: 'service', lang: 'es' });
    expect(shownRows(el)[0]).to.deep.equal(['Servicio', 'Conteo', 'Nota']);
    expect(shownRows(el)[4]!.slice(0, 2)).to.deep.equal(['Asistencia legal', 'Oculto']);
  });

  it('explains a dimension the metric does not have', async () => {
    const el = await table(feed, { metric: 'referrals', by: 'stage' });
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('The metric has no dimension "stage". Its dimensions: period, area, service.');
  });

  it('reserves its height before the data arrives', async () => {
    const el = await mount('daylight-table', undefined, { metric: 'referrals' }, 360);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(150);
  });
});
