import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightChartElement } from '../shared/chart-element.js';
import { tokens } from '../shared/styles.js';
import { choiceOf, COMPARISONS } from '../shared/choices.js';
import { exportRow } from '../shared/export.js';
import { csvFileName, tableStyles, type TableModel } from '../shared/data-table.js';
import { cellAt, chosenPeriod, dimensionLabel, fixedWhere, OTHER_VALUE, orderedValues, UNKNOWN_VALUE, valueLabel } from '../shared/labels.js';
import { describeWithProtection, isHidden, protectGroup, type Described } from '../shared/protect.js';
import { chartStyles } from '../shared/chart.styles.js';
import { renderBarList } from '../shared/bars.js';
import { breakdownStyles } from './breakdown.styles.js';
import type { Cell, Feed, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { comparisonPeriod, findMetric, quantileFromStatistic, type Comparison } from '../../core/select.js';
import { formatDifference, formatNumber, formatPeriod, resolveLabel } from '../../core/format.js';
import { directionOf } from '../../core/compare.js';
import '../../core/i18n/en/breakdown.js';
import '../../core/i18n/en/categories.js';

/** One category as shown. */
export interface BreakdownRow {
  /** The dimension value, e.g. `housing`. */
  key: string;
  label: string;
  text: Described;
  /** "35%" of the published total; empty when it cannot be shown. */
  share: string;
  /** The change from the comparison period, in words; empty when there is none. */
  change: string;
  /** The comparison period's value as shown ("70", "Hidden"), when comparing. */
  previous?: Described;
  /** -1, 0, 1: the direction of a published change; undefined when there is none. */
  sign?: number;
}

/**
 * Horizontal bars, one per category of a dimension: referrals by service, visits by responder
 * type. Largest first, hidden categories after the published ones (in the feed's order, so their
 * place says nothing about their size), "Other" and "Unknown" last. Each bar shows its count and its
 * share of the total; with `compare`, the change from an earlier period.
 *
 * When a total is published and the hidden categories could be worked out from it by subtraction
 * (one hidden category, or hidden ones that add up to fewer than k), the element hides the smallest
 * category that closes the gap as well (or, failing that, the total) and reports a
 * `daylight-privacy-fault`: the builder should have done this already.
 *
 * @summary Horizontal bars by category, with shares and an optional comparison.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart title - The title.
 * @csspart toggle - The "Show as table" button.
 * @csspart export - The "Download" menu (CSV, PNG, SVG).
 * @csspart export-button - The menu's summary button.
 * @csspart export-menu - The menu's list of formats.
 * @csspart bars - The list of bars.
 * @csspart bar - One bar.
 * @csspart summary - The text summary.
 * @csspart notes - Notes about hidden categories.
 * @csspart table - The table shown instead of the bars.
 * @csspart download - The "Download CSV" button of the table.
 *
 * @cssprop [--daylight-breakdown-min-height=16rem] - Height reserved before data arrives.
 * @cssprop [--daylight-color-accent=#1f5fbf] - Bar colour.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Colour of hidden categories.
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
 * @fires daylight-privacy-fault - Shown together, the numbers would reveal a hidden category by subtraction, so one more was hidden.
 */
export class DaylightBreakdown extends DaylightChartElement {
  static override properties: PropertyDeclarations = {
    by: {},
    compare: {},
    sort: {},
    statistic: {},
  };

  static override styles = [tokens, tableStyles, chartStyles, breakdownStyles];

  /** The dimension to split by, e.g. `service` or `responder_type`. */
  by?: string;

  /** Compare each category with `previous` (the period before), `year` (a year earlier), or `none` (default). */
  compare: Comparison = 'none';

  /** `value` (default): largest first; `feed`: the order the feed lists the categories in. Other and Unknown stay last either way. */
  sort: 'value' | 'feed' = 'value';

  /** For quantile metrics: `median` (default), `p90`, or a fraction. */
  statistic?: string;

  /** The rows of the current view (for tests and custom rendering). */
  rows: BreakdownRow[] = [];

  protected override configurationProblem(feed: Feed): string | undefined {
    const problem = this.metricProblem(feed, this.metric);
    if (problem) return problem;
    const metric = findMetric(feed, this.metric!)!;
    if (!this.by) return this.t.unknownDimension('', metric.dimensions.filter((d) => d !== 'period').join(', '));
    return metric.dimensions.includes(this.by) && this.by !== 'period' ? undefined : this.t.unknownDimension(this.by, metric.dimensions.join(', '));
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const metric = findMetric(feed, this.metric!)!;
    const t = this.t;
    const locale = this.locale;
    const grain = feed.period.grain;
    const by = this.by!;
    const fixed = fixedWhere(metric, this.where, this.area, this.selection, by);
    const q = metric.statistic === 'quantile' ? quantileFromStatistic(this.statistic) : undefined;
    const period = chosenPeriod(metric, grain, this.period, this.selection, fixed, [by]);
    const keys = orderedValues(feed, metric, by);
    const isCount = metric.statistic === 'count';

    const group = (at: string | undefined) => {
      const members = keys.map((key) => cellAt(metric, at, { ...fixed, [by]: key }, q));
      const total = cellAt(metric, at, { ...fixed, [by]: TOTAL }, q);
      const protection = isCount ? protectGroup(feed, metric, total, members) : undefined;
      if (protection) this.queueFaults(feed, protection.faults);
      const describe = (cell: Cell | undefined) => describeWithProtection(feed, metric, cell, t, locale, protection?.withheld);
      return { members: members.map(describe), total: describe(total) };
    };
    const current = group(period);
    const compare = choiceOf(this, 'compare', this.compare, COMPARISONS, 'none');
    const otherPeriod = period && compare !== 'none' ? comparisonPeriod(period, grain, compare) : undefined;
    const previous = otherPeriod ? group(otherPeriod) : undefined;
    const totalShown = current.total.state === 'published' && (current.total.value ?? 0) > 0;
    const otherShort = otherPeriod ? formatPeriod(otherPeriod, grain, locale, 'short') : '';

    let rows: BreakdownRow[] = keys.map((key, i) => {
      const text = current.members[i]!;
      const before = previous?.members[i];
      const share = isCount && totalShown && text.state === 'published'
        ? formatNumber(text.value! / current.total.value!, 'share', locale) : '';
      let change = '';
      let sign: number | undefined;
      if (before && text.state !== 'missing') {
        if (text.state === 'published' && before.state === 'published') {
          const delta = text.value! - before.value!;
          const difference = formatDifference(delta, metric.unit, locale, metric.per);
          const rounded = /[1-9]/.test(difference) ? delta : 0;
          sign = Math.sign(rounded);
          const words = metric.unit === 'share' ? t.percentagePoints(difference) : metric.unit === 'minutes' ? t.minutesLong(difference) : difference;
          change = t.comparisonShort(words, directionOf(metric, rounded), otherShort);
        } else if (before.state !== 'missing' || text.state === 'published') {
          change = t.noComparisonWith(otherShort);
        }
      }
      return { key, label: valueLabel(feed, by, key, locale, t), text, share, change, ...(before ? { previous: before } : {}), ...(sign !== undefined ? { sign } : {}) };
    }).filter((row) => row.text.state !== 'missing');
    rows = this.order(rows);
    this.rows = rows;

    const subject = this.label ?? t.byDimension(t.statisticLabel(resolveLabel(metric.label, locale), q), dimensionLabel(feed, by, locale));
    const context = this.contextText(feed, metric, period, fixed, by);
    const model = this.buildTable(feed, metric, subject, context, rows, current.total, otherPeriod);
    this.tableModel = model;
    this.exportRows = rows.map((row) => exportRow(row.label, row.text, row.share ? ` (${row.share})` : ''));
    this.exportSubtitle = context;
    const k = this.kText(feed);
    const published = rows.filter((r) => r.text.state === 'published');
    const largest = published.length ? [...published].sort((a, b) => b.text.value! - a.text.value!)[0]! : undefined;
    const suppressed = rows.filter((r) => r.text.state === 'suppressed').length;
    const withheld = rows.filter((r) => r.text.state === 'withheld').length;
    const summary = t.breakdownSummary(subject, context,
      largest ? `${largest.label}, ${largest.text.long}${largest.share ? ` (${t.shareOfTotal(largest.share)})` : ''}` : '',
      current.total.state === 'published' ? `${this.totalLabel}: ${current.total.long}` : '');

    return html`
      ${this.renderHead(subject)}
      <p class="context">${context}</p>
      ${rows.length === 0 ? html`<p class="empty">${t.noSeries}</p>`
        : this.showTable ? this.renderTableView(model, csvFileName(metric.id, by, fixed.area, period))
          : this.renderBars(rows, current.total)}
      <p class="summary" part="summary">${summary}</p>
      ${this.renderNotes([
        suppressed ? t.hiddenCategories(suppressed, k) : undefined,
        withheld ? t.withheldRows(withheld) : undefined,
        current.total.state === 'withheld' ? t.totalWithheld : undefined,
        rows.some((r) => r.text.unstable) ? `* ${t.unstable}: ${t.unstableExplain}` : undefined,
      ])}
    `;
  }

  private order(rows: BreakdownRow[]): BreakdownRow[] {
    // Hidden categories go after the published ones in feed order, never by size: where a hidden
    // bar sits must not hint at its value. Other and Unknown close the list.
    const rank = (row: BreakdownRow) => (row.key === UNKNOWN_VALUE ? 3 : row.key === OTHER_VALUE ? 2 : isHidden(row.text) ? 1 : 0);
    const bySize = choiceOf(this, 'sort', this.sort, ['value', 'feed'], 'value') === 'value';
    const indexed = rows.map((row, index) => ({ row, index }));
    return indexed.sort((a, b) => rank(a.row) - rank(b.row)
      || (bySize && rank(a.row) === 0 ? (b.row.text.value ?? 0) - (a.row.text.value ?? 0) : 0)
      || a.index - b.index).map(({ row }) => row);
  }

  private renderBars(rows: BreakdownRow[], total: Described): TemplateResult {
    const t = this.t;
    const arrow = (row: BreakdownRow) => (row.sign === undefined ? '' : row.sign > 0 ? '▲ ' : row.sign < 0 ? '▼ ' : '＝ ');
    return html`${renderBarList(rows.map((row) => ({
      key: row.key,
      label: row.label,
      text: row.text,
      valueExtra: row.share ? html` <span class="share">${row.share}</span>` : undefined,
      note: row.change ? `${arrow(row)}${row.change}` : undefined,
      sentence: [`${row.label}: ${row.text.long}`, row.share ? t.shareOfTotal(row.share) : '', row.change, row.text.unstable ? t.unstable : '']
        .filter(Boolean).join(', '),
    })), `${this.uid}-title`)}
    ${total.state !== 'missing' ? html`<p class="total"><span>${this.totalLabel}</span> <strong>${total.short}</strong></p>` : nothing}`;
  }

  /** "Total" for counts; for a median or a share, the feed's name for the `*` value ("All calls"). */
  private get totalLabel(): string {
    const state = this.effectiveState;
    if (state?.status !== 'ready') return this.t.total;
    const metric = findMetric(state.feed, this.metric ?? '');
    return !metric || metric.statistic === 'count' ? this.t.total : valueLabel(state.feed, this.by ?? '', TOTAL, this.locale, this.t);
  }

  private buildTable(feed: Feed, metric: Metric, subject: string, context: string, rows: BreakdownRow[], total: Described, otherPeriod: string | undefined): TableModel {
    const t = this.t;
    const grain = feed.period.grain;
    const isCount = metric.statistic === 'count';
    const comparing = otherPeriod !== undefined;
    const columns = [
      { label: dimensionLabel(feed, this.by!, this.locale) },
      { label: isCount ? t.countHeading : t.value, numeric: true },
      ...(isCount ? [{ label: t.shareHeading, numeric: true }] : []),
      ...(comparing ? [{ label: formatPeriod(otherPeriod, grain, this.locale), numeric: true }, { label: t.changeColumn(formatPeriod(otherPeriod, grain, this.locale, 'short')) }] : []),
      { label: t.status },
    ];
    const cells = (row: { text: Described; share: string; previous?: Described; change: string }) => [
      row.text.short,
      ...(isCount ? [row.share] : []),
      ...(comparing ? [row.previous?.short ?? '', row.change] : []),
      row.text.note,
    ];
    return {
      caption: `${subject}, ${context}`,
      columns,
      rows: rows.map((row) => ({ key: row.key, header: row.label, cells: cells(row), state: row.text.state })),
      foot: total.state === 'missing' ? [] : [{ key: TOTAL, header: this.totalLabel, cells: cells({ text: total, share: '', change: '' }), state: total.state }],
    };
  }
}
