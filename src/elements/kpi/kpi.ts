import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DaylightDataElement } from '../shared/data-element.js';
import { tokens } from '../shared/styles.js';
import { choiceOf, COMPARISONS } from '../shared/choices.js';
import { areaName as areaLabel, fixedWhere } from '../shared/labels.js';
import { kpiStyles } from './kpi.styles.js';
import { exportCredits, exportFileBase, exportRow, renderExportMenu, type ExportChart } from '../shared/export.js';
import type { Feed, Metric } from '../../core/types.js';
import {
  comparisonPeriod, findMetric, latestPeriod, quantileFromStatistic, selectCell, type Comparison, type Selection,
} from '../../core/select.js';
import { describeCell } from '../../core/describe.js';
import { formatDifference, formatPeriod, resolveLabel } from '../../core/format.js';
import { directionOf, toneOf } from '../../core/compare.js';
import '../../core/i18n/en/kpi.js';

/**
 * One headline number: the latest period's value of a metric, with its unit, a comparison and a
 * plain-language sentence for screen readers. Suppressed values read "Hidden"; the number
 * itself never reaches the page.
 *
 * @summary A headline number with a comparison.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart label - The metric's name.
 * @csspart value - The headline value.
 * @csspart comparison - The change against the comparison period.
 * @csspart export - The "Download" menu (CSV, PNG, SVG).
 * @csspart export-button - The menu's summary button.
 * @csspart export-menu - The menu's list of formats.
 *
 * @cssprop [--daylight-kpi-min-height=13.5rem] - Height reserved before data arrives.
 * @cssprop [--daylight-color-better=#17693a] - Colour of a change for the better.
 * @cssprop [--daylight-color-worse=#a3261b] - Colour of a change for the worse.
 * @cssprop [--daylight-color-accent=#1f5fbf] - Accent colour.
 * @cssprop [--daylight-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour (light theme; `--daylight-color-text-dark` for dark).
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text: context lines, notes, axes (`-dark`: #b4bcc8).
 * @cssprop [--daylight-color-surface=#ffffff] - The card's background (`-dark`: #161a20).
 * @cssprop [--daylight-color-subtle=#f3f5f8] - Tracks and hover backgrounds (`-dark`: #222832).
 * @cssprop [--daylight-color-border=#c4cad3] - Card and table rules (`-dark`: #4a5361).
 * @cssprop [--daylight-color-suppressed=#5f6875] - Hidden values: text and hatching (`-dark`: #a3acb9).
 * @cssprop [--daylight-color-focus=#1f5fbf] - The keyboard focus ring (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-error=#a3261b] - Error states (`-dark`: #ff9b8f).
 * @cssprop [--daylight-radius=8px] - Corner radius of the card (buttons use half).
 * @cssprop [--daylight-space=1rem] - The card's padding.
 * @cssprop [--daylight-shadow=none] - The card's shadow.
 */
export class DaylightKpi extends DaylightDataElement {
  static override properties: PropertyDeclarations = {
    metric: {},
    statistic: {},
    area: {},
    where: {},
    period: {},
    compare: {},
    label: {},
  };

  static override styles = [tokens, kpiStyles];

  /** The metric id, e.g. `response_time`. */
  metric?: string;

  /** For quantile metrics: `median` (default), `p90`, or a fraction such as `0.75`. */
  statistic?: string;

  /** The area to show; defaults to the whole jurisdiction (or the area chosen in a `<daylight-filter>`). */
  area?: string;

  /** Other dimensions to fix, as `key=value` pairs separated by `;`, e.g. `type=fatal`. */
  where?: string;

  /** The period to show (e.g. `2026-10`); defaults to the latest period with data. */
  period?: string;

  protected override get requestedPeriod(): string | undefined {
    return this.period;
  }

  /** What to compare with: `year` (same period a year earlier; default), `previous` (the period before), or `none`. */
  compare: Comparison = 'year';

  /** Overrides the metric's label. */
  label?: string;

  private exported?: { rows: Array<Array<string | number>>; chart: ExportChart };

  /** The CSV rows of the shown value: period, value (a number only when published), note. */
  csvRows(): Array<Array<string | number>> {
    return this.exported?.rows ?? [];
  }

  /** The headline as the image exports draw it. */
  exportChart(): ExportChart | undefined {
    return this.exported?.chart;
  }

  protected override configurationProblem(feed: Feed): string | undefined {
    return this.metricProblem(feed, this.metric);
  }

  private selectionFor(metric: Metric): Selection {
    return { where: fixedWhere(metric, this.where, this.area, this.selection), q: quantileFromStatistic(this.statistic) };
  }

  protected override renderReady(feed: Feed): TemplateResult {
    const metric = findMetric(feed, this.metric!)!;
    const t = this.t;
    const locale = this.locale;
    const grain = feed.period.grain;
    const selection = this.selectionFor(metric);
    const isQuantile = metric.statistic === 'quantile';
    const subject = this.label ?? t.statisticLabel(resolveLabel(metric.label, locale), isQuantile ? selection.q : undefined);
    const period = this.period ?? this.selection?.period ?? latestPeriod(metric, grain, selection);
    const areaName = areaLabel(feed, metric, selection.where?.area, this.locale, this.t);

    this.exported = undefined;
    if (!period) {
      return html`<p class="label" part="label">${subject}</p><p class="value missing" part="value">${t.noData}</p>
        <p class="visually-hidden">${t.kpiNoPeriod(subject)}</p>`;
    }
    const periodText = formatPeriod(period, grain, locale);
    const current = describeCell(feed, metric, selectCell(metric, grain, period, selection), t, locale);
    let sentence: string;
    let comparison: TemplateResult | typeof nothing = nothing;
    if (current.state === 'missing') {
      sentence = t.kpiMissing(subject, periodText);
    } else if (current.state !== 'published') {
      sentence = t.kpiSuppressed(subject, periodText, current.long);
    } else {
      sentence = t.kpiValue(subject, current.long, periodText, isQuantile);
      const otherPeriod = comparisonPeriod(period, grain, choiceOf(this, 'compare', this.compare, COMPARISONS, 'year'));
      if (otherPeriod) {
        const otherText = formatPeriod(otherPeriod, grain, locale);
        const other = describeCell(feed, metric, selectCell(metric, grain, otherPeriod, selection), t, locale);
        if (other.state === 'published') {
          const delta = current.value! - other.value!;
          const difference = this.differenceText(metric, delta);
          const rounded = difference.replace(/[^1-9]/g, '') === '' ? 0 : delta;
          const direction = directionOf(metric, rounded);
          const tone = toneOf(metric, rounded);
          sentence += t.comparison(difference, direction, otherText);
          comparison = html`<p class="comparison ${tone}" part="comparison">
            <span class="arrow" aria-hidden="true">${rounded > 0 ? '▲' : rounded < 0 ? '▼' : '＝'}</span>
            ${t.comparisonShort(difference, direction, formatPeriod(otherPeriod, grain, locale, 'short'))}
          </p>`;
        } else {
          sentence += t.comparisonUnavailable(otherText, other.state === 'missing' ? 'missing' : 'suppressed');
          comparison = other.state === 'missing'
            ? nothing
            : html`<p class="comparison neutral" part="comparison">${t.comparisonHidden(formatPeriod(otherPeriod, grain, locale, 'short'))}</p>`;
        }
      } else {
        sentence += '.';
      }
    }

    const fullSentence = `${sentence}${areaName ? ` (${areaName})` : ''}${current.unstable ? ` ${t.unstable}: ${t.unstableExplain}` : ''}`;
    this.exported = {
      rows: [
        [t.period, t.value, t.status],
        [period, current.state === 'published' ? current.value! : '', current.state === 'published' ? (current.unstable ? t.unstable : '') : current.short],
      ],
      chart: {
        kind: 'number', title: subject, subtitle: areaName ? `${periodText} · ${areaName}` : periodText,
        rows: [exportRow(subject, current)], sentence: fullSentence, ...exportCredits(feed, t, locale),
      },
    };
    return html`
      <div aria-hidden="true">
        <p class="label" part="label">${subject}</p>
        <p class="value ${current.state}" part="value">${current.short}${current.unstable ? html`<sup class="unstable-mark">*</sup>` : nothing}</p>
        <p class="context">${periodText}${areaName ? html` · ${areaName}` : nothing}</p>
        ${comparison}
        ${current.unstable ? html`<p class="fineprint">* ${t.unstable}: ${t.unstableExplain}</p>` : nothing}
        ${current.state === 'withheld' ? html`<p class="fineprint">${t.withheldFault}</p>` : nothing}
        ${current.state === 'suppressed' && metric.statistic === 'count' ? html`<p class="fineprint">${t.suppressedExplain(this.kText(feed))}</p>` : nothing}
      </div>
      <p class="visually-hidden" part="sentence">${fullSentence}</p>
      <div class="actions no-print">${renderExportMenu({
        fileBase: exportFileBase(metric.id, this.statistic, selection.where?.area, period),
        csvRows: () => this.csvRows(),
        chart: () => this.exportChart(),
      }, t, subject)}</div>
    `;
  }

  private differenceText(metric: Metric, delta: number): string {
    const number = formatDifference(delta, metric.unit, this.locale, metric.per);
    if (metric.unit === 'share') return this.t.percentagePoints(number);
    if (metric.unit === 'minutes') return this.t.minutesLong(number);
    return number;
  }

}
