// Runs inside the iframe of build.test.ts after dist/daylight.js: waits for the feed to load and
// the KPI to render, then tells the test page.
const feed = document.querySelector('daylight-feed');
try {
  await customElements.whenDefined('daylight-feed');
  await feed.loaded;
  await document.querySelector('daylight-kpi').updateComplete;
  parent.postMessage({ ok: true }, '*');
} catch (error) {
  parent.postMessage({ error: String(error) }, '*');
}
