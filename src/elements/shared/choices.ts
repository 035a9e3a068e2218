/**
 * Attributes that take one of a few words (`compare`, `sort`, `theme`, `renderer`, `normalize`)
 * or a number in a range (`height`, `ranked`, `per`, `timeout`, `heading-level`...). A value
 * outside them, usually a typo in a CMS, means the element's default, never a guess: read as it
 * stands, `compare="yaer"` would compare with the previous period without a word, and
 * `height="360px"` would draw a map 0 px high. The page's console says so once.
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

/** What a numeric attribute accepts; anything else is its default. */
export interface NumberRule<F extends number | undefined> {
  fallback: F;
  /** Smallest value accepted. */
  min?: number;
  /** Largest value accepted. */
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
}

/**
 * `value` when it is a finite number the rule accepts, else `fallback`, with one console warning
 * per page for each element, attribute and value. Lit reads `height="360px"` or `ranked="five"`
 * as NaN, which would otherwise collapse a map to nothing or hide its list without a word. An
 * absent attribute (undefined or null) is the default without a warning.
 */
export function numberOf<F extends number | undefined>(host: Element, attribute: string, value: unknown, rule: NumberRule<F>): number | F {
  const { min = -Infinity, max = Infinity, integer = false } = rule;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return value;
  if (value === undefined || value === null) return rule.fallback;
  const written = host.getAttribute(attribute) ?? String(value);
  const key = `${host.localName}\u0000${attribute}\u0000${written}`;
  if (!warned.has(key)) {
    warned.add(key);
    const kind = integer ? 'a whole number' : 'a number';
    const range = min > -Infinity && max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` of at least ${min}` : max < Infinity ? ` of at most ${max}` : '';
    const outcome = rule.fallback === undefined ? 'it is ignored' : `the default, ${rule.fallback}, is used`;
    console.warn(`[${host.localName}] ${attribute}="${written}" is not ${kind}${range}: ${outcome}.`);
  }
  return rule.fallback;
}
