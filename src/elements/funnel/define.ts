import { DaylightFunnel } from './funnel.js';

if (!customElements.get('daylight-funnel')) customElements.define('daylight-funnel', DaylightFunnel);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-funnel': DaylightFunnel;
  }
}
