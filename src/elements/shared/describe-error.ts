import type { Messages } from '../../core/i18n/index.js';
import type { FeedError } from './loader.js';

/** How many schema problems an error box lists before "…and N more". */
export const SHOWN_ISSUES = 5;

/** Words a webmaster can act on, for each way a feed can fail. */
export function describeFeedError(error: FeedError, t: Messages): { summary: string; issues: string[]; more: number } {
  const url = error.url ?? 'the feed';
  switch (error.kind) {
    case 'network': return { summary: t.networkError(url), issues: [], more: 0 };
    case 'aborted': return { summary: t.networkError(url), issues: [], more: 0 };
    case 'http': return { summary: t.httpError(url, error.status ?? 0, error.statusText ?? ''), issues: [], more: 0 };
    case 'timeout': return { summary: t.timeoutError(url, Math.round((error.timeoutMs ?? 0) / 100) / 10), issues: [], more: 0 };
    case 'not-json': return { summary: t.notJsonError(url, error.bodyStart ?? ''), issues: [], more: 0 };
    case 'schema': {
      const all = error.issues ?? [];
      return {
        summary: t.schemaError(error.url, all.length),
        issues: all.slice(0, SHOWN_ISSUES).map((issue) => issue.message),
        more: Math.max(0, all.length - SHOWN_ISSUES),
      };
    }
  }
}
