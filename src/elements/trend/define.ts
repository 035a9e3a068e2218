import { DaylightTrend } from './trend.js';

if (!customElements.get('daylight-trend')) customElements.define('daylight-trend', DaylightTrend);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-trend': DaylightTrend;
  }
}
