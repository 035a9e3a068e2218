import { DaylightMap } from './map.js';

if (!customElements.get('daylight-map')) customElements.define('daylight-map', DaylightMap);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-map': DaylightMap;
  }
}
