/**
 * Export of a widget as data (CSV) and as an image (SVG, PNG) that can stand on its own in a
 * slide deck or a printed handout: title, what it shows, the chart, then the source and the
 * data's as-of date, all inside the image.
 *
 * Both images are drawn from one list of shapes built from what the widget shows (its rows'
 * texts and published values), never from the feed: a hidden value is a hatched stub and the
 * word the widget shows ("Hidden"), so no export can carry a number the page withholds.
 *
 * The drawing itself lives in export-image.ts, imported on the first image download.
 */
import { html, render, type TemplateResult } from 'lit';
import type { CellText } from '../../core/describe.js';
import type { Feed } from '../../core/types.js';
import type { Messages } from '../../core/i18n/index.js';
import { formatDate, resolveLabel } from '../../core/format.js';
import { toCsv } from './csv.js';
import { htmlElement, setAttribute, setText } from './dom.js';

/** One bar or point of an exported chart. */
export interface ExportRow {
  label: string;
  /** What the widget shows for it ("31", "8.4 min", "Hidden"). */
  text: string;
  /** The published value (drawn to scale); absent for anything not published. */
  value?: number;
}

/**
 * A map as it is drawn on screen, read only when an image is made (by export-image.ts, which
 * loads on the first image download): most readers never ask for one.
 */
export interface ExportMapSource {
  /** Leaflet's SVG of the areas, in the map's own pixel coordinates. */
  svg: SVGSVGElement;
  /** The legend's entries, each with its swatch. */
  legend: readonly Element[];
}

export interface ExportChart {
  kind: 'bars' | 'line' | 'number' | 'map';
  title: string;
  /** The context line: period, area. */
  subtitle: string;
  rows: ExportRow[];
  /** "Source: …" and "Data as of …", drawn at the foot. */
  source: string;
  asOf: string;
  /** For `number` and `map`: the sentence under the chart. */
  sentence?: string;
  /** For `map`: the drawn map. When it cannot be read, the image shows `rows` as bars instead. */
  mapSource?: ExportMapSource;
}

/** A row for export from a described cell: the value travels only when it is published. */
export function exportRow(label: string, text: CellText, extra = ''): ExportRow {
  return text.state === 'published'
    ? { label, text: `${text.short}${text.unstable ? '*' : ''}${extra}`, value: text.value! }
    : { label, text: text.short };
}

/** "Source: Sample City Police Department; CAD" and "Data as of October 31, 2026", in the reader's language. */
export function exportCredits(feed: Feed, t: Messages, locale: string): { source: string; asOf: string } {
  const names = [
    feed.publisher ? resolveLabel(feed.publisher.name, locale) : resolveLabel(feed.jurisdiction.name, locale),
    ...feed.methodology.sources.map((s) => resolveLabel(s.name, locale)),
  ];
  return { source: t.exportSource([...new Set(names)].join('; ')), asOf: t.asOf(formatDate(feed.methodology.asOf, locale)) };
}

// --- Downloads and the menu --------------------------------------------------------------------

/** Offers a Blob as a file (an object URL on a link: navigation, not an image load, so CSP allows it). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What an element hands the export menu. */
export interface ExportSource {
  /** File name without extension, e.g. `referrals-service-2026-10`. */
  fileBase: string;
  /** CSV rows: exactly what the widget shows. */
  csvRows: () => ReadonlyArray<ReadonlyArray<string | number>>;
  /** The chart for the images; absent for a widget that exports data only. */
  chart?: () => ExportChart | undefined;
  /** Where "the image could not be made" is said; the element shows it in its notes. */
  onError?: (message: string) => void;
}

/** A name for export files from words, without extension. */
export function exportFileBase(...parts: Array<string | undefined>): string {
  const slug = parts.filter(Boolean).join('-').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'data';
}

export async function runExport(source: ExportSource, format: 'csv' | 'svg' | 'png', t: Messages): Promise<void> {
  if (format === 'csv') {
    downloadBlob(`${source.fileBase}.csv`, new Blob([toCsv(source.csvRows())], { type: 'text/csv;charset=utf-8' }));
    return;
  }
  const chart = source.chart?.();
  if (!chart) return;
  try {
    const image = await import('./export-image.js');
    if (format === 'svg') downloadBlob(`${source.fileBase}.svg`, new Blob([image.exportSvgText(chart)], { type: 'image/svg+xml' }));
    else downloadBlob(`${source.fileBase}.png`, await image.exportPngBlob(chart));
  } catch {
    // A failed chunk load (offline after the page loaded) lands here too.
    source.onError?.(t.exportFailed);
  }
}

/** What the menu reads when it is used: the source and the language of the latest render. */
type MenuState = () => { source: ExportSource; t: Messages };

/**
 * The "Download" menu's behaviour, shared by its template and its DOM-built form: a <details>
 * disclosure (keyboard operable without script; Escape closes it and returns focus to its
 * summary; leaving it by Tab or a click elsewhere closes it, so an open popover never covers the
 * next control), hidden in print.
 */
function menuBehaviour(state: MenuState) {
  const choose = (event: Event, format: 'csv' | 'svg' | 'png') => {
    const details = (event.currentTarget as HTMLElement).closest('details');
    const { source, t } = state();
    void runExport(source, format, t);
    if (details) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  };
  // The choices are drawn when the menu opens, not with every chart: a page of eight charts
  // would otherwise build 24 buttons nobody has asked for before its first paint. A click on the
  // summary (mouse, Enter or Space) draws them at once, so Tab after opening finds them; `toggle`
  // covers a menu opened from script.
  const fill = (details: Element | null) => {
    const menu = details?.querySelector<HTMLElement>('.export-menu');
    if (!menu) return;
    const { source, t } = state();
    render(html`
      <button type="button" data-format="csv" @click=${(e: Event) => choose(e, 'csv')}>${t.exportCsv}</button>
      ${source.chart ? html`
        <button type="button" data-format="png" @click=${(e: Event) => choose(e, 'png')}>${t.exportPng}</button>
        <button type="button" data-format="svg" @click=${(e: Event) => choose(e, 'svg')}>${t.exportSvg}</button>` : ''}`, menu);
  };
  return {
    onKeyDown: (event: KeyboardEvent) => {
      const details = event.currentTarget as HTMLDetailsElement;
      if (event.key === 'Escape' && details.open) {
        event.preventDefault();
        event.stopPropagation();
        details.open = false;
        details.querySelector('summary')?.focus();
      }
    },
    onFocusOut: (event: FocusEvent) => {
      const details = event.currentTarget as HTMLDetailsElement;
      if (details.open && !details.contains(event.relatedTarget as Node | null)) details.open = false;
    },
    onToggle: (event: Event) => {
      const details = event.currentTarget as HTMLDetailsElement;
      if (details.open) fill(details);
    },
    onSummaryClick: (event: Event) => fill((event.currentTarget as Element).parentElement),
  };
}

/** The "Download" menu as a template (see `menuBehaviour`). */
export function renderExportMenu(source: ExportSource, t: Messages, title: string): TemplateResult {
  const menu = menuBehaviour(() => ({ source, t }));
  return html`<details class="export no-print" part="export" @keydown=${menu.onKeyDown} @focusout=${menu.onFocusOut} @toggle=${menu.onToggle}>
    <summary part="export-button" aria-label=${t.downloadLabel(title)} @click=${menu.onSummaryClick}>${t.download}</summary>
    <div class="export-menu" part="export-menu"></div>
  </details>`;
}

/**
 * The same menu built once with DOM calls, for an element whose card is not a template (the
 * trend's; see dom.ts). It reads `state` when it is used, so it always exports what the latest
 * render shows; `label` updates its words after a render.
 */
export class ExportMenu {
  readonly element: HTMLDetailsElement;
  private readonly summary: HTMLElement;

  constructor(state: MenuState) {
    const menu = menuBehaviour(state);
    this.element = htmlElement('details', { class: 'export no-print', part: 'export' });
    this.summary = htmlElement('summary', { part: 'export-button' });
    this.element.append(this.summary, htmlElement('div', { class: 'export-menu', part: 'export-menu' }));
    this.element.addEventListener('keydown', menu.onKeyDown);
    this.element.addEventListener('focusout', menu.onFocusOut);
    this.element.addEventListener('toggle', menu.onToggle);
    this.summary.addEventListener('click', menu.onSummaryClick);
  }

  label(t: Messages, title: string): void {
    setText(this.summary, t.download);
    setAttribute(this.summary, 'aria-label', t.downloadLabel(title));
  }
}
