/**
 * The feed builder: rows in (as arrays of strings, one source at a time, in any amount), a feed
 * out. No files and no Node APIs: the CLI streams rows in, a browser preview could do the same.
 *
 * Rows are mapped to canonical fields, grouped by their call / incident / person id (rows are per
 * unit or per victim; counting must be per call or per incident), and each closed group adds to
 * per-metric "fine" tables. Memory is bounded by those tables and by `groupWindow` open groups,
 * not by the number of rows.
 */
import type { Cell, DimensionDefinition, Feed, Label, Metric, MetricMethodology } from '../core/types.js';
import { periodBounds, shiftPeriod, comparePeriods } from '../core/period.js';
import {
  type BuildConfig, type CategoryConfig, type FieldName, type MetricId, type SourceConfig, type SourceKind,
  ConfigError, TIME_FIELD, plannedMetrics,
} from './config.js';
import { ZoneClock, timestampParser, type TimestampParser, isoDay, dayOfIso } from './time.js';
import { AreaIndex, compareKeys, parseLocation } from './geo.js';
import { Histogram } from './histogram.js';
import {
  type DimPlan, type PrivacySettings, type PublishedMetric, NO, OTHER, SEP, UNKNOWN, YES,
  publishCount, publishFunnel, publishQuantiles, publishShare,
} from './publish.js';
import { cryptoRandom, seededRandom } from './random.js';
import { GroupWindow } from './groups.js';
import { BUILTIN_DIMENSIONS, GRAIN_LABEL, METRIC_TEXT, VALUE_LABELS, fillLabel, privacyNotes } from './text.js';

const DAY = 86_400_000;

export interface BuildOptions {
  /** The parsed boundary GeoJSON, when the config names one. */
  boundary?: unknown;
  /** Name of the boundary file, for messages. */
  boundaryName?: string;
  /** `generated` timestamp to write (ISO 8601); defaults to now. Fixed in tests for reproducible feeds. */
  generated?: string;
  /** Name of the config file, for messages (errors found while building name it). */
  configName?: string;
}

export interface SourceReport {
  id: string;
  file: string;
  rows: number;
  used: number;
  bad: number;
  /** Rows read but left out on purpose, by reason (not errors). */
  excluded: Record<string, number>;
  /** Groups (calls, incidents) whose rows arrived after the group was closed; see groupWindow. */
  lateRows: number;
  /**
   * Of `lateRows`, about how many the memory-saving closed-id check flags by chance (an upper
   * estimate): a count near it means the file is in order.
   */
  lateRowsByChance: number;
}

export interface MetricReport {
  id: string;
  cells: number;
  suppressed: number;
  primary: number;
  complementary: number;
  folded: Record<string, string[]>;
  excluded: Record<string, number>;
  uncheckedComponents: number;
}

export interface BuildReport {
  sources: SourceReport[];
  metrics: MetricReport[];
  warnings: string[];
  asOf: string;
  periods: string[];
}

export interface BuildResult {
  feed: Feed;
  report: BuildReport;
}

/** What a source sink returns for a row it could not use: the reason, naming the column and the value. */
export type RowProblem = string;

export interface SourceSink {
  /** Adds one data row (values in header order). Returns a problem when the row is unusable. */
  add(values: readonly string[], line: number): RowProblem | undefined;
  /**
   * The same for a row given as ranges of a line (field i is `text.slice(starts[at + i], ends[at + i])`),
   * so that fields which are only parsed, such as timestamps, never become strings.
   */
  addRange(text: string, starts: Int32Array, ends: Int32Array, at: number, line: number, ahead?: ReadAhead, index?: number): RowProblem | undefined;
  /**
   * What a reader may work out ahead for `addRange` (in another thread, say): the columns this
   * source reads as timestamps (with `timestampFormat`, in the jurisdiction's zone) and the
   * column of group ids, if any.
   */
  readonly readAhead: { readonly timeColumns: readonly number[]; readonly idColumn: number | undefined };
  /** Closes the source: every open group is counted. */
  close(): void;
  readonly report: SourceReport;
}

/**
 * The row being read: field strings, or ranges of a line of text. Both give the same values; the
 * ranges spare a reader the strings of fields that are never kept.
 */
class RowCursor {
  values: readonly string[] = [];
  text = '';
  starts: Int32Array = new Int32Array(0);
  ends: Int32Array = new Int32Array(0);
  /** Where the row's first field is in `starts` and `ends` (a reader may pass many rows' ranges at once). */
  at = 0;
  /** What the reader worked out already for the row's batch, and the row's place in it. */
  ahead: ReadAhead | undefined = undefined;
  index = 0;
  ranged = false;
  /** Field i, trimmed (as `values[i].trim()` would be). */
  field(i: number): string {
    if (!this.ranged) return (this.values[i] ?? '').trim();
    const start = this.starts[this.at + i]!;
    const end = this.ends[this.at + i]!;
    if (start === end) return '';
    const text = this.text;
    // trim() removes Unicode spaces too: anything that might be one takes the exact road.
    if (!plainAt(text, start) || !plainAt(text, end - 1)) return text.slice(start, end).trim();
    return text.slice(start, end);
  }
}

/** Whether the character at i is printable ASCII (and so not something trim() would remove). */
function plainAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code > 32 && code < 127;
}

/** What a reader worked out already for a batch of rows given to `addRange` (row `index` of the batch). */
export interface ReadAhead {
  /**
   * Row r's timestamps: `times[r * timeColumns.length + j]` is column `readAhead.timeColumns[j]`
   * read with `timestampParser`, or NaN to let the builder read (and word the problem with) the text.
   */
  times?: Float64Array;
  /** Row r's id hashes (`hashId` of the id column's text as it stands) at `idHashes[3r]` to `[3r + 2]`. */
  idHashes?: Int32Array;
}

type Getter = (row: RowCursor) => string;

/** Counts per metric: a fine table keyed by coordinates joined with SEP. */
class Fine {
  counts = new Map<string, number>();
  histograms = new Map<string, Histogram>();
  excluded: Record<string, number> = {};
  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
  addDuration(key: string, seconds: number): void {
    let h = this.histograms.get(key);
    if (!h) this.histograms.set(key, (h = new Histogram()));
    h.add(seconds);
  }
  exclude(reason: string): void {
    this.excluded[reason] = (this.excluded[reason] ?? 0) + 1;
  }
}

interface MetricState {
  id: MetricId;
  source: number;
  /** Category dimension ids from the config, in order. */
  categories: string[];
  /** The built-in category in front of the config's, if any (service, responder_type). */
  builtin?: 'service' | 'responder_type';
  fine: Fine;
}

const TRUTHY = ['true', 'yes', 'y', '1', 't'];
interface TimeSpec {
  field: FieldName;
  get: Getter;
  /** The field's column when it names one (so it can be read in place), else -1. */
  column: number;
  /** Its place in `readAhead.timeColumns`, else -1. */
  slot: number;
}

/** Every field `time()` reads. */
const TIMESTAMP_FIELDS: readonly FieldName[] = ['received', 'occurred', 'referred', 'identified', 'arrived', 'cleared', 'dispatched', 'followedUp', 'contacted', 'connected'];
/** The category values of a row when the source has no categories (shared: never written to). */
const NO_CATEGORIES: string[] = [];

export class FeedBuilder {
  readonly config: BuildConfig;
  private readonly clock: ZoneClock;
  private readonly areaIndex: AreaIndex | undefined;
  private readonly metrics = new Map<MetricId, MetricState>();
  private readonly sourceReports: SourceReport[] = [];
  private readonly warnings: string[] = [];
  private readonly options: BuildOptions;
  private readonly startDay: number;
  private readonly endDay: number;
  private minDay = Number.POSITIVE_INFINITY;
  private maxDay = Number.NEGATIVE_INFINITY;
  private readonly observedAreas = new Set<string>();
  private readonly unmatchedAreas = new Map<string, number>();
  private readonly areaKeys: Set<string> | undefined;
  private readonly withAreas: boolean;
  private readonly placeKeys = new Map<string, Map<string, string>>();

  constructor(config: BuildConfig, options: BuildOptions = {}) {
    this.config = config;
    this.options = options;
    this.clock = new ZoneClock(config.jurisdiction.timezone);
    this.clock.useGrain(config.grain);
    if (config.areas?.boundary) {
      if (options.boundary === undefined) throw new ConfigError([{ path: 'areas.boundary', message: `areas.boundary: the boundary file "${config.areas.boundary}" was not loaded.` }], options.configName);
      this.areaIndex = new AreaIndex(options.boundary, config.areas.key, options.boundaryName ?? config.areas.boundary, config.areas.nameProperty);
      this.areaKeys = new Set(this.areaIndex.keys);
    }
    this.withAreas = this.hasAreas;
    this.startDay = config.period?.start ? dayOfIso(config.period.start) : Number.NEGATIVE_INFINITY;
    this.endDay = config.period?.end ? dayOfIso(config.period.end) : Number.POSITIVE_INFINITY;
    for (const { metric, source } of plannedMetrics(config)) {
      const kind = config.sources[source]!.kind;
      const builtin = metric === 'referrals' ? 'service' : metric === 'second_responder_visits' ? 'responder_type' : undefined;
      void kind;
      this.metrics.set(metric, { id: metric, source, categories: config.metrics?.[metric]?.by ?? [], ...(builtin ? { builtin } : {}), fine: new Fine() });
    }
  }

  /** Whether the feed has an area dimension. */
  private get hasAreas(): boolean {
    return this.config.areas !== undefined || this.config.sources.some((s) => s.fields.area || s.fields.latitude || s.fields.location);
  }

  /**
   * Starts reading source `index` whose first row (the header) is `header`. Throws ConfigError when
   * the config names a column the header lacks, listing the columns that exist.
   */
  openSource(index: number, header: readonly string[], file?: string): SourceSink {
    const source = this.config.sources[index];
    if (!source) throw new RangeError(`no sources[${index}] in the config`);
    const fileName = file ?? source.file;
    const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
    if (names.length === 0 || (names.length === 1 && names[0] === '')) {
      throw new ConfigError([{ path: `sources[${index}].file`, message: `sources[${index}].file: ${fileName} has no header row (is it empty?).` }], this.options.configName);
    }
    const issues: Array<{ path: string; message: string }> = [];
    /** Config path -> its column, for specs that name one column. */
    const singleColumns = new Map<string, number>();
    const column = (spec: string | string[] | undefined, path: string): Getter | undefined => {
      if (spec === undefined) return undefined;
      const wanted = Array.isArray(spec) ? spec : [spec];
      const idx: number[] = [];
      for (const name of wanted) {
        const i = names.indexOf(name);
        if (i < 0) {
          const near = names.find((h) => h.toLowerCase() === name.toLowerCase());
          issues.push({ path, message: `${path}: column "${name}" is not in ${fileName}${near ? ` (did you mean "${near}"?)` : ''}; its columns are: ${names.join(', ')}.` });
        } else idx.push(i);
      }
      if (idx.length === 1) {
        const only = idx[0]!;
        singleColumns.set(path, only);
        return (row) => row.field(only);
      }
      return (row) => {
        for (const i of idx) {
          const value = row.field(i);
          if (value !== '') return value;
        }
        return '';
      };
    };
    const fields: Partial<Record<FieldName, Getter>> = {};
    const fieldColumns: Partial<Record<FieldName, number>> = {};
    for (const [name, spec] of Object.entries(source.fields) as Array<[FieldName, string | string[] | undefined]>) {
      const path = `sources[${index}].fields.${name}`;
      const getter = column(spec, path);
      if (getter) fields[name] = getter;
      const only = singleColumns.get(path);
      if (only !== undefined) fieldColumns[name] = only;
    }
    const categoryGetters = new Map<string, { get: Getter; config: CategoryConfig }>();
    for (const [dim, category] of Object.entries(source.categories ?? {})) {
      const getter = column(category.column, `sources[${index}].categories.${dim}.column`);
      if (getter) categoryGetters.set(dim, { get: getter, config: category });
    }
    const filter = source.filter ? column(source.filter.column, `sources[${index}].filter.column`) : undefined;
    if (issues.length > 0) throw new ConfigError(issues, this.options.configName);

    const report: SourceReport = { id: source.id, file: fileName, rows: 0, used: 0, bad: 0, excluded: {}, lateRows: 0, lateRowsByChance: 0 };
    this.sourceReports.push(report);
    return new SourceReader(this, index, source, fields, fieldColumns, categoryGetters, filter, report);
  }

  /** @internal Used by SourceReader. */
  context() {
    return {
      clock: this.clock,
      areaIndex: this.areaIndex,
      metrics: this.metrics,
      startDay: this.startDay,
      endDay: this.endDay,
      groupWindow: this.config.groupWindow,
      observe: (day: number) => {
        if (day < this.minDay) this.minDay = day;
        if (day > this.maxDay) this.maxDay = day;
      },
      /** The period (and area, when the feed has areas) part of a fine key. */
      place: (period: string, raw: string | undefined, lon: number, lat: number): string => {
        if (!this.withAreas) return period;
        const area = this.resolveArea(raw, lon, lat);
        // One string per (period, area), not one per group: fewer strings to keep and hash.
        let byArea = this.placeKeys.get(period);
        if (!byArea) this.placeKeys.set(period, (byArea = new Map()));
        let key = byArea.get(area);
        if (key === undefined) byArea.set(own(area), (key = `${period}${SEP}${area}`));
        return key;
      },
    };
  }

  private resolveArea(raw: string | undefined, lon: number, lat: number): string {
    if (raw) {
      if (!this.areaKeys || this.areaKeys.has(raw)) {
        if (!this.observedAreas.has(raw)) this.observedAreas.add(own(raw));
        return raw;
      }
      const seen = this.unmatchedAreas.get(raw);
      this.unmatchedAreas.set(seen === undefined ? own(raw) : raw, (seen ?? 0) + 1);
    }
    if (this.areaIndex && Number.isFinite(lon) && Number.isFinite(lat)) {
      const found = this.areaIndex.locate(lon, lat);
      if (found !== undefined) return found;
    }
    this.observedAreas.add(UNKNOWN);
    return UNKNOWN;
  }

  /** Publishes: every metric through the privacy engine, then the feed document. */
  finish(): BuildResult {
    const config = this.config;
    const grain = config.grain;
    if (!Number.isFinite(this.minDay)) {
      throw new ConfigError([{ path: 'sources', message: 'sources: no usable rows in any source, so there is nothing to publish (are the files empty, or is period set outside the data?).' }], this.options.configName);
    }
    const asOfDay = config.asOf ? dayOfIso(config.asOf) : this.maxDay + 1;
    const lastAllowedDay = asOfDay - config.lagDays;
    const startDay = Number.isFinite(this.startDay) ? this.startDay : this.minDay;
    const dataEnd = Number.isFinite(this.endDay) ? this.endDay : this.maxDay;
    const periodsUpTo = (lastDay: number): string[] => {
      const out: string[] = [];
      let p = this.clock.periodOf(startDay * DAY + 12 * 3600_000 - this.clock.offsetAt(startDay * DAY));
      for (let guard = 0; guard < 10_000; guard++) {
        const bounds = periodBounds(p, grain);
        const endOfPeriod = Math.floor(bounds.end.getTime() / DAY);
        if (endOfPeriod > lastDay) break;
        out.push(p);
        if (endOfPeriod >= dataEnd) break;
        p = shiftPeriod(p, grain, 1);
      }
      return out;
    };
    const periods = periodsUpTo(lastAllowedDay);
    if (periods.length === 0) {
      throw new ConfigError([{ path: 'lagDays', message: `lagDays: no whole ${grain} ends on or before ${isoDay(lastAllowedDay)} (asOf ${isoDay(asOfDay)} minus the ${config.lagDays}-day publication lag), so nothing can be published yet.` }], this.options.configName);
    }
    const lastPeriodEnd = Math.floor(periodBounds(periods[periods.length - 1]!, grain).end.getTime() / DAY);
    const feedEnd = Math.min(dataEnd, lastPeriodEnd);

    const random = config.noise ? (config.noise.seed !== undefined ? seededRandom(config.noise.seed) : cryptoRandom()) : undefined;
    const settings: PrivacySettings = {
      k: config.k, rounding: config.rounding,
      noise: config.noise && random ? { epsilon: config.noise.epsilon, random } : null,
    };

    const areaValues = this.areaValues();
    const metrics: Metric[] = [];
    const metricReports: MetricReport[] = [];
    const methodology: Record<string, MetricMethodology> = {};
    const dimensionValues = new Map<string, Set<string>>();
    const usedDims = new Set<string>();

    for (const state of this.metrics.values()) {
      const source = config.sources[state.source]!;
      // A follow-up rate is only known once the follow-up window has closed.
      const metricPeriods = state.id === 'referral_followup_rate'
        ? periodsUpTo(Math.min(lastAllowedDay, asOfDay - (source.followupDays ?? 30)))
        : periods;
      const periodSet = new Set(metricPeriods);
      // A key is the period alone when the metric has no area and no categories.
      const keep = (key: string) => {
        const end = key.indexOf(SEP);
        return periodSet.has(end < 0 ? key : key.slice(0, end));
      };
      const dims: DimPlan[] = [{ id: 'period', kind: 'period', values: metricPeriods }];
      if (this.hasAreas) dims.push({ id: 'area', kind: 'area', values: areaValues });
      if (metricPeriods.length === 0) {
        this.warnings.push(`${state.id}: no period is old enough to publish yet; the metric is left out.`);
        continue;
      }
      const categoryIds = [...(state.builtin ? [state.builtin] : []), ...state.categories];
      const published = this.publishMetric(state, dims, categoryIds, source, keep, settings);
      const text = METRIC_TEXT[state.id];
      const overrides = config.metrics?.[state.id] ?? {};
      const dimIds = Object.keys(published.values);
      const metric: Metric = {
        id: state.id,
        label: overrides.label ?? text.label,
        description: overrides.description ?? text.description,
        unit: text.unit,
        statistic: state.id === 'response_time' || state.id === 'time_on_scene' ? 'quantile'
          : state.id === 'coresponse_share' || state.id === 'referral_followup_rate' ? 'share' : 'count',
        polarity: text.polarity,
        dimensions: dimIds,
        cells: published.cells,
      };
      metrics.push(metric);
      for (const [dim, values] of Object.entries(published.values)) {
        usedDims.add(dim);
        let set = dimensionValues.get(dim);
        if (!set) dimensionValues.set(dim, (set = new Set()));
        for (const v of values) set.add(v);
      }
      methodology[state.id] = {
        includes: overrides.includes ?? text.includes,
        excludes: overrides.excludes ?? text.excludes,
        ...(overrides.notes ? { notes: overrides.notes } : {}),
      };
      metricReports.push({ id: state.id, ...published.stats, folded: published.folded, excluded: state.fine.excluded });
      if (published.stats.uncheckedComponents > 0) {
        this.warnings.push(`${state.id}: ${published.stats.uncheckedComponents} large group(s) of suppressed cells were checked with the group rule only (too large for the exact check).`);
      }
    }
    for (const [raw, count] of [...this.unmatchedAreas].slice(0, 10)) {
      this.warnings.push(`${count} row(s) name the area "${raw}", which is not a "${config.areas?.key}" in the boundary file; they are counted as "${UNKNOWN}" (outside mapped areas) unless their coordinates fall inside an area.`);
    }

    const feed: Feed = {
      version: '1.0',
      generated: this.options.generated ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(config.title ? { title: config.title } : {}),
      jurisdiction: {
        name: config.jurisdiction.name,
        id: config.jurisdiction.id,
        timezone: config.jurisdiction.timezone,
        ...(config.jurisdiction.population !== undefined ? { population: config.jurisdiction.population } : {}),
      },
      ...(config.publisher ? { publisher: config.publisher } : {}),
      ...(config.license ? { license: config.license } : {}),
      period: { start: isoDay(startDay), end: isoDay(feedEnd), grain },
      privacy: {
        minCount: config.k,
        complementary: true,
        rounding: config.rounding,
        noise: config.noise ? { mechanism: 'geometric', epsilon: config.noise.epsilon } : null,
        notes: privacyNotes(config.k, config.rounding, config.noise),
      },
      ...(config.areas ? {
        areas: {
          ...(config.areas.url ? { url: config.areas.url } : { url: config.areas.boundary ?? 'areas.geojson' }),
          key: config.areas.key,
          ...(config.areas.nameProperty ? { nameProperty: config.areas.nameProperty } : {}),
          ...(config.areas.level ? { level: config.areas.level } : {}),
        },
      } : {}),
      dimensions: this.dimensions(usedDims, dimensionValues),
      metrics,
      methodology: {
        asOf: isoDay(asOfDay),
        lagDays: config.lagDays,
        sources: config.sources.map((s) => ({
          name: s.license ? withSuffix(s.name, ` (licence: ${s.license})`) : s.name,
          ...(s.url ? { url: s.url } : {}),
          ...(s.publisher ? { publisher: s.publisher } : {}),
        })),
        ...(config.methodology?.caveats ? { caveats: config.methodology.caveats } : {}),
        ...(config.methodology?.contact ? { contact: config.methodology.contact } : {}),
        metrics: methodology,
      },
    };
    return {
      feed,
      report: { sources: this.sourceReports, metrics: metricReports, warnings: this.warnings, asOf: isoDay(asOfDay), periods },
    };
  }

  private publishMetric(state: MetricState, dims: DimPlan[], categoryIds: string[], source: SourceConfig,
    keep: (key: string) => boolean, settings: PrivacySettings): PublishedMetric {
    const categoryDims: DimPlan[] = categoryIds.map((id) => {
      const config = source.categories?.[id];
      const sensitive = config?.sensitive === true ? 'all' as const
        : Array.isArray(config?.sensitive) ? new Set(config.sensitive) : undefined;
      return { id, kind: 'category', values: [], ...(sensitive ? { sensitive } : {}) };
    });
    const all = [...dims, ...categoryDims];
    const fineCounts = new Map<string, number>();
    for (const [key, v] of state.fine.counts) if (keep(key)) fineCounts.set(key, v);
    const fineHist = new Map<string, Histogram>();
    for (const [key, v] of state.fine.histograms) if (keep(key)) fineHist.set(key, v);
    // Category values in order of size, with Other and Unknown last.
    const offset = dims.length;
    categoryDims.forEach((dim, c) => {
      const totals = new Map<string, number>();
      const tally = (key: string, w: number) => {
        const v = key.split(SEP)[offset + c]!;
        totals.set(v, (totals.get(v) ?? 0) + w);
      };
      for (const [key, v] of fineCounts) tally(key, v);
      for (const [key, h] of fineHist) tally(key, h.count);
      dim.values = [...totals.keys()].sort((a, b) => rank(a) - rank(b) || (totals.get(b)! - totals.get(a)!) || a.localeCompare(b));
    });
    const areaIndex = all.findIndex((d) => d.kind === 'area');
    if (areaIndex >= 0) {
      // The outside / unknown bucket appears only in metrics that have records in it.
      const hasUnknown = [...fineCounts.keys(), ...fineHist.keys()].some((key) => key.split(SEP)[areaIndex] === UNKNOWN);
      all[areaIndex] = { ...all[areaIndex]!, values: all[areaIndex]!.values.filter((v) => v !== UNKNOWN || hasUnknown) };
    }
    switch (state.id) {
      case 'response_time':
      case 'time_on_scene':
        return publishQuantiles(fineHist, all, settings);
      case 'coresponse_share':
      case 'referral_followup_rate':
        return publishShare(fineCounts, all, settings);
      case 'past_victims_outreach':
        return publishFunnel(fineCounts, all, settings);
      default:
        return publishCount(fineCounts, all, settings);
    }
  }

  private areaValues(): string[] {
    const keys = this.areaIndex ? this.areaIndex.keys.slice() : [...this.observedAreas].filter((a) => a !== UNKNOWN).sort(compareKeys);
    return [...keys, UNKNOWN];
  }

  private dimensions(used: Set<string>, values: Map<string, Set<string>>): Record<string, DimensionDefinition> {
    const config = this.config;
    const out: Record<string, DimensionDefinition> = {};
    if (used.has('period')) out.period = { label: GRAIN_LABEL[config.grain], kind: 'period', values: { '*': VALUE_LABELS.allPeriods } };
    if (used.has('area')) {
      const labels: Record<string, Label> = { '*': VALUE_LABELS.citywide };
      for (const v of values.get('area') ?? []) {
        if (v === UNKNOWN) labels[v] = config.areas?.unknownLabel ?? VALUE_LABELS.unknownArea;
        else {
          const name = this.areaIndex?.names.get(v);
          labels[v] = name ?? (config.areas?.valueLabel ? fillLabel(config.areas.valueLabel, v) : v);
        }
      }
      out.area = { label: config.areas?.level ?? VALUE_LABELS.area, kind: 'area', values: labels };
    }
    for (const dim of used) {
      if (dim === 'period' || dim === 'area') continue;
      const builtin = BUILTIN_DIMENSIONS[dim];
      const category = config.sources.map((s) => s.categories?.[dim]).find((c) => c !== undefined);
      const labels: Record<string, Label> = { '*': VALUE_LABELS.all };
      for (const v of values.get(dim) ?? []) {
        labels[v] = config.valueLabels?.[dim]?.[v] ?? builtin?.values?.[v] ?? category?.values?.[v]
          ?? (v === OTHER ? VALUE_LABELS.other : v === UNKNOWN ? VALUE_LABELS.unknown : v);
      }
      out[dim] = { label: builtin?.label ?? category?.label ?? dim, kind: 'category', values: labels };
    }
    return out;
  }
}

/**
 * A copy of a value read from a row, for keeping past the row. A reader may hand on values that
 * are slices of a large chunk of the file (V8 slices strings of 13 characters or more); a value
 * kept for the whole build would keep its whole chunk alive.
 */
function own(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** A raw category value as published: blank is "unknown", any spelling of "other" joins the Other bucket. */
function categoryValue(raw: string): string {
  if (raw === '') return UNKNOWN;
  return raw.length === OTHER.length && raw.toLowerCase() === OTHER ? OTHER : raw;
}

function rank(value: string): number {
  return value === OTHER ? 1 : value === UNKNOWN ? 2 : 0;
}

function withSuffix(label: Label, suffix: string): Label {
  if (typeof label === 'string') return label + suffix;
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(label)) out[lang] = text + suffix;
  return out as Label;
}

interface CallGroup {
  key: string;
  received: number;
  firstArrival: number;
  firstType: string;
  lastCleared: number;
  /** Units that arrived, by type; only kept when second_responder_visits is built. */
  arrivedTypes: Map<string, number> | undefined;
  /** Every responder type on the call; only kept when coresponse_share is built. */
  allTypes: Set<string> | undefined;
  coresponder: boolean;
  service: string;
  cats: string[];
}

interface IncidentGroup {
  key: string;
  victims?: Set<string>;
}

interface ReferralGroup {
  key: string;
  service: string;
  referred: number;
  followed: number;
  cats: string[];
}

interface OutreachGroup {
  key: string;
  cats: string[];
  identified: number;
  contacted: boolean;
  connected: boolean;
}

/** Reads one source's rows. Kind-specific code lives in `add` and the group closers. */
class SourceReader implements SourceSink {
  private readonly ctx: ReturnType<FeedBuilder['context']>;
  private readonly parser: TimestampParser;
  private readonly kind: SourceKind;
  private readonly openGroups: GroupWindow<unknown> | undefined;
  private readonly truthy: Set<string>;
  private readonly mine: MetricState[];
  private readonly catIds: string[];
  private readonly categoryList: Array<{ get: Getter; config: CategoryConfig }>;
  /** The field that places a row in time (received, occurred, …). */
  private readonly timeField: FieldName;
  readonly readAhead: { readonly timeColumns: readonly number[]; readonly idColumn: number | undefined };
  /** Timestamp field -> its place in `readAhead.timeColumns` (fields read from one column). */
  private readonly timeSlots: Partial<Record<FieldName, number>> = {};
  /** How each timestamp field is read, worked out once (three are read per row). */
  private readonly timeSpecs: Partial<Record<FieldName, TimeSpec>> = {};
  private readonly timeColumnCount: number;

  constructor(
    builder: FeedBuilder,
    index: number,
    private readonly source: SourceConfig,
    private readonly fields: Partial<Record<FieldName, Getter>>,
    fieldColumns: Partial<Record<FieldName, number>>,
    categories: Map<string, { get: Getter; config: CategoryConfig }>,
    private readonly filter: Getter | undefined,
    readonly report: SourceReport,
  ) {
    this.ctx = builder.context();
    this.kind = source.kind;
    this.parser = timestampParser(source.timestampFormat, this.ctx.clock);
    this.truthy = new Set((source.truthy ?? TRUTHY).map((t) => t.toLowerCase()));
    this.mine = [...this.ctx.metrics.values()].filter((m) => m.source === index);
    for (const m of this.mine) this.metricById.set(m.id, m);
    this.callMetrics = {
      max: (source.maxMinutes ?? 24 * 60) * 60,
      rt: this.metric('response_time'),
      ts: this.metric('time_on_scene'),
      cs: this.metric('coresponse_share'),
      sr: this.metric('second_responder_visits'),
      rf: this.metric('referrals'),
    };
    this.catIds = [...categories.keys()];
    this.categoryList = [...categories.values()];
    this.timeField = TIME_FIELD[this.kind];
    const timeColumns: number[] = [];
    for (const field of TIMESTAMP_FIELDS) {
      const col = fieldColumns[field];
      if (col === undefined) continue;
      let j = timeColumns.indexOf(col);
      if (j < 0) j = timeColumns.push(col) - 1;
      this.timeSlots[field] = j;
    }
    this.readAhead = { timeColumns, idColumn: fieldColumns.id };
    this.timeColumnCount = timeColumns.length;
    for (const field of TIMESTAMP_FIELDS) {
      const get = fields[field];
      if (get) this.timeSpecs[field] = { field, get, column: fieldColumns[field] ?? -1, slot: this.timeSlots[field] ?? -1 };
    }
    if (fields.id) {
      this.openGroups = new GroupWindow<unknown>(this.ctx.groupWindow, (state) => this.closeGroup(state));
    }
    // Made once, not per row: a closure per row is garbage the collector must clear.
    const keepAllTypes = this.metric('coresponse_share') !== undefined;
    const keepArrived = this.metric('second_responder_visits') !== undefined;
    // A closed call's object is reused for the next call. With thousands of calls open at once,
    // each call object outlives the young generation; allocating one per call made the collector
    // copy and promote every one of them, and was a large share of the run time.
    this.newCall = () => {
      const g = this.spareCall;
      if (g === undefined) {
        return {
          key: '', received: Number.NaN, firstArrival: Number.NaN, firstType: '', lastCleared: Number.NaN,
          arrivedTypes: keepArrived ? new Map() : undefined, allTypes: keepAllTypes ? new Set() : undefined,
          coresponder: false, service: '', cats: NO_CATEGORIES,
        };
      }
      this.spareCall = undefined;
      g.key = '';
      g.received = Number.NaN;
      g.firstArrival = Number.NaN;
      g.firstType = '';
      g.lastCleared = Number.NaN;
      g.arrivedTypes?.clear();
      g.allTypes?.clear();
      g.coresponder = false;
      g.service = '';
      g.cats = NO_CATEGORIES;
      return g;
    };
  }

  private readonly newCall: () => CallGroup;
  /** The last closed call, ready for reuse (the window closes one call before it opens one). */
  private spareCall: CallGroup | undefined;

  // Looked up once: closing a group asks for up to five metrics, millions of times.
  private readonly metricById = new Map<MetricId, MetricState>();

  private metric(id: MetricId): MetricState | undefined {
    return this.metricById.get(id);
  }

  /** The key prefix and category values of a row for a metric: period, area, builtin, categories. */
  private keyFor(metric: MetricState, base: string, cats: readonly string[], builtin?: string): string {
    let key = base;
    if (metric.builtin) key += SEP + (builtin ?? UNKNOWN);
    for (const c of metric.categories) key += SEP + cats[this.catIds.indexOf(c)]!;
    return key;
  }

  private time(spec: TimeSpec | undefined, row: RowCursor, required: boolean): number | RowProblem {
    if (!spec) return Number.NaN;
    const times = row.ahead?.times;
    if (times !== undefined && spec.slot >= 0) {
      const epoch = times[row.index * this.timeColumnCount + spec.slot]!;
      if (!Number.isNaN(epoch)) return epoch;
    }
    const col = spec.column;
    if (row.ranged && col >= 0) {
      // Read in place; anything but a plain, valid timestamp takes the string road below, which
      // gives the same value and words the problem.
      const start = row.starts[row.at + col]!;
      const end = row.ends[row.at + col]!;
      if (start < end && plainAt(row.text, start) && plainAt(row.text, end - 1)) {
        const epoch = this.parser.parseRange(row.text, start, end);
        if (!Number.isNaN(epoch)) return epoch;
      }
    }
    const text = spec.get(row);
    const field = spec.field;
    if (text === '') return required ? `${this.columnName(field)} is empty; every ${this.kind} record needs one` : Number.NaN;
    const epoch = this.parser.parse(text);
    if (Number.isNaN(epoch)) return `${this.columnName(field)} expected a date like ${this.parser.example}, found ${JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text)}`;
    return epoch;
  }

  private columnName(field: FieldName): string {
    const spec = this.source.fields[field];
    return Array.isArray(spec) ? spec.map((s) => `"${s}"`).join(' / ') : `"${spec}"`;
  }

  private readonly row = new RowCursor();

  add(values: readonly string[], line: number): RowProblem | undefined {
    const row = this.row;
    row.ranged = false;
    row.values = values;
    row.ahead = undefined;
    return this.addRow(row, line);
  }

  addRange(text: string, starts: Int32Array, ends: Int32Array, at: number, line: number, ahead?: ReadAhead, index = 0): RowProblem | undefined {
    const row = this.row;
    row.ranged = true;
    row.text = text;
    row.starts = starts;
    row.ends = ends;
    row.at = at;
    row.ahead = ahead;
    row.index = index;
    return this.addRow(row, line);
  }

  private addRow(row: RowCursor, line: number): RowProblem | undefined {
    void line;
    this.report.rows++;
    if (this.filter && this.source.filter) {
      const value = this.filter(row);
      const { in: inList, notIn } = this.source.filter;
      if ((inList && !inList.includes(value)) || (notIn && notIn.includes(value))) return this.exclude('filtered out by the config');
    }
    const when = this.time(this.timeSpecs[this.timeField], row, true);
    if (typeof when === 'string') return this.bad(when);
    const day = this.ctx.clock.localDay(when);
    this.ctx.observe(day);
    if (day < this.ctx.startDay || day > this.ctx.endDay) return this.exclude('outside the configured period');
    const period = this.ctx.clock.periodOfDay(day);

    let lon = Number.NaN;
    let lat = Number.NaN;
    if (this.fields.latitude && this.fields.longitude) {
      const la = this.fields.latitude(row);
      const lo = this.fields.longitude(row);
      if (la !== '' || lo !== '') {
        lat = Number(la);
        lon = Number(lo);
        if (la === '' || lo === '' || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          return this.bad(`${this.columnName('latitude')}/${this.columnName('longitude')} expected decimal degrees, found ${JSON.stringify(la)} / ${JSON.stringify(lo)}`);
        }
      }
    } else if (this.fields.location) {
      const text = this.fields.location(row);
      if (text !== '') {
        const point = parseLocation(text);
        if (!point) return this.bad(`${this.columnName('location')} expected a point like "(37.73, -122.42)" or "POINT (-122.42 37.73)", found ${JSON.stringify(text.slice(0, 40))}`);
        [lon, lat] = point;
      }
    }
    // A call's area is read from its first row only (below), not from every unit's row.
    const rawArea = this.kind === 'calls' ? undefined : this.areaOf(row);
    let cats = NO_CATEGORIES;
    if (this.categoryList.length > 0) {
      cats = [];
      for (const { get, config } of this.categoryList) {
        const raw = get(row);
        cats.push(categoryValue(raw === '' ? '' : config.map?.[raw] ?? raw));
      }
    }

    const problem = this.addKind(row, when, period, rawArea, lon, lat, cats);
    if (problem) return this.bad(problem);
    this.report.used++;
    return undefined;
  }

  private areaOf(row: RowCursor): string | undefined {
    return this.fields.area?.(row) || undefined;
  }

  private exclude(reason: string): undefined {
    this.report.excluded[reason] = (this.report.excluded[reason] ?? 0) + 1;
    return undefined;
  }

  private bad(problem: RowProblem): RowProblem {
    this.report.bad++;
    return problem;
  }

  private group<S extends { key: string }>(row: RowCursor, create: () => S): S | RowProblem {
    const open = this.openGroups as unknown as GroupWindow<S>;
    const col = this.readAhead.idColumn;
    if (row.ranged && col !== undefined) {
      // A plain id is looked up where it stands in the line, with the reader's hashes if it has them.
      const start = row.starts[row.at + col]!;
      const end = row.ends[row.at + col]!;
      if (start < end && plainAt(row.text, start) && plainAt(row.text, end - 1)) {
        const state = open.getIn(row.text, start, end, create, row.ahead?.idHashes, row.index * 3);
        if (open.late) this.report.lateRows++;
        return state;
      }
    }
    const id = this.fields.id!(row);
    if (id === '') return `${this.columnName('id')} is empty; rows are grouped by it`;
    const state = open.get(id, create);
    if (open.late) this.report.lateRows++;
    return state;
  }

  private addKind(row: RowCursor, when: number, period: string, rawArea: string | undefined, lon: number, lat: number, cats: string[]): RowProblem | undefined {
    switch (this.kind) {
      case 'calls': return this.addCall(row, when, period, lon, lat, cats);
      case 'incidents':
      case 'victims': return this.addVictim(row, period, rawArea, lon, lat, cats);
      case 'referrals': return this.addReferral(row, when, period, rawArea, lon, lat, cats);
      case 'outreach': return this.addOutreach(row, when, period, rawArea, lon, lat, cats);
    }
  }

  private addCall(row: RowCursor, received: number, period: string, lon: number, lat: number, cats: string[]): RowProblem | undefined {
    const arrived = this.time(this.timeSpecs.arrived, row, false);
    if (typeof arrived === 'string') return arrived;
    const cleared = this.time(this.timeSpecs.cleared, row, false);
    if (typeof cleared === 'string') return cleared;
    const dispatched = this.time(this.timeSpecs.dispatched, row, false);
    if (typeof dispatched === 'string') return dispatched;
    const g = this.group<CallGroup>(row, this.newCall);
    if (typeof g === 'string') return g;
    if (g.key === '') {
      // The call's first row fixes its period, area and categories.
      g.key = this.ctx.place(period, this.areaOf(row), lon, lat);
      g.received = received;
      g.cats = cats;
    }
    // The responder type is only needed by the metrics that keep types.
    const rawType = (g.allTypes || g.arrivedTypes) && this.fields.responderType ? this.fields.responderType(row) : '';
    const type = rawType === '' ? '' : categoryValue(rawType);
    if (type && g.allTypes) g.allTypes.add(type);
    if (!Number.isNaN(arrived)) {
      let at = arrived;
      if (at < g.received) at = this.ctx.clock.laterOccurrence(at);
      if (Number.isNaN(g.firstArrival) || at < g.firstArrival) {
        g.firstArrival = at;
        g.firstType = type;
      }
      if (type && g.arrivedTypes) g.arrivedTypes.set(type, (g.arrivedTypes.get(type) ?? 0) + 1);
      if (!Number.isNaN(cleared)) {
        let out = cleared;
        if (out < at) out = this.ctx.clock.laterOccurrence(out);
        if (Number.isNaN(g.lastCleared) || out > g.lastCleared) g.lastCleared = out;
      }
    }
    if (this.fields.coresponder && this.truthy.has(this.fields.coresponder(row).toLowerCase())) g.coresponder = true;
    if (!g.service && this.fields.service) {
      const service = this.fields.service(row);
      if (service) g.service = categoryValue(service);
    }
    return undefined;
  }

  /** The call metrics of this source and its longest plausible duration, looked up once for every closed call. */
  private readonly callMetrics: Record<'rt' | 'ts' | 'cs' | 'sr' | 'rf', MetricState | undefined> & { max: number };

  private closeCall(g: CallGroup): void {
    const { max, rt, ts, cs, sr, rf } = this.callMetrics;
    if (rt) {
      if (Number.isNaN(g.firstArrival)) rt.fine.exclude('no unit arrived');
      else {
        const seconds = (g.firstArrival - g.received) / 1000;
        if (seconds < 0) rt.fine.exclude('arrival before the call was received');
        else if (seconds > max) rt.fine.exclude('longer than maxMinutes');
        else rt.fine.addDuration(this.keyFor(rt, g.key, g.cats), seconds);
      }
    }
    if (ts) {
      if (Number.isNaN(g.firstArrival) || Number.isNaN(g.lastCleared)) ts.fine.exclude('no arrival or no clear time');
      else {
        const seconds = (g.lastCleared - g.firstArrival) / 1000;
        if (seconds < 0) ts.fine.exclude('cleared before arriving');
        else if (seconds > max) ts.fine.exclude('longer than maxMinutes');
        else ts.fine.addDuration(this.keyFor(ts, g.key, g.cats), seconds);
      }
    }
    if (cs) {
      const rule = this.source.coresponse;
      let yes = g.coresponder;
      if (rule?.responderTypes && [...g.allTypes!].some((t) => rule.responderTypes!.includes(t))) yes = true;
      if (rule?.minResponderTypes && g.allTypes!.size >= rule.minResponderTypes) yes = true;
      cs.fine.add(this.keyFor(cs, g.key, g.cats) + SEP + (yes ? YES : NO));
    }
    if (sr && !Number.isNaN(g.firstArrival)) {
      const allowed = this.source.secondResponderTypes;
      for (const [type, units] of g.arrivedTypes!) {
        // The first arriving unit is the response itself; anyone else who came is a second responder.
        const others = type === g.firstType ? units - 1 : units;
        if (others <= 0 || (allowed && !allowed.includes(type))) continue;
        sr.fine.add(this.keyFor(sr, g.key, g.cats, type));
      }
    }
    if (rf) {
      if (g.service) rf.fine.add(this.keyFor(rf, g.key, g.cats, g.service));
      else rf.fine.exclude('no service');
    }
  }

  private addVictim(row: RowCursor, period: string, rawArea: string | undefined, lon: number, lat: number, cats: string[]): RowProblem | undefined {
    const base = this.ctx.place(period, rawArea, lon, lat);
    const victims = this.metric('victims');
    if (!this.openGroups) {
      // No id: every row is its own incident.
      const incidents = this.metric('incidents');
      if (incidents) incidents.fine.add(this.keyFor(incidents, base, cats));
      if (victims) victims.fine.add(this.keyFor(victims, base, cats));
      return undefined;
    }
    const g = this.group<IncidentGroup & { cats: string[] }>(row, () => ({ key: '', cats: [] }));
    if (typeof g === 'string') return g;
    if (g.key === '') {
      g.key = base;
      g.cats = cats;
    }
    if (victims) {
      const victimId = this.fields.victimId?.(row);
      if (victimId) {
        g.victims ??= new Set();
        if (g.victims.has(victimId)) return undefined;
        g.victims.add(victimId);
      }
      victims.fine.add(this.keyFor(victims, base, cats));
    }
    return undefined;
  }

  private closeIncident(g: IncidentGroup & { cats: string[] }): void {
    const incidents = this.metric('incidents');
    if (incidents) incidents.fine.add(this.keyFor(incidents, g.key, g.cats));
  }

  private addReferral(row: RowCursor, referred: number, period: string, rawArea: string | undefined, lon: number, lat: number, cats: string[]): RowProblem | undefined {
    const followed = this.time(this.timeSpecs.followedUp, row, false);
    if (typeof followed === 'string') return followed;
    const rawService = this.fields.service?.(row) ?? '';
    const service = rawService === '' ? '' : categoryValue(rawService);
    const fresh = (): ReferralGroup => ({ key: this.ctx.place(period, rawArea, lon, lat), service, referred, followed, cats });
    if (!this.openGroups) {
      this.closeReferral(fresh());
      return undefined;
    }
    const g = this.group<ReferralGroup>(row, () => ({ key: '', service: '', referred: Number.NaN, followed: Number.NaN, cats: [] }));
    if (typeof g === 'string') return g;
    if (g.key === '') Object.assign(g, fresh());
    else if (!Number.isNaN(followed) && (Number.isNaN(g.followed) || followed < g.followed)) g.followed = followed;
    return undefined;
  }

  private closeReferral(g: ReferralGroup): void {
    const rf = this.metric('referrals');
    if (rf) {
      if (g.service) rf.fine.add(this.keyFor(rf, g.key, g.cats, g.service));
      else rf.fine.exclude('no service');
    }
    const rate = this.metric('referral_followup_rate');
    if (rate) {
      const window = (this.source.followupDays ?? 30) * DAY;
      const yes = !Number.isNaN(g.followed) && g.followed >= g.referred && g.followed - g.referred <= window;
      rate.fine.add(this.keyFor(rate, g.key, g.cats, g.service) + SEP + (yes ? YES : NO));
    }
  }

  private addOutreach(row: RowCursor, identified: number, period: string, rawArea: string | undefined, lon: number, lat: number, cats: string[]): RowProblem | undefined {
    const contacted = this.time(this.timeSpecs.contacted, row, false);
    if (typeof contacted === 'string') return contacted;
    const connected = this.time(this.timeSpecs.connected, row, false);
    if (typeof connected === 'string') return connected;
    const fresh = (): OutreachGroup => ({
      key: this.ctx.place(period, rawArea, lon, lat), identified, cats,
      // Connection implies contact, even when the contact date was not recorded.
      contacted: !Number.isNaN(contacted) || !Number.isNaN(connected), connected: !Number.isNaN(connected),
    });
    if (!this.openGroups) {
      this.closeOutreach(fresh());
      return undefined;
    }
    const g = this.group<OutreachGroup>(row, () => ({ key: '', cats: [], identified: Number.NaN, contacted: false, connected: false }));
    if (typeof g === 'string') return g;
    const f = fresh();
    if (g.key === '') Object.assign(g, f);
    else {
      g.contacted ||= f.contacted;
      g.connected ||= f.connected;
    }
    return undefined;
  }

  private closeOutreach(g: OutreachGroup): void {
    const m = this.metric('past_victims_outreach');
    if (!m) return;
    const outcome = g.connected ? 'connected' : g.contacted ? 'contacted_only' : 'not_contacted';
    m.fine.add(`${this.keyFor(m, g.key, g.cats)}${SEP}${outcome}`);
  }

  private closeGroup(state: unknown): void {
    switch (this.kind) {
      case 'calls':
        this.closeCall(state as CallGroup);
        this.spareCall = state as CallGroup;
        break;
      case 'incidents':
      case 'victims': this.closeIncident(state as IncidentGroup & { cats: string[] }); break;
      case 'referrals': this.closeReferral(state as ReferralGroup); break;
      case 'outreach': this.closeOutreach(state as OutreachGroup); break;
    }
  }

  close(): void {
    this.openGroups?.flush();
    if (this.openGroups) this.report.lateRowsByChance = Math.ceil(this.openGroups.lateByChance);
  }
}

/** Sorts period keys; exported for the CLI's summaries. */
export function sortPeriods(keys: string[], grain: BuildConfig['grain']): string[] {
  return keys.slice().sort((a, b) => comparePeriods(a, b, grain));
}

export type { Cell };
