import { DaylightBreakdown } from './breakdown.js';

if (!customElements.get('daylight-breakdown')) customElements.define('daylight-breakdown', DaylightBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-breakdown': DaylightBreakdown;
  }
}
