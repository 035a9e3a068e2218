/**
 * daylight-kit: importing this module defines every element. Import the classes for
 * subclassing, or the pure helpers (validation, privacy guard, formatting) for your own code.
 */
import './elements/feed/define.js';
import './elements/kpi/define.js';
import './elements/trend/define.js';
import './elements/table/define.js';
import './elements/breakdown/define.js';
import './elements/methodology/define.js';
import './elements/filter/define.js';
import './elements/funnel/define.js';
import './elements/distribution/define.js';
import './elements/map/define.js';
import './elements/dashboard/define.js';

export { DaylightFeed } from './elements/feed/feed.js';
export { DaylightKpi } from './elements/kpi/kpi.js';
export { DaylightTrend } from './elements/trend/trend.js';
export { DaylightTable } from './elements/table/table.js';
export { DaylightBreakdown } from './elements/breakdown/breakdown.js';
export { DaylightMethodology } from './elements/methodology/methodology.js';
export { DaylightFilter, FilterChangeEvent } from './elements/filter/filter.js';
export { DaylightFunnel } from './elements/funnel/funnel.js';
export { DaylightDistribution } from './elements/distribution/distribution.js';
export { DaylightMap } from './elements/map/map.js';
export { DaylightDashboard } from './elements/dashboard/dashboard.js';
export { FeedLoadEvent, FeedErrorEvent, PrivacyFaultEvent, AreaSelectEvent } from './elements/shared/events.js';
export { clearFeedCache } from './elements/shared/loader.js';
export type { FeedError, FeedErrorKind } from './elements/shared/loader.js';
export { validateFeed } from './core/validate.js';
export type { ValidationIssue, ValidationResult } from './core/validate.js';
export { guardFeed, cellFault } from './core/privacy.js';
export type { PrivacyFault, PrivacyRule } from './core/privacy.js';
export type * from './core/types.js';
