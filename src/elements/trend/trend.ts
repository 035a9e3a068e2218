import { html, nothing, render, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { cssomStyle } from '../shared/cssom-style.js';
import { max } from 'd3-array';
import { coordinate, linear, polyline, zeroBasedAxis, type Linear } from '../shared/axis.js';
import { DaylightDataElement } from '../shared/data-element.js';
import { WidthController } from '../shared/resize.js';
import { deferred, IdleQueue, type Deferred } from '../shared/tasks.js';
import { numberOf } from '../shared/choices.js';
import { downloadText, toCsv } from '../shared/csv.js';
import { tokens } from '../shared/styles.js';
import { dataTableStyles } from '../shared/table.styles.js';
import { areaName as areaLabel, fixedWhere } from '../shared/labels.js';
import { exportCredits, exportFileBase, exportRow, ExportMenu, type ExportChart, type ExportSource } from '../shared/export.js';
import { htmlElement, setAttribute, setText, svgElement } from '../shared/dom.js';
import { trendStyles } from './trend.styles.js';
import type { Feed, Metric } from '../../core/types.js';
import { catalogueLoaded, type Messages } from '../../core/i18n/index.js';
import '../../core/i18n/en/trend.js';
import { findMetric, quantileFromStatistic, selectSeries, type Selection } from '../../core/select.js';
import { describeCell, type CellText } from '../../core/describe.js';
import { formatPeriod, formatTick, resolveLabel } from '../../core/format.js';

interface Point {
  period: string;
  label: string;
  text: CellText;
}

/**
 * The card's parts that every load paints, built once with DOM calls (see dom.ts) and updated in
 * place; the table, the tooltip, the point layer and the legend stay templates.
 */
interface Card {
  head: HTMLElement;
  title: HTMLElement;
  toggle: HTMLButtonElement;
  menu: ExportMenu;
  plot: HTMLElement;
  keys: HTMLElement;
  plotTitle: HTMLElement;
  summary: HTMLElement;
}

/** A drawn chart: its SVG, what it was drawn for, and the scales that place points and a tooltip on it. */
interface Drawn {
  key: string;
  svg: SVGSVGElement;
  shapes?: SVGGElement;
  x: Linear;
  y: Linear;
  baseline: number;
}

const DEFAULT_HEIGHT = 240;
const MARGIN = { top: 12, right: 14, bottom: 30 };
const DOT_RADIUS = 3.5;
/** At the latest this long after the chart first draws, its points are keyboard-reachable (see `pointLayer`). */
const POINT_LAYER_TIMEOUT_MS = 200;
let nextId = 0;

/** The hatched square that marks a hidden period, centred on (cx, cy). */
function suppressedMarkerShape(cx: number, cy: number): { x: number; y: number; d: string } {
  return { x: cx - 5, y: cy - 5, d: `M${cx - 5} ${cy + 5} L${cx + 5} ${cy - 5} M${cx - 5} ${cy} L${cx} ${cy - 5} M${cx} ${cy + 5} L${cx + 5} ${cy}` };
}

/**
 * A line chart of a metric over the feed's periods. Suppressed periods are gaps with a marker,
 * never zeros; every point is reachable by keyboard; a text summary and a table (with CSV
 * download) carry the same information for readers who do not use the chart.
 *
 * @summary A line chart over time, with gaps for suppressed periods.
 * @status stable
 *
 * @csspart base - The card.
 * @csspart title - The chart's title.
 * @csspart chart - The SVG chart.
 * @csspart line - The data line.
 * @csspart tooltip - The tooltip of the focused or hovered point.
 * @csspart summary - The text summary under the chart.
 * @csspart table - The table shown instead of the chart.
 * @csspart toggle - The "Show as table" button.
 * @csspart export - The "Download" menu (CSV, PNG, SVG).
 * @csspart export-button - The menu's summary button.
 * @csspart export-menu - The menu's list of formats.
 *
 * @cssprop [--daylight-color-accent=#1f5fbf] - Line colour.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Colour of suppressed-period markers.
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
 */
export class DaylightTrend extends DaylightDataElement {
  static override properties: PropertyDeclarations = {
    metric: {},
    statistic: {},
    area: {},
    where: {},
    periods: { type: Number },
    height: { type: Number },
    label: {},
    showTable: { type: Boolean, attribute: 'show-table', reflect: true },
    active: { state: true },
    tooltipVisible: { state: true },
    pointLayer: { state: true },
  };

  static override styles = [tokens, dataTableStyles, trendStyles];

  /** The metric id, e.g. `incidents`. */
  metric?: string;

  /** For quantile metrics: `median` (default), `p90`, or a fraction such as `0.75`. */
  statistic?: string;

  /** The area to show; defaults to the whole jurisdiction (or the area chosen in a `<daylight-filter>`). */
  area?: string;

  /** Other dimensions to fix, as `key=value` pairs separated by `;`, e.g. `type=fatal`. */
  where?: string;

  /** Show only the last N periods (a whole number of at least 1; anything else shows every period). */
  periods?: number;

  /** Height of the plot area in CSS pixels, 60 to 2,000; anything else means the default, 240. */
  height = DEFAULT_HEIGHT;

  /** Overrides the chart title (the metric's label by default). */
  label?: string;

  /** Opens the table view first. */
  showTable = false;

  private active = -1;
  private tooltipVisible = false;

  /**
   * Whether the points are drawn as one element each, focusable and labelled for keyboards and
   * screen readers. The first drawing of a chart shows them as the eye sees them, in a few shapes,
   * and builds the elements when the page is next idle after that paint: a page of eight charts
   * builds 480 of them, and in the render benchmark that was 8 of the 56 ms of main-thread work
   * before anything was on screen. A pointer on the chart, or keyboard focus on it, builds them at
   * once; `updateComplete` waits for them.
   */
  private pointLayer = false;
  private pointLayerPending?: Deferred<void>;

  /**
   * Trends whose point layers wait for the page's idle moments, shared by every trend: one
   * callback per chart built one chart per frame (under 4x CPU throttling a page of eight was
   * keyboard-ready 200 ms after it painted, against 109 ms this way), and all of them in one task
   * would hold the page for ~100 ms on a slow phone.
   */
  private static readonly pointLayers = new IdleQueue<DaylightTrend>((trend) => trend.showPointLayer(), POINT_LAYER_TIMEOUT_MS);

  /** A new width redraws the chart alone, at once, in the frame that measured it (see `onWidthChange`). */
  private readonly size = new WidthController(this, () => this.onWidthChange());

  /** `height`, or its default when it is not a number from 60 to 2,000 (with a console warning): a height of 1e9 asked the axis for millions of ticks. */
  private get plotHeight(): number {
    return numberOf(this, 'height', this.height, { min: 60, max: 2000, fallback: DEFAULT_HEIGHT });
  }
  private readonly uid = `daylight-trend-${++nextId}`;
  private points: Point[] = [];
  private pointsFeed?: Feed;
  private pointsMessages?: Messages;
  private pointsKey = '';
  /** Counts changes of `points`: part of what a drawn chart was drawn for. */
  private pointsVersion = 0;
  private exportTitle = '';
  private exportSubtitle = '';
  private card?: Card;
  private drawn?: Drawn;
  /** Draws the plot for the latest render's metric; undefined while the plot is not shown. */
  private redraw?: () => void;
  private exportSource?: ExportSource;
  private tooltipRendered = false;

  /** WCAG 1.4.13: a tooltip shown by hover is dismissable without moving the pointer, by Escape anywhere on the page. */
  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.tooltipVisible) this.tooltipVisible = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onDocumentKeyDown);
    // Moved on the page before its points were built: `updated` schedules them again.
    if (this.hasUpdated && !this.pointLayer) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeyDown);
    DaylightTrend.pointLayers.delete(this);
    // Nobody waits on a chart that is off the page.
    this.settlePointLayer();
  }

  /** The element's update, and the point layer when one is scheduled: awaiting it, a script finds every point. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.pointLayerPending) {
      await this.pointLayerPending.promise;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override configurationProblem(feed: Feed): string | undefined {
    return this.metricProblem(feed, this.metric);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The loading and error states reserve the plot's height too.
    if (changed.has('height')) this.style.setProperty('--_plot-height', `${this.plotHeight}px`);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The card's content box is the plot's width, and the card is there in every state: by the
    // time a loading feed arrives its width is known, so the chart draws in its first render.
    this.size.observe(this.renderRoot.querySelector('.card'));
    this.schedulePointLayer();
  }

  /** Once a chart is on the page with its points as shapes, its point elements wait for an idle moment. */
  private schedulePointLayer(): void {
    if (!this.pointLayer && !this.pointLayerPending && this.isConnected && this.drawn?.svg.isConnected) {
      this.pointLayerPending = deferred();
      DaylightTrend.pointLayers.add(this);
    }
  }

  /**
   * Only the chart depends on the width, so a new width redraws the chart alone, in the
   * ResizeObserver callback that measured it (before that frame's paint), and not the card's
   * words, menu and summary through a whole update.
   */
  private onWidthChange(): void {
    if (this.redraw && !this.isUpdatePending && this.card?.plot.isConnected) {
      this.redraw();
      this.schedulePointLayer();
    } else {
      this.requestUpdate();
    }
  }

  private showPointLayer(): void {
    DaylightTrend.pointLayers.delete(this);
    this.pointLayer = true;
    // Rendered now rather than in a microtask, so that the idle callback's deadline sees its cost.
    // The update Lit has queued then finds nothing pending.
    if (this.isUpdatePending && !catalogueLoaded(this.locale)) this.performUpdate();
    this.settlePointLayer();
  }

  private settlePointLayer(): void {
    const pending = this.pointLayerPending;
    this.pointLayerPending = undefined;
    pending?.resolve();
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
    // Hover, focus, a tooltip or the point layer re-render the card; the series and
    // its 60-odd formatted labels only change with these inputs.
    const periods = numberOf(this, 'periods', this.periods, { min: 1, integer: true, fallback: undefined });
    const pointsKey = [metric.id, JSON.stringify(selection), locale, periods ?? ''].join('\u0000');
    if (feed !== this.pointsFeed || t !== this.pointsMessages || pointsKey !== this.pointsKey) {
      let series = selectSeries(metric, grain, selection);
      if (periods) series = series.slice(-periods);
      this.points = series.map(({ period, cell }) => ({
        period,
        label: formatPeriod(period, grain, locale),
        text: describeCell(feed, metric, cell, t, locale),
      }));
      this.pointsFeed = feed;
      this.pointsMessages = t;
      this.pointsKey = pointsKey;
      this.pointsVersion++;
    }
    if (this.active >= this.points.length) this.active = this.points.length - 1;
    const subject = this.label ?? t.statisticLabel(resolveLabel(metric.label, locale), metric.statistic === 'quantile' ? selection.q : undefined);
    const areaName = areaLabel(feed, metric, selection.where?.area, this.locale, this.t);
    const title = areaName ? `${subject} — ${areaName}` : subject;
    const hidden = this.points.filter((p) => p.text.state === 'suppressed' || p.text.state === 'withheld').length;
    const unstable = this.points.some((p) => p.text.unstable);
    const k = this.kText(feed);
    this.exportTitle = title;
    this.exportSubtitle = this.points.length ? `${this.points[0]!.label} – ${this.points[this.points.length - 1]!.label}` : '';

    const card = this.card ??= this.buildCard();
    setText(card.title, title);
    setText(card.toggle, this.showTable ? t.showChart : t.showTable);
    setAttribute(card.toggle, 'aria-pressed', this.showTable ? 'true' : 'false');
    this.exportSource = {
      fileBase: exportFileBase(metric.id, this.statistic, selection.where?.area),
      csvRows: () => this.csvRows(),
      chart: () => this.exportChart(),
    };
    card.menu.label(t, title);
    setText(card.summary, `${this.summary(subject, areaName || t.citywide)}${hidden ? ` ${t.hiddenPeriods(hidden, k)}` : ''}`);

    let body: TemplateResult | HTMLElement;
    this.redraw = undefined;
    if (this.points.length === 0) {
      body = html`<div class="plot empty"><p>${t.noSeries}</p></div>`;
    } else if (this.showTable) {
      body = this.renderTable(metric, title);
    } else {
      setText(card.keys, t.chartKeys);
      setText(card.plotTitle, title);
      this.redraw = () => this.drawPlot(metric);
      this.redraw();
      body = card.plot;
    }
    return html`${card.head}${body}${card.summary}${hidden || unstable ? html`<ul class="legend" aria-hidden="true">
        ${hidden ? html`<li><svg width="14" height="14" viewBox="0 0 14 14">${this.suppressedMarker(7, 7)}</svg> ${t.legendSuppressed(k)}</li>` : nothing}
        ${unstable ? html`<li><svg width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="4" class="unstable"></circle></svg> ${t.unstable}: ${t.unstableExplain}</li>` : nothing}
      </ul>` : nothing}`;
  }

  private buildCard(): Card {
    const card: Card = {
      head: htmlElement('div', { class: 'head' }),
      title: htmlElement('p', { class: 'title', part: 'title', id: `${this.uid}-title` }),
      toggle: htmlElement('button', { part: 'toggle' }),
      menu: new ExportMenu(() => ({ source: this.exportSource!, t: this.t })),
      plot: htmlElement('div', { class: 'plot' }),
      keys: htmlElement('p', { id: `${this.uid}-keys`, class: 'visually-hidden' }),
      plotTitle: htmlElement('span', { class: 'visually-hidden' }),
      summary: htmlElement('p', { class: 'summary', part: 'summary' }),
    };
    card.toggle.addEventListener('click', () => this.toggleTable());
    const actions = htmlElement('div', { class: 'actions no-print' });
    actions.append(card.toggle, card.menu.element);
    card.head.append(card.title, actions);
    // Focus and key listeners sit on the plot, not on SVG elements: Chromium makes any SVG element
    // with a focus listener a Tab stop of its own, so the points' group was one (unnamed) besides
    // the point that holds the chart's stop.
    card.plot.addEventListener('pointerleave', () => this.onPointerLeave());
    card.plot.addEventListener('focusin', (event) => this.onPlotFocus(event));
    card.plot.addEventListener('keydown', (event) => this.onKeyDown(event));
    card.plot.append(card.keys, card.plotTitle);
    return card;
  }

  /**
   * The plot at its width: the chart (redrawn only when its width, height or series changed), its
   * points as shapes or as elements, and the tooltip. Until the width is known (a first render
   * before layout, a hidden tab) nothing is drawn, so no scale, path or label is worked out for a
   * chart 0 px wide.
   */
  private drawPlot(metric: Metric): void {
    const card = this.card!;
    const width = this.size.width;
    if (width <= 0) {
      this.drawn?.svg.remove();
      this.drawn = undefined;
    } else {
      const key = `${width} ${this.plotHeight} ${this.pointsVersion}`;
      if (this.drawn?.key !== key) {
        const drawn = this.drawChart(metric, width, key);
        if (this.drawn) this.drawn.svg.replaceWith(drawn.svg);
        else card.plot.prepend(drawn.svg);
        this.drawn = drawn;
      }
      const { svg, x, y, baseline } = this.drawn;
      if (this.pointLayer) {
        this.drawn.shapes?.remove();
        this.drawn.shapes = undefined;
        svg.removeAttribute('tabindex');
        render(this.renderPoints(x, y, baseline), svg, { host: this });
      }
    }
    const drawn = this.drawn;
    const activePoint = this.points[this.active];
    const tooltip = drawn && activePoint && this.tooltipVisible
      ? html`<div class="tooltip" part="tooltip" role="tooltip" ${this.tooltipPosition(drawn.x(this.active), activePoint.text.value !== undefined ? drawn.y(activePoint.text.value) : drawn.baseline, width)}>
          <strong>${activePoint.label}</strong><br />${activePoint.text.short}${activePoint.text.unstable ? ` (${this.t.unstable})` : ''}
        </div>`
      : nothing;
    // No template part at all in a plot that has never shown a tooltip (most of them, on a page load).
    if (tooltip === nothing && !this.tooltipRendered) return;
    this.tooltipRendered = true;
    render(tooltip, card.plot, { renderBefore: card.plotTitle, host: this });
  }

  /** The chart at `width` CSS pixels, with its points as shapes until the point layer is built. */
  private drawChart(metric: Metric, width: number, key: string): Drawn {
    const height = this.plotHeight;
    // Read once: each read walks up the page for the nearest `lang`.
    const locale = this.locale;
    const values = this.points.map((p) => p.text.value).filter((v): v is number => v !== undefined);
    // One gridline per ~60 px, at most 10: more is clutter, not precision.
    const tickCount = Math.min(10, Math.max(2, Math.floor(height / 60)));
    const { end, ticks } = zeroBasedAxis(max(values) ?? 0, tickCount);
    const y = linear([0, end], [height - MARGIN.bottom, MARGIN.top]);
    const tickText = ticks.map((v) => formatTick(v, metric.unit, locale, metric.per));
    const left = Math.max(...tickText.map((s) => s.length)) * 7.5 + 12;
    const x = linear([0, Math.max(1, this.points.length - 1)], [left, Math.max(left + 1, width - MARGIN.right)]);
    const labelEvery = Math.max(1, Math.ceil(this.points.length / Math.max(1, Math.floor((width - left) / 78))));
    const grain = this.effectiveGrain;
    const baseline = y(0);

    const svgRoot = svgElement('svg', {
      part: 'chart', width, height, role: 'group', 'aria-labelledby': `${this.uid}-title`, 'aria-describedby': `${this.uid}-keys`,
    });
    if (!this.pointLayer) svgRoot.setAttribute('tabindex', '0');
    svgRoot.addEventListener('pointermove', (event) => this.onPointerMove(event, x));
    const grid = svgElement('g', { class: 'grid', 'aria-hidden': 'true' });
    ticks.forEach((v, i) => grid.append(
      svgElement('line', { x1: left, x2: width - MARGIN.right, y1: y(v), y2: y(v) }),
      svgElement('text', { x: left - 6, y: y(v), dy: '0.32em', 'text-anchor': 'end' }, tickText[i]),
    ));
    const axis = svgElement('g', { class: 'x-axis', 'aria-hidden': 'true' });
    const last = this.points.length - 1;
    this.points.forEach((p, i) => {
      if (i % labelEvery === 0 || (i === last && i % labelEvery > labelEvery / 2)) {
        axis.append(svgElement('text', { x: x(i), y: height - 8, 'text-anchor': 'middle' }, formatPeriod(p.period, grain, locale, 'short')));
      }
    });
    const line = svgElement('path', {
      class: 'line', part: 'line', 'aria-hidden': 'true',
      d: polyline(this.points.map((p, i) => (p.text.state === 'published' ? [x(i), y(p.text.value!)] : undefined))),
    });
    svgRoot.append(grid, axis, line);
    const shapes = this.pointLayer ? undefined : this.pointShapes(x, y, baseline);
    if (shapes) svgRoot.append(shapes);
    return { key, svg: svgRoot, shapes, x, y, baseline };
  }

  /** Each point as its own element: focusable, labelled, the one under the pointer enlarged. */
  private renderPoints(x: Linear, y: Linear, baseline: number) {
    const active = this.active;
    return svg`<g class="points">
      ${this.points.map((p, i) => {
        const focusable = i === (active < 0 ? this.points.length - 1 : active);
        const label = `${p.label}: ${p.text.long}${p.text.unstable ? ` (${this.t.unstable})` : ''}`;
        // A published point is its own circle (no wrapping group): a page of charts draws
        // hundreds of them, and each element less is measurable on a phone.
        if (p.text.state === 'published') {
          return svg`<circle class="point published ${p.text.unstable ? 'unstable' : 'dot'}${i === active ? ' active' : ''}" role="img"
            aria-label=${label} tabindex=${focusable ? 0 : -1} data-index=${i} cx=${x(i)} cy=${y(p.text.value!)} r=${i === active ? 6 : DOT_RADIUS}></circle>`;
        }
        const shape = p.text.state === 'missing'
          ? svg`<rect x=${x(i) - 4} y=${baseline - 4} width="8" height="8" class="missing-hit"></rect>`
          : this.suppressedMarker(x(i), baseline - 7);
        return svg`<g class="point ${p.text.state}${i === active ? ' active' : ''}" role="img" aria-label=${label}
            tabindex=${focusable ? 0 : -1} data-index=${i}>${shape}</g>`;
      })}
    </g>`;
  }

  /**
   * The points as the first paint shows them, before `pointLayer`: the same dots and suppressed
   * markers, drawn as a few shapes, hidden from assistive technology until the layer replaces them.
   */
  private pointShapes(x: Linear, y: Linear, baseline: number): SVGGElement {
    let dots = '';
    let unstable = '';
    const group = svgElement('g', { class: 'point-shapes', 'aria-hidden': 'true' });
    const markers: SVGGElement[] = [];
    this.points.forEach((p, i) => {
      if (p.text.state === 'published') {
        const circle = `M${coordinate(x(i) - DOT_RADIUS)},${coordinate(y(p.text.value!))}a${DOT_RADIUS},${DOT_RADIUS} 0 1,0 ${2 * DOT_RADIUS},0a${DOT_RADIUS},${DOT_RADIUS} 0 1,0 ${-2 * DOT_RADIUS},0`;
        if (p.text.unstable) unstable += circle;
        else dots += circle;
      } else if (p.text.state !== 'missing') {
        const marker = suppressedMarkerShape(x(i), baseline - 7);
        const g = svgElement('g', { class: 'suppressed-marker' });
        g.append(svgElement('rect', { x: marker.x, y: marker.y, width: 10, height: 10 }), svgElement('path', { d: marker.d }));
        markers.push(g);
      }
    });
    if (dots) group.append(svgElement('path', { class: 'dot', d: dots }));
    if (unstable) group.append(svgElement('path', { class: 'unstable', d: unstable }));
    group.append(...markers);
    return group;
  }

  private renderTable(metric: Metric, title: string): TemplateResult {
    const t = this.t;
    return html`<div class="table-wrap">
      <table part="table">
        <caption class="visually-hidden">${title}</caption>
        <thead><tr><th scope="col">${t.period}</th><th scope="col">${t.value}</th><th scope="col">${t.status}</th></tr></thead>
        <tbody>
          ${this.points.map((p) => html`<tr class=${p.text.state}>
            <th scope="row">${p.label}</th>
            <td>${p.text.short}</td>
            <td>${this.noteFor(p.text)}</td>
          </tr>`)}
        </tbody>
      </table>
      <button class="no-print" @click=${() => this.downloadCsv(metric)}>${t.downloadCsv}</button>
    </div>`;
  }

  /** The line chart as the image exports draw it: every period, hidden ones as hatched markers. */
  exportChart(): ExportChart | undefined {
    const state = this.effectiveState;
    if (state?.status !== 'ready' || !this.points.length) return undefined;
    return {
      kind: 'line', title: this.exportTitle, subtitle: this.exportSubtitle,
      rows: this.points.map((p) => exportRow(p.label, p.text)),
      ...exportCredits(state.feed, this.t, this.locale),
    };
  }

  private noteFor(text: CellText): string {
    const t = this.t;
    if (text.state === 'withheld') return t.withheldFault;
    if (text.state === 'suppressed') return text.long;
    if (text.unstable) return `${t.unstable}: ${t.unstableExplain}`;
    return '';
  }

  /** The rows of the table, as data: a published value is a number, anything else is a note. */
  csvRows(): Array<Array<string | number>> {
    const t = this.t;
    return [
      [t.period, t.value, t.status],
      ...this.points.map((p) => [p.period, p.text.value ?? '', p.text.state === 'published' ? (p.text.unstable ? t.unstable : '') : p.text.short]),
    ];
  }

  private downloadCsv(metric: Metric): void {
    downloadText(`${metric.id}${this.area ? `-${this.area}` : ''}.csv`, toCsv(this.csvRows()));
  }

  private suppressedMarker(cx: number, cy: number) {
    const marker = suppressedMarkerShape(cx, cy);
    return svg`<g class="suppressed-marker"><rect x=${marker.x} y=${marker.y} width="10" height="10"></rect><path d=${marker.d}></path></g>`;
  }

  private summary(subject: string, area: string): string {
    const t = this.t;
    const published = this.points.filter((p) => p.text.state === 'published');
    if (this.points.length === 0) return t.noSeries;
    const first = this.points[0]!;
    const last = this.points[this.points.length - 1]!;
    const latest = published[published.length - 1];
    const highest = published.reduce<Point | undefined>((best, p) => (best === undefined || p.text.value! > best.text.value! ? p : best), undefined);
    return t.trendSummary(
      subject, area, first.label, last.label,
      latest ? t.valueIn(latest.text.long, latest.label) : t.noData.toLowerCase(),
      highest && published.length > 1 ? t.valueIn(highest.text.long, highest.label) : '',
    );
  }


  private get effectiveGrain() {
    const state = this.effectiveState;
    return state?.status === 'ready' ? state.feed.period.grain : 'month';
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
    this.tooltipVisible = false;
  }

  /**
   * One listener for all points (not two per point: 60-odd points per chart add up on a page of
   * charts), and for the chart itself while it holds their Tab stop.
   */
  private onPlotFocus(event: FocusEvent): void {
    const target = event.target as Element;
    if (target.matches('svg[part=chart]')) {
      this.onChartFocus();
      return;
    }
    const index = Number(target.closest('[data-index]')?.getAttribute('data-index'));
    if (!Number.isInteger(index)) return;
    this.active = index;
    this.tooltipVisible = true;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!(event.target as Element).closest('[data-index]')) return;
    const last = this.points.length - 1;
    const current = this.active < 0 ? last : this.active;
    const next = ({ ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: last } as Record<string, number>)[event.key];
    if (event.key === 'Escape') {
      this.tooltipVisible = false;
      event.preventDefault();
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    const index = Math.min(last, Math.max(0, next));
    this.active = index;
    this.tooltipVisible = true;
    this.updateComplete.then(() => {
      (this.renderRoot.querySelector(`.point[data-index="${index}"]`) as SVGElement | null)?.focus();
    });
  }

  /**
   * Until its points are built, the chart itself holds their tab stop, so that a Tab pressed in
   * the moments after the first paint does not skip the chart: it builds them and hands focus on.
   */
  private onChartFocus(): void {
    if (this.pointLayer) return;
    this.showPointLayer();
    const index = this.active < 0 ? this.points.length - 1 : this.active;
    this.updateComplete.then(() => {
      (this.renderRoot.querySelector(`.point[data-index="${index}"]`) as SVGElement | null)?.focus();
    });
  }

  private onPointerMove(event: PointerEvent, x: (i: number) => number): void {
    const svgElement = event.currentTarget as SVGSVGElement;
    const px = event.clientX - svgElement.getBoundingClientRect().left;
    let nearest = 0;
    for (let i = 1; i < this.points.length; i++) if (Math.abs(x(i) - px) < Math.abs(x(nearest) - px)) nearest = i;
    if (!this.pointLayer) this.showPointLayer();
    if (nearest !== this.active || !this.tooltipVisible) {
      this.active = nearest;
      this.tooltipVisible = true;
    }
  }

  private onPointerLeave(): void {
    // Keep the tooltip of a keyboard-focused point; hide one that only followed the pointer.
    if (!this.renderRoot.querySelector('.point:focus')) this.tooltipVisible = false;
  }

  private tooltipPosition(px: number, py: number, width: number) {
    const flip = px > width * 0.6;
    return cssomStyle({ left: `${Math.round(px)}px`, top: `${Math.round(py)}px`, transform: `translate(${flip ? 'calc(-100% - 10px)' : '10px'}, -110%)` });
  }
}
