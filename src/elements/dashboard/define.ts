import { DaylightDashboard } from './dashboard.js';

if (!customElements.get('daylight-dashboard')) customElements.define('daylight-dashboard', DaylightDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-dashboard': DaylightDashboard;
  }
}
