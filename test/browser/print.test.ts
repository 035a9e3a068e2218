/**
 * Printing a dashboard for a community meeting: under print media no interactive chrome shows
 * (toggles, download menus, filter selects, contents links), every chart is drawn in black ink
 * with hidden values still hatched, and the methodology — folded on screen — is printed open,
 * then folded again when printing ends.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DaylightDashboard } from '../../src/elements/dashboard/dashboard.js';
import { dashboardRendered, nextFrames, shadow } from './helpers.js';

async function dashboard(): Promise<DaylightDashboard> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 816px"></div>`);
  const el = document.createElement('daylight-dashboard');
  el.now = new Date('2025-02-01T00:00:00Z');
  el.src = '/demo/feeds/sample-city.json';
  el.setAttribute('param-prefix', 'print-');
  el.setAttribute('theme', 'dark');
  host.append(el);
  await dashboardRendered(el);
  return el;
}

function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const child of root.children) {
    out.push(child);
    if (child.shadowRoot) out.push(...deepElements(child.shadowRoot));
    out.push(...deepElements(child));
  }
  return out;
}

const visible = (el: Element) => {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

describe('print', () => {
  afterEach(async () => { await emulateMedia({ media: 'screen' }); });

  it('shows no interactive controls, inks the charts black with hatched hidden values, and prints the methodology open', async () => {
    const original = location.href;
    const el = await dashboard();
    try {
      const methodology = shadow(el).querySelector('daylight-methodology')!;
      const details = () => shadow(methodology).querySelector('details')!;
      expect(details().open, 'folded on screen').to.equal(false);
      const onScreen = deepElements(shadow(el)).filter((e) => e.matches('button, select, input, details.export, nav a') && visible(e));
      expect(onScreen.length, 'controls on screen').to.be.greaterThan(20);

      await emulateMedia({ media: 'print' });
      await nextFrames();
      const controls = deepElements(shadow(el))
        .filter((e) => e.matches('button, select, input, textarea, details.export, nav a'))
        .filter(visible)
        .map((e) => `${(e.getRootNode() as ShadowRoot).host.localName} ${e.localName}.${[...e.classList].join('.')}`);
      expect(controls).to.deep.equal([]);
      expect(details().open, 'methodology open in print').to.equal(true);
      // The text of the open methodology is laid out on the page.
      expect(visible(shadow(methodology).querySelector('.body')!)).to.equal(true);

      // Black ink, whatever the screen theme; hidden values keep their hatching.
      const bars = deepElements(shadow(el)).filter((e) => e.matches('.bar') && visible(e));
      expect(bars.length).to.be.greaterThan(3);
      for (const bar of bars) expect(getComputedStyle(bar).backgroundColor).to.equal('rgb(0, 0, 0)');
      const card = shadow(shadow(el).querySelector('daylight-breakdown')!).querySelector('.card')!;
      expect(getComputedStyle(card).backgroundColor).to.equal('rgb(255, 255, 255)');
      const line = deepElements(shadow(el)).find((e) => e.matches('path.line'))!;
      expect(getComputedStyle(line).stroke).to.equal('rgb(0, 0, 0)');
      for (const hatch of deepElements(shadow(el)).filter((e) => e.matches('.hatch'))) {
        expect(getComputedStyle(hatch).backgroundImage).to.contain('repeating-linear-gradient');
      }

      await emulateMedia({ media: 'screen' });
      await nextFrames();
      expect(details().open, 'folded again after printing').to.equal(false);
    } finally {
      history.replaceState(history.state, '', original);
    }
  });
});
