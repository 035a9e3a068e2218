// The issue 5 elements on one page, on the synthetic Sample City feed used by their tests.
import '../src/elements/feed/define.js';
import '../src/elements/kpi/define.js';
import '../src/elements/filter/define.js';
import '../src/elements/breakdown/define.js';
import '../src/elements/distribution/define.js';
import '../src/elements/funnel/define.js';
import '../src/elements/table/define.js';
import '../src/elements/methodology/define.js';
