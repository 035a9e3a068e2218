import { DaylightDistribution } from './distribution.js';

if (!customElements.get('daylight-distribution')) customElements.define('daylight-distribution', DaylightDistribution);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-distribution': DaylightDistribution;
  }
}
