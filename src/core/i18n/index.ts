import { en, type Messages } from './en.js';
import { es } from './es.js';
import { toLocale, type Locale } from '../format.js';

export type { Messages, Direction } from './en.js';

const catalogues: Record<Locale, Messages> = { en, es };

/** The message catalogue for a BCP 47 tag; unknown languages read English. */
export function messagesFor(tag: string | null | undefined): Messages {
  return catalogues[toLocale(tag)];
}
