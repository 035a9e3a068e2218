import { DaylightMethodology } from './methodology.js';

if (!customElements.get('daylight-methodology')) customElements.define('daylight-methodology', DaylightMethodology);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-methodology': DaylightMethodology;
  }
}
