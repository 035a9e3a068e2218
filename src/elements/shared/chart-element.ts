/**
 * What the breakdown, distribution, funnel and table share: the metric/area/period/where
 * attributes, a title row with a "Show as table" toggle, the table view with its CSV download,
 * and reporting of faults found while rendering (after the render, so no event fires mid-update).
 */
import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightDataElement } from './data-element.js';
import { downloadText, toCsv } from './csv.js';
import { renderDataTable, tableCsvRows, type TableModel } from './data-table.js';
import { reportFaults } from './report.js';
import type { Feed, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { formatPeriod } from '../../core/format.js';
import { valueLabel } from './labels.js';
import type { PrivacyFault } from '../../core/privacy.js';
import { exportCredits, exportFileBase, renderExportMenu, type ExportChart, type ExportRow } from './export.js';

let nextId = 0;

export abstract class DaylightChartElement extends DaylightDataElement {
  static override properties: PropertyDeclarations = {
    metric: {},
    area: {},
    period: {},
    where: {},
    label: {},
    showTable: { type: Boolean, attribute: 'show-table', reflect: true },
  };

  /** The metric id, e.g. `referrals`. */
  metric?: string;

  /** The area to show; defaults to the whole jurisdiction (or the area chosen in a `<daylight-filter>`). */
  area?: string;

  /** The period to show (e.g. `2024` or `2024-10`); defaults to the filter's period, else the latest with data. */
  period?: string;

  protected override get requestedPeriod(): string | undefined {
    return this.period;
  }

  /** Other dimensions to fix, as `key=value` pairs separated by `;`, e.g. `call_type=medical`. */
  where?: string;

  /** Overrides the title (the metric's label and what it is split by, by default). */
  label?: string;

  /** Shows the data table instead of the chart. */
  showTable = false;

  protected readonly uid = `daylight-${++nextId}`;
  /** The table behind the current view; `csvRows()` reads it. */
  protected tableModel?: TableModel;
  private pendingFaults: Array<{ feed: Feed; faults: PrivacyFault[] }> = [];
  /** The bars of the current view for the image exports; subclasses fill it while rendering. */
  protected exportRows: ExportRow[] = [];
  /** The context line of the current view ("October 2026, Citywide"), drawn under the image's title. */
  protected exportSubtitle = '';
  private exportTitle = '';

  protected override configurationProblem(feed: Feed): string | undefined {
    return this.metricProblem(feed, this.metric);
  }

  /** Rows of the table, as CSV fields: exactly the texts the table shows, in its order. */
  csvRows(): string[][] {
    return this.tableModel ? tableCsvRows(this.tableModel) : [];
  }

  /** The CSV text that the download button saves. */
  csvText(): string {
    return toCsv(this.csvRows());
  }

  /** The chart as the image exports draw it; undefined for a data-only widget or before data. */
  exportChart(): ExportChart | undefined {
    const state = this.effectiveState;
    if (state?.status !== 'ready' || !this.exportRows.length) return undefined;
    return { kind: 'bars', title: this.exportTitle, subtitle: this.exportSubtitle, rows: this.exportRows, ...exportCredits(state.feed, this.t, this.locale) };
  }

  /** Whether the widget offers PNG and SVG next to CSV. */
  protected get exportsImages(): boolean {
    return true;
  }

  /** The "Download" menu (CSV, PNG, SVG) for the current view. */
  protected renderExport(title: string): TemplateResult {
    this.exportTitle = title;
    return renderExportMenu({
      fileBase: exportFileBase(this.metric, this.area ?? this.selection?.area, this.period ?? this.selection?.period),
      csvRows: () => this.csvRows(),
      ...(this.exportsImages ? { chart: () => this.exportChart() } : {}),
    }, this.t, title);
  }

  /** Queues faults found while rendering; they are reported once the render is done. */
  protected queueFaults(feed: Feed, faults: PrivacyFault[]): void {
    if (faults.length) this.pendingFaults.push({ feed, faults });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const pending = this.pendingFaults;
    this.pendingFaults = [];
    for (const { feed, faults } of pending) reportFaults(this, feed, faults);
  }

  /** What the view is of, in words: "2024, District 12" (period, fixed dimension values, or "Citywide"). */
  protected contextText(feed: Feed, metric: Metric, period: string | undefined, fixed: Record<string, string>, by?: string): string {
    const t = this.t;
    return [
      period ? formatPeriod(period, feed.period.grain, this.locale) : '',
      ...Object.entries(fixed).filter(([, v]) => v !== TOTAL).map(([d, v]) => valueLabel(feed, d, v, this.locale, t)),
      metric.dimensions.includes('area') && !fixed.area && by !== 'area' ? t.citywide : '',
    ].filter(Boolean).join(', ');
  }

  /** The title row: title on the left, the chart/table toggle on the right. */
  protected renderHead(title: string): TemplateResult {
    const t = this.t;
    return html`<div class="head">
      <p class="title" part="title" id="${this.uid}-title">${title}</p>
      <div class="actions no-print">
        <button part="toggle" aria-pressed=${this.showTable ? 'true' : 'false'} @click=${this.toggleTable}>
          ${t.showTable}
        </button>
        ${this.renderExport(title)}
      </div>
    </div>`;
  }

  /** The table view: the table and its CSV download. */
  protected renderTableView(model: TableModel, fileName: string): TemplateResult {
    this.tableModel = model;
    return html`<div class="table-wrap">
      ${renderDataTable(model)}
      <button class="no-print" part="download" @click=${() => this.downloadCsv(fileName)}>${this.t.downloadCsv}</button>
    </div>`;
  }

  /** Saves the table as CSV. */
  protected downloadCsv(fileName: string): void {
    downloadText(fileName, this.csvText());
  }

  /** A list of fine-print notes (suppression, faults, instability), or nothing. */
  protected renderNotes(notes: Array<string | false | undefined>): TemplateResult | typeof nothing {
    const shown = notes.filter((n): n is string => Boolean(n));
    return shown.length ? html`<ul class="notes fineprint" part="notes">${shown.map((n) => html`<li>${n}</li>`)}</ul>` : nothing;
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
  }
}
