import { createContext } from '@lit/context';
import type { Feed } from '../../core/types.js';
import type { PrivacyFault } from '../../core/privacy.js';
import type { FeedError } from './loader.js';

/** What <daylight-feed> provides to the elements inside it. */
export type FeedState =
  | { status: 'loading'; src?: string }
  | { status: 'ready'; feed: Feed; faults: PrivacyFault[]; src?: string }
  | { status: 'error'; error: FeedError; src?: string };

export const feedContext = createContext<FeedState | undefined>(Symbol('daylight-feed'));

/** The area and period a <daylight-filter> (or a map click) selected, shared with siblings. */
export interface FeedSelection {
  area?: string;
  period?: string;
}

export const selectionContext = createContext<FeedSelection | undefined>(Symbol('daylight-selection'));
