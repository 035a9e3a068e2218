// A <daylight-feed src=?feed=…> with a KPI and a citywide trend: load + validate + first render.
import '../../src/elements/feed/define.js';
import '../../src/elements/kpi/define.js';
import '../../src/elements/trend/define.js';
import { markPainted } from './series.js';

const marks = window as unknown as { __benchLoaded?: number; __benchStatus?: string };
const feed = document.createElement('daylight-feed');
feed.setAttribute('no-status', '');
feed.setAttribute('timeout', '600000');
feed.setAttribute('src', new URLSearchParams(location.search).get('feed') ?? 'feed.json');
const kpi = document.createElement('daylight-kpi');
kpi.setAttribute('metric', 'incidents');
const trend = document.createElement('daylight-trend');
trend.setAttribute('metric', 'incidents');
const host = document.getElementById('charts')!;
host.append(kpi, trend);
feed.append(host);
document.body.append(feed);
feed.loaded.then((state) => {
  marks.__benchLoaded = performance.now();
  marks.__benchStatus = state.status;
  const wait = () => (trend.shadowRoot?.querySelector('svg[part=chart] path') || state.status !== 'ready' ? markPainted() : requestAnimationFrame(wait));
  wait();
});
