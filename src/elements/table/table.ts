import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightChartElement } from '../shared/chart-element.js';
import { tokens } from '../shared/styles.js';
import { numberOf } from '../shared/choices.js';
import { csvFileName, renderDataTable, tableStyles, type TableColumn, type TableModel, type TableRow } from '../shared/data-table.js';
import { cellAt, chosenPeriod, dimensionLabel, fixedWhere, orderedValues, periodsAt, valueLabel } from '../shared/labels.js';
import { describeWithProtection, protectGroup, type Described } from '../shared/protect.js';
import { tableElementStyles } from './table.styles.js';
import type { Cell, Feed, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { findMetric, selectCell } from '../../core/select.js';
import { periodOrdinal } from '../../core/period.js';
import { formatCount, formatPeriod, resolveLabel } from '../../core/format.js';
import '../../core/i18n/en/table.js';
import '../../core/i18n/en/categories.js';

interface Row {
  key: string;
  header: string;
  /** Position in the feed's own order: the unsorted view, and ties. */
  order: number;
  /** One described cell per value column (one per quantile; one otherwise). */
  texts: Described[];
  cells: string[];
  /** The number each column sorts by; undefined sorts last whatever the direction. */
  sortKeys: Array<number | string | undefined>;
  state: string;
}

interface Column extends TableColumn {
  sortable: boolean;
}

export type SortDirection = 'ascending' | 'descending';

/**
 * An accessible, sortable table of a metric's cells, split by one dimension: a caption, column and
 * row headers with `scope`, suppressed cells that read "Hidden", a total row when the feed
 * publishes one, and a CSV download of exactly the rows shown, in the order shown. Hidden cells
 * always sort last, in either direction, so a row's position says nothing about a hidden value.
 *
 * @summary A sortable data table of any metric, with CSV download.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart table - The table.
 * @csspart sort-button - The button inside each sortable column header.
 * @csspart download - The "Download CSV" button.
 * @csspart notes - Notes about hidden cells.
 *
 * @cssprop [--daylight-table-min-height=12rem] - Height reserved before data arrives.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Colour of hidden cells.
 * @cssprop [--daylight-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour (light theme; `--daylight-color-text-dark` for dark).
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text: context lines, notes, axes (`-dark`: #b4bcc8).
 * @cssprop [--daylight-color-surface=#ffffff] - The card's background (`-dark`: #161a20).
 * @cssprop [--daylight-color-subtle=#f3f5f8] - Tracks and hover backgrounds (`-dark`: #222832).
 * @cssprop [--daylight-color-border=#c4cad3] - Card and table rules (`-dark`: #4a5361).
 * @cssprop [--daylight-color-accent=#1f5fbf] - Bars, lines, links and buttons (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-better=#17693a] - A change for the better (`-dark`: #6fd39a); always with an arrow and words.
 * @cssprop [--daylight-color-worse=#a3261b] - A change for the worse (`-dark`: #ff9b8f); always with an arrow and words.
 * @cssprop [--daylight-color-focus=#1f5fbf] - The keyboard focus ring (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-error=#a3261b] - Error states (`-dark`: #ff9b8f).
 * @cssprop [--daylight-radius=8px] - Corner radius of the card (buttons use half).
 * @cssprop [--daylight-space=1rem] - The card's padding.
 * @cssprop [--daylight-shadow=none] - The card's shadow.
 *
 * @fires daylight-privacy-fault - Shown together, some cells would reveal a hidden one by subtraction, so they were hidden too.
 */
export class DaylightTable extends DaylightChartElement {
  static override properties: PropertyDeclarations = {
    by: {},
    sortColumn: { type: Number, attribute: 'sort-column' },
    sortDirection: { attribute: 'sort-direction' },
    announcement: { state: true },
  };

  static override styles = [tokens, tableStyles, tableElementStyles];

  /** The dimension whose values are the rows, e.g. `service` or `area`. Defaults to `period` when the metric has one. */
  by?: string;

  /** The column the rows are sorted by (0 = the row headers). Unset keeps the feed's order. */
  sortColumn?: number;

  /** The sort direction: `ascending` or `descending`. */
  sortDirection: SortDirection = 'descending';

  /** What the last sort did, for screen readers (a live region). */
  private announcement = '';

  private columns: Column[] = [];

  protected override configurationProblem(feed: Feed): string | undefined {
    const problem = this.metricProblem(feed, this.metric);
    if (problem) return problem;
    const metric = findMetric(feed, this.metric!)!;
    const by = this.dimension(metric);
    return by && !metric.dimensions.includes(by) ? this.t.unknownDimension(by, metric.dimensions.join(', ')) : undefined;
  }

  private dimension(metric: Metric): string | undefined {
    return this.by ?? (metric.dimensions.includes('period') ? 'period' : metric.dimensions[0]);
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const metric = findMetric(feed, this.metric!)!;
    const t = this.t;
    const locale = this.locale;
    const grain = feed.period.grain;
    const by = this.dimension(metric);
    const byPeriod = by === 'period';
    const fixed = fixedWhere(metric, this.where, this.area, this.selection, by);
    const period = byPeriod ? undefined : chosenPeriod(metric, grain, this.period, this.selection, fixed, by ? [by] : []);
    const keys = !by ? [] : byPeriod ? periodsAt(metric, grain, fixed) : orderedValues(feed, metric, by);
    const qs: Array<number | undefined> = metric.statistic === 'quantile'
      ? [...new Set(metric.cells.map((c) => c.q ?? 0.5))].sort((a, b) => a - b)
      : [undefined];

    // One cell per row (and quantile). `key` = `*` is the total row.
    const rowCell = (key: string, q: number | undefined): Cell | undefined => {
      if (!by) return undefined;
      if (byPeriod) {
        // selectCell is indexed (fast for long series) but leaves out the all-periods total.
        return key === TOTAL ? cellAt(metric, TOTAL, fixed, q) : selectCell(metric, grain, key, { where: fixed, q });
      }
      return cellAt(metric, period, { ...fixed, [by]: key }, q);
    };

    // Counts add up: the rows and their total are a group a reader could subtract within.
    const protection = metric.statistic === 'count'
      ? protectGroup(feed, metric, rowCell(TOTAL, undefined), keys.map((key) => rowCell(key, undefined)))
      : undefined;
    if (protection) this.queueFaults(feed, protection.faults);

    const rowFor = (key: string, header: string, order: number): Row => {
      const cells = qs.map((q) => rowCell(key, q));
      const texts = cells.map((cell) => describeWithProtection(feed, metric, cell, t, locale, protection?.withheld));
      const first = texts[0]!;
      const shown: string[] = [];
      const sortKeys: Array<number | string | undefined> = [byPeriod ? (key === TOTAL ? undefined : periodOrdinal(key, grain)) : header.toLocaleLowerCase(locale)];
      const valueKey = (text: Described) => (text.state === 'published' ? text.value : undefined);
      if (metric.statistic === 'share') {
        const cell = first.state === 'published' ? cells[0] : undefined;
        shown.push(first.short, cell?.numerator !== undefined ? formatCount(cell.numerator, locale) : '', cell ? formatCount(cell.n, locale) : '');
        sortKeys.push(valueKey(first), cell?.numerator, cell?.n);
      } else {
        shown.push(...texts.map((text) => text.short));
        sortKeys.push(...texts.map(valueKey));
      }
      const hidden = texts.find((text) => text.state !== 'published');
      shown.push(hidden?.note ?? (texts.some((text) => text.unstable) ? `${t.unstable}: ${t.unstableExplain}` : ''));
      sortKeys.push(undefined);
      return { key, header, order, texts, cells: shown, sortKeys, state: hidden?.state ?? 'published' };
    };

    const rows = keys.map((key, i) => rowFor(key, byPeriod ? formatPeriod(key, grain, locale) : valueLabel(feed, by!, key, locale, t), i));
    const hasTotal = qs.some((q) => rowCell(TOTAL, q) !== undefined);
    const totalRow = hasTotal ? rowFor(TOTAL, byPeriod ? t.allPeriods : valueLabel(feed, by!, TOTAL, locale, t), -1) : undefined;
    this.columns = this.buildColumns(feed, metric, by, qs);
    const sorted = this.sortRows(rows);

    const subject = this.label ?? resolveLabel(metric.label, locale);
    const context = Object.entries(fixed).filter(([, v]) => v !== TOTAL).map(([d, v]) => valueLabel(feed, d, v, locale, t));
    const caption = [
      by && !byPeriod ? t.byDimension(subject, dimensionLabel(feed, by, locale)) : subject,
      ...context,
      period ? formatPeriod(period, grain, locale) : '',
    ].filter(Boolean).join(', ');
    const toRow = (r: Row): TableRow => ({ key: r.key, header: r.header, cells: r.cells, state: r.state });
    const model: TableModel = { caption, columns: this.columns, rows: sorted.map(toRow), foot: totalRow ? [toRow(totalRow)] : [] };
    this.tableModel = model;

    const k = this.kText(feed);
    const suppressed = [...rows, ...(totalRow ? [totalRow] : [])].filter((r) => r.state === 'suppressed').length;
    const withheld = [...rows, ...(totalRow ? [totalRow] : [])].filter((r) => r.state === 'withheld').length;
    return html`
      ${rows.length === 0
        ? html`<p class="title">${caption}</p><p class="empty">${t.noSeries}</p>`
        : html`<div class="table-wrap">${renderDataTable(model, (column, i) => this.renderHeader(column as Column, i), (i) => this.sortState(i))}</div>`}
      ${this.renderNotes([
        suppressed ? t.hiddenRows(suppressed, k) : undefined,
        withheld ? t.withheldRows(withheld) : undefined,
      ])}
      <div class="actions">
        <button class="no-print" part="download" @click=${() => this.downloadCsv(csvFileName(metric.id, by, fixed.area, period))}>${t.downloadCsv}</button>
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderHeader(column: Column, index: number): TemplateResult | string {
    if (!column.sortable) return column.label;
    const sorted = this.sortColumn === index;
    const arrow = !sorted ? '↕' : this.sortDirection === 'ascending' ? '▲' : '▼';
    return html`<button class="sort" part="sort-button" @click=${() => this.sortBy(index)}>
      ${column.label}<span class="arrow ${sorted ? 'on' : ''}" aria-hidden="true">${arrow}</span>
    </button>`;
  }

  private sortState(index: number): string | undefined {
    if (!this.columns[index]?.sortable) return undefined;
    return this.sortColumn === index ? this.sortDirection : 'none';
  }

  private buildColumns(feed: Feed, metric: Metric, by: string | undefined, qs: Array<number | undefined>): Column[] {
    const t = this.t;
    const first: Column = { label: by === 'period' ? t.period : by ? dimensionLabel(feed, by, this.locale) : t.value, sortable: true };
    const note: Column = { label: t.status, sortable: false };
    if (metric.statistic === 'quantile') {
      return [first, ...qs.map((q) => ({ label: t.quantileName(q ?? 0.5), numeric: true, sortable: true })), note];
    }
    if (metric.statistic === 'share') {
      return [first,
        { label: t.shareHeading, numeric: true, sortable: true },
        { label: t.numeratorHeading, numeric: true, sortable: true },
        { label: t.denominatorHeading, numeric: true, sortable: true },
        note];
    }
    return [first, { label: metric.statistic === 'rate' ? t.rateHeading : t.countHeading, numeric: true, sortable: true }, note];
  }

  private sortRows(rows: Row[]): Row[] {
    const index = numberOf(this, 'sort-column', this.sortColumn, { min: 0, integer: true, fallback: undefined });
    if (index === undefined || !this.columns[index]?.sortable) return rows;
    const sign = this.sortDirection === 'ascending' ? 1 : -1;
    return rows.slice().sort((a, b) => {
      const x = a.sortKeys[index];
      const y = b.sortKeys[index];
      // Rows with no number (hidden, missing) stay at the end in both directions.
      if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0) || a.order - b.order;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), this.locale);
      return sign * order || a.order - b.order;
    });
  }

  private sortBy(index: number): void {
    if (this.sortColumn === index) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortColumn = index;
      // Names read best A to Z; numbers largest first.
      this.sortDirection = index === 0 ? 'ascending' : 'descending';
    }
    const column = this.columns[index];
    if (column) this.announcement = this.t.sortedBy(column.label, this.sortDirection === 'ascending');
  }
}

