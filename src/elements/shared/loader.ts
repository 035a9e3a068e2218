/**
 * Fetches feeds once per URL per page, however many <daylight-feed> elements and widgets ask.
 * Consumers hold a reference; the request is aborted only when the last consumer lets go before
 * it finishes. Failed loads are forgotten so that "Try again" fetches anew; `fresh` (reload())
 * replaces a finished load with a new request.
 *
 * The body is accepted whatever its Content-Type when it parses as JSON: many city CMSs serve
 * .json files as text/plain or application/octet-stream, and the validator, not the header,
 * decides whether it is a feed.
 *
 * Each good feed is also kept as the "last good copy" for its URL (localStorage, when the page
 * may use it and the feed fits), with the time it was saved, so that <daylight-feed> can show it,
 * marked as an offline copy, when a later load fails.
 */
import { validateFeed, type ValidationIssue } from '../../core/validate.js';
import type { Feed } from '../../core/types.js';

export type FeedErrorKind = 'network' | 'http' | 'timeout' | 'not-json' | 'schema' | 'aborted';

export interface FeedError {
  kind: FeedErrorKind;
  url?: string;
  status?: number;
  statusText?: string;
  /** For `not-json`: the first characters of the body, to show what was served instead. */
  bodyStart?: string;
  /** For `schema`: the validator's issues. */
  issues?: ValidationIssue[];
  timeoutMs?: number;
}

export class FeedLoadError extends Error {
  constructor(readonly detail: FeedError) {
    super(`daylight-feed: ${detail.kind} error loading ${detail.url ?? 'feed'}`);
  }
}

interface Entry {
  promise: Promise<Feed>;
  controller: AbortController;
  refs: number;
  settled: boolean;
}

const entries = new Map<string, Entry>();

/** Default time to wait for a feed before giving up. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface FeedHandle {
  promise: Promise<Feed>;
  /** Says this consumer no longer needs the result; aborts the request if nobody else does. */
  release(): void;
}

export function acquireFeed(url: string, timeoutMs = DEFAULT_TIMEOUT_MS, fresh = false): FeedHandle {
  let entry = entries.get(url);
  // A reload replaces a finished load; one still in flight is shared (it is fresh already).
  if (fresh && entry?.settled) {
    entries.delete(url);
    entry = undefined;
  }
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, refs: 0, settled: false, promise: Promise.resolve() as unknown as Promise<Feed> };
    created.promise = fetchFeed(url, controller, timeoutMs).then(
      (feed) => { created.settled = true; return feed; },
      (error: unknown) => {
        created.settled = true;
        if (entries.get(url) === created) entries.delete(url);
        throw error;
      },
    );
    entries.set(url, created);
    entry = created;
  }
  const held = entry;
  held.refs++;
  let released = false;
  return {
    promise: held.promise,
    release() {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs === 0 && !held.settled) {
        held.controller.abort();
        if (entries.get(url) === held) entries.delete(url);
      }
    },
  };
}

/** Forgets cached feeds (tests; a page that wants fresh data without a reload). */
export function clearFeedCache(): void {
  entries.clear();
}

async function fetchFeed(url: string, controller: AbortController, timeoutMs: number): Promise<Feed> {
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
    } catch (error) {
      throw new FeedLoadError(abortOr(error, timedOut, { kind: 'network', url }, timeoutMs));
    }
    if (!response.ok) throw new FeedLoadError({ kind: 'http', url, status: response.status, statusText: response.statusText });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new FeedLoadError(abortOr(error, timedOut, { kind: 'network', url }, timeoutMs));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // The start of an HTML page says what was served instead; the start of broken JSON (a feed
      // cut off mid-body) could hold feed values, which are not shown before the privacy guard.
      const start = text.trimStart();
      throw new FeedLoadError({ kind: 'not-json', url, bodyStart: /^[[{]/.test(start) ? `${start[0]}…` : start.slice(0, 40) });
    }
    const result = validateFeed(json);
    if (!result.ok) throw new FeedLoadError({ kind: 'schema', url, issues: result.errors });
    saveLastGood(url, text);
    return result.feed;
  } finally {
    clearTimeout(timer);
  }
}

function abortOr(error: unknown, timedOut: boolean, otherwise: FeedError, timeoutMs: number): FeedError {
  if (timedOut) return { kind: 'timeout', url: otherwise.url, timeoutMs };
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'aborted', url: otherwise.url };
  return otherwise;
}

/** The last good copy of a feed kept for offline use, and when it was saved. */
export interface SavedFeed {
  feed: Feed;
  savedAt: string;
}

const STORAGE_PREFIX = 'daylight-feed:';
/** localStorage holds about 5 M characters per origin; a copy larger than this is not kept. */
export const MAX_SAVED_CHARS = 2_000_000;

function storage(): Storage | undefined {
  try {
    // Throws in sandboxed iframes and when the user blocks site data.
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function saveLastGood(url: string, text: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (text.length > MAX_SAVED_CHARS) {
      store.removeItem(STORAGE_PREFIX + url);
      return;
    }
    store.setItem(STORAGE_PREFIX + url, JSON.stringify({ savedAt: new Date().toISOString(), text }));
  } catch {
    // Quota exceeded or storage disabled: the page works without an offline copy.
  }
}

/**
 * The last good copy of the feed at `url`, validated again (it is read back from storage the page
 * does not control), or undefined.
 */
export function loadLastGood(url: string): SavedFeed | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const raw = store.getItem(STORAGE_PREFIX + url);
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as { savedAt?: unknown; text?: unknown };
    if (typeof saved.savedAt !== 'string' || typeof saved.text !== 'string' || Number.isNaN(Date.parse(saved.savedAt))) return undefined;
    const result = validateFeed(JSON.parse(saved.text));
    return result.ok ? { feed: result.feed, savedAt: saved.savedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets every saved offline copy (tests; a page that must not keep data). */
export function clearSavedFeeds(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of Object.keys(store)) if (key.startsWith(STORAGE_PREFIX)) store.removeItem(key);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
