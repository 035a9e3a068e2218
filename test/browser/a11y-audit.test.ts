/**
 * The WCAG 2.1 AA audit of the whole kit, in a real Chromium: axe (wcag2a, wcag2aa, wcag21a,
 * wcag21aa) for every element in both themes and both languages, then what axe cannot judge —
 * contrast computed from the colours the browser actually rendered (text 4.5:1, graphical
 * objects and focus rings 3:1, 1.4.3 and 1.4.11), reflow at 320 CSS px (1.4.10; the same width as
 * a 640 px window at 200% zoom), a visible focus indicator on every focus stop (2.4.7), and the
 * dashboard's Tab order (2.4.3). docs/accessibility.md cites these tests by name.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { DaylightDashboard } from '../../src/elements/dashboard/dashboard.js';
import type { Feed } from '../../src/core/types.js';
import { dashboardRendered, fixtureFeed, nextFrames, settled, shadow } from './helpers.js';

declare global {
  interface Window { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }
}

const AXE: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };
const PHL_BOUNDARIES = '/test/fixtures/real/phl_police_districts.geojson';
/** The page behind the widgets in each theme: widgets paint their own surface, so either works. */
const PAGE = { light: '#ffffff', dark: '#0d1117' } as const;

type Theme = 'light' | 'dark';
interface Case {
  name: string;
  fixture: string;
  /** The element(s) inside a <daylight-feed>, as a template. */
  tag: string;
  attributes: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'kpi', fixture: 'small-city.json', tag: 'daylight-kpi', attributes: { metric: 'incidents' } },
  { name: 'kpi (hidden value)', fixture: 'small-city.json', tag: 'daylight-kpi', attributes: { metric: 'incidents', period: '2026-09' } },
  { name: 'trend', fixture: 'small-city.json', tag: 'daylight-trend', attributes: { metric: 'incidents' } },
  { name: 'trend (share, unstable)', fixture: 'small-city.json', tag: 'daylight-trend', attributes: { metric: 'coresponse_share' } },
  { name: 'breakdown', fixture: 'services.json', tag: 'daylight-breakdown', attributes: { metric: 'referrals', by: 'service', compare: 'previous' } },
  { name: 'distribution', fixture: 'services.json', tag: 'daylight-distribution', attributes: { metric: 'time_on_scene', by: 'call_type', buckets: 'time_on_scene_buckets' } },
  { name: 'funnel', fixture: 'services.json', tag: 'daylight-funnel', attributes: { metric: 'past_victims_outreach' } },
  { name: 'table', fixture: 'services.json', tag: 'daylight-table', attributes: { metric: 'referrals', by: 'service' } },
  { name: 'methodology (open)', fixture: 'services.json', tag: 'daylight-methodology', attributes: { open: '' } },
  { name: 'filter', fixture: 'services.json', tag: 'daylight-filter', attributes: { 'no-url': '' } },
  { name: 'map', fixture: 'phl-districts.json', tag: 'daylight-map', attributes: { metric: 'incidents', areas: PHL_BOUNDARIES } },
];

/** Mounts a case inside a <daylight-feed> on a page of the theme's colour, in a box `width` wide (or the viewport's). */
async function mountCase(c: Case, theme: Theme, lang: string, width?: number): Promise<HTMLElement> {
  const feed: Feed = await fixtureFeed(c.fixture);
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  host.style.background = PAGE[theme];
  host.style.padding = '8px';
  if (width) host.style.width = `${width}px`;
  const feedEl = document.createElement('daylight-feed') as DaylightFeed;
  feedEl.setAttribute('no-status', '');
  feedEl.feed = feed;
  const el = document.createElement(c.tag);
  for (const [name, value] of Object.entries(c.attributes)) el.setAttribute(name, value);
  el.setAttribute('theme', theme);
  feedEl.append(el);
  host.append(feedEl);
  await feedEl.updateComplete;
  await settled(el);
  await nextFrames();
  await settled(el);
  const map = el as HTMLElement & { mapReady?: Promise<void> };
  if (map.mapReady) await map.mapReady;
  return el;
}

async function axeViolations(el: Element): Promise<string[]> {
  const results = await window.axe.run(el, AXE);
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

// --- Colour ---------------------------------------------------------------------------------------

type RGBA = [number, number, number, number];

function parseColour(value: string): RGBA | undefined {
  const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/.exec(value);
  if (m) {
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  }
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved === value ? undefined : parseColour(resolved);
}

function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: RGBA): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The parent across shadow boundaries and slots (the rendered tree). */
function composedParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The colour behind an element: its and its ancestors' backgrounds, composited down to the page. */
function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const colour = parseColour(getComputedStyle(node).backgroundColor);
    if (colour && colour[3] > 0) {
      layers.push(colour);
      if (colour[3] >= 1) break;
    }
  }
  let result: RGBA = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

/** Every element in the element's rendered tree, shadow roots included. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return out;
}

function isShown(el: Element): boolean {
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return false;
  const rect = el.getBoundingClientRect();
  // Visually hidden text (1×1 px, clipped) is for screen readers and has no colour to judge.
  return rect.width > 2 && rect.height > 2 && el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false;
}

interface ContrastFailure { what: string; ratio: number; needed: number }

/** Text contrast of every element that has its own visible text. */
function textContrastFailures(root: Element): ContrastFailure[] {
  const failures: ContrastFailure[] = [];
  for (const el of [root, ...deepElements(shadow(root))]) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!ownText || !isShown(el)) continue;
    if (el.closest('.leaflet-control-attribution')) continue;
    const style = getComputedStyle(el);
    const svgText = el instanceof SVGElement;
    const fg = parseColour(svgText ? style.fill : style.color);
    if (!fg) continue;
    const bg = backgroundOf(svgText ? (el.closest('svg')?.parentElement ?? el) : el);
    const ratio = contrast(over(fg, bg), bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    if (ratio < needed) failures.push({ what: `${el.localName}.${[...el.classList].join('.')} "${el.textContent!.trim().slice(0, 30)}"`, ratio, needed });
  }
  return failures;
}

/** The graphical objects residents need to read each chart, with the colour that draws them. */
function graphicalObjects(root: Element): Array<{ what: string; colour: RGBA; against: RGBA }> {
  const out: Array<{ what: string; colour: RGBA; against: RGBA }> = [];
  const r = shadow(root);
  const add = (what: string, el: Element, property: 'backgroundColor' | 'stroke' | 'fill' | 'borderTopColor', against?: Element) => {
    const colour = parseColour(getComputedStyle(el)[property]);
    if (colour && colour[3] > 0) out.push({ what, colour, against: backgroundOf(against ?? el.parentElement ?? el) });
  };
  r.querySelectorAll('.bar').forEach((el) => add('bar', el, 'backgroundColor', el.closest('.track') ?? undefined));
  r.querySelectorAll('.hatch').forEach((el) => add('hidden-value hatch', el, 'borderTopColor', el.closest('.track') ?? undefined));
  r.querySelectorAll('svg .line').forEach((el) => add('trend line', el, 'stroke', el.closest('.plot') ?? undefined));
  r.querySelectorAll('svg circle.dot').forEach((el) => add('trend point', el, 'fill', el.closest('.plot') ?? undefined));
  r.querySelectorAll('svg circle.unstable').forEach((el) => add('unstable point', el, 'stroke', el.closest('.plot') ?? undefined));
  r.querySelectorAll('.suppressed-marker rect').forEach((el) => add('hidden-period marker', el, 'stroke', el.closest('.plot') ?? el.closest('.legend') ?? undefined));
  // Quantile markers are shapes (filled dot, bar, open ring): the open ring is drawn by its border.
  r.querySelectorAll('.scale .marker.median, .scale .marker.upper').forEach((el) => add('quantile marker', el, 'backgroundColor', el.closest('.scale') ?? undefined));
  r.querySelectorAll('.scale .marker.lower').forEach((el) => add('lower quantile ring', el, 'borderTopColor', el.closest('.scale') ?? undefined));
  r.querySelectorAll('.leaflet-overlay-pane path[data-area]').forEach((el) => add('area outline', el, 'stroke', el.closest('.map') ?? undefined));
  return out;
}

/** The element (through shadow roots) that has focus. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The colour of the focused element's focus indicator, judged against what is behind it, or undefined when there is none. */
function focusIndicator(el: Element): { colour: RGBA; against: RGBA; width: number } | undefined {
  const style = getComputedStyle(el);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
    const colour = parseColour(style.outlineColor);
    if (colour) return { colour, against: backgroundOf(composedParent(el) ?? el), width: parseFloat(style.outlineWidth) };
  }
  // A chart point draws its focus as a thick stroke around its mark (or is the mark itself).
  const mark = el.matches('circle, rect') ? el : el.querySelector('circle, rect');
  if (el instanceof SVGElement && mark) {
    const markStyle = getComputedStyle(mark);
    const colour = parseColour(markStyle.stroke);
    if (colour && parseFloat(markStyle.strokeWidth) >= 2) return { colour, against: backgroundOf(el.closest('svg')!.parentElement!), width: parseFloat(markStyle.strokeWidth) };
  }
  return undefined;
}

function describe_(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host;
  const name = el.getAttribute('aria-label') ?? el.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? '';
  return `${host?.localName ?? 'page'} ${el.localName}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${name}"`;
}

/** Tabs from a button placed before `start` until focus leaves `within`; the focused elements in order. */
async function tabStops(before: HTMLElement, within: Element, max = 120, atStop?: (stop: Element) => void): Promise<Element[]> {
  before.focus();
  const stops: Element[] = [];
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (!active || !isInside(active, within)) break;
    stops.push(active);
    atStop?.(active);
  }
  return stops;
}

/** Asserts, while `stop` has keyboard focus, that it shows a focus indicator with 3:1 contrast. */
function expectVisibleFocus(stop: Element): void {
  const ring = focusIndicator(stop);
  expect(ring, `visible focus on ${describe_(stop)}`).to.not.equal(undefined);
  expect(contrast(over(ring!.colour, ring!.against), ring!.against), `focus contrast on ${describe_(stop)}`).to.be.at.least(3);
}

function isInside(node: Element, container: Element): boolean {
  for (let n: Element | null = node; n; n = composedParent(n)) if (n === container) return true;
  return false;
}

// --- Tests ----------------------------------------------------------------------------------------

describe('accessibility audit (WCAG 2.1 AA)', function () {
  this.timeout(60000);

  for (const c of CASES) {
    for (const theme of ['light', 'dark'] as const) {
      for (const lang of ['en', 'es']) {
        it(`${c.name}: axe finds no wcag2a/2aa/21a/21aa violation (${theme}, ${lang})`, async () => {
          const el = await mountCase(c, theme, lang, 640);
          expect(await axeViolations(el)).to.deep.equal([]);
          // The table alternative too, where the element has one.
          const toggle = shadow(el).querySelector<HTMLButtonElement>('button[part=toggle]');
          if (toggle) {
            toggle.click();
            await settled(el);
            await nextFrames();
            expect(await axeViolations(el), 'as a table').to.deep.equal([]);
          }
        });
      }

      it(`${c.name}: text contrast is at least 4.5:1 (3:1 large) in the ${theme} theme, from rendered colours`, async () => {
        const el = await mountCase(c, theme, 'en', 640);
        expect(textContrastFailures(el)).to.deep.equal([]);
      });

      it(`${c.name}: chart marks and focus rings have at least 3:1 contrast in the ${theme} theme`, async () => {
        const el = await mountCase(c, theme, 'en', 640);
        const failures = graphicalObjects(el)
          .map((g) => ({ what: g.what, ratio: contrast(over(g.colour, g.against), g.against) }))
          .filter((g) => g.ratio < 3);
        expect(failures).to.deep.equal([]);
        const before = document.createElement('button');
        before.textContent = 'before';
        el.parentElement!.before(before);
        const stops = await tabStops(before, el, 30, expectVisibleFocus);
        before.remove();
        expect(stops.length, 'focus stops').to.be.greaterThan(0);
      });
    }
  }

  it('the contrast checker itself fails a pale token (so a pass above means something)', async () => {
    const el = await mountCase(CASES[4]!, 'light', 'en', 640);
    el.style.setProperty('--daylight-color-muted', '#b0b0b0');
    el.style.setProperty('--daylight-color-accent', '#c8d8f0');
    await nextFrames();
    expect(textContrastFailures(el).length).to.be.greaterThan(0);
    expect(graphicalObjects(el).filter((g) => contrast(over(g.colour, g.against), g.against) < 3).length).to.be.greaterThan(0);
  });

  it('reports the contrast figures of the default tokens (for docs/accessibility.md)', async () => {
    const figures: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      const el = await mountCase(CASES[4]!, theme, 'en', 640);
      const card = shadow(el).querySelector('.card')!;
      const surface = backgroundOf(card);
      const read = (name: string) => parseColour(getComputedStyle(card).getPropertyValue(name).trim())!;
      for (const token of ['--_text', '--_muted', '--_accent', '--_suppressed', '--_better', '--_worse', '--_focus', '--_error']) {
        const ratio = contrast(read(token), surface);
        figures.push(`${theme} ${token} ${ratio.toFixed(2)}`);
        expect(ratio, `${theme} ${token}`).to.be.at.least(4.5);
      }
      const subtle = read('--_subtle');
      expect(contrast(read('--_accent'), subtle), `${theme} accent on track`).to.be.at.least(3);
    }
    console.log(figures.join('\n'));
  });

  it('a trend tooltip shown by hover is dismissed by Escape without moving the pointer (1.4.13), and by keyboard focus too', async () => {
    const el = await mountCase(CASES[2]!, 'light', 'en', 640);
    const svg = shadow(el).querySelector('svg[part=chart]')!;
    const box = svg.getBoundingClientRect();
    svg.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, composed: true }));
    await settled(el);
    expect(shadow(el).querySelector('[part=tooltip]'), 'shown on hover').to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(shadow(el).querySelector('[part=tooltip]'), 'dismissed by Escape').to.equal(null);
    // By keyboard: focusing a point shows its tooltip; Escape hides it and focus stays.
    const point = shadow(el).querySelector<SVGElement>('.point[tabindex="0"]')!;
    point.focus();
    await settled(el);
    expect(shadow(el).querySelector('[part=tooltip]')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(shadow(el).querySelector('[part=tooltip]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(point);
  });

  it('respects prefers-reduced-motion: no bar transitions, no loading shimmer', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mountCase(CASES[4]!, 'light', 'en', 640);
      const bar = shadow(el).querySelector('.bar')!;
      expect(getComputedStyle(bar).transitionDuration).to.equal('0s');
      // A KPI whose feed is still on its way (the test server answers after a delay) shows the skeleton.
      const slowFeed = document.createElement('daylight-feed') as DaylightFeed;
      slowFeed.setAttribute('src', `/__test/feed?fixture=small-city.json&delay=1500&key=motion-${Math.random()}`);
      slowFeed.setAttribute('no-status', '');
      const loading = document.createElement('daylight-kpi');
      loading.setAttribute('metric', 'incidents');
      slowFeed.append(loading);
      el.parentElement!.parentElement!.append(slowFeed);
      await slowFeed.updateComplete;
      await (loading as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const skeleton = shadow(loading).querySelector('.skeleton')!;
      expect(getComputedStyle(skeleton).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  describe('reflow at 320 CSS px (a 640 px window at 200% zoom)', () => {
    before(async () => { await setViewport({ width: 320, height: 640 }); });
    after(async () => { await setViewport({ width: 800, height: 600 }); });

    for (const c of CASES) {
      it(`${c.name}: no horizontal scrolling at 320 px`, async () => {
        const el = await mountCase(c, 'light', 'es', undefined);
        el.parentElement!.parentElement!.style.padding = '0';
        await nextFrames();
        await settled(el);
        expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
        const card = shadow(el).querySelector<HTMLElement>('[part=base]')!;
        expect(card.scrollWidth, 'card content width').to.be.at.most(card.clientWidth + 1);
        // Every visible piece of text stays inside the card (data tables may scroll inside their own box).
        const right = card.getBoundingClientRect().right + 1;
        const outside = deepElements(shadow(el))
          .filter((e) => isShown(e) && !e.closest('.table-wrap, .leaflet-pane, .leaflet-control-container'))
          .filter((e) => e.getBoundingClientRect().right > right)
          .map((e) => describe_(e));
        expect(outside).to.deep.equal([]);
      });
    }
  });

  for (const [theme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'es'], ['dark', 'es']] as const) {
    it(`the whole dashboard, on a light city page, passes axe and text contrast in the ${theme} theme (${lang})`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 1000px; background: #f6f7f9"></div>`);
      const el = document.createElement('daylight-dashboard');
      el.now = new Date('2025-02-01T00:00:00Z');
      el.src = '/demo/feeds/sample-city.json';
      el.setAttribute('param-prefix', `c${theme}${lang}-`);
      el.setAttribute('theme', theme);
      host.append(el);
      await dashboardRendered(el);
      const original = location.href;
      try {
        expect(textContrastFailures(el)).to.deep.equal([]);
        expect(await axeViolations(el)).to.deep.equal([]);
      } finally {
        history.replaceState(history.state, '', original);
      }
    });
  }

  describe('the dashboard by keyboard only (sample city)', () => {
    async function dashboard(): Promise<DaylightDashboard> {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><button id="before">before</button></div>`);
      const el = document.createElement('daylight-dashboard');
      el.now = new Date('2025-02-01T00:00:00Z');
      el.src = '/demo/feeds/sample-city.json';
      el.setAttribute('param-prefix', 'kb-');
      host.append(el);
      await dashboardRendered(el);
      return el;
    }

    it('Tab visits the contents, the filter, then each widget in reading order, each with a visible focus ring', async () => {
      const original = location.href;
      const el = await dashboard();
      try {
        const before = el.parentElement!.querySelector<HTMLButtonElement>('#before')!;
        const stops = await tabStops(before, el, 200, expectVisibleFocus);
        // Which widget each stop belongs to, consecutive repeats folded: the order a keyboard user meets them.
        const hostElements = stops.map((s) => (s.getRootNode() as ShadowRoot).host).filter((h, i, all) => h !== all[i - 1]);
        const hosts = hostElements.map((host) => (host === el ? 'dashboard' : host.localName.replace('daylight-', '')));
        expect(hosts).to.deep.equal([
          'dashboard', 'filter',
          'kpi', 'trend', 'breakdown', // Do police co-respond?
          'kpi', 'kpi', 'kpi', 'kpi', 'trend', 'distribution', 'breakdown', 'funnel', // How did we respond?
          'funnel', // Past victims
          'methodology',
        ]);
        // The dashboard's own stops are the four contents links, in section order.
        const contents = stops.filter((s) => (s.getRootNode() as ShadowRoot).host === el).map((s) => s.textContent!.trim());
        const sectionTitles = [...shadow(el).querySelectorAll('.section-title')].map((h) => h.textContent!.trim());
        expect(contents).to.deep.equal(sectionTitles);
        expect(contents).to.have.length(4);
        // The filter: area, then period.
        const filterStops = stops.filter((s) => (s.getRootNode() as ShadowRoot).host.localName === 'daylight-filter').map((s) => s.localName);
        expect(filterStops.slice(0, 2)).to.deep.equal(['select', 'select']);
        // Focus order follows visual order: each stop is below, or level with and right of, the previous widget's top.
        let lastTop = -Infinity;
        for (const stop of stops) {
          const host = (stop.getRootNode() as ShadowRoot).host as HTMLElement;
          const top = Math.round((host === el ? stop : host).getBoundingClientRect().top + scrollY);
          expect(top, describe_(stop)).to.be.at.least(lastTop - 400);
          lastTop = Math.max(lastTop, top);
        }
        // No keyboard trap: Tab left the dashboard after its last stop.
        expect(stops.length).to.be.lessThan(200);
      } finally {
        history.replaceState(history.state, '', original);
      }
    });
  });
});
