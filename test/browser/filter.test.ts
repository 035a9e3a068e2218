import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/feed/define.js';
import '../../src/elements/kpi/define.js';
import '../../src/elements/table/define.js';
import '../../src/elements/breakdown/define.js';
import '../../src/elements/filter/define.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { DaylightFilter, FilterChangeEvent } from '../../src/elements/filter/filter.js';
import { AreaSelectEvent } from '../../src/elements/shared/events.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, settled, shadow } from './helpers.js';

/** A feed with a filter, a breakdown, a table and a KPI inside, all rendered. */
async function page(feed: Feed, noUrl = false): Promise<DaylightFeed> {
  const el = await fixture<DaylightFeed>(html`<daylight-feed .feed=${feed} no-status>
    <daylight-filter ?no-url=${noUrl}></daylight-filter>
    <daylight-breakdown metric="referrals" by="service"></daylight-breakdown>
    <daylight-table metric="referrals" by="service"></daylight-table>
    <daylight-kpi metric="response_time"></daylight-kpi>
  </daylight-feed>`);
  await rendered(el);
  return el;
}

async function rendered(feedEl: DaylightFeed): Promise<void> {
  await feedEl.updateComplete;
  for (const child of feedEl.children) await settled(child);
  // The filter may correct the selection after its first render; let that settle too.
  for (const child of feedEl.children) await settled(child);
}

const selects = (filter: DaylightFilter) => [...shadow(filter).querySelectorAll('select')];
const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent!.trim());
const context = (feedEl: DaylightFeed) => shadow(feedEl.querySelector('daylight-breakdown')!).querySelector('.context')!.textContent;
const caption = (feedEl: DaylightFeed) => shadow(feedEl.querySelector('daylight-table')!).querySelector('caption')!.textContent;
/** The page's query string without the test runner's own parameter. */
const query = () => {
  const params = new URL(location.href).searchParams;
  params.delete('wtr-session-id');
  return params.toString();
};
const kpiContext = (feedEl: DaylightFeed) => shadow(feedEl.querySelector('daylight-kpi')!).querySelector('.context')!.textContent!.trim();

describe('<daylight-filter>', () => {
  let feed: Feed;
  let original: string;
  beforeEach(async () => {
    feed = await fixtureFeed('services.json');
    original = location.href;
  });
  afterEach(() => history.replaceState(history.state, '', original));

  it('is accessible', async () => {
    const el = await page(feed);
    await expect(el.querySelector('daylight-filter')!).to.be.accessible();
  });

  it('offers the feed\'s areas and periods, newest first, in labelled selects', async () => {
    const filter = (await page(feed)).querySelector('daylight-filter')!;
    const [area, period] = selects(filter);
    expect(options(area!)).to.deep.equal(['Citywide', 'District 12', 'District 14']);
    expect(options(period!)).to.deep.equal(['Latest', '2024', '2023']);
    expect([...shadow(filter).querySelectorAll('label .name')].map((l) => l.textContent)).to.deep.equal(['District', 'Year']);
    expect(shadow(filter).querySelector('legend')!.textContent).to.equal('Choose what the figures show');
  });

  it('drives every sibling and the URL from the keyboard', async () => {
    const el = await page(feed);
    const filter = el.querySelector('daylight-filter')!;
    const changes: FilterChangeEvent[] = [];
    el.addEventListener('daylight-filter-change', (e) => changes.push(e));
    const before = el.selection;
    selects(filter)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' }); // Citywide -> District 12
    await rendered(el);
    expect(el.selection).to.deep.equal({ area: '12' });
    expect(el.selection).to.not.equal(before);
    selects(filter)[1]!.focus();
    await sendKeys({ press: 'ArrowDown' }); // Latest -> 2024
    await rendered(el);
    expect(el.selection).to.deep.equal({ area: '12', period: '2024' });
    expect(query()).to.equal('area=12&period=2024');
    expect(context(el)).to.equal('2024, District 12');
    expect(caption(el)).to.equal('Referrals by service, District 12, 2024');
    expect(kpiContext(el)).to.equal('2024 · District 12');
    expect(changes.map((c) => c.selection)).to.deep.equal([{ area: '12' }, { area: '12', period: '2024' }]);
    expect(shadow(filter).querySelector('[role=status]')!.textContent).to.equal('Showing District 12, 2024.');
  });

  it('reads the URL on load, so a shared link opens on the same view', async () => {
    history.replaceState(null, '', '?area=12&period=2023&other=kept');
    const el = await page(feed);
    expect(el.selection).to.deep.equal({ area: '12', period: '2023' });
    expect(context(el)).to.equal('2023, District 12');
    expect(selects(el.querySelector('daylight-filter')!).map((s) => s.value)).to.deep.equal(['12', '2023']);
    expect(new URL(location.href).searchParams.get('other')).to.equal('kept');
  });

  it('drops URL values the feed does not have', async () => {
    history.replaceState(null, '', '?area=99&period=2024');
    const el = await page(feed);
    expect(el.selection).to.deep.equal({ period: '2024' });
    expect(query()).to.equal('period=2024');
  });

  it('follows an area chosen on a map inside the same feed, and resets', async () => {
    const el = await page(feed);
    const filter = el.querySelector('daylight-filter')!;
    el.querySelector('daylight-table')!.dispatchEvent(new AreaSelectEvent('14'));
    await rendered(el);
    expect(el.selection).to.deep.equal({ area: '14' });
    expect(selects(filter)[0]!.value).to.equal('14');
    expect(new URL(location.href).searchParams.get('area')).to.equal('14');
    expect(caption(el)).to.equal('Referrals by service, District 14, 2024');
    shadow(filter).querySelector<HTMLButtonElement>('[part=reset]')!.click();
    await rendered(el);
    expect(el.selection).to.deep.equal({});
    expect(query()).to.equal('');
    expect(shadow(filter).activeElement).to.equal(selects(filter)[0]);
  });

  it('keeps two dashboards on one page apart with a parameter prefix', async () => {
    history.replaceState(null, '', '?a-area=12&b-area=14');
    const host = await fixture<HTMLDivElement>(html`<div>
      <daylight-feed .feed=${feed} no-status><daylight-filter param-prefix="a-"></daylight-filter>
        <daylight-table metric="referrals" by="service"></daylight-table></daylight-feed>
      <daylight-feed .feed=${feed} no-status><daylight-filter param-prefix="b-"></daylight-filter>
        <daylight-table metric="referrals" by="service"></daylight-table></daylight-feed>
    </div>`);
    const [a, b] = [...host.querySelectorAll<DaylightFeed>('daylight-feed')];
    await rendered(a!);
    await rendered(b!);
    expect(caption(a!)).to.equal('Referrals by service, District 12, 2024');
    expect(caption(b!)).to.equal('Referrals by service, District 14, 2024');
    const select = selects(b!.querySelector('daylight-filter')!)[1]!;
    select.value = '2023';
    select.dispatchEvent(new Event('change'));
    await rendered(b!);
    expect(query()).to.equal('a-area=12&b-area=14&b-period=2023');
  });

  it('leaves the URL alone with no-url', async () => {
    history.replaceState(null, '', '?area=12');
    const el = await page(feed, true);
    expect(el.selection).to.deep.equal({});
    const select = selects(el.querySelector('daylight-filter')!)[0]!;
    select.value = '14';
    select.dispatchEvent(new Event('change'));
    await rendered(el);
    expect(el.selection).to.deep.equal({ area: '14' });
    expect(query()).to.equal('area=12');
  });

  it('speaks Spanish', async () => {
    const el = await fixture<DaylightFeed>(html`<daylight-feed lang="es" .feed=${feed} no-status><daylight-filter no-url></daylight-filter></daylight-feed>`);
    await rendered(el);
    const filter = el.querySelector('daylight-filter')!;
    expect(options(selects(filter)[0]!)).to.deep.equal(['Toda la ciudad', 'Distrito 12', 'Distrito 14']);
    expect(options(selects(filter)[1]!)[0]).to.equal('Más reciente');
  });
});
