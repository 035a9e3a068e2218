import { DaylightFeed } from './feed.js';

if (!customElements.get('daylight-feed')) customElements.define('daylight-feed', DaylightFeed);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-feed': DaylightFeed;
  }
}
