import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightChartElement } from '../shared/chart-element.js';
import { tokens } from '../shared/styles.js';
import { chartStyles } from '../shared/chart.styles.js';
import { renderBarList } from '../shared/bars.js';
import { exportRow } from '../shared/export.js';
import { csvFileName, tableStyles, type TableModel } from '../shared/data-table.js';
import { cellAt, chosenPeriod, fixedWhere, orderedValues, valueLabel } from '../shared/labels.js';
import { describeWithProtection, isHidden, protectStages, type Described } from '../shared/protect.js';
import { funnelStyles } from './funnel.styles.js';
import type { Cell, Feed, Metric } from '../../core/types.js';
import { findMetric } from '../../core/select.js';
import { formatNumber, resolveLabel } from '../../core/format.js';
import '../../core/i18n/en/funnel.js';
import '../../core/i18n/en/categories.js';

/** One stage as shown. */
export interface FunnelStage {
  key: string;
  label: string;
  text: Described;
  /** "70% of identified": the share of the nearest earlier published stage; empty when none can be shown. */
  conversion: string;
}

/**
 * A funnel of nested stages, each a subset of the one before: past victims identified → contacted
 * → connected to services (a count metric with a `stage` dimension), or referrals → followed up
 * (a share metric: its base and its numerator). Each stage shows its count and the share of the
 * stage before it.
 *
 * Two published stages differ by a number of people (those who reached one and not the other), so
 * that difference must be 0 or at least k, and two equal stages must not enclose a hidden one (it
 * would be pinned between them). A stage that breaks either rule is hidden too and reported as a
 * `daylight-privacy-fault`. A rate is shown only between two published stages, so no rate is ever
 * computed from a hidden count.
 *
 * @summary Stages with counts and conversion rates; no hidden stage can be worked out.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart title - The title.
 * @csspart toggle - The "Show as table" button.
 * @csspart export - The "Download" menu (CSV, PNG, SVG).
 * @csspart export-button - The menu's summary button.
 * @csspart export-menu - The menu's list of formats.
 * @csspart bars - The list of stages.
 * @csspart bar - One stage's bar.
 * @csspart summary - The text summary.
 * @csspart notes - Notes about hidden stages.
 * @csspart table - The table shown instead of the bars.
 * @csspart download - The "Download CSV" button of the table.
 *
 * @cssprop [--daylight-funnel-min-height=14rem] - Height reserved before data arrives.
 * @cssprop [--daylight-color-accent=#1f5fbf] - Bar colour.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Colour of hidden stages.
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
 * @fires daylight-privacy-fault - Shown together, two stages would reveal a hidden one or a small group by subtraction, so one was hidden.
 */
export class DaylightFunnel extends DaylightChartElement {
  static override properties: PropertyDeclarations = {
    stages: {},
    stageDimension: { attribute: 'stage-dimension' },
    stageLabels: { attribute: 'stage-labels' },
  };

  static override styles = [tokens, tableStyles, chartStyles, funnelStyles];

  /** The stages in order, as values of the stage dimension: `identified,contacted,connected`. Default: the feed's order for the dimension. */
  stages?: string;

  /** The dimension that holds the stages. */
  stageDimension = 'stage';

  /** Names for the stages, comma-separated, overriding the feed's (for a share: base, then numerator). */
  stageLabels?: string;

  /** The stages of the current view (for tests and custom rendering). */
  shown: FunnelStage[] = [];

  protected override configurationProblem(feed: Feed): string | undefined {
    const problem = this.metricProblem(feed, this.metric);
    if (problem) return problem;
    const metric = findMetric(feed, this.metric!)!;
    const usable = metric.statistic === 'share' || metric.statistic === 'rate'
      || (metric.statistic === 'count' && metric.dimensions.includes(this.stageDimension));
    return usable ? undefined : this.t.notAFunnel(metric.id);
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const metric = findMetric(feed, this.metric!)!;
    const t = this.t;
    const locale = this.locale;
    const grain = feed.period.grain;
    const fromShare = metric.statistic !== 'count';
    const free = fromShare ? undefined : this.stageDimension;
    const fixed = fixedWhere(metric, this.where, this.area, this.selection, free);
    const period = chosenPeriod(metric, grain, this.period, this.selection, fixed, free ? [free] : []);
    const { keys, labels, cells, origin } = fromShare ? this.shareStages(metric, period, fixed) : this.countStages(feed, metric, period, fixed);
    const protection = protectStages(feed, metric, cells, origin);
    this.queueFaults(feed, protection.faults);
    // Stage counts read as counts, whether the metric is a count or a share's base and numerator.
    const counting: Metric = { ...metric, statistic: 'count', unit: 'count' };
    const texts = cells.map((cell) => describeWithProtection(feed, counting, cell, t, locale, protection.withheld));

    const stages: FunnelStage[] = keys.map((key, i) => {
      const text = texts[i]!;
      let conversion = '';
      if (text.state === 'published' && i > 0) {
        // The nearest earlier stage that is shown: a rate from two shown numbers reveals nothing new.
        let j = i - 1;
        while (j >= 0 && texts[j]!.state !== 'published') j--;
        const base = j >= 0 ? texts[j]! : undefined;
        if (base && base.value! > 0) conversion = t.conversionOf(formatNumber(text.value! / base.value!, 'share', locale), labels[j]!);
      }
      return { key, label: labels[i]!, text, conversion };
    });
    this.shown = stages;

    const subject = this.label ?? resolveLabel(metric.label, locale);
    const context = this.contextText(feed, metric, period, fixed);
    const model: TableModel = {
      caption: `${subject}, ${context}`,
      columns: [{ label: t.stageHeading }, { label: t.countHeading, numeric: true }, { label: t.conversionHeading }, { label: t.status }],
      rows: stages.map((s) => ({ key: s.key, header: s.label, cells: [s.text.short, s.conversion, s.text.note], state: s.text.state })),
    };
    this.tableModel = model;
    this.exportRows = stages.map((s) => exportRow(s.label, s.text, s.conversion ? ` (${s.conversion})` : ''));
    this.exportSubtitle = context;
    const hidden = stages.filter((s) => isHidden(s.text)).length;
    const anyData = stages.some((s) => s.text.state !== 'missing');
    const summary = t.funnelSummary(subject, context, stages.map((s) => t.funnelStep(s.label, s.text.long, s.conversion)).join(', '));

    return html`
      ${this.renderHead(subject)}
      <p class="context">${context}</p>
      ${!anyData ? html`<p class="empty">${t.noSeries}</p>`
        : this.showTable ? this.renderTableView(model, csvFileName(metric.id, fixed.area, period))
          : this.renderStages(stages)}
      <p class="summary" part="summary">${anyData ? summary : t.noSeries}</p>
      ${this.renderNotes([hidden ? t.hiddenStages(hidden, this.kText(feed)) : undefined])}
    `;
  }

  private countStages(feed: Feed, metric: Metric, period: string | undefined, fixed: Record<string, string>) {
    const dim = this.stageDimension;
    const listed = (this.stages ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const keys = listed.length ? listed : orderedValues(feed, metric, dim);
    const custom = this.customLabels();
    return {
      keys,
      labels: keys.map((key, i) => custom[i] ?? valueLabel(feed, dim, key, this.locale, this.t)),
      cells: keys.map((key) => cellAt(metric, period, { ...fixed, [dim]: key })),
      origin: undefined,
    };
  }

  /** A share is a two-stage funnel: its base (n) and its numerator, both taken from the one cell. */
  private shareStages(metric: Metric, period: string | undefined, fixed: Record<string, string>) {
    const t = this.t;
    const cell = cellAt(metric, period, fixed);
    const custom = this.customLabels();
    const defaults = metric.id.startsWith('referral_followup') ? [t.stageReferred, t.stageFollowedUp] : [t.stageAll, resolveLabel(metric.label, this.locale)];
    let cells: Array<Cell | undefined>;
    if (!cell) cells = [undefined, undefined];
    else if (cell.suppressed || typeof cell.value !== 'number' || cell.numerator === undefined) {
      // A hidden share hides its base and numerator too (and a suppressed cell states neither).
      cells = [{ ...cell, n: 0, suppressed: true }, { ...cell, n: 0, suppressed: true }];
      delete cells[0]!.value;
      delete cells[1]!.value;
    } else {
      cells = [{ n: cell.n, value: cell.n }, { n: cell.numerator, value: cell.numerator }];
    }
    const derived = new Set(cells);
    return {
      keys: ['base', 'numerator'],
      labels: [custom[0] ?? defaults[0]!, custom[1] ?? defaults[1]!],
      cells,
      origin: (stage: Cell) => (cell && derived.has(stage) ? cell : stage),
    };
  }

  private customLabels(): Array<string | undefined> {
    return (this.stageLabels ?? '').split(',').map((s) => s.trim() || undefined);
  }

  private renderStages(stages: FunnelStage[]): TemplateResult {
    const t = this.t;
    return renderBarList(stages.map((stage) => ({
      key: stage.key, label: stage.label, text: stage.text, note: stage.conversion,
      sentence: t.funnelStep(stage.label, stage.text.long, stage.conversion),
    })), `${this.uid}-title`, true);
  }
}
