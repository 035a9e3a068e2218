import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { cssomStyle } from '../shared/cssom-style.js';
import { choiceOf, numberOf } from '../shared/choices.js';
import { DaylightDataElement } from '../shared/data-element.js';
import { AreaSelectEvent } from '../shared/events.js';
import { downloadText, toCsv } from '../shared/csv.js';
import { tokens } from '../shared/styles.js';
import { dataTableStyles } from '../shared/table.styles.js';
import { mapStyles } from './map.styles.js';
import { deferred, nextTask } from '../shared/tasks.js';
import { absoluteUrl } from '../shared/url.js';
import { areaInDirection, screenPoint, type Direction, type ScreenPoint } from './directions.js';
import type { AreaPaint, CanvasModule, LayerArea, LayerColours, MapLayer, TilesModule } from './leaflet-layer.js';
import type { Feed, Metric } from '../../core/types.js';
import { TOTAL } from '../../core/types.js';
import { findMetric, parseWhere, quantileFromStatistic } from '../../core/select.js';
import { describeCell, type CellText } from '../../core/describe.js';
import { formatCount, formatDifference, formatNumber, formatPeriod, resolveLabel } from '../../core/format.js';
import { directionOf } from '../../core/compare.js';
import { checkBoundaries, readingOrder, unmatchedAreas, type AreaShape, type BoundaryProblem } from '../../core/geo.js';
import { exportCredits, exportFileBase, exportRow, renderExportMenu, type ExportChart } from '../shared/export.js';
import { classBreaks, classIndex, legendClasses, SEQUENTIAL_COLOURS, type LegendClass } from '../../core/classify.js';
import '../../core/i18n/en/map.js';
import {
  areaCellsFor, areaGrid, changeBetween, lazyCollator, mapPeriod, perCapitaCell, populationOf, previousAreaPeriod, rankByValue, shareOfTotal,
  NOT_PLACES, type AreaCell, type AreaPeriod, type Change,
} from '../../core/areas.js';

/** One area as every view shows it: the map, the ranked list, the table, the CSV. */
export interface MapRow {
  key: string;
  name: string;
  /** What the cell says (describeCell), or for a summed year with a hidden part, "Hidden". */
  text: CellText;
  /** True for a summed period with a hidden part: hidden, but not because its own count is small. */
  partial: boolean;
  /** The number the map classes and ranks by: the count (or the metric's value), or the per-capita rate when normalised. Only when published. */
  value?: number;
  /** The per-capita rate, when `normalize="population"`. */
  rate?: CellText;
  /** Fraction of the city, only from published numbers. */
  share?: number;
  change?: Change;
  /** True when the boundary file has a shape for the area. */
  onMap: boolean;
  /** False for `unknown` and `other`: listed in the table, never mapped, ranked or classed. */
  place: boolean;
  paint: AreaPaint;
}

interface BoundaryState {
  status: 'loading' | 'ready' | 'error';
  /** What the boundaries came from: a URL, or `inline`. */
  source: string;
  areas?: AreaShape[];
  problems?: BoundaryProblem[];
  order?: string[];
}

interface Model {
  key: string;
  metric: Metric;
  period: AreaPeriod;
  /** Words for the period: "2024", "July 2024", "2015–2024" for the feed's whole span. */
  periodLabel: string;
  previous?: AreaPeriod;
  rows: MapRow[];
  byKey: Map<string, MapRow>;
  ranked: MapRow[];
  legend: LegendClass[];
  valueMetric: Pick<Metric, 'unit' | 'per'>;
  hidden: number;
  partial: number;
  missing: number;
  unstable: number;
  problems: BoundaryProblem[];
  paint: Map<string, AreaPaint>;
}

/** Above this many areas the map draws on a canvas: SVG keeps one DOM node per area and slows past a few thousand. */
const CANVAS_THRESHOLD = 1500;
const DEFAULT_PER = 100_000;
const DEFAULT_RANKED = 5;
const DEFAULT_HEIGHT = 360;
const boundaryCache = new Map<string, Promise<unknown>>();
const checkedCache = new WeakMap<object, Map<string, ReturnType<typeof checkBoundaries> & { order: string[] }>>();
type LayerModule = typeof import('./leaflet-layer.js');
/**
 * The zoom buttons' plus and minus, drawn rather than typed: they stay centred and of one weight
 * whatever the page's font, which may lack U+2212 and draw it from a fallback font.
 */
const zoomIcon = (plus: boolean) => html`<svg class="zoom-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d=${plus ? 'M3 8h10M8 3v10' : 'M3 8h10'}></path></svg>`;

let layerModule: Promise<LayerModule> | undefined;
const forgetMapLayer = () => { layerModule = undefined; };
let layerLoaded = false;
let nextId = 0;

/**
 * Where the Leaflet chunks come from. Tests replace them to stand in for a fetch that fails
 * (an import that fails cannot be provoked per page through the shared test server).
 * @internal
 */
export const mapLayerSource = {
  load: (): Promise<LayerModule> => import('./leaflet-layer.js'),
  loadCanvas: (): Promise<CanvasModule> => import('./leaflet-canvas.js'),
};

/** Loads the map's Leaflet chunk once per page. Exported for the benchmark and tests. */
export function loadMapLayer(): Promise<LayerModule> {
  layerModule ??= mapLayerSource.load().then((module) => {
    layerLoaded = true;
    return module;
  });
  return layerModule;
}

let canvasChunk: Promise<CanvasModule> | undefined;

/** Loads the canvas renderer's chunk once per page (only maps of over 1,500 areas draw on one). */
function loadCanvas(): Promise<CanvasModule> {
  canvasChunk ??= mapLayerSource.loadCanvas().catch((error: unknown) => {
    // Asked again by the next map rather than failing every map on the page.
    canvasChunk = undefined;
    throw error;
  });
  return canvasChunk;
}

/**
 * A choropleth of a metric by area for one period, with a ranked list of the highest areas, a
 * text summary and a table. The list and summary come first in reading order: they are the
 * accessible way to the same figures, and they work before (or without) the map.
 *
 * Leaflet loads lazily, only when a map is on the page. No tile server is used unless `tiles` is
 * set: the base is the area boundaries themselves, so the map makes no third-party request and
 * works under a strict CSP. Suppressed areas are hatched and read "Hidden"; no number,
 * share, rate or change is ever derived from a hidden value.
 *
 * Keyboard: the map is one Tab stop, after the ranked list. Focus starts on the selected area,
 * else the first in reading order. The arrow keys move to the nearest area in that direction as
 * drawn (within 45° of it, favouring the one straight ahead) and stay put at the map's edge;
 * Page Down / Page Up step through every area in reading order (north to south in bands, west to
 * east), Home / End jump to the first / last; Enter or Space selects, + / − zoom, Escape hides
 * the label. Each move is announced.
 *
 * @summary A privacy-safe choropleth map of areas, with a ranked list and a table.
 * @status experimental
 *
 * @csspart base - The card.
 * @csspart title - The map's title.
 * @csspart summary - The text summary.
 * @csspart ranked - The ranked list of areas.
 * @csspart map - The map box (Leaflet's container).
 * @csspart tooltip - The label of the hovered or focused area.
 * @csspart legend - The legend.
 * @csspart table - The table shown instead of the map.
 * @csspart toggle - The "Show as table" button.
 * @csspart export - The "Download" menu (CSV, PNG, SVG).
 * @csspart export-button - The menu's summary button.
 * @csspart export-menu - The menu's list of formats.
 * @csspart problems - The note listing boundary problems.
 *
 * @cssprop [--daylight-map-color-1=#fef0d9] - Colour-scale stop 1, the lowest class (ColorBrewer OrRd, print- and colour-blind-safe).
 * @cssprop [--daylight-map-color-2=#fdcc8a] - Colour-scale stop 2.
 * @cssprop [--daylight-map-color-3=#fc8d59] - Colour-scale stop 3.
 * @cssprop [--daylight-map-color-4=#e34a33] - Colour-scale stop 4.
 * @cssprop [--daylight-map-color-5=#b30000] - Colour-scale stop 5, the highest class.
 * @cssprop [--daylight-map-outline=var(--daylight-color-muted)] - Outline of every area (3:1 against the surface, so pale classes keep their edge).
 * @cssprop [--daylight-map-height=360px] - Height of the map; the `height` attribute sets it too.
 * @cssprop [--daylight-color-suppressed=#5f6875] - Hatch colour of hidden areas.
 * @cssprop [--daylight-color-focus=#1f5fbf] - Outline of the focused area.
 * @cssprop [--daylight-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--daylight-color-text=#1b1f24] - Text colour (light theme; `--daylight-color-text-dark` for dark).
 * @cssprop [--daylight-color-muted=#4a5360] - Secondary text: context lines, notes, axes (`-dark`: #b4bcc8).
 * @cssprop [--daylight-color-surface=#ffffff] - The card's background (`-dark`: #161a20).
 * @cssprop [--daylight-color-subtle=#f3f5f8] - Tracks and hover backgrounds (`-dark`: #222832).
 * @cssprop [--daylight-color-border=#c4cad3] - Card and table rules (`-dark`: #4a5361).
 * @cssprop [--daylight-color-accent=#1f5fbf] - Bars, lines, links and buttons (`-dark`: #8ab4ff).
 * @cssprop [--daylight-color-better=#17693a] - A change for the better (`-dark`: #6fd39a); always with an arrow and words.
 * @cssprop [--daylight-color-worse=#a3261b] - A change for the worse (`-dark`: #ff9b8f); always with an arrow and words.
 * @cssprop [--daylight-color-error=#a3261b] - Error states (`-dark`: #ff9b8f).
 * @cssprop [--daylight-radius=8px] - Corner radius of the card (buttons use half).
 * @cssprop [--daylight-space=1rem] - The card's padding.
 * @cssprop [--daylight-shadow=none] - The card's shadow.
 *
 * @fires daylight-area-select - The reader selected an area (click, Enter, or the ranked list); `event.area` is its key, or undefined when deselected.
 * @fires daylight-map-render - The map has drawn (first time and after each change); `event.detail` has `renderer` and `areas`.
 */
export class DaylightMap extends DaylightDataElement {
  static override properties: PropertyDeclarations = {
    metric: {},
    areas: {},
    boundaries: { attribute: false },
    areaKey: { attribute: 'area-key' },
    period: {},
    statistic: {},
    where: {},
    normalizeBy: { attribute: 'normalize' },
    populationProperty: { attribute: 'population-property' },
    per: { type: Number },
    tiles: {},
    attribution: {},
    area: { reflect: true },
    ranked: { type: Number },
    height: { type: Number },
    label: {},
    showTable: { type: Boolean, attribute: 'show-table', reflect: true },
    rendererChoice: { attribute: 'renderer' },
    boundaryState: { state: true },
    active: { state: true },
    tooltip: { state: true },
    hint: { state: true },
    announcement: { state: true },
    layerFailed: { state: true },
  };

  static override styles = [tokens, dataTableStyles, mapStyles];

  /** The metric id, e.g. `incidents`. */
  metric?: string;

  /** URL of a GeoJSON FeatureCollection of the areas (relative to the page). Defaults to the feed's `areas` block. */
  areas?: string;

  /** A FeatureCollection object to draw, instead of loading one. */
  boundaries?: unknown;

  /** The feature property that holds the area key. Defaults to the feed's `areas.key`. */
  areaKey?: string;

  /** The period to show (`2024`, or `2024-07` in a monthly feed). Defaults to the latest full year. */
  period?: string;

  protected override get requestedPeriod(): string | undefined {
    return this.period;
  }

  /** For quantile metrics: `median` (default), `p90`, or a fraction such as `0.75`. */
  statistic?: string;

  /** Other dimensions to fix, as `key=value` pairs separated by `;`, e.g. `type=fatal`. */
  where?: string;

  /** `population`: colour by count per resident, from each feature's population property. */
  normalizeBy?: 'population';

  /** The feature property that holds an area's population. */
  populationProperty = 'population';

  /** Per-capita rates are per this many residents (at least 1; anything else means 100,000). */
  per = DEFAULT_PER;

  /** A tile URL template (`https://…/{z}/{x}/{y}.png`). None by default: no third-party requests. Changing it redraws the map with the new tiles. */
  tiles?: string;

  /** Attribution text for the tiles (shown as text). */
  attribution?: string;

  /** The selected area's key. Set by clicks, Enter and the ranked list; defaults to the area chosen in a `<daylight-filter>`. */
  area?: string;

  /** How many areas the ranked list shows; `0` hides it. */
  ranked = DEFAULT_RANKED;

  /** Height of the map in CSS pixels, 120 to 4,000; anything else means the default, 360. */
  height = DEFAULT_HEIGHT;

  /** Overrides the title (the metric's label by default). */
  label?: string;

  /** Opens the table view first. */
  showTable = false;

  /** `auto` (default): SVG up to 1,500 areas, canvas above (the canvas renderer loads only then). `svg` or `canvas` force one; a change redraws the map. */
  rendererChoice: 'auto' | 'svg' | 'canvas' = 'auto';

  private boundaryState?: BoundaryState;
  private active?: string;
  private tooltip?: { x: number; y: number; source: 'pointer' | 'keyboard' };
  private hint?: string;
  private announcement = '';

  private readonly uid = `daylight-map-${++nextId}`;

  /** `per`, or its default when it is not a number of at least 1 (with a console warning). */
  private get perBase(): number {
    return numberOf(this, 'per', this.per, { min: 1, fallback: DEFAULT_PER });
  }

  /** `ranked`, or its default when it is not a whole number of at least 0. */
  private get rankedCount(): number {
    return numberOf(this, 'ranked', this.ranked, { min: 0, integer: true, fallback: DEFAULT_RANKED });
  }

  private exportTitle = '';
  private model?: Model;
  private layer?: MapLayer;
  private layerLoading = false;
  private drawnModel?: Model;
  private drawnAreas?: AreaShape[];
  private mapObserver?: ResizeObserver;
  private observedMap?: HTMLElement;
  private mapWidth = 0;
  private mapHeight = 0;
  private wheelTimer?: ReturnType<typeof setTimeout>;
  private ready = deferred<void>();
  /** Set when Leaflet's chunk failed to load: the map's box shows why it is empty. */
  private layerFailed = false;

  /**
   * Resolves when the map shows the current data: drawn by Leaflet and painted, or an error
   * or empty state rendered instead. Tests and benchmarks wait on it; nothing sleeps.
   */
  get mapReady(): Promise<void> {
    return this.updateComplete.then(() => this.ready.promise);
  }

  /** The renderer in use: `svg` for up to 1,500 areas, `canvas` above; undefined before the map has drawn. */
  get renderer(): 'svg' | 'canvas' | undefined {
    return this.layer?.renderer;
  }

  /** Every area as shown (map order), for JS that builds its own view. */
  get rows(): readonly MapRow[] {
    return this.model?.rows ?? [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.layer?.destroy();
    this.layer = undefined;
    this.mapObserver?.disconnect();
    this.mapObserver = undefined;
    this.observedMap = undefined;
    this.drawnModel = undefined;
    this.drawnAreas = undefined;
    clearTimeout(this.wheelTimer);
  }

  /**
   * The first update waits one task while the Leaflet chunk loads: Chromium sends the chunk's
   * request only once the running task ends, and with the feed and boundaries given as objects
   * that task would otherwise hold the element's whole first render (25–45 ms cold, measured), so
   * the chunk was fetched only after it. Later updates, and maps after the chunk arrived, run at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && !layerLoaded) return nextTask().then(() => super.scheduleUpdate());
    return super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetch the Leaflet chunk while the feed and the boundaries load, not after them. A failure
    // is shown where the layer is made (createLayer), not here.
    loadMapLayer().catch(() => undefined);
    // Boundaries named by the `areas` attribute do not depend on the feed: ask for them now, beside
    // the feed, rather than once the feed has arrived (a second round trip before the first map).
    // loadBoundaries takes this request over, whatever its outcome, so a failure is not asked twice.
    const url = this.areas && this.boundaries == null ? absoluteUrl(this.areas) : undefined;
    if (url) {
      if (this.earlyBoundaries?.url !== url) this.earlyBoundaries = { url, promise: fetchBoundaries(url) };
      this.earlyBoundaries.promise.catch(() => undefined);
    }
    // Re-attached: the layer was destroyed on removal and is drawn again on the next update.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override configurationProblem(feed: Feed): string | undefined {
    const problem = this.metricProblem(feed, this.metric);
    if (problem) return problem;
    const metric = findMetric(feed, this.metric!)!;
    return metric.dimensions.includes('area') ? undefined : this.t.noAreaData;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('height')) this.style.setProperty('--_map-height', `${numberOf(this, 'height', this.height, { min: 120, max: 4000, fallback: DEFAULT_HEIGHT })}px`);
    const state = this.effectiveState;
    if (state?.status === 'ready') this.loadBoundaries(state.feed, state.src);
  }

  // ---- boundaries -------------------------------------------------------------------------

  private boundaryKey(feed: Feed): string | undefined {
    return this.areaKey ?? feed.areas?.key;
  }

  private loadBoundaries(feed: Feed, feedSrc: string | undefined): void {
    const key = this.boundaryKey(feed);
    let source: string;
    let load: () => Promise<unknown>;
    // Boundaries already in memory are checked at once, so the first render has the map's rows
    // (computing them twice costs ~100 ms at 20,000 areas); fetched ones render the list first.
    let inMemory: unknown;
    if (this.boundaries !== undefined && this.boundaries !== null) {
      source = 'boundaries property';
      inMemory = this.boundaries;
      load = () => Promise.resolve(inMemory);
    } else if (this.areas) {
      // An address that is not a URL at all ("http://[") is reported like one that cannot be fetched.
      const url = absoluteUrl(this.areas);
      source = url ?? this.areas;
      const early = this.earlyBoundaries;
      this.earlyBoundaries = undefined;
      load = () => {
        if (!url) return Promise.reject(new TypeError(`not a URL: ${source}`));
        return early?.url === url ? early.promise : fetchBoundaries(url);
      };
    } else if (feed.areas?.inline) {
      source = 'the feed (areas.inline)';
      inMemory = feed.areas.inline;
      load = () => Promise.resolve(inMemory);
    } else if (feed.areas?.url) {
      // A feed's areas.url is relative to the feed file, not to the page that shows it.
      const url = absoluteUrl(feed.areas.url, feedSrc ? absoluteUrl(feedSrc) : undefined);
      source = url ?? feed.areas.url;
      load = () => (url ? fetchBoundaries(url) : Promise.reject(new TypeError(`not a URL: ${source}`)));
    } else {
      if (this.boundaryState?.source !== '') this.boundaryState = { status: 'error', source: '' };
      return;
    }
    const id = `${source}\u0000${key ?? ''}\u0000${this.boundaries === undefined ? '' : nextObjectId(this.boundaries)}`;
    if (this.boundaryState && this.boundaryStateId === id) return;
    this.boundaryStateId = id;
    const accept = (collection: unknown) => {
      if (this.boundaryStateId !== id) return;
      const checked = checkedBoundaries(collection, key ?? '');
      this.boundaryState = { status: 'ready', source, areas: checked.areas, problems: checked.problems, order: checked.order };
      // A map that will draw on a canvas asks for that chunk now, so that it arrives during the
      // first render rather than being requested only once the list is on screen.
      if (this.drawsOnCanvas(checked.areas.length)) loadCanvas().catch(() => undefined);
      if (checked.problems.length) {
        console.warn(`[daylight-map] ${source}:\n${checked.problems.map((p) => `  ${p.message}`).join('\n')}`);
      }
    };
    if (inMemory !== undefined) {
      accept(inMemory);
      return;
    }
    this.boundaryState = { status: 'loading', source };
    load().then(
      accept,
      () => {
        if (this.boundaryStateId !== id) return;
        this.boundaryState = { status: 'error', source };
      },
    );
  }

  private boundaryStateId?: string;
  /** The request for the `areas` file made when the element connected, before the feed arrived. */
  private earlyBoundaries?: { url: string; promise: Promise<unknown> };

  // ---- model ------------------------------------------------------------------------------

  private computeModel(feed: Feed): Model | undefined {
    const metric = findMetric(feed, this.metric!)!;
    const boundaries = this.boundaryState;
    const locale = this.locale;
    const cacheKey = [this.metric, this.period ?? '', this.statistic ?? '', this.where ?? '', this.normalizeBy ?? '', this.perBase,
      this.populationProperty, locale, boundaries?.status ?? '', this.boundaryStateId ?? ''].join('\u0000');
    if (this.model && this.model.metric === metric && this.model.key === cacheKey) return this.model;

    const t = this.t;
    const k = feed.privacy.minCount;
    const q = metric.statistic === 'quantile' ? quantileFromStatistic(this.statistic) : undefined;
    const grid = areaGrid(metric, parseWhere(this.where), q);
    const period = mapPeriod(feed, metric, grid, this.period);
    if (!period) return undefined;
    const previous = previousAreaPeriod(period, feed.period.grain);
    const cells = areaCellsFor(grid, period);
    const previousCells = previous ? areaCellsFor(grid, previous) : new Map<string, AreaCell>();
    const total = cells.get(TOTAL)?.cell;
    const shapes = boundaries?.status === 'ready' ? boundaries.areas ?? [] : [];
    const shapeByKey = new Map(shapes.map((s) => [s.key, s]));
    const perCapita = choiceOf(this, 'normalize', this.normalizeBy, ['population'], undefined) === 'population' && metric.statistic === 'count'
      && shapes.some((s) => populationOf(s.properties, this.populationProperty) !== undefined);
    const rateMetric: Metric = { id: `${metric.id}_per_capita`, label: metric.label, unit: 'rate', statistic: 'rate', per: this.perBase, dimensions: [], cells: [] };
    const valueMetric = perCapita ? rateMetric : metric;

    // Every area the feed or the boundaries know, boundaries first (map order), then feed-only keys.
    const keys: string[] = boundaries?.order ? [...boundaries.order] : shapes.map((s) => s.key);
    const known = new Set(keys);
    const feedKeySet = new Set<string>();
    for (const row of grid.values()) for (const area of row.keys()) if (area !== TOTAL) feedKeySet.add(area);
    const feedKeys = [...feedKeySet];
    for (const area of feedKeys) if (!known.has(area)) { keys.push(area); known.add(area); }

    const level = this.levelName(feed);
    const rows: MapRow[] = keys.map((key) => {
      const shape = shapeByKey.get(key);
      const { cell, partial } = cells.get(key) ?? { cell: undefined, partial: false };
      const text: CellText = partial
        ? { state: 'suppressed', short: t.partialShort, long: t.partialSentence, unstable: false }
        : describeCell(feed, metric, cell, t, locale);
      const row: MapRow = { key, name: this.areaName(feed, key, shape, level), text, partial, onMap: Boolean(shape), place: !NOT_PLACES.has(key), paint: { fill: '' } };
      const previousCell = previousCells.get(key)?.cell;
      if (perCapita) {
        const population = populationOf(shape?.properties, this.populationProperty);
        const rate = perCapitaCell(cell, population, k);
        const previousRate = perCapitaCell(previousCell, population, k);
        if (rate && text.state === 'published') {
          row.rate = describeCell(feed, rateMetric, rate, t, locale);
          if (row.rate.state === 'published') row.value = rate.value! * this.perBase;
        }
        const change = changeBetween(rate, previousRate);
        if (change) row.change = { delta: change.delta * this.perBase, ratio: change.ratio };
      } else {
        if (text.state === 'published' && row.place) row.value = text.value;
        row.change = changeBetween(partial ? undefined : cell, previousCells.get(key)?.partial ? undefined : previousCell);
      }
      if (metric.statistic === 'count') row.share = shareOfTotal(partial ? undefined : cell, total);
      return row;
    });

    const published = rows.map((r) => r.value).filter((v): v is number => v !== undefined);
    const breaks = classBreaks(published);
    const colours = this.classColours();
    const legend = legendClasses(breaks, colours);
    const paint = new Map<string, AreaPaint>();
    let hidden = 0, partial = 0, missing = 0, unstable = 0;
    for (const row of rows) {
      const rowUnstable = row.rate?.unstable || row.text.unstable;
      if (row.value !== undefined) {
        const index = classIndex(breaks, row.value);
        row.paint = { fill: legend[index]!.colour, pattern: rowUnstable ? 'unstable' : undefined };
        if (rowUnstable && row.onMap) unstable++;
      } else if (!row.place) {
        row.paint = { fill: '', pattern: 'missing' };
      } else if (row.text.state === 'suppressed' || row.text.state === 'withheld') {
        row.paint = { fill: '', pattern: 'suppressed' };
        if (row.partial) partial++;
        else hidden++;
      } else {
        row.paint = { fill: '', pattern: 'missing' };
        if (row.onMap) missing++;
      }
      paint.set(row.key, row.paint);
    }
    const problems = [
      ...(boundaries?.problems ?? []),
      ...(boundaries?.status === 'ready' ? unmatchedAreas(feedKeys.filter((k) => !NOT_PLACES.has(k)), shapes, this.boundaryKey(feed) ?? 'area') : []),
    ];
    const ranked = rankByValue(rows, (r) => r.value, (r) => r.name, collatorFor(locale));
    const periodLabel = period.key === TOTAL
      ? `${feed.period.start.slice(0, 4)}–${feed.period.end.slice(0, 4)}`
      : formatPeriod(period.key, period.grain, locale);
    this.model = {
      key: cacheKey, metric, period, periodLabel, previous, rows, byKey: new Map(rows.map((r) => [r.key, r])), ranked, legend, valueMetric,
      hidden, partial, missing, unstable, problems, paint,
    };
    return this.model;
  }

  private classColours(): string[] {
    const style = getComputedStyle(this);
    return SEQUENTIAL_COLOURS.map((fallback, i) => style.getPropertyValue(`--daylight-map-color-${i + 1}`).trim() || fallback);
  }

  private levelName(feed: Feed): string {
    const label = feed.areas?.level ?? feed.dimensions?.area?.label;
    return label ? resolveLabel(label, this.locale) : this.t.area;
  }

  /** The dimension's label for the key, else the feature's name property, else "Police district 24" for a bare number, else the key. */
  private areaName(feed: Feed, key: string, shape: AreaShape | undefined, level: string): string {
    const label = feed.dimensions?.area?.values?.[key];
    if (label) return resolveLabel(label, this.locale);
    const nameProperty = feed.areas?.nameProperty;
    const name = nameProperty ? shape?.properties[nameProperty] : undefined;
    if (typeof name === 'string' && name.trim()) return name;
    return /^\d{1,4}$/.test(key) ? `${level} ${key}` : key;
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override renderReady(feed: Feed): TemplateResult {
    const t = this.t;
    const model = this.computeModel(feed);
    if (!model) {
      this.settle();
      return html`<p class="state">${t.noAreaData}</p>`;
    }
    const metric = model.metric;
    const periodLabel = model.periodLabel;
    const subject = this.subject(metric, model);
    const title = this.label ?? t.mapTitle(subject, this.levelName(feed), periodLabel);
    const k = this.kText(feed);
    this.exportTitle = title;
    const selected = this.selectedKey;
    const boundaries = this.boundaryState;
    return html`
      <div class="head">
        <p class="title" part="title" id="${this.uid}-title">${title}</p>
        <div class="actions no-print">
          <button part="toggle" aria-pressed=${this.showTable ? 'true' : 'false'} @click=${this.toggleTable}>
            ${this.showTable ? t.showChart : t.showTable}
          </button>
          ${renderExportMenu({
            fileBase: exportFileBase(metric.id, model.period.key === TOTAL ? 'all' : model.period.key, 'by-area'),
            csvRows: () => this.csvRows(),
            chart: () => this.exportChart(),
          }, t, title)}
        </div>
      </div>
      <p class="summary" part="summary">${this.summary(model, subject, periodLabel, k)}</p>
      <div class="body">
        ${this.rankedCount > 0 && model.ranked.length ? this.renderRanked(model, selected) : nothing}
        <div class="map-column">
          <div class="map-wrap" ?hidden=${this.showTable}>
            ${boundaries?.status === 'error'
              ? html`<div class="map-message" role="alert">${boundaries.source ? t.boundaryLoadError(boundaries.source) : t.noBoundaries}</div>`
              : this.layerFailed ? html`<div class="map-message" role="alert">${t.mapLoadError}</div>` : nothing}
            <div class="map" part="map" tabindex=${boundaries?.status === 'ready' ? '0' : '-1'} role="application"
              aria-roledescription=${t.mapRole} aria-label=${t.mapLabel(title)} aria-describedby="${this.uid}-keys"
              @keydown=${this.onKeyDown} @focus=${this.onFocus} @blur=${this.onBlur}
              @click=${this.activateWheel} @pointerleave=${this.onPointerLeave} @wheel=${this.onWheel}
              @touchstart=${this.onTouch}></div>
            <div class="zoom no-print">
              <button type="button" aria-label=${t.zoomIn} title=${t.zoomIn} @click=${() => this.layer?.zoomBy(1)}>${zoomIcon(true)}</button>
              <button type="button" aria-label=${t.zoomOut} title=${t.zoomOut} @click=${() => this.layer?.zoomBy(-1)}>${zoomIcon(false)}</button>
            </div>
            ${this.renderTooltip(model, periodLabel)}
            ${this.hint ? html`<div class="hint" aria-hidden="true">${this.hint}</div>` : nothing}
            <p id="${this.uid}-keys" class="visually-hidden">${t.mapKeys}</p>
            <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
          </div>
          ${this.showTable ? this.renderTable(model, title) : nothing}
          ${this.renderLegend(model, k)}
        </div>
      </div>
      ${model.problems.length ? this.renderProblems(model.problems) : nothing}
    `;
  }

  private subject(metric: Metric, model: Model): string {
    const t = this.t;
    const label = t.statisticLabel(resolveLabel(metric.label, this.locale), metric.statistic === 'quantile' ? quantileFromStatistic(this.statistic) : undefined);
    if (model.valueMetric !== metric) {
      const per = t.rateColumn(formatCount(this.perBase, this.locale));
      return `${label} ${per[0]!.toLowerCase()}${per.slice(1)}`;
    }
    return label;
  }

  private summary(model: Model, subject: string, periodLabel: string, k: string): string {
    const t = this.t;
    const top = model.ranked[0];
    let sentence: string;
    if (!top) sentence = t.mapSummaryNone(subject, periodLabel);
    else if (model.valueMetric === model.metric && model.metric.statistic === 'count') {
      sentence = t.mapSummaryMost(top.name, subject, periodLabel, top.text.long, top.share !== undefined ? this.percent(top.share) : '');
    } else {
      sentence = t.mapSummaryHighest(top.name, subject, periodLabel, (top.rate ?? top.text).long);
    }
    if (model.hidden) sentence += ` ${model.metric.statistic === 'count' ? t.mapHiddenAreas(model.hidden, k) : t.mapNotShownAreas(model.hidden)}`;
    if (model.partial) sentence += ` ${t.mapPartialAreas(model.partial)}`;
    return sentence;
  }

  private percent(share: number): string {
    return formatNumber(share, 'share', this.locale);
  }

  private valueText(row: MapRow): string {
    return (row.rate ?? row.text).short;
  }

  private changeText(model: Model, row: MapRow): string {
    if (!row.change || !model.previous) return '';
    const t = this.t;
    // Per-capita change is in the rate's unit; `per` is already applied to the delta.
    const unit = model.valueMetric === model.metric ? model.metric.unit : 'count';
    const number = formatDifference(row.change.delta, unit, this.locale, model.valueMetric === model.metric ? model.metric.per : undefined);
    const difference = unit === 'share' ? t.percentagePoints(number) : unit === 'minutes' ? t.minutes(number) : number;
    const direction = directionOf(model.valueMetric === model.metric ? model.metric : { ...model.metric, unit: 'rate' }, row.change.delta);
    return t.comparisonShort(difference, direction, formatPeriod(model.previous.key, model.previous.grain, this.locale));
  }

  private renderRanked(model: Model, selected: string | undefined): TemplateResult {
    const t = this.t;
    const top = model.ranked.slice(0, this.rankedCount);
    return html`<section class="ranked" part="ranked" aria-labelledby="${this.uid}-ranked">
      <p class="ranked-title" id="${this.uid}-ranked">${t.rankedHeading}</p>
      <ol>
        ${top.map((row) => {
          const details = [
            row.rate ? row.text.short : '',
            row.share !== undefined ? t.ofCity(this.percent(row.share)) : '',
            this.changeText(model, row),
          ].filter(Boolean);
          return html`<li class=${row.key === selected ? 'selected' : ''}>
            <button type="button" class="area-button" aria-pressed=${row.key === selected ? 'true' : 'false'} @click=${() => this.selectArea(row.key)}>
              <span class="swatch" aria-hidden="true">${this.swatch(row.paint)}</span>
              <span class="name">${row.name}</span>
            </button>
            <span class="figure">${this.valueText(row)}</span>
            ${details.length ? html`<span class="details">${details.join(' · ')}</span>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private renderTooltip(model: Model, periodLabel: string): TemplateResult | typeof nothing {
    const row = this.active ? model.byKey.get(this.active) : undefined;
    const tip = this.tooltip;
    if (!row || !tip || this.showTable) return nothing;
    const width = this.mapWidth || 1;
    const flip = tip.x > width * 0.6;
    const position = { left: `${Math.round(tip.x)}px`, top: `${Math.round(tip.y)}px`, transform: `translate(${flip ? 'calc(-100% - 12px)' : '12px'}, -110%)` };
    return html`<div class="tooltip" part="tooltip" role="tooltip" ${cssomStyle(position)}>
      <strong>${row.name}</strong><br />
      ${this.valueText(row)}${(row.rate ?? row.text).unstable ? ` (${this.t.unstable})` : ''}
      ${row.share !== undefined ? html`<br />${this.t.ofCity(this.percent(row.share))}` : nothing}
      <br /><span class="period">${periodLabel}</span>
    </div>`;
  }

  private renderLegend(model: Model, k: string): TemplateResult {
    const t = this.t;
    const metric = model.valueMetric;
    const integer = metric.unit === 'count';
    const fmt = (v: number) => formatNumber(v, metric.unit === 'rate' ? 'count' : metric.unit, this.locale);
    const rangeText = (c: LegendClass): string => {
      if (c.from === undefined && c.to === undefined) return t.legendAtLeast(fmt(0));
      if (c.from === undefined) return integer ? t.legendRange(fmt(0), fmt(c.to! - 1)) : t.legendUnder(fmt(c.to!));
      if (c.to === undefined) return t.legendAtLeast(fmt(c.from));
      return integer ? t.legendRange(fmt(c.from), fmt(c.to - 1)) : t.legendRange(fmt(c.from), fmt(c.to));
    };
    const hasValues = model.ranked.length > 0;
    return html`<ul class="legend" part="legend" aria-label=${t.legendTitle}>
      ${hasValues ? model.legend.map((c) => html`<li><span class="swatch" aria-hidden="true">${this.swatch({ fill: c.colour })}</span>${rangeText(c)}</li>`) : nothing}
      ${model.hidden ? html`<li><span class="swatch" aria-hidden="true">${this.swatch({ fill: '', pattern: 'suppressed' })}</span>${model.metric.statistic === 'count' ? t.legendSuppressed(k) : t.notShown}</li>` : nothing}
      ${model.partial ? html`<li><span class="swatch" aria-hidden="true">${this.swatch({ fill: '', pattern: 'suppressed' })}</span>${t.legendPartial}</li>` : nothing}
      ${model.unstable ? html`<li><span class="swatch" aria-hidden="true">${this.swatch({ fill: model.legend[0]?.colour ?? '#ccc', pattern: 'unstable' })}</span>${t.unstable}: ${t.unstableExplain}</li>` : nothing}
      ${model.missing ? html`<li><span class="swatch" aria-hidden="true">${this.swatch({ fill: '', pattern: 'missing' })}</span>${t.legendMissing}</li>` : nothing}
    </ul>`;
  }

  /** A legend swatch as inline SVG (fill attributes, no style strings: CSP-safe). */
  private swatch(paint: AreaPaint): TemplateResult {
    const id = `${this.uid}-sw-${paint.pattern ?? 'plain'}`;
    if (paint.pattern === 'suppressed' || paint.pattern === 'unstable') {
      return html`<svg width="16" height="16" viewBox="0 0 16 16">
        <defs><pattern id=${id} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
          <rect width="5" height="5" class=${paint.pattern === 'suppressed' ? 'hatch-bg' : ''} fill=${paint.pattern === 'unstable' ? paint.fill : 'currentColor'}></rect>
          <line x1="0" y1="0" x2="0" y2="5" class="hatch-line"></line>
        </pattern></defs>
        ${svg`<rect x="0.5" y="0.5" width="15" height="15" fill="url(#${id})" class="swatch-edge"></rect>`}
      </svg>`;
    }
    if (paint.pattern === 'missing') {
      return html`<svg width="16" height="16" viewBox="0 0 16 16"><rect x="0.5" y="0.5" width="15" height="15" class="missing-swatch"></rect></svg>`;
    }
    return html`<svg width="16" height="16" viewBox="0 0 16 16"><rect x="0.5" y="0.5" width="15" height="15" fill=${paint.fill} class="swatch-edge"></rect></svg>`;
  }

  private renderTable(model: Model, title: string): TemplateResult {
    const t = this.t;
    const perCapita = model.valueMetric !== model.metric;
    const hasShare = model.rows.some((r) => r.share !== undefined);
    const prev = model.previous ? formatPeriod(model.previous.key, model.previous.grain, this.locale) : '';
    const rows = this.tableRows(model);
    return html`<div class="table-wrap">
      <table part="table">
        <caption>${title}</caption>
        <thead><tr>
          <th scope="col">${t.area}</th><th scope="col">${t.value}</th>
          ${perCapita ? html`<th scope="col">${t.rateColumn(formatCount(this.perBase, this.locale))}</th>` : nothing}
          ${hasShare ? html`<th scope="col">${t.shareColumn}</th>` : nothing}
          ${prev ? html`<th scope="col">${t.changeColumn(prev)}</th>` : nothing}<th scope="col">${t.status}</th>
        </tr></thead>
        <tbody>
          ${rows.map((row) => html`<tr class=${row.text.state}>
            <th scope="row">${row.name}</th>
            <td>${row.text.short}</td>
            ${perCapita ? html`<td>${row.rate?.short ?? ''}</td>` : nothing}
            ${hasShare ? html`<td>${row.share !== undefined ? this.percent(row.share) : ''}</td>` : nothing}
            ${prev ? html`<td>${this.changeText(model, row)}</td>` : nothing}
            <td>${this.noteFor(row)}</td>
          </tr>`)}
        </tbody>
      </table>
      <button class="no-print" @click=${() => this.downloadCsv(model)}>${t.downloadCsv}</button>
    </div>`;
  }

  private tableRows(model: Model): MapRow[] {
    const collator = collatorFor(this.locale);
    return model.rows.slice().sort((a, b) => collator.compare(a.name, b.name));
  }

  private noteFor(row: MapRow): string {
    const t = this.t;
    if (row.text.state === 'withheld') return t.withheldFault;
    if (row.text.state === 'suppressed') return row.text.long;
    if ((row.rate ?? row.text).unstable) return `${t.unstable}: ${t.unstableExplain}`;
    return '';
  }

  /**
   * The map as the image exports draw it: Leaflet's SVG paths with their fills (read by the image
   * chunk, see ExportMapSource), the legend and the summary. With the canvas renderer (over 1,500
   * areas) there are no paths to copy, so the image is the areas as a bar list instead, as it is
   * when the paths cannot be read.
   */
  exportChart(): ExportChart | undefined {
    const state = this.effectiveState;
    const model = this.model;
    if (state?.status !== 'ready' || !model) return undefined;
    const svg = this.renderer === 'svg' ? this.renderRoot.querySelector<SVGSVGElement>('.leaflet-overlay-pane svg') : null;
    return {
      kind: svg ? 'map' : 'bars',
      title: this.exportTitle,
      subtitle: '',
      sentence: this.renderRoot.querySelector('[part=summary]')?.textContent?.trim() ?? '',
      ...exportCredits(state.feed, this.t, this.locale),
      rows: this.tableRows(model).filter((row) => row.text.state !== 'missing').map((row) => exportRow(row.name, row.text)),
      mapSource: svg ? { svg, legend: [...this.renderRoot.querySelectorAll('[part=legend] li')] } : undefined,
    };
  }

  /** The table as data: published values are numbers, anything else carries the table's words. */
  csvRows(): Array<Array<string | number>> {
    const model = this.model;
    if (!model) return [];
    const t = this.t;
    const perCapita = model.valueMetric !== model.metric;
    const prev = model.previous ? formatPeriod(model.previous.key, model.previous.grain, this.locale) : '';
    const header = [t.area, t.value, ...(perCapita ? [t.rateColumn(formatCount(this.perBase, this.locale))] : []), t.shareColumn, ...(prev ? [t.changeColumn(prev)] : []), t.status];
    return [header, ...this.tableRows(model).map((row) => [
      row.name,
      row.text.state === 'published' ? row.text.value! : row.text.short,
      ...(perCapita ? [row.value ?? row.rate?.short ?? ''] : []),
      row.share ?? '',
      ...(prev ? [row.change?.delta ?? ''] : []),
      this.noteFor(row),
    ])];
  }

  private downloadCsv(model: Model): void {
    downloadText(`${model.metric.id}-${model.period.key === TOTAL ? 'all' : model.period.key}-by-area.csv`, toCsv(this.csvRows()));
  }

  private renderProblems(problems: readonly BoundaryProblem[]): TemplateResult {
    const shown = problems.slice(0, 8);
    return html`<div class="problems" part="problems" role="note">
      <strong>${this.t.boundaryProblems(problems.length)}</strong>
      <ul>${shown.map((p) => html`<li>${p.message}</li>`)}</ul>
      ${problems.length > shown.length ? html`<p>${this.t.moreProblems(problems.length - shown.length)}</p>` : nothing}
    </div>`;
  }

  // ---- the Leaflet layer ------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Tiles, their attribution and the renderer belong to the Leaflet map itself: a change
    // rebuilds it (the reader's zoom and pan go with it), and mapReady waits for the new one.
    if ((changed.has('tiles') || changed.has('attribution') || changed.has('rendererChoice')) && this.layer) {
      this.layer.destroy();
      this.layer = undefined;
      this.drawnAreas = undefined;
      this.drawnModel = undefined;
      if (this.ready.settled) this.ready = deferred();
    }
    this.syncLayer(changed.has('height') || changed.has('showTable'));
  }

  /** Brings Leaflet in line with what was rendered: creates the layer, draws, repaints or resizes. */
  private syncLayer(resized: boolean): void {
    const mapElement = this.renderRoot.querySelector<HTMLElement>('.map');
    const boundaries = this.boundaryState;
    const model = this.model;
    const ready = this.effectiveState?.status === 'ready';
    if (!ready) return;
    if (!mapElement || !model || boundaries?.status === 'error') {
      if (!mapElement || boundaries?.status === 'error' || !model) this.settle();
      return;
    }
    if (boundaries?.status !== 'ready' || !boundaries.areas) return;
    if (this.showTable) {
      this.settle();
      return;
    }
    this.observeMap(mapElement);
    if (!this.layer) {
      // After a failed chunk load the box keeps its message; asking again on every render would
      // loop through failed fetches.
      if (!this.layerLoading && !this.layerFailed) void this.createLayer(mapElement, boundaries.areas.length);
      return;
    }
    if (this.layer && this.layerContainer !== mapElement) {
      // Lit replaced the container (it should not, but a re-attached element may): start over.
      this.layer.destroy();
      this.layer = undefined;
      this.requestUpdate();
      return;
    }
    if (this.drawnAreas !== boundaries.areas) {
      this.draw(boundaries.areas, model);
    } else if (this.drawnModel !== model) {
      this.layer.setPaint(model.paint, this.layerColours());
      this.drawnModel = model;
      this.afterDraw();
    } else if (resized) {
      this.layer.resize();
    }
    this.layer.select(this.selectedKey);
  }

  private layerContainer?: HTMLElement;

  /**
   * Follows the map box's size. Only the box is observed, and the callback touches only Leaflet
   * (inside a box of fixed height), never the element's own layout: re-rendering from a
   * ResizeObserver callback would change the element's height and loop.
   */
  private observeMap(mapElement: HTMLElement): void {
    if (this.observedMap === mapElement) return;
    this.mapObserver?.disconnect();
    this.observedMap = mapElement;
    this.mapObserver = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      const width = Math.floor(rect?.width ?? 0);
      const height = Math.floor(rect?.height ?? 0);
      if (width === this.mapWidth && height === this.mapHeight) return;
      this.mapWidth = width;
      this.mapHeight = height;
      if (this.layer) this.layer.resize();
      // While the chunk loads, createLayer measures the box itself when it arrives.
      else if (width > 0 && !this.layerLoading) this.requestUpdate();
    });
    this.mapObserver.observe(mapElement);
  }

  private drawsOnCanvas(areas: number): boolean {
    const choice = choiceOf(this, 'renderer', this.rendererChoice, ['auto', 'svg', 'canvas'], 'auto');
    return choice === 'canvas' || (choice === 'auto' && areas > CANVAS_THRESHOLD);
  }

  private async createLayer(container: HTMLElement, count: number): Promise<void> {
    this.layerLoading = true;
    try {
      const tileUrl = this.tiles;
      const canvas = this.drawsOnCanvas(count);
      let module: LayerModule;
      let tiles: TilesModule | undefined;
      let canvasModule: CanvasModule | undefined;
      try {
        // All at once: the canvas and tile chunks import Leaflet from the map's chunk, which is
        // then already on its way.
        [module, tiles, canvasModule] = await Promise.all([
          loadMapLayer(),
          tileUrl ? import('./leaflet-tiles.js') : undefined,
          canvas ? loadCanvas() : undefined,
        ]);
      } catch {
        // The chunk could not be fetched (the connection dropped after the page loaded, a proxy
        // blocked it). The list, summary and table need no Leaflet and stay; the map's box says
        // why it is empty instead of staying blank, and `mapReady` settles. The next map asks
        // for the chunk again rather than inheriting this failure.
        forgetMapLayer();
        this.layerFailed = true;
        this.settle();
        return;
      }
      this.layerFailed = false;
      const root = this.renderRoot as ShadowRoot;
      const sheet = module.leafletStyleSheet();
      // Leaflet's rules go first so the element's own (e.g. the map background) win at equal specificity.
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
      if (!this.isConnected || this.layer) return;
      // Measured only now, after Leaflet's rules apply: reading the size earlier forced a layout of
      // the whole card that the new stylesheet then threw away. A box with no width yet (hidden)
      // waits for the ResizeObserver, which asks for an update once it has one.
      if (container.clientWidth === 0) return;
      const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      const touch = matchMedia('(pointer: coarse)').matches;
      this.layer = module.createMapLayer(container, {
        tiles: tileUrl && tiles ? { url: tileUrl, attribution: this.attribution, module: tiles } : undefined,
        reducedMotion,
        touch,
        canvas: canvasModule,
        colours: this.layerColours(),
        idPrefix: this.uid,
        onHover: (key, point) => this.onHover(key, point),
        onClick: (key) => this.selectArea(key),
      });
      this.layerContainer = container;
      this.drawnAreas = undefined;
      this.drawnModel = undefined;
    } finally {
      this.layerLoading = false;
    }
    // Draws at once rather than through another render of the whole card, unless one is due anyway.
    if (!this.isUpdatePending) this.syncLayer(false);
  }

  private draw(areas: AreaShape[], model: Model): void {
    const layerAreas: LayerArea[] = areas.map((a) => ({ key: a.key, polygons: a.polygons, labelPoint: a.labelPoint }));
    this.layer!.setAreas(layerAreas, model.paint);
    this.drawnAreas = areas;
    this.drawnModel = model;
    this.afterDraw();
  }

  /**
   * Resolves `mapReady` once the browser has painted the drawn frame. Leaflet's canvas renderer
   * draws in the next animation frame, in a callback queued before this one; a task posted from
   * this frame's callback runs after that frame is painted (a second frame would add up to 17 ms
   * of waiting to every figure measured with it).
   */
  private afterDraw(): void {
    if (this.ready.settled) this.ready = deferred();
    const ready = this.ready;
    requestAnimationFrame(() => nextTask().then(() => {
      this.dispatchEvent(new CustomEvent('daylight-map-render', {
        bubbles: true, composed: true, detail: { renderer: this.layer?.renderer, areas: this.drawnAreas?.length ?? 0 },
      }));
      ready.resolve();
    }));
  }

  /** Resolves `mapReady` when there is nothing to draw (error, empty, table view). */
  private settle(): void {
    this.ready.resolve();
  }

  private layerColours(): LayerColours {
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      outline: read('--_map-outline', '#4a5360'),
      hatch: read('--_suppressed', '#5f6875'),
      missing: read('--_surface', '#ffffff'),
      focus: read('--_focus', '#1f5fbf'),
      selected: read('--_text', '#1b1f24'),
    };
  }

  // ---- interaction ------------------------------------------------------------------------

  private get selectedKey(): string | undefined {
    return this.area ?? this.selection?.area;
  }

  private selectArea(key: string): void {
    const next = this.selectedKey === key ? undefined : key;
    this.area = next;
    this.dispatchEvent(new AreaSelectEvent(next));
  }

  private onHover(key: string | undefined, point?: { x: number; y: number }): void {
    if (key && point) {
      this.active = key;
      this.tooltip = { ...point, source: 'pointer' };
      this.layer?.focus(key, false);
    } else if (this.tooltip?.source === 'pointer') {
      this.tooltip = undefined;
      this.layer?.focus(this.focusedOnMap ? this.active : undefined, false);
    }
  }

  private get focusedOnMap(): boolean {
    return this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement?.classList.contains('map') === true;
  }

  private get order(): string[] {
    const order = this.boundaryState?.order ?? [];
    const rows = this.model?.byKey;
    return rows ? order.filter((key) => rows.has(key)) : order;
  }

  private moveTo(key: string | undefined, announce: boolean): void {
    if (!key) return;
    this.active = key;
    this.layer?.focus(key, true);
    const point = this.layer?.pointOf(key);
    this.tooltip = point ? { ...point, source: 'keyboard' } : undefined;
    const row = this.model?.byKey.get(key);
    if (announce && row && this.model) {
      const period = this.model.periodLabel;
      this.announcement = this.t.areaLabel(row.name, (row.rate ?? row.text).long, period);
    }
  }

  private onFocus(): void {
    this.activateWheel();
    const order = this.order;
    const start = this.active && order.includes(this.active) ? this.active : this.selectedKey && order.includes(this.selectedKey) ? this.selectedKey : order[0];
    this.moveTo(start, true);
  }

  private onBlur(): void {
    this.tooltip = undefined;
    this.layer?.focus(undefined, false);
    this.layer?.setWheelZoom(false);
  }

  /** Label points of the areas in `order`, on the screen's axes, for the arrow keys. */
  private get screenPoints(): Map<string, ScreenPoint> {
    const areas = this.boundaryState?.areas;
    const rows = this.model?.byKey;
    if (this.pointsFor?.areas !== areas || this.pointsFor?.rows !== rows) {
      const byKey = new Map(areas?.map((area) => [area.key, area]));
      const points = new Map<string, ScreenPoint>();
      // Reading order, so that ties between equally near areas resolve the same way every time.
      for (const key of this.order) {
        const area = byKey.get(key);
        if (area) points.set(key, screenPoint(area.labelPoint));
      }
      this.pointsFor = { areas, rows, points };
    }
    return this.pointsFor!.points;
  }

  private pointsFor?: { areas?: AreaShape[]; rows?: Map<string, MapRow>; points: Map<string, ScreenPoint> };

  private onKeyDown(event: KeyboardEvent): void {
    const order = this.order;
    if (order.length === 0) return;
    const current = this.active ? order.indexOf(this.active) : -1;
    const last = order.length - 1;
    let next: number | undefined;
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      // At the map's edge there is nothing further that way: the reader stays where they are.
      const target = current < 0 ? order[0] : areaInDirection(this.screenPoints, this.active!, direction);
      if (target !== undefined) this.moveTo(target, true);
      return;
    }
    switch (event.key) {
      // Reading order (north to south in bands, west to east): a walk that visits every area.
      case 'PageDown': next = current < 0 ? 0 : Math.min(last, current + 1); break;
      case 'PageUp': next = current < 0 ? 0 : Math.max(0, current - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = last; break;
      case 'Enter': case ' ':
        if (this.active) this.selectArea(this.active);
        event.preventDefault();
        return;
      case '+': case '=': this.layer?.zoomBy(1); event.preventDefault(); return;
      case '-': case '_': this.layer?.zoomBy(-1); event.preventDefault(); return;
      case 'Escape':
        this.tooltip = undefined;
        event.preventDefault();
        return;
      default: return;
    }
    event.preventDefault();
    this.moveTo(order[next], true);
  }

  private onPointerLeave(): void {
    if (!this.focusedOnMap) this.layer?.setWheelZoom(false);
  }

  private activateWheel(): void {
    this.layer?.setWheelZoom(true);
    this.hint = undefined;
  }

  private onWheel(): void {
    if (this.focusedOnMap) return;
    this.showHint(this.t.mapScrollHint);
  }

  private onTouch(event: TouchEvent): void {
    if (event.touches.length === 1 && matchMedia('(pointer: coarse)').matches) this.showHint(this.t.mapTouchHint);
  }

  private showHint(text: string): void {
    this.hint = text;
    clearTimeout(this.wheelTimer);
    // A timer only hides a hint; nothing waits on it.
    this.wheelTimer = setTimeout(() => { this.hint = undefined; }, 1800);
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
    this.tooltip = undefined;
  }
}

const ARROWS: Partial<Record<string, Direction>> = { ArrowRight: 'right', ArrowLeft: 'left', ArrowUp: 'up', ArrowDown: 'down' };

function fetchBoundaries(url: string): Promise<unknown> {
  let promise = boundaryCache.get(url);
  if (!promise) {
    promise = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/geo+json, application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<unknown>;
      });
    // A failed load is forgotten so that a later attempt fetches anew.
    promise.catch(() => boundaryCache.delete(url));
    boundaryCache.set(url, promise);
  }
  return promise;
}

function checkedBoundaries(collection: unknown, key: string): ReturnType<typeof checkBoundaries> & { order: string[] } {
  const holder = typeof collection === 'object' && collection !== null ? collection : undefined;
  const cached = holder ? checkedCache.get(holder)?.get(key) : undefined;
  if (cached) return cached;
  const checked = checkBoundaries(collection, key);
  const result = { ...checked, order: readingOrder(checked.areas) };
  if (holder) {
    let byKey = checkedCache.get(holder);
    if (!byKey) checkedCache.set(holder, (byKey = new Map()));
    byKey.set(key, result);
  }
  return result;
}

const collators = new Map<string, Pick<Intl.Collator, 'compare'>>();
/**
 * One collator per language: `localeCompare` with options builds a new one on every call, which
 * dominates sorting 20,000 names. Lazy, because the first render ranks by value and needs names
 * only for ties.
 */
function collatorFor(locale: string): Pick<Intl.Collator, 'compare'> {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = lazyCollator(locale)));
  return collator;
}

const objectIds = new WeakMap<object, number>();
let nextObject = 0;
function nextObjectId(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = ++nextObject));
  return String(id);
}
