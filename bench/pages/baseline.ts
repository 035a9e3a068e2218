// No library: the same 8 empty boxes, marked painted as chart.js's page is (two frames after its
// script ran). What every page in this harness pays before drawing anything: navigation, the
// request for the page, its CSS and one module, Playwright's own page script, and frames.
import { boxes, markPainted } from './series.js';

boxes();
markPainted();
