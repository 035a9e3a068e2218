/**
 * The Daylight render page's body: 8 trends inside a feed, and the painted mark. Shared by the page
 * built from source (daylight.ts) and the one that loads the CDN bundle (daylight-cdn.ts); each
 * defines the elements first.
 */
import { boxes, daylightFeed, markPainted, SERIES } from './series.js';

export function showTrends(): void {
  const feed = document.createElement('daylight-feed');
  feed.setAttribute('no-status', '');
  feed.feed = daylightFeed();
  const chartBoxes = boxes();
  // Build the charts off the document and connect them once, inside their feed, as a page's own
  // markup is: a trend connected before its <daylight-feed> first draws a loading state, a render no
  // real page pays.
  document.getElementById('charts')!.remove();
  const trends = chartBoxes.map((box, i) => {
    const trend = document.createElement('daylight-trend');
    trend.setAttribute('metric', SERIES[i]!.id);
    trend.setAttribute('height', '200');
    box.append(trend);
    return trend;
  });
  feed.append(chartBoxes[0]!.parentElement!);
  document.body.append(feed);
  // A trend draws its chart once it knows its width, in its ResizeObserver callback (observing from
  // its first update). This page's own observer, created after those first updates, is called after
  // theirs in the same rendering step, by which time they have drawn: done when all 8 have their
  // line, painted in this frame.
  const hasLine = (t: Element) => Boolean(t.shadowRoot?.querySelector('svg[part=chart] path'));
  // `?until=points`: the mark waits until every point is its own focusable element too, which the
  // trends build in the first idle moment after their first paint (a task, so two frames from there).
  const untilPoints = new URLSearchParams(location.search).get('until') === 'points';
  const drawn = (inRenderingStep: boolean) => {
    if (!untilPoints) { markPainted(inRenderingStep); return; }
    void Promise.all(trends.map((t) => t.updateComplete)).then(() => {
      if (!trends.every((t) => t.shadowRoot?.querySelector('.point'))) throw new Error('bench: a trend has no point elements');
      markPainted();
    });
  };
  // Fallback, should a trend draw later than that: poll each frame, and count two frames from there.
  let polling = false;
  const poll = () => requestAnimationFrame(() => (trends.every(hasLine) ? drawn(false) : poll()));
  Promise.all(trends.map((t) => t.updateComplete)).then(() => {
    if (trends.every(hasLine)) { drawn(false); return; }
    const observer = new ResizeObserver(() => queueMicrotask(() => {
      if (polling) return;
      observer.disconnect();
      if (trends.every(hasLine)) drawn(true);
      else { polling = true; poll(); }
    }));
    for (const t of trends) observer.observe(t);
  });
}
