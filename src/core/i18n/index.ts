import { en, type Messages } from './en.js';
import { es } from './es.js';

export type { Messages, Direction } from './en.js';

/**
 * Every language with a catalogue. Adding one is a file (`fr.ts`, typed `Messages` so the compiler
 * lists every missing string) and a line here; numbers, dates and months need nothing more,
 * because they come from Intl with the element's own language tag.
 */
const catalogues: Readonly<Record<string, Messages>> = {
  en,
  es,
};

/** The languages with a catalogue, as base tags (`en`, `es`). */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(catalogues);

/** The message catalogue for a BCP 47 tag: `es-MX` reads `es`; unknown languages read English. */
export function messagesFor(tag: string | null | undefined): Messages {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(catalogues, base) ? catalogues[base]! : en;
}
