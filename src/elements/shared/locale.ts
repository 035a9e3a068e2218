/**
 * Which language an element speaks: its own `lang`, else the nearest `lang` up the composed tree
 * (through shadow roots), else the page's <html lang>, else English.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogueLoaded } from '../../core/i18n/index.js';

export function closestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = canonicalLang(node.getAttribute('lang') ?? '');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

// language[-Script][-REGION][-variant...], the part of BCP 47 that pages write.
const LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)$/i;

/**
 * A `lang` value in its canonical case ("ES" -> "es", "es-mx" -> "es-MX"), with "es_ES" read as
 * "es-ES", or undefined when it is not a language tag. Feed labels are keyed by tag and Intl throws
 * on an invalid one, so a `lang="ES"` read English labels around Spanish sentences, and
 * `lang="es_ES"` threw from the first date the element formatted. A value that is not a tag is
 * passed over, as if absent, for the nearest one above. (Not Intl.getCanonicalLocales: the first
 * Intl call of a page starts ICU, which the elements keep off their first paint.)
 */
export function canonicalLang(value: string): string | undefined {
  const match = LANGUAGE_TAG.exec(value.trim().replace(/_/g, '-'));
  if (!match) return undefined;
  const [, language, script, region, variants] = match;
  return [
    language!.toLowerCase(),
    script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : '',
    region ? region.toUpperCase() : '',
  ].filter(Boolean).join('-') + (variants ?? '').toLowerCase();
}

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Re-renders its host when the page's language changes (a site's language switcher edits <html lang>). */
export class PageLangController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    hosts.add(this.host);
    // Moved under another `lang` (or re-attached after the page language changed): Lit does not
    // re-render on reconnection by itself.
    this.host.requestUpdate();
    if (!observer) {
      observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
  }
  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}

/**
 * For an element's `scheduleUpdate`: runs Lit's update at once when the element's language is
 * ready, else once its catalogue has loaded, so a Spanish page never flashes English text (nor
 * announces it to a screen reader) while the catalogue arrives.
 */
export function updateInLanguage(lang: string, update: () => void | Promise<unknown>): void | Promise<unknown> {
  const pending = catalogueLoaded(lang);
  return pending ? pending.then(update) : update();
}
