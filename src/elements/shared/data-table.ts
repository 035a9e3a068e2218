/**
 * The data table behind every chart: one model feeds both the rendered `<table>` and its CSV, so
 * the download is exactly what the reader sees (same rows, same order, same words).
 */
import { css, html, nothing, type TemplateResult } from 'lit';

export interface TableColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface TableRow {
  /** Stable identity (a dimension value), for sorting and tests. */
  key: string;
  /** The row header (first column). */
  header: string;
  /** One text per column after the first. */
  cells: string[];
  /** A class for the row: `suppressed`, `withheld`, `missing` dim it. */
  state?: string;
}

export interface TableModel {
  caption: string;
  /** Every column, the row-header column first. */
  columns: TableColumn[];
  rows: TableRow[];
  /** Rows for the footer (a total). */
  foot?: TableRow[];
}

/** How a column header is drawn; the sortable table passes buttons. */
export type HeaderRenderer = (column: TableColumn, index: number) => TemplateResult | string;

/** Renders a table model with a caption, column and row headers with `scope`. */
export function renderDataTable(model: TableModel, header?: HeaderRenderer, headerAttributes?: (index: number) => string | undefined): TemplateResult {
  const row = (r: TableRow) => html`<tr class=${r.state ?? ''} data-key=${r.key}>
    <th scope="row">${r.header}</th>
    ${r.cells.map((text, i) => html`<td class=${model.columns[i + 1]?.numeric ? 'num' : ''}>${text}</td>`)}
  </tr>`;
  return html`<table part="table">
    <caption>${model.caption}</caption>
    <thead><tr>${model.columns.map((column, i) => html`<th scope="col" class=${column.numeric ? 'num' : ''}
      aria-sort=${headerAttributes?.(i) ?? nothing}>${header ? header(column, i) : column.label}</th>`)}</tr></thead>
    <tbody>${model.rows.map(row)}</tbody>
    ${model.foot?.length ? html`<tfoot>${model.foot.map(row)}</tfoot>` : nothing}
  </table>`;
}

/** The table as CSV rows: header, body, footer, in the order shown. */
export function tableCsvRows(model: TableModel): string[][] {
  return [
    model.columns.map((c) => c.label),
    ...model.rows.map((r) => [r.header, ...r.cells]),
    ...(model.foot ?? []).map((r) => [r.header, ...r.cells]),
  ];
}

/** A file name from words: "Referrals by service, 2024" -> "referrals-by-service-2024.csv". */
export function csvFileName(...parts: Array<string | undefined>): string {
  const slug = parts.filter(Boolean).join('-').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'data'}.csv`;
}

export const tableStyles = css`
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.875rem; font-variant-numeric: tabular-nums; margin-bottom: 0.5rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
  th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
  th.num, td.num { text-align: right; }
  thead th { color: var(--_muted); font-weight: 600; }
  tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--_border); }
  tr.suppressed td, tr.withheld td, tr.missing td, td.hidden { color: var(--_suppressed); }
`;
