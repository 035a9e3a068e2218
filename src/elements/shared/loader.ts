/**
 * Fetches feeds once per URL per page, however many <daylight-feed> elements and widgets ask.
 * Consumers hold a reference; the request is aborted only when the last consumer lets go before
 * it finishes. Failed loads are forgotten so that "Try again" fetches anew.
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

export function acquireFeed(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): FeedHandle {
  let entry = entries.get(url);
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
      throw new FeedLoadError({ kind: 'not-json', url, bodyStart: text.trimStart().slice(0, 40) });
    }
    const result = validateFeed(json);
    if (!result.ok) throw new FeedLoadError({ kind: 'schema', url, issues: result.errors });
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
