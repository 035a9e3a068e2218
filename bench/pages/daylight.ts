// Daylight's elements bundled from source with the page, as a city's own build would (tree-shaken).
import '../../src/elements/feed/define.js';
import '../../src/elements/trend/define.js';
import { showTrends } from './trends-page.js';

showTrends();
