import { en, type Messages } from './en.js';

export type { Messages, Direction } from './en.js';

/**
 * Every language with a catalogue. English is built in, as the fallback every element needs; the
 * others load on first use, so an English page does not carry Spanish (about 13 KB minified,
 * more than a tenth of a chart element). Adding a language is a file (`fr.ts`, typed `Messages`
 * so the compiler lists every missing string) and a line here; numbers, dates and months need
 * nothing more, because they come from Intl with the element's own language tag.
 */
const loaders: Record<string, () => Promise<Messages>> = {
  es: () => import('./es.js').then((module) => module.es),
};

/**
 * The catalogue loaders, by base tag. Tests add one that fails, to see a language whose file
 * cannot be fetched read English instead of leaving a widget blank.
 * @internal
 */
export const catalogueLoaders = loaders;

const loaded = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<void>>();

/** The languages with a catalogue, as base tags (`en`, `es`). */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en', ...Object.keys(loaders)];

const baseOf = (tag: string | null | undefined) => (tag ?? '').toLowerCase().split('-')[0] ?? '';

/**
 * The message catalogue for a BCP 47 tag: `es-MX` reads `es`; unknown languages read English, and
 * so does a known one until `catalogueLoaded` has fetched it.
 */
export function messagesFor(tag: string | null | undefined): Messages {
  return loaded.get(baseOf(tag)) ?? en;
}

/**
 * Undefined when `messagesFor(tag)` already answers in the tag's language (or never will); else a
 * promise that settles once it does. It never rejects: a catalogue that fails to load (offline
 * after the page loaded) leaves the language reading English rather than a blank widget, and is
 * not asked for again.
 */
export function catalogueLoaded(tag: string | null | undefined): Promise<void> | undefined {
  const base = baseOf(tag);
  if (loaded.has(base) || !Object.hasOwn(loaders, base)) return undefined;
  let pending = loading.get(base);
  if (!pending) {
    pending = loaders[base]!().then(
      (messages) => { loaded.set(base, messages); },
      () => { loaded.set(base, en); },
    );
    loading.set(base, pending);
  }
  return pending;
}
