import { DaylightFilter } from './filter.js';

if (!customElements.get('daylight-filter')) customElements.define('daylight-filter', DaylightFilter);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-filter': DaylightFilter;
  }
}
