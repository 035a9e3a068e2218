import '../../src/elements/feed/define.js';
import '../../src/elements/trend/define.js';
import { boxes, daylightFeed, markPainted, SERIES } from './series.js';

const feed = document.createElement('daylight-feed');
feed.setAttribute('no-status', '');
feed.feed = daylightFeed();
const trends = boxes().map((box, i) => {
  const trend = document.createElement('daylight-trend');
  trend.setAttribute('metric', SERIES[i]!.id);
  trend.setAttribute('height', '200');
  box.append(trend);
  return trend;
});
const grid = document.getElementById('charts')!;
feed.append(grid);
document.body.append(feed);
// A trend draws once it knows its width (ResizeObserver): done when all 8 have their line.
const drawn = () => trends.every((t) => t.shadowRoot?.querySelector('svg[part=chart] path'));
const wait = () => (drawn() ? markPainted() : requestAnimationFrame(wait));
wait();
