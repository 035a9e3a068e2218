import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../server/static-server.ts';

/**
 * The demo, built as a city would host it, served with the strictest policy a city site uses:
 * no inline scripts or styles, no eval. Any violation is a failure, in the page and inside a
 * sandboxed iframe on another origin (how pages are embedded in CMS "embed" blocks).
 */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const root = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let site: StaticServer;
let embedder: StaticServer;
let browser: Browser;

async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name();
  // the functions passed to evaluate() run in the page, where that helper must exist too.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => { if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text()); });
  return violations;
}

/**
 * Waits until every feed on the page (through shadow roots: a dashboard holds its own) has
 * settled, every element has rendered and every map has drawn; returns what was drawn.
 */
async function rendered(frame: { evaluate: Page['evaluate'] }): Promise<{ kpiValues: string[]; trendPaths: number; feeds: string[]; maps: number }> {
  return frame.evaluate(async () => {
    await customElements.whenDefined('daylight-feed');
    type Lit = Element & { updateComplete?: Promise<unknown>; loaded?: Promise<{ status: string }>; mapReady?: Promise<void>; src?: string };
    const all = (root: Document | ShadowRoot): Lit[] => [...root.querySelectorAll('*')].flatMap((el) => [el as Lit, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    // Stories include a feed that never answers, on purpose.
    const feeds = () => all(document).filter((el) => el.localName === 'daylight-feed' && !String(el.src).includes('never'));
    const states = await Promise.all(feeds().map((feed) => feed.loaded!));
    await Promise.all(all(document).filter((el) => el.updateComplete).map((el) => el.updateComplete));
    const settledStates = await Promise.all(feeds().map((feed) => feed.loaded!));
    await Promise.all(all(document).filter((el) => el.updateComplete).map((el) => el.updateComplete));
    const maps = all(document).filter((el) => el.localName === 'daylight-map');
    await Promise.all(maps.map((map) => map.mapReady));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const kpis = all(document).filter((el) => el.localName === 'daylight-kpi');
    const trends = all(document).filter((el) => el.localName === 'daylight-trend');
    return {
      feeds: [...states, ...settledStates].map((s) => s.status),
      kpiValues: kpis.map((k) => k.shadowRoot?.querySelector('[part=value]')?.textContent?.trim() ?? ''),
      trendPaths: trends.filter((t) => (t.shadowRoot?.querySelector('[part=line]')?.getAttribute('d') ?? '').length > 0).length,
      maps: maps.filter((m) => m.shadowRoot?.querySelector('.leaflet-container')).length,
    };
  });
}

describe('strict Content-Security-Policy', () => {
  before(async () => {
    const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--config', 'vite.demo.config.ts'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, `demo build failed:\n${build.stdout}\n${build.stderr}`);
    site = await serveStatic(`${root}dist-demo`, { 'content-security-policy': STRICT_CSP, 'access-control-allow-origin': '*' });
    embedder = await serveStatic(`${root}dist-demo`, { 'content-security-policy': `default-src 'self'; frame-src ${site.url}` }, (path) =>
      path === '/embed.html'
        ? { type: 'text/html', body: `<!doctype html><title>Embed</title><iframe sandbox="allow-scripts" width="900" height="1400" title="Daylight demo" src="${site.url}/index.html"></iframe>` }
        : undefined);
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close();
    await site?.close();
    await embedder?.close();
  });

  const pages = readdirSync(new URL('../../demo/', import.meta.url)).filter((f) => f.endsWith('.html'));

  for (const pageName of pages) {
    it(`renders demo/${pageName} fully with zero CSP violations`, { timeout: 60_000 }, async () => {
      const page = await browser.newPage();
      const violations = await collectViolations(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${site.url}/${pageName}`, { waitUntil: 'load' });
      const result = await rendered(page);
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
      assert.ok(result.feeds.length > 0, 'no feed on the page');
      // The stories page shows failing feeds on purpose; every other page must load all of its feeds.
      if (pageName !== 'stories.html') {
        assert.ok(result.feeds.every((s) => s === 'ready'), `feeds: ${result.feeds}`);
        assert.ok(result.kpiValues.every((v) => v.length > 0), `KPI values: ${result.kpiValues}`);
      }
      await page.close();
    });
  }

  it('draws the dashboard (KPIs, trends and the lazily loaded Leaflet map) under the strict policy', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const violations = await collectViolations(page);
    await page.goto(`${site.url}/index.html?feed=philadelphia`, { waitUntil: 'load' });
    const result = await rendered(page);
    assert.deepEqual(violations, []);
    assert.ok(result.kpiValues.length >= 2 && result.trendPaths >= 1, JSON.stringify(result));
    assert.equal(result.maps, 1);
    await page.close();
  });

  it('draws the dashboard in Spanish, whose messages load on demand, under the strict policy', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const violations = await collectViolations(page);
    await page.goto(`${site.url}/index.html?feed=philadelphia&lang=es`, { waitUntil: 'load' });
    const result = await rendered(page);
    assert.deepEqual(violations, []);
    assert.ok(result.kpiValues.length >= 2 && result.trendPaths >= 1, JSON.stringify(result));
    const said = await page.evaluate(() => {
      const text = (root: Document | ShadowRoot): string => [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? text(el.shadowRoot) : '')).join(' ') + (root instanceof ShadowRoot ? root.textContent ?? '' : '');
      return text(document);
    });
    // Catalogue words, which only the Spanish file has.
    assert.match(said, /Descargar/);
    assert.doesNotMatch(said, /\bDownload\b/);
    await page.close();
  });

  it('renders inside a sandboxed iframe on another origin, with zero CSP violations', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const violations = await collectViolations(page);
    await page.goto(`${embedder.url}/embed.html`, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f.url().startsWith(site.url));
    assert.ok(frame, 'the iframe did not load');
    await frame.waitForFunction(() => customElements.get('daylight-feed') !== undefined);
    const result = await rendered(frame);
    assert.deepEqual(violations, []);
    assert.ok(result.feeds.every((s) => s === 'ready'), `feeds: ${result.feeds}`);
    assert.ok(result.kpiValues.every((v) => v.length > 0));
    await page.close();
  });
});
