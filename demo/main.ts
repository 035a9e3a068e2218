/**
 * The demo pages' only script (no inline scripts: the demo runs under a strict CSP). It loads
 * Daylight and wires the page's language switch, which changes <html lang>: every Daylight
 * element follows the page language by itself.
 */
import '../src/index.ts';

const pageText: Record<string, Record<string, string>> = {
  es: {
    stories: 'Estados de los elementos',
    title: 'Violencia armada en Filadelfia: dónde ocurre y cómo está cambiando',
    lede: 'Incidentes con disparos y personas heridas de bala, por mes y distrito policial, según los registros públicos del Departamento de Policía de Filadelfia. Todas las cifras de esta página están agregadas; los conteos de 1 a 10 se ocultan para que nadie pueda ser identificado.',
    notice: 'Esta es una demostración de Daylight creada con registros públicos reales (OpenDataPhilly, a través del panel de violencia armada de la Contraloría). No es una página oficial de la Ciudad de Filadelfia.',
    q1: '¿Dónde se concentra la violencia armada y está cambiando?',
    'q1-note': 'El último mes comparado con el mismo mes del año anterior.',
    footer: 'Hecho con Daylight, componentes web de código abierto para páginas de rendición de cuentas en seguridad pública. Fuente: Ciudad de Filadelfia, Departamento de Policía, «Shooting Victims» (OpenDataPhilly), enriquecido por la Oficina del Contralor; agregado y protegido por el generador de Daylight.',
  },
};
const original = new Map<Element, string>();

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    if (!original.has(element)) original.set(element, element.textContent ?? '');
    const key = element.getAttribute('data-i18n')!;
    element.textContent = pageText[lang]?.[key] ?? original.get(element)!;
  }
  const toggle = document.querySelector<HTMLButtonElement>('[data-lang-switch]');
  if (toggle) {
    const other = lang === 'es' ? 'en' : 'es';
    toggle.lang = other;
    toggle.textContent = other === 'es' ? 'Español' : 'English';
  }
}

document.querySelector('[data-lang-switch]')?.addEventListener('click', () => {
  applyLanguage(document.documentElement.lang === 'es' ? 'en' : 'es');
});
const requested = new URLSearchParams(location.search).get('lang');
if (requested) applyLanguage(requested);
