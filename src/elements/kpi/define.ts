import { DaylightKpi } from './kpi.js';

if (!customElements.get('daylight-kpi')) customElements.define('daylight-kpi', DaylightKpi);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-kpi': DaylightKpi;
  }
}
