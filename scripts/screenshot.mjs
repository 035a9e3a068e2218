#!/usr/bin/env node
// Screenshots a page of the running demo server in Debian's Chromium:
//   node scripts/screenshot.mjs <url> <out.png> [width] [--wait selector] [--lang es] [--dark]
import { chromium } from 'playwright-core';

const [url, out = 'shot.png', width = '1280', ...rest] = process.argv.slice(2);
const flag = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: rest.includes('--dark') ? 'dark' : 'light' });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
await page.goto(url, { waitUntil: 'load' });
if (flag('--lang')) await page.evaluate((lang) => { document.documentElement.lang = lang; }, flag('--lang'));
// Wait for every feed that can finish (the stories include one that never does), then for the
// widgets to render and for ResizeObserver-driven redraws to settle.
await page.evaluate(async () => {
  await customElements.whenDefined('daylight-feed');
  const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  const feeds = all(document).filter((el) => el.localName === 'daylight-feed' && !String(el.src).includes('never'));
  await Promise.all(feeds.map((feed) => feed.loaded));
  await Promise.all(all(document).filter((el) => el.updateComplete).map((el) => el.updateComplete));
  // Maps draw after their lazily loaded Leaflet chunk arrives; each exposes a promise for it.
  await Promise.all(all(document).filter((el) => el.localName === 'daylight-map').map((map) => map.mapReady));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
});
const clip = flag('--clip'); // "y,height": one band of a long page
if (clip) {
  const [y, height] = clip.split(',').map(Number);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y, width: Number(width), height } });
} else {
  await page.screenshot({ path: out, fullPage: true });
}
if (errors.length) console.log(errors.join('\n'));
await browser.close();
