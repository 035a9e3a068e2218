import { expect } from '@open-wc/testing';

/**
 * The published bundle, as a city page would use it: one <script type="module"> tag and nothing
 * else. `npm test` builds dist/ before the browser tests run (scripts/check-build.mjs).
 */
describe('the built bundle (dist/daylight.js)', () => {
  it('defines every element when loaded from a plain HTML page, and renders a KPI', async () => {
    const head = await fetch('/dist/daylight.js', { method: 'HEAD' });
    expect(head.ok, 'dist/daylight.js is missing: run `npm run build` (npm test does this first)').to.equal(true);
    const frame = document.createElement('iframe');
    frame.style.width = '600px';
    const ready = new Promise<void>((resolve, reject) => {
      window.addEventListener('message', function onMessage(event: MessageEvent) {
        if (event.source !== frame.contentWindow) return;
        window.removeEventListener('message', onMessage);
        if (event.data?.error) reject(new Error(event.data.error));
        else resolve();
      });
    });
    // The page under test has only markup and the module tag; the probe script that reports back
    // is separate so that the bundle itself is loaded exactly as a city would load it.
    frame.srcdoc = `<!doctype html><html lang="en"><body>
      <daylight-feed src="/test/fixtures/feeds/small-city.json"><daylight-kpi metric="incidents"></daylight-kpi></daylight-feed>
      <script type="module" src="/dist/daylight.js"></script>
      <script type="module" src="/test/browser/build-probe.js"></script>
    </body></html>`;
    document.body.append(frame);
    await ready;
    const win = frame.contentWindow as Window & typeof globalThis;
    for (const tag of ['daylight-feed', 'daylight-kpi', 'daylight-trend']) {
      expect(win.customElements.get(tag), tag).to.not.equal(undefined);
    }
    const kpi = win.document.querySelector('daylight-kpi')!;
    expect(kpi.shadowRoot!.querySelector('[part=value]')!.textContent!.trim()).to.equal('31');
    frame.remove();
  });
});
