import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DaylightTrend } from '../../src/elements/trend/trend.js';
import type { Feed } from '../../src/core/types.js';
import { fixtureFeed, holdIdleCallbacks, nextFrames, shadow } from './helpers.js';

async function trend(feed: Feed, attributes: Record<string, string> = {}, width = 640, hostStyle = ''): Promise<DaylightTrend> {
  const host = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px; ${hostStyle}`}></div>`);
  const el = document.createElement('daylight-trend');
  el.setAttribute('metric', 'incidents');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.feed = feed;
  host.append(el);
  await el.updateComplete;
  await nextFrames();
  await el.updateComplete;
  return el;
}

const points = (el: DaylightTrend) => [...shadow(el).querySelectorAll<SVGElement>('.point')];

describe('<daylight-trend>', () => {
  let feed: Feed;
  beforeEach(async () => { feed = await fixtureFeed(); });

  it('is accessible as a chart and as a table', async () => {
    const el = await trend(feed);
    await expect(el).to.be.accessible();
    el.showTable = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('draws its chart in the first render with data when the feed arrives after the page has laid out', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
    const el = document.createElement('daylight-trend');
    el.setAttribute('metric', 'incidents');
    host.append(el);
    await el.updateComplete;
    await nextFrames(); // the page lays out while the feed is still on its way
    const renders: string[] = [];
    // `updated` runs after every render, synchronously: an own property sees each one.
    Object.defineProperty(el, 'updated', { value: () => renders.push(shadow(el).querySelector('svg[part=chart] path') ? 'chart' : 'no chart') });
    el.feed = feed;
    await el.updateComplete;
    expect(renders).to.deep.equal(['chart']);
    expect(shadow(el).querySelector('svg[part=chart]')!.getAttribute('width')).to.equal(String(640 - 2 - 32));
  });

  it('draws nothing while it has no width (a hidden tab, say), keeps its words, and draws once shown', async () => {
    const el = await trend(feed, {}, 500, 'display: none');
    const plot = shadow(el).querySelector('.plot')!;
    expect(plot.querySelector('svg'), 'no chart at 0 px').to.equal(null);
    expect(plot.querySelector('.visually-hidden')!.textContent).to.contain('arrow keys');
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.contain('October 2026');
    el.parentElement!.style.display = 'block';
    await nextFrames();
    await el.updateComplete;
    expect(shadow(el).querySelector('svg[part=chart]')!.getAttribute('width')).to.equal(String(500 - 2 - 32));
    expect(shadow(el).querySelector('svg[part=chart] [part=line]')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+/);
  });

  it('draws one point per period from the first to the last, including months with no data', async () => {
    const el = await trend(feed);
    // 2025-10 .. 2026-10 inclusive is 13 months.
    expect(points(el)).to.have.length(13);
    expect(points(el)[0]!.getAttribute('aria-label')).to.equal('October 2025: 44');
    expect(points(el)[12]!.getAttribute('aria-label')).to.equal('October 2026: 31');
    expect(points(el)[1]!.getAttribute('aria-label')).to.equal('November 2025: no data');
  });

  it('leaves a gap with a marker for a suppressed period instead of drawing zero', async () => {
    const el = await trend(feed);
    const suppressed = points(el).filter((p) => p.classList.contains('suppressed'));
    expect(suppressed.map((p) => p.getAttribute('aria-label'))).to.deep.equal(['September 2026: hidden to protect privacy']);
    expect(suppressed[0]!.querySelector('.suppressed-marker')).to.not.equal(null);
    // The line breaks around the gap: Jul–Aug is one segment; Oct 2026 stands alone, so never joined through September.
    const d = shadow(el).querySelector('[part=line]')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).to.be.greaterThanOrEqual(2);
    expect(shadow(el).querySelector('.legend')!.textContent).to.contain('Hidden: fewer than 11 or could reveal one');
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.contain('1 period is hidden because the count was fewer than 11');
  });

  it('summarises the series in words', async () => {
    const el = await trend(feed);
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.match(
      /^Shooting incidents, Citywide, October 2025 to October 2026\. Latest: 31 in October 2026\. Highest: 44 in October 2025\./,
    );
  });

  it('has one tab stop, arrow keys move between periods, Home/End jump, Escape closes the tooltip', async () => {
    const el = await trend(feed);
    const tabbable = points(el).filter((p) => p.getAttribute('tabindex') === '0');
    expect(tabbable).to.have.length(1);
    // By the keyboard, from the control before the chart: Tab lands on that point, not on the
    // chart or a group around the points (Chromium makes SVG elements with focus listeners Tab stops).
    const focused = () => { const a = shadow(el).activeElement; return a ? `${a.localName} ${a.getAttribute('aria-label') ?? a.getAttribute('class') ?? ''}` : 'outside'; };
    shadow(el).querySelector<HTMLElement>('[part=export-button]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('circle October 2026: 31');
    await sendKeys({ press: 'Tab' });
    expect(focused(), 'the next Tab leaves the chart').to.equal('outside');
    tabbable[0]!.focus();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=tooltip]')!.textContent).to.contain('October 2026');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(shadow(el).activeElement!.getAttribute('aria-label')).to.equal('September 2026: hidden to protect privacy');
    expect(shadow(el).querySelector('[part=tooltip]')!.textContent).to.contain('Hidden');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(shadow(el).activeElement!.getAttribute('aria-label')).to.equal('October 2025: 44');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(shadow(el).activeElement!.getAttribute('aria-label')).to.equal('October 2026: 31');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=tooltip]')).to.equal(null);
  });

  it('toggles to an accessible table whose CSV holds exactly what the table shows', async () => {
    const el = await trend(feed);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('[part=toggle]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Show as chart');
    const table = shadow(el).querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).to.equal('Shooting incidents — Citywide');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(13);
    expect(rows[11]).to.deep.equal(['September 2026', 'Hidden', 'hidden to protect privacy']);
    const csv = el.csvRows();
    expect(csv[0]).to.deep.equal(['Period', 'Value', 'Note']);
    // Published values travel as numbers; anything else carries the same words as the table's value column.
    const csvAsShown = csv.slice(1).map((row) => (row[1] === '' ? String(row[2]) : String(row[1])));
    expect(csvAsShown).to.deep.equal(rows.map((r) => r[1]));
    expect(csv[12]).to.deep.equal(['2026-09', '', 'Hidden']);
  });

  it('fits a 320 px screen without horizontal scrolling', async () => {
    const el = await trend(feed, {}, 320);
    const svgEl = shadow(el).querySelector('svg')!;
    expect(svgEl.getBoundingClientRect().width).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('redraws when its container is resized', async () => {
    const el = await trend(feed, {}, 600);
    const before = Number(shadow(el).querySelector('svg')!.getAttribute('width'));
    el.parentElement!.style.width = '400px';
    await nextFrames();
    await el.updateComplete;
    const after = Number(shadow(el).querySelector('svg')!.getAttribute('width'));
    expect(after).to.be.lessThan(before);
    expect(before - after).to.equal(200);
  });

  it('redraws only its chart for a new width: no update, and its words and menu are the nodes they were', async () => {
    const el = await trend(feed, {}, 600);
    const title = shadow(el).querySelector('[part=title]');
    const menu = shadow(el).querySelector('[part=export]');
    const summary = shadow(el).querySelector('[part=summary]');
    const renders: number[] = [];
    Object.defineProperty(el, 'updated', { value: () => renders.push(1) });
    el.parentElement!.style.width = '450px';
    await nextFrames();
    await el.updateComplete;
    expect(renders, 'no update of the element').to.deep.equal([]);
    expect(shadow(el).querySelector('svg[part=chart]')!.getAttribute('width')).to.equal(String(450 - 2 - 32));
    expect(shadow(el).querySelectorAll('svg[part=chart]').length).to.equal(1);
    expect(shadow(el).querySelector('[part=title]')).to.equal(title);
    expect(shadow(el).querySelector('[part=export]')).to.equal(menu);
    expect(shadow(el).querySelector('[part=summary]')).to.equal(summary);
    // Its points were drawn for the new width too, and still sit on the line's vertices.
    const d = shadow(el).querySelector('[part=line]')!.getAttribute('d')!;
    const lastVertex = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].at(-1)!;
    const lastPoint = points(el).at(-1)!;
    expect(Number(lastPoint.getAttribute('cx'))).to.be.closeTo(Number(lastVertex[1]), 0.01);
    expect(Number(lastPoint.getAttribute('cy'))).to.be.closeTo(Number(lastVertex[2]), 0.01);
  });

  it('says everything again in Spanish when its language changes: title row, menu, keys, axes and summary', async () => {
    const el = await trend(feed);
    const english = shadow(el).textContent!;
    expect(english).to.contain('Download').and.contain('Oct 2026');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    await nextFrames();
    const root = shadow(el);
    expect(root.querySelector('[part=toggle]')!.textContent!.trim()).to.equal('Ver como tabla');
    expect(root.querySelector('[part=toggle]')!.getAttribute('aria-pressed')).to.equal('false');
    expect(root.querySelector('[part=export-button]')!.textContent!.trim()).to.equal('Descargar');
    expect(root.querySelector('[part=export-button]')!.getAttribute('aria-label')).to.match(/^Descargar/);
    expect(root.querySelector('.plot > .visually-hidden')!.textContent).to.contain('flechas');
    expect([...root.querySelectorAll('.x-axis text')].map((t) => t.textContent).join(' ')).to.contain('oct 2026');
    expect(root.querySelector('[part=summary]')!.textContent).to.contain('octubre de 2026');
    expect(root.textContent).to.not.contain('Download');
    await expect(el).to.be.accessible();
  });

  it('shows the last N periods when asked', async () => {
    const el = await trend(feed, { periods: '4' });
    expect(points(el).map((p) => p.getAttribute('aria-label')!.split(':')[0])).to.deep.equal(['July 2026', 'August 2026', 'September 2026', 'October 2026']);
  });

  it('speaks Spanish', async () => {
    const el = await trend(feed, { lang: 'es', periods: '2' });
    expect(points(el)[0]!.getAttribute('aria-label')).to.equal('septiembre de 2026: oculto para proteger la privacidad');
    expect(shadow(el).querySelector('[part=toggle]')!.textContent!.trim()).to.equal('Ver como tabla');
  });

  describe('its points, built once the chart has painted', () => {
    // The page's idle moments, held here so that each test decides when they come.
    const idle = holdIdleCallbacks();
    const runIdle = (ms = 50, didTimeout = false) => {
      const pending = idle.splice(0);
      for (const callback of pending) callback?.({ didTimeout, timeRemaining: () => ms });
      return pending.filter(Boolean).length;
    };

    /** A trend drawn at its width, its point layer not built yet. */
    async function drawn(metric: string): Promise<DaylightTrend> {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
      const el = document.createElement('daylight-trend');
      el.setAttribute('metric', metric);
      el.feed = feed;
      host.append(el);
      await el.updateComplete; // the first render: no width yet, nothing scheduled
      await nextFrames();
      expect(shadow(el).querySelector('svg[part=chart] [part=line]'), 'drawn').to.not.equal(null);
      return el;
    }

    /** Centres of the circles in an SVG path of circles (`M x-r,y a...`), to two decimals. */
    const centres = (d: string | null | undefined) => [...(d ?? '').matchAll(/M([-\d.]+),([-\d.]+)/g)].map((m) => `${(Number(m[1]) + 3.5).toFixed(2)},${Number(m[2]).toFixed(2)}`);
    const circleCentres = (circles: Element[]) => circles.map((c) => `${Number(c.getAttribute('cx')).toFixed(2)},${Number(c.getAttribute('cy')).toFixed(2)}`);

    for (const metric of ['incidents', 'coresponse_share']) {
      it(`first paints its points as shapes, hidden from assistive technology, where the idle moment after puts one element per point (${metric})`, async () => {
        const el = await drawn(metric);
        const shapes = shadow(el).querySelector('.point-shapes')!;
        expect(shapes.getAttribute('aria-hidden')).to.equal('true');
        expect(points(el)).to.have.length(0);
        expect(shapes.querySelector('[tabindex], [aria-label]')).to.equal(null);
        await expect(el).to.be.accessible();
        const dots = centres(shapes.querySelector('path.dot')?.getAttribute('d'));
        const unstable = centres(shapes.querySelector('path.unstable')?.getAttribute('d'));
        const markers = [...shapes.querySelectorAll('.suppressed-marker rect')].map((r) => `${r.getAttribute('x')},${r.getAttribute('y')}`);
        let waited = true;
        const complete = el.updateComplete.then(() => { waited = false; });
        await nextFrames();
        expect(waited, 'updateComplete waits for the points').to.equal(true);

        expect(runIdle()).to.equal(1);
        await complete;
        expect(shadow(el).querySelector('.point-shapes')).to.equal(null);
        expect(points(el).length).to.be.greaterThan(0);
        expect(points(el).every((p) => p.getAttribute('aria-label'))).to.equal(true);
        const circles = points(el).filter((p) => p.localName === 'circle');
        expect(dots).to.deep.equal(circleCentres(circles.filter((c) => c.classList.contains('dot'))));
        expect(unstable).to.deep.equal(circleCentres(circles.filter((c) => c.classList.contains('unstable'))));
        expect(dots.length + unstable.length).to.equal(circles.length);
        expect(markers).to.deep.equal([...shadow(el).querySelectorAll('.points .suppressed-marker rect')].map((r) => `${r.getAttribute('x')},${r.getAttribute('y')}`));
        if (metric === 'incidents') expect(markers).to.have.length(1);
        else expect(unstable.length).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      });
    }

    it('builds the points of several charts in one idle moment, of none in a moment with no time left, and of one when the timeout has come', async () => {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
      const trends = ['incidents', 'incidents', 'coresponse_share'].map((metric) => {
        const el = document.createElement('daylight-trend');
        el.setAttribute('metric', metric);
        el.feed = feed;
        host.append(el);
        return el;
      });
      await Promise.all(trends.map((t) => t.updateComplete));
      await nextFrames();
      expect(idle.filter(Boolean), 'one callback for all three').to.have.length(1);
      expect(runIdle(0)).to.equal(1);
      expect(trends.map((t) => points(t).length > 0), 'no time left').to.deep.equal([false, false, false]);
      expect(runIdle(0, true)).to.equal(1);
      expect(trends.map((t) => points(t).length > 0), 'timed out').to.deep.equal([true, false, false]);
      expect(runIdle()).to.equal(1);
      expect(trends.every((t) => points(t).length > 0), 'built synchronously, in the callback').to.equal(true);
      expect(idle.filter(Boolean)).to.have.length(0);
      await Promise.all(trends.map((t) => t.updateComplete));
    });

    it('holds the points\' tab stop until they are built, and hands focus to the last point', async () => {
      const el = await drawn('incidents');
      const svgEl = shadow(el).querySelector<SVGSVGElement>('svg[part=chart]')!;
      expect(svgEl.getAttribute('tabindex')).to.equal('0');
      // The control before the chart in Tab order: the Download menu's button.
      shadow(el).querySelector<HTMLElement>('[part=export-button]')!.focus();
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(points(el)).to.have.length(13);
      expect(shadow(el).activeElement!.getAttribute('aria-label')).to.equal('October 2026: 31');
      expect(svgEl.hasAttribute('tabindex'), 'the points hold the tab stop now').to.equal(false);
      expect(shadow(el).querySelector('[part=tooltip]')!.textContent).to.contain('October 2026');
      expect(runIdle(), 'the idle callback was cancelled').to.equal(0);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(shadow(el).activeElement!.getAttribute('aria-label')).to.equal('September 2026: hidden to protect privacy');
    });

    it('builds its points at once for a pointer on the chart', async () => {
      const el = await drawn('incidents');
      const svgEl = shadow(el).querySelector('svg[part=chart]')!;
      const box = svgEl.getBoundingClientRect();
      svgEl.dispatchEvent(new PointerEvent('pointermove', { clientX: box.right - 20, clientY: box.top + box.height / 2, bubbles: true, composed: true }));
      await el.updateComplete;
      expect(points(el)).to.have.length(13);
      expect(shadow(el).querySelector('.point.active')!.getAttribute('aria-label')).to.equal('October 2026: 31');
      expect(shadow(el).querySelector('[part=tooltip]')!.textContent).to.contain('October 2026');
      expect(runIdle(), 'the idle callback was cancelled').to.equal(0);
    });

    it('keeps nobody waiting when taken off the page first, and builds its points when put back', async () => {
      const el = await drawn('incidents');
      const host = el.parentElement!;
      el.remove();
      await el.updateComplete;
      expect(runIdle(), 'the idle callback was cancelled').to.equal(0);
      expect(points(el)).to.have.length(0);
      host.append(el);
      await nextFrames();
      expect(runIdle()).to.equal(1);
      await el.updateComplete;
      expect(points(el)).to.have.length(13);
    });

    it('builds them after the next frame where the browser has no requestIdleCallback (Safari)', async () => {
      // @ts-expect-error: Safari's window, which lacks it
      window.requestIdleCallback = undefined;
      const el = await trend(feed);
      expect(points(el)).to.have.length(13);
      expect(shadow(el).querySelector('.point-shapes')).to.equal(null);
    });
  });
});
