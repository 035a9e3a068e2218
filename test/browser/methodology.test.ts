import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/feed/define.js';
import '../../src/elements/methodology/define.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, shadow } from './helpers.js';
import { heightsBeforeAndAfterLoad, mount } from './mount.js';

const methodology = (feed: Feed | undefined, attributes: Record<string, string> = {}) => mount('daylight-methodology', feed, attributes, 640);
const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();
const items = (root: ShadowRoot, heading: string) => {
  const section = [...root.querySelectorAll('section')].find((s) => s.querySelector('[role=heading]')!.textContent === heading)!;
  return [...section.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
};

describe('<daylight-methodology>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed('services.json'); });

  it('is accessible, closed and open', async () => {
    const el = await methodology(feed);
    await expect(el).to.be.accessible();
    el.open = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('states the privacy method in plain words, only the parts this feed uses', async () => {
    const el = await methodology(feed, { open: '' });
    expect(items(shadow(el), 'How privacy is protected')).to.deep.equal([
      'Counts between 1 and 10 are hidden to protect privacy; some other counts are hidden so the small ones cannot be worked out.',
      'A median is shown only when at least 22 cases stand behind it, and a 90th percentile only with at least 110; the shortest and longest times are never shown.',
      'A share or rate is shown only when at least 11 cases stand behind it.',
      'A rate based on 20 or fewer events is marked "unstable": it can change a lot by chance.',
      'Categories with fewer than 11 cases are grouped as "Other".',
      'Places are only ever shown as areas, never as addresses or points.',
    ]);
    expect(text(shadow(el), '.fineprint')).to.equal('Note from the publisher: Synthetic numbers for tests and demos; no real person is behind them.');
  });

  it('says so when counts are rounded or noise is added, with the feed\'s own k', async () => {
    feed.privacy = { minCount: 5, complementary: true, rounding: 5, noise: { mechanism: 'geometric', epsilon: 1.5 } };
    const el = await methodology(feed, { open: '' });
    const said = items(shadow(el), 'How privacy is protected');
    expect(said[0]).to.equal('Counts between 1 and 4 are hidden to protect privacy; some other counts are hidden so the small ones cannot be worked out.');
    expect(said).to.include('Counts are rounded to a multiple of 5, so totals may not add up exactly.');
    expect(said).to.include('A small random amount is added to or taken from each count (a "differential privacy" method, ε = 1.5), so that no one person can be picked out; totals may not add up exactly.');
  });

  it('defines each metric, says how fresh the data is, where it comes from and whom to ask', async () => {
    const el = await methodology(feed, { open: '', metric: 'referrals, past_victims_outreach' });
    const root = shadow(el);
    expect([...root.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['Referrals', 'Outreach to past victims']);
    expect([...root.querySelector('dd')!.children].map((c) => c.textContent!.trim())).to.deep.equal([
      'Referrals made, by the service people were referred to.', 'Includes', 'Each referral with a named service', 'Does not include', 'Records with no service',
    ]);
    expect(text(root, 'summary')).to.equal('About this data Data as of January 15, 2025');
    expect(items(root, 'How up to date')).to.deep.equal([
      'Data as of January 15, 2025. The figures cover January 1, 2023 to December 31, 2024.',
      'Figures for a period are published 14 days after it ends, so that late records are included.',
      'This data file was produced on January 20, 2025.',
    ]);
    expect(items(root, 'Sources')).to.deep.equal([
      'Sample City computer-aided dispatch (synthetic) — Sample City Police Department',
      'Sample City referral tracker (synthetic)',
    ]);
    expect(items(root, 'Keep in mind')).to.have.length(2);
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.org/cad', 'https://creativecommons.org/publicdomain/zero/1.0/', 'mailto:data@example.org', 'https://example.org/contact']);
  });

  it('never turns a javascript: URL from a feed into a link', async () => {
    feed.methodology.sources[0]!.url = 'javascript:alert(1)';
    feed.methodology.contact!.url = ' JavaScript:alert(1)';
    const el = await methodology(feed, { open: '' });
    const links = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.some((href) => /javascript/i.test(href ?? ''))).to.equal(false);
    expect(items(shadow(el), 'Sources')[0]).to.contain('Sample City computer-aided dispatch');
  });

  it('opens and closes from the keyboard, and reflects it', async () => {
    const el = await methodology(feed);
    const details = shadow(el).querySelector('details')!;
    const toggled = () => new Promise((done) => details.addEventListener('toggle', done, { once: true }));
    shadow(el).querySelector('summary')!.focus();
    let toggle = toggled();
    await sendKeys({ press: 'Enter' });
    await toggle;
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    toggle = toggled();
    await sendKeys({ press: 'Space' });
    await toggle;
    expect(el.open).to.equal(false);
  });

  it('speaks Spanish', async () => {
    const el = await methodology(feed, { open: '', lang: 'es' });
    expect(text(shadow(el), 'summary')).to.equal('Acerca de estos datos Datos al 15 de enero de 2025');
    expect(items(shadow(el), 'Cómo se protege la privacidad')[0]).to.equal(
      'Los conteos de 1 a 10 se ocultan para proteger la privacidad; otros conteos también se ocultan para que los pequeños no puedan deducirse.');
    expect(text(shadow(el), 'dt:nth-of-type(7)')).to.equal('Contacto con víctimas anteriores');
  });

  it('reserves the height of its closed state before the data arrives, on a phone as on a desktop', async () => {
    for (const width of [320, 800]) {
      const [before, after] = await heightsBeforeAndAfterLoad('daylight-methodology', {}, width);
      expect(before).to.be.at.least(70);
      expect(after, `at ${width} px`).to.equal(before);
    }
  });
});
