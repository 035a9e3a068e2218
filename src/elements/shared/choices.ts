/**
 * Attributes that take one of a few words (`compare`, `sort`, `theme`, `renderer`, `normalize`).
 * A value outside them, usually a typo in a CMS, means the element's default, never a guess: read
 * as it stands, `compare="yaer"` would compare with the previous period without a word. The
 * page's console says so once.
 */
const warned = new Set<string>();

/** `theme`, on every element. */
export const THEMES = ['auto', 'light', 'dark'] as const;

/** `compare`, on the KPI and the breakdown. */
export const COMPARISONS = ['previous', 'year', 'none'] as const;

/**
 * `value` when it is one of `choices`, else `fallback`, with one console warning per page for
 * each element, attribute and value that names the choices. An absent attribute (undefined or
 * null) is the default without a warning.
 */
export function choiceOf<T extends string, F extends T | undefined>(
  host: Element, attribute: string, value: unknown, choices: readonly T[], fallback: F,
): T | F {
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  if (value !== undefined && value !== null) {
    const key = `${host.localName}\u0000${attribute}\u0000${String(value)}`;
    if (!warned.has(key)) {
      warned.add(key);
      const listed = choices.map((choice) => `"${choice}"`).join(', ');
      const outcome = fallback === undefined ? 'it is ignored' : `the default, "${fallback}", is used`;
      console.warn(`[${host.localName}] ${attribute}="${String(value)}" is not one of ${listed}: ${outcome}.`);
    }
  }
  return fallback;
}
