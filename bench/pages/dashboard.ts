import '../../src/index.js';
import { markPainted } from './series.js';

// A full <daylight-dashboard> on the Philadelphia demo feed (served next to this page), map included.
const dashboard = document.createElement('daylight-dashboard');
dashboard.setAttribute('src', 'feeds/philadelphia.json');
const host = document.getElementById('charts')!;
host.style.display = 'block';
host.append(dashboard);
type Lit = Element & { updateComplete?: Promise<unknown>; loaded?: Promise<unknown>; mapReady?: Promise<unknown> };
const all = (root: Document | ShadowRoot): Lit[] => [...root.querySelectorAll('*')].flatMap((el) => [el as Lit, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
const done = () => {
  const els = all(document);
  const feeds = els.filter((el) => el.localName === 'daylight-feed');
  if (!feeds.length) return false;
  if (els.some((el) => el.shadowRoot?.querySelector('[part=status][role=status]')?.textContent?.includes('Loading'))) return false;
  const trends = els.filter((el) => el.localName === 'daylight-trend');
  return trends.length > 0 && trends.every((t) => t.shadowRoot?.querySelector('svg[part=chart]'));
};
const wait = async () => {
  if (!done()) { requestAnimationFrame(wait); return; }
  await Promise.all(all(document).filter((el) => el.localName === 'daylight-map').map((m) => m.mapReady));
  await Promise.all(all(document).map((el) => el.updateComplete));
  markPainted();
};
requestAnimationFrame(wait);
