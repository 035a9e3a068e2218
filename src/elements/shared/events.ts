import type { Feed } from '../../core/types.js';
import type { PrivacyFault } from '../../core/privacy.js';
import type { FeedError } from './loader.js';

/** Fired by <daylight-feed> when a feed has loaded and validated. */
export class FeedLoadEvent extends Event {
  static readonly eventName = 'daylight-feed-load';
  constructor(readonly feed: Feed, readonly src: string | undefined) {
    super(FeedLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by <daylight-feed> when a feed failed to load or validate. */
export class FeedErrorEvent extends Event {
  static readonly eventName = 'daylight-feed-error';
  constructor(readonly error: FeedError, readonly src: string | undefined) {
    super(FeedErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired once per feed when cells broke a privacy rule and were hidden. */
export class PrivacyFaultEvent extends Event {
  static readonly eventName = 'daylight-privacy-fault';
  constructor(readonly faults: readonly PrivacyFault[]) {
    super(PrivacyFaultEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a resident selects an area (map click, ranked list, filter). */
export class AreaSelectEvent extends Event {
  static readonly eventName = 'daylight-area-select';
  constructor(readonly area: string | undefined) {
    super(AreaSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'daylight-feed-load': FeedLoadEvent;
    'daylight-feed-error': FeedErrorEvent;
    'daylight-privacy-fault': PrivacyFaultEvent;
    'daylight-area-select': AreaSelectEvent;
  }
}
