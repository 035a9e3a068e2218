import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { cssomStyle } from '../shared/cssom-style.js';
import { linear, zeroBasedAxis } from '../shared/axis.js';
import { DaylightChartElement } from '../shared/chart-element.js';
import { tokens } from '../shared/styles.js';
import { chartStyles } from '../shared/chart.styles.js';
import { renderBarList } from '../shared/bars.js';
import { exportRow } from '../shared/export.js';
import { csvFileName, renderDataTable, tableCsvRows, tableStyles, type TableModel } from '../shared/data-table.js';
import { cellAt, chosenPeriod, dimensionLabel, fixedWhere, orderedValues, valueLabel } from '../shared/labels.js';
import { describeWithProtection, isHidden, protectGroup, type Described } from '../shared/protect.js';
import { distributionStyles } from './distribution.styles.js';
import type { Feed, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { findMetric } from '../../core/select.js';
import { formatTick, resolveLabel } from '../../core/format.js';
import '../../core/i18n/en/distribution.js';
import '../../core/i18n/en/categories.js';

/** The dimension that holds time buckets in a count metric. */
export const BUCKET_DIMENSION = 'bucket';

/** One row of quantiles: the whole selection, or one category or area. */
export interface QuantileRow {
  key: string;
  label: string;
  quantiles: Array<{ q: number; name: string; text: Described }>;
}

/** A bucket key's lower bound in minutes: `10-20` -> 10, `60+` -> 60; NaN when it follows no convention. */
export function bucketStart(key: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(?:[-–]\s*\d+(?:\.\d+)?|\+)$/.exec(key.trim());
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * The distribution the feed publishes, never more: the median and 90th percentile (and any other
 * published quantile) as markers on a minutes axis, for the whole selection or per category or
 * area (`by`), and, when the feed has them, counts of records per time bucket. The minimum and
 * the maximum are never shown (DESIGN.md rule 4; the privacy guard withholds them if a feed has
 * them), and a quantile with too few records behind it is marked hidden, not drawn.
 *
 * Buckets come from a count metric with a `bucket` dimension, either as the `metric` itself or
 * named in `buckets`. Keys follow `a-b` (at least a, under b minutes) and `a+` (a or more); they
 * are shown in the feed's order for the dimension, else by their lower bound.
 *
 * @summary Median and p90 markers, by category or area, and bucketed counts.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart title - The title.
 * @csspart toggle - The "Show as table" button.
 * @csspart export - The "Download" menu (CSV, PNG, SVG).
 * @csspart export-button - The menu's summary button.
 * @csspart export-menu - The menu's list of formats.
 * @csspart rows - The list of quantile rows.
 * @csspart axis - The minutes axis.
 * @csspart bars - The bucket histogram.
 * @csspart bar - One bucket's bar.
 * @csspart summary - The text summary.
 * @csspart notes - Notes about hidden values.
 * @csspart table - The tables shown instead of the chart.
 * @csspart download - The "Download CSV" button.
 *
 * @cssprop [--daylight-distribution-min-height=15rem] - Height reserved before data arrives.
 * @cssprop [--daylight-color-accent=#1f5fbf] - Marker and bar colour.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Colour of hidden values.
 * @cssprop [--daylight-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour (light theme; `--daylight-color-text-dark` for dark).
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text: context lines, notes, axes (`-dark`: #b4bcc8).
 * @cssprop [--daylight-color-surface=#ffffff] - The card's background (`-dark`: #161a20).
 * @cssprop [--daylight-color-subtle=#f3f5f8] - Tracks and hover backgrounds (`-dark`: #222832).
 * @cssprop [--daylight-color-border=#c4cad3] - Card and table rules (`-dark`: #4a5361).
 * @cssprop [--daylight-color-better=#17693a] - A change for the better (`-dark`: #6fd39a); always with an arrow and words.
 * @cssprop [--daylight-color-worse=#a3261b] - A change for the worse (`-dark`: #ff9b8f); always with an arrow and words.
 * @cssprop [--daylight-color-focus=#1f5fbf] - The keyboard focus ring (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-error=#a3261b] - Error states (`-dark`: #ff9b8f).
 * @cssprop [--daylight-radius=8px] - Corner radius of the card (buttons use half).
 * @cssprop [--daylight-space=1rem] - The card's padding.
 * @cssprop [--daylight-shadow=none] - The card's shadow.
 *
 * @fires daylight-privacy-fault - Shown together, the bucket counts would reveal a hidden one by subtraction, so one more was hidden.
 */
export class DaylightDistribution extends DaylightChartElement {
  static override properties: PropertyDeclarations = {
    by: {},
    buckets: {},
  };

  static override styles = [tokens, tableStyles, chartStyles, distributionStyles];

  /** Split the quantiles by this dimension (a category, or `area`); one row per value after the overall row. */
  by?: string;

  /** A count metric with a `bucket` dimension to show as a histogram beside the quantiles. */
  buckets?: string;

  /** The rows of the current view (for tests and custom rendering). */
  quantileRows: QuantileRow[] = [];

  private bucketModel?: TableModel;

  protected override configurationProblem(feed: Feed): string | undefined {
    for (const id of [this.metric, ...(this.buckets ? [this.buckets] : [])]) {
      const problem = this.metricProblem(feed, id);
      if (problem) return problem;
    }
    const metric = findMetric(feed, this.metric!)!;
    const bucketMetric = this.buckets ? findMetric(feed, this.buckets)! : metric.statistic === 'count' ? metric : undefined;
    if (metric.statistic !== 'quantile' && !bucketMetric?.dimensions.includes(BUCKET_DIMENSION)) return this.t.noDistribution;
    if (this.by && !metric.dimensions.includes(this.by)) return this.t.unknownDimension(this.by, metric.dimensions.join(', '));
    return undefined;
  }

  override csvRows(): string[][] {
    const parts = [this.tableModel, this.bucketModel].filter((m): m is TableModel => m !== undefined);
    // Two tables in one file: the second starts after an empty line, with its own header row.
    return parts.flatMap((model, i) => [...(i ? [[]] : []), ...tableCsvRows(model)]);
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const metric = findMetric(feed, this.metric!)!;
    const t = this.t;
    const locale = this.locale;
    const grain = feed.period.grain;
    const quantileMetric = metric.statistic === 'quantile' ? metric : undefined;
    const bucketMetric = this.buckets ? findMetric(feed, this.buckets) : metric.statistic === 'count' ? metric : undefined;
    const by = quantileMetric ? this.by : undefined;
    const fixed = fixedWhere(metric, this.where, this.area, this.selection, by);
    const period = chosenPeriod(metric, grain, this.period, this.selection, fixed, by ? [by] : []);
    const subject = this.label ?? resolveLabel(metric.label, locale);
    const context = this.contextText(feed, metric, period, fixed, by);

    const rows = quantileMetric ? this.quantiles(feed, quantileMetric, period, fixed, by) : [];
    this.quantileRows = rows;
    const buckets = bucketMetric ? this.bucketTexts(feed, bucketMetric, period, this.buckets ? fixedWhere(bucketMetric, this.where, this.area, this.selection, BUCKET_DIMENSION) : fixed) : [];
    const qs = rows[0]?.quantiles.map((x) => x.q) ?? [];
    this.tableModel = rows.length ? {
      caption: `${by ? t.byDimension(subject, dimensionLabel(feed, by, locale)) : subject}, ${context}`,
      columns: [{ label: by ? dimensionLabel(feed, by, locale) : t.rowHeading }, ...qs.map((q) => ({ label: t.quantileName(q), numeric: true })), { label: t.status }],
      rows: rows.map((r) => ({
        key: r.key, header: r.label,
        cells: [...r.quantiles.map((x) => x.text.short), r.quantiles.find((x) => x.text.state !== 'published')?.text.note ?? ''],
        state: r.quantiles.every((x) => x.text.state === 'published') ? 'published' : 'suppressed',
      })),
    } : undefined;
    this.bucketModel = buckets.length ? {
      caption: `${t.bucketsHeading}, ${context}`,
      columns: [{ label: dimensionLabel(feed, BUCKET_DIMENSION, locale) }, { label: t.countHeading, numeric: true }, { label: t.status }],
      rows: buckets.map((b) => ({ key: b.key, header: b.label, cells: [b.text.short, b.text.note], state: b.text.state })),
    } : undefined;
    if (!this.tableModel) {
      this.tableModel = this.bucketModel;
      this.bucketModel = undefined;
    }

    this.exportRows = buckets.length
      ? buckets.map((b) => exportRow(b.label, b.text))
      : rows.flatMap((r) => r.quantiles.map((x) => exportRow(rows.length > 1 ? `${r.label}: ${x.name}` : x.name, x.text)));
    this.exportSubtitle = context;
    const overall = rows[0];
    const parts = overall?.quantiles.map((x) => (x.text.state === 'published' ? t.quantileMeaning(x.q, x.text.long) : t.quantileHiddenSentence(x.name, x.text.long))) ?? [];
    const largest = buckets.filter((b) => b.text.state === 'published').sort((a, b) => b.text.value! - a.text.value!)[0];
    const summary = [
      parts.length ? t.distributionSummary(subject, context, parts.join('; ')) : `${subject}, ${context}.`,
      largest ? t.bucketsSummary(`${largest.label} (${largest.text.long})`) : '',
    ].filter(Boolean).join(' ');
    const hiddenQuantiles = rows.some((r) => r.quantiles.some((x) => isHidden(x.text)));
    const hiddenBuckets = buckets.filter((b) => b.text.state === 'suppressed').length;
    const withheld = buckets.filter((b) => b.text.state === 'withheld').length;
    const empty = rows.every((r) => r.quantiles.every((x) => x.text.state === 'missing')) && buckets.every((b) => b.text.state === 'missing');
    const fileName = csvFileName(metric.id, by, fixed.area, period);

    return html`
      ${this.renderHead(by ? t.byDimension(subject, dimensionLabel(feed, by, locale)) : subject)}
      <p class="context">${context}</p>
      ${empty ? html`<p class="empty">${t.noSeries}</p>`
        : this.showTable ? this.renderTables(fileName)
          : html`${rows.length ? this.renderQuantiles(rows, metric) : nothing}
            ${buckets.length ? html`<p class="subhead" id="${this.uid}-buckets">${t.bucketsHeading}</p>
              ${renderBarList(buckets.map((b) => ({ key: b.key, label: b.label, text: b.text, sentence: `${b.label}: ${b.text.long}` })), `${this.uid}-buckets`, true)}` : nothing}`}
      <p class="summary" part="summary">${empty ? t.noSeries : summary}</p>
      ${this.renderNotes([
        rows.length ? t.neverMinMax : undefined,
        hiddenQuantiles ? `${t.notShownSentence[0]!.toLocaleUpperCase(this.locale)}${t.notShownSentence.slice(1)}.` : undefined,
        hiddenBuckets ? t.hiddenRows(hiddenBuckets, this.kText(feed)) : undefined,
        withheld ? t.withheldRows(withheld) : undefined,
      ])}
    `;
  }

  private quantiles(feed: Feed, metric: Metric, period: string | undefined, fixed: Record<string, string>, by: string | undefined): QuantileRow[] {
    const t = this.t;
    const locale = this.locale;
    // Only quantiles strictly between 0 and 1 exist to show: a minimum or maximum in a feed is withheld by the guard.
    const qs = [...new Set(metric.cells.map((c) => c.q ?? 0.5))].filter((q) => q > 0 && q < 1).sort((a, b) => a - b);
    const keys = [TOTAL, ...(by ? orderedValues(feed, metric, by) : [])];
    return keys.map((key) => {
      const where = by ? { ...fixed, [by]: key } : fixed;
      return {
        key,
        label: valueLabel(feed, by ?? this.overallDimension(metric), key, locale, t),
        quantiles: qs.map((q) => ({ q, name: t.quantileName(q), text: describeWithProtection(feed, metric, cellAt(metric, period, where, q), t, locale) })),
      };
    }).filter((row) => row.key === TOTAL || row.quantiles.some((x) => x.text.state !== 'missing'));
  }

  /** Whose `*` names the unsplit row: the first category dimension ("All calls"), else the area ("Citywide"). */
  private overallDimension(metric: Metric): string {
    return metric.dimensions.find((d) => d !== 'period' && d !== 'area') ?? 'area';
  }

  private bucketTexts(feed: Feed, metric: Metric, period: string | undefined, fixed: Record<string, string>) {
    const t = this.t;
    const locale = this.locale;
    const declared = Object.keys(feed.dimensions?.[BUCKET_DIMENSION]?.values ?? {}).filter((v) => v !== TOTAL);
    let keys = orderedValues(feed, metric, BUCKET_DIMENSION);
    if (!declared.length) keys = keys.slice().sort((a, b) => bucketStart(a) - bucketStart(b));
    const cells = keys.map((key) => cellAt(metric, period, { ...fixed, [BUCKET_DIMENSION]: key }));
    // Buckets add up to the total: the same subtraction check as a breakdown.
    const protection = protectGroup(feed, metric, cellAt(metric, period, { ...fixed, [BUCKET_DIMENSION]: TOTAL }), cells);
    this.queueFaults(feed, protection.faults);
    return keys.map((key, i) => ({ key, label: this.bucketLabel(feed, key), text: describeWithProtection(feed, metric, cells[i], t, locale, protection.withheld) }))
      .filter((b) => b.text.state !== 'missing');
  }

  private bucketLabel(feed: Feed, key: string): string {
    const label = feed.dimensions?.[BUCKET_DIMENSION]?.values?.[key];
    const text = label ? resolveLabel(label, this.locale) : key;
    if (text !== key) return text;
    const range = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(key);
    if (range) return this.t.bucketRange(formatTick(Number(range[1]), 'minutes', this.locale), formatTick(Number(range[2]), 'minutes', this.locale));
    const open = /^(\d+(?:\.\d+)?)\s*\+$/.exec(key);
    return open ? this.t.bucketOpen(formatTick(Number(open[1]), 'minutes', this.locale)) : key;
  }

  private renderQuantiles(rows: QuantileRow[], metric: Metric): TemplateResult {
    const locale = this.locale;
    const values = rows.flatMap((r) => r.quantiles.filter((x) => x.text.state === 'published').map((x) => x.text.value!));
    const { end, ticks } = zeroBasedAxis(Math.max(1, ...values), 5);
    const x = linear([0, end], [0, 1]);
    const left = (v: number) => `${Math.min(100, Math.max(0, x(v) * 100))}%`;
    const marker = (q: number) => (q === 0.5 ? 'median' : q > 0.5 ? 'upper' : 'lower');
    return html`<ul class="quantiles" part="rows" aria-labelledby="${this.uid}-title">
      ${rows.map((row) => {
        const shown = row.quantiles.filter((q) => q.text.state === 'published');
        const low = shown[0];
        const high = shown[shown.length - 1];
        const sentence = `${row.label}: ${row.quantiles.map((q) => (q.text.state === 'published' ? `${this.t.quantileName(q.q).toLowerCase()} ${q.text.long}` : this.t.quantileHiddenSentence(q.name, q.text.long))).join(', ')}`;
        return html`<li class="qrow" data-key=${row.key}>
          <div class="visual" aria-hidden="true">
            <span class="name">${row.label}</span>
            <span class="scale">
              ${low && high && low !== high ? html`<span class="spread" ${cssomStyle({ left: left(low.text.value!), width: `calc(${left(high.text.value!)} - ${left(low.text.value!)})` })}></span>` : nothing}
              ${shown.map((q) => html`<span class="marker ${marker(q.q)}" ${cssomStyle({ left: left(q.text.value!) })}></span>`)}
            </span>
            <span class="value">${row.quantiles.map((q, i) => html`${i ? ' · ' : ''}<span class="q ${q.text.state}">${q.text.short}</span>`)}</span>
          </div>
          <span class="visually-hidden">${sentence}</span>
        </li>`;
      })}
    </ul>
    <div class="axis" part="axis" aria-hidden="true">
      <span class="name"></span>
      <span class="ticks">${ticks.map((v) => html`<span class="tick" ${cssomStyle({ left: left(v) })}>${formatTick(v, metric.unit, locale)}</span>`)}</span>
      <span class="value"></span>
    </div>
    <ul class="legend" aria-hidden="true">
      ${[...new Set(rows.flatMap((r) => r.quantiles.map((q) => q.q)))].map((q) => html`<li><span class="marker ${marker(q)}"></span> ${this.t.quantileName(q)}</li>`)}
    </ul>`;
  }

  private renderTables(fileName: string): TemplateResult {
    return html`<div class="table-wrap">
      ${this.tableModel ? renderDataTable(this.tableModel) : nothing}
      ${this.bucketModel ? renderDataTable(this.bucketModel) : nothing}
      <button class="no-print" part="download" @click=${() => this.downloadCsv(fileName)}>${this.t.downloadCsv}</button>
    </div>`;
  }
}
