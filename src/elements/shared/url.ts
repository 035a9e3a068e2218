/**
 * `value` resolved against `base` (the page by default), or undefined when it is not a URL at all
 * ("http://["). Attribute and feed values are typed by people: `new URL` throws on such a value,
 * which inside an element's update would leave it broken instead of saying what is wrong.
 */
export function absoluteUrl(value: string, base: string = document.baseURI): string | undefined {
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}
