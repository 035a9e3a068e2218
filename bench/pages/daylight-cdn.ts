// The same page with the whole kit from the CDN bundle (dist/daylight.js, served as /cdn/daylight.js
// and left out of this page's build), as a city page that pastes the kit's script tag loads it.
import '/cdn/daylight.js';
import { showTrends } from './trends-page.js';

showTrends();
