/**
 * The demo pages' only script (no inline scripts: the demo runs under a strict CSP). It loads
 * Daylight and wires the page's language switch, which changes <html lang>: every Daylight
 * element follows the page language by itself.
 */
import '../src/index.ts';

const pageText: Record<string, Record<string, string>> = {
  es: {
    stories: 'Estados de los elementos',
    dashboard: 'Panel',
    city: 'Elementos en una página municipal',
    'dashboard-title': 'Panel de rendición de cuentas en seguridad pública',
    'dashboard-lede': 'Una sola etiqueta, <daylight-dashboard>, con tres archivos de datos creados por el generador de Daylight. Elija uno:',
    'note-philadelphia': 'Registros reales: víctimas de disparos del Departamento de Policía de Filadelfia, 2015–2024 (OpenDataPhilly, a través del panel de la Contraloría). Los incidentes y las víctimas son conteos reales, por mes y distrito policial. No es una página oficial de la Ciudad de Filadelfia.',
    'note-san-francisco': 'Registros reales: llamadas al 911 del Departamento de Bomberos de San Francisco, 7 al 20 de abril de 2020 (DataSF). El tiempo de respuesta y el tiempo en el lugar son reales. «Llamadas atendidas por más de un tipo de unidad» sustituye a la respuesta conjunta, «unidades adicionales por tipo» a los segundos intervinientes, y el resultado de la llamada a las derivaciones: ningún conjunto de datos público los registra.',
    'note-sample-city': 'Datos sintéticos: Sample City es inventada por un generador con semilla, para mostrar derivaciones, seguimientos y contacto con víctimas anteriores, que ningún conjunto de datos público registra. Ninguna de estas cifras describe un lugar real.',
    'footer-dashboard': 'Hecho con Daylight, componentes web de código abierto para páginas de rendición de cuentas en seguridad pública. Todas las cifras están agregadas y protegidas: se ocultan los conteos de 1 a 10 y también otros que podrían revelarlos.',
    title: 'Violencia armada en Filadelfia: dónde ocurre y cómo está cambiando',
    lede: 'Incidentes con disparos y personas heridas de bala, por mes y distrito policial, según los registros públicos del Departamento de Policía de Filadelfia. Todas las cifras de esta página están agregadas; los conteos de 1 a 10 se ocultan para que nadie pueda ser identificado.',
    notice: 'Esta es una demostración de Daylight creada con registros públicos reales (OpenDataPhilly, a través del panel de violencia armada de la Contraloría). No es una página oficial de la Ciudad de Filadelfia.',
    q1: '¿Dónde se concentra la violencia armada y está cambiando?',
    'q1-note': 'El último mes comparado con el mismo mes del año anterior. Elija un distrito policial arriba para verlo por separado.',
    'q1-map': '¿Qué distritos concentran más?',
    'q1-map-note': 'Diez años de incidentes con disparos por distrito policial. La lista junto al mapa es la misma clasificación, para lectores de pantalla y teclado.',
    method: 'Cómo se elaboran estas cifras',
    'kpi-killed': 'Personas muertas',
    theme: 'Tema:',
    'theme-dark': 'Oscuro',
    footer: 'Hecho con Daylight, componentes web de código abierto para páginas de rendición de cuentas en seguridad pública. Fuente: Ciudad de Filadelfia, Departamento de Policía, «Shooting Victims» (OpenDataPhilly), enriquecido por la Oficina del Contralor; agregado y protegido por el generador de Daylight.',
  },
};
const original = new Map<Element, string>();
const originalLabel = new Map<Element, string>();

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    if (!original.has(element)) original.set(element, element.textContent ?? '');
    const key = element.getAttribute('data-i18n')!;
    element.textContent = pageText[lang]?.[key] ?? original.get(element)!;
  }
  // Labels the page gives its elements (label="…") are the page's own words, translated like its text.
  for (const element of document.querySelectorAll('[data-i18n-label]')) {
    if (!originalLabel.has(element)) originalLabel.set(element, element.getAttribute('label') ?? '');
    element.setAttribute('label', pageText[lang]?.[element.getAttribute('data-i18n-label')!] ?? originalLabel.get(element)!);
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
const params = new URLSearchParams(location.search);
const requested = params.get('lang');
if (requested) applyLanguage(requested);

// The dashboard page's feed switch: ?feed=… picks the feed, and its note says what is real.
const feeds = ['philadelphia', 'san-francisco', 'sample-city'];
const dashboard = document.querySelector('daylight-dashboard');
if (dashboard) {
  const chosen = feeds.includes(params.get('feed') ?? '') ? params.get('feed')! : feeds[0]!;
  dashboard.src = `feeds/${chosen}.json`;
  dashboard.paramPrefix = '';
  for (const note of document.querySelectorAll<HTMLElement>('[data-feed-note]')) note.hidden = note.dataset.feedNote !== chosen;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-feed]')) {
    if (link.dataset.feed === chosen) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

// city.html's theme switch: ?theme=harbor or ?theme=prairie restyles the page and, through the
// --daylight-* tokens in demo.css, every widget; ?theme=dark sets the widgets' theme attribute.
const THEMES = ['harbor', 'prairie', 'dark'];
const theme = params.get('theme') ?? '';
if (THEMES.includes(theme)) {
  document.documentElement.dataset.theme = theme;
  if (theme === 'dark') {
    for (const element of document.querySelectorAll('*')) if (element.localName.startsWith('daylight-') && element.localName !== 'daylight-feed') element.setAttribute('theme', 'dark');
  }
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-theme-link]')) {
  if (link.dataset.themeLink === (THEMES.includes(theme) ? theme : '')) link.setAttribute('aria-current', 'page');
}
