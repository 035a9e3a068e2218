/**
 * `daylight.config.json`: how a city's raw records map onto Daylight's canonical fields, and
 * what to publish. Validated with Valibot (no eval, so the same check can run in a browser
 * preview); every problem names its JSON path. See docs/builder.md for every field.
 */
import * as v from 'valibot';
import type { Grain, Label } from '../core/types.js';
import { describeValue, formatPath, type PathSegment } from '../core/path.js';
import { NAMED_FORMATS, ZoneClock, compileTokens } from './time.js';

/** Metric ids the elements look for. */
export const METRIC_IDS = [
  'incidents', 'victims', 'response_time', 'time_on_scene', 'coresponse_share',
  'second_responder_visits', 'referrals', 'referral_followup_rate', 'past_victims_outreach',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const SOURCE_KINDS = ['calls', 'incidents', 'victims', 'referrals', 'outreach'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Canonical fields a source may map. */
export const FIELD_NAMES = [
  'id', 'victimId', 'type', 'priority', 'occurred', 'received', 'dispatched', 'arrived', 'cleared',
  'area', 'latitude', 'longitude', 'location', 'coresponder', 'responderType', 'service', 'referred',
  'followedUp', 'identified', 'contacted', 'connected',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Dimension ids the builder defines itself; a config's categories may not reuse them. */
export const RESERVED_DIMENSIONS = ['period', 'area', 'service', 'responder_type', 'stage', 'outcome'];

const label = v.pipe(
  v.union(
    [
      v.pipe(v.string(), v.minLength(1)),
      v.pipe(
        v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)), v.string()),
        v.check((record) => typeof record.en === 'string' && record.en.length > 0),
      ),
    ],
    'a label: a non-empty string, or an object of strings by language with at least "en"',
  ),
  v.transform((x) => x as Label),
);
const nonEmpty = (what: string) => v.pipe(v.string(what), v.minLength(1, what));
const isoDate = v.pipe(v.string('a date as "YYYY-MM-DD"'), v.isoDate('a date as "YYYY-MM-DD"'));
const columns = v.union([nonEmpty('a column name'), v.pipe(v.array(nonEmpty('a column name')), v.minLength(1))],
  'a column name, or a list of column names (the first non-empty one is used)');
const slug = (what: string) => v.pipe(v.string(what), v.regex(/^[a-z][a-z0-9_]*$/, `${what} in snake_case, e.g. "call_type"`));

const fieldsSchema = v.strictObject(
  Object.fromEntries(FIELD_NAMES.map((name) => [name, v.optional(columns)])) as Record<FieldName, v.OptionalSchema<typeof columns, undefined>>,
  'an object mapping canonical fields (id, received, arrived, area, ...) to column names',
);

const categorySchema = v.strictObject(
  {
    column: columns,
    label,
    /** Raw value -> published value id; unmapped values pass through trimmed. */
    map: v.optional(v.record(v.string(), nonEmpty('a value id'))),
    values: v.optional(v.record(v.string(), label)),
    /** true: never below the jurisdiction level; a list: those values never below it (rule 10). */
    sensitive: v.optional(v.union([v.boolean(), v.array(v.string())], 'true, or a list of sensitive values')),
  },
  'a category object',
);

const sourceSchema = v.strictObject(
  {
    id: slug('a source id'),
    file: nonEmpty('a file name'),
    format: v.optional(v.picklist(['csv', 'ndjson'], 'one of "csv", "ndjson"')),
    delimiter: v.optional(v.pipe(v.string(), v.length(1, 'a single character'))),
    kind: v.picklist(SOURCE_KINDS, `one of ${SOURCE_KINDS.map((k) => `"${k}"`).join(', ')}`),
    timestampFormat: nonEmpty('a timestamp format such as "MM/DD/YYYY hh:mm:ss A" or "iso"'),
    fields: fieldsSchema,
    categories: v.optional(v.record(v.string(), categorySchema)),
    filter: v.optional(v.strictObject({
      column: nonEmpty('a column name'),
      in: v.optional(v.array(v.string())),
      notIn: v.optional(v.array(v.string())),
    }, 'a filter object')),
    /** Values of the co-responder column that mean yes (default true/yes/y/1). */
    truthy: v.optional(v.array(v.string())),
    coresponse: v.optional(v.strictObject({
      responderTypes: v.optional(v.array(v.string())),
      minResponderTypes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2, 'at least 2'))),
    }, 'a co-response rule')),
    secondResponderTypes: v.optional(v.array(v.string())),
    followupDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'at least 1 day'))),
    maxMinutes: v.optional(v.pipe(v.number(), v.gtValue(0, 'a positive number of minutes'))),
    name: label,
    publisher: v.optional(label),
    url: v.optional(nonEmpty('a URL')),
    license: v.optional(nonEmpty('a licence name')),
  },
  'a source object',
);

const metricSchema = v.strictObject(
  {
    enabled: v.optional(v.boolean()),
    by: v.optional(v.array(v.string())),
    label: v.optional(label),
    description: v.optional(label),
    includes: v.optional(v.array(label)),
    excludes: v.optional(v.array(label)),
    notes: v.optional(label),
  },
  'a metric object',
);

export const configSchema = v.strictObject(
  {
    $schema: v.optional(v.string()),
    $comment: v.optional(v.string()),
    title: v.optional(label),
    jurisdiction: v.strictObject({
      name: label,
      id: nonEmpty('an identifier'),
      timezone: nonEmpty('an IANA time zone such as "America/Chicago"'),
      population: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }, 'a jurisdiction object'),
    publisher: v.optional(v.strictObject({ name: label, url: v.optional(v.string()), email: v.optional(v.pipe(v.string(), v.email('an email address'))) })),
    license: v.optional(v.strictObject({ name: v.string(), url: v.optional(v.string()) })),
    grain: v.picklist(['week', 'month', 'quarter', 'year'], 'one of "week", "month", "quarter", "year"'),
    period: v.optional(v.strictObject({ start: v.optional(isoDate), end: v.optional(isoDate) }, 'a period object')),
    asOf: v.optional(isoDate),
    lagDays: v.optional(v.pipe(v.number('a whole number of days'), v.integer('a whole number of days'), v.minValue(0, 'a whole number of days'))),
    dataDir: v.optional(v.string()),
    privacy: v.optional(v.strictObject({
      k: v.optional(v.pipe(v.number('an integer of at least 5'), v.integer('an integer of at least 5'),
        v.minValue(5, 'an integer of at least 5 (Daylight refuses k below 5)'))),
      rounding: v.optional(v.nullable(v.pipe(v.number(), v.integer('an integer rounding base'), v.minValue(2, 'a rounding base of at least 2, or null')))),
      noise: v.optional(v.nullable(v.strictObject({
        mechanism: v.optional(v.literal('geometric', 'only "geometric" is implemented')),
        epsilon: v.pipe(v.number('a positive number'), v.gtValue(0, 'a positive number')),
        seed: v.optional(v.pipe(v.number(), v.integer())),
      }, 'a noise object or null'))),
    }, 'a privacy object')),
    areas: v.optional(v.strictObject({
      boundary: v.optional(nonEmpty('a GeoJSON file name')),
      key: nonEmpty('a feature property name'),
      url: v.optional(nonEmpty('a URL for the feed to reference')),
      nameProperty: v.optional(v.string()),
      level: v.optional(label),
      valueLabel: v.optional(label),
      unknownLabel: v.optional(label),
    }, 'an areas object')),
    /** Display labels for category values, by dimension: responder codes ("MEDIC") and services as residents should read them. */
    valueLabels: v.optional(v.record(v.string(), v.record(v.string(), label, 'an object of value labels'), 'an object of value labels by dimension')),
    sources: v.pipe(v.array(sourceSchema, 'an array of sources'), v.minLength(1, 'at least one source')),
    metrics: v.optional(v.record(v.picklist(METRIC_IDS, `a metric id: ${METRIC_IDS.join(', ')}`), metricSchema)),
    methodology: v.optional(v.strictObject({
      caveats: v.optional(v.array(label)),
      contact: v.optional(v.strictObject({ name: v.optional(label), email: v.optional(v.pipe(v.string(), v.email('an email address'))), url: v.optional(v.string()) })),
    }, 'a methodology object')),
    maxBadRowShare: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1, 'a share from 0 to 1'))),
    groupWindow: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100, 'at least 100'))),
  },
  'a config object',
);

export type RawConfig = v.InferOutput<typeof configSchema>;
export type SourceConfig = RawConfig['sources'][number];
export type CategoryConfig = NonNullable<SourceConfig['categories']>[string];

/** A config with defaults filled in. */
export interface BuildConfig extends RawConfig {
  grain: Grain;
  lagDays: number;
  k: number;
  rounding: number | null;
  noise: { mechanism: 'geometric'; epsilon: number; seed?: number } | null;
  maxBadRowShare: number;
  groupWindow: number;
}

export interface ConfigIssue {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[], readonly file = 'daylight.config.json') {
    super(issues.map((i) => `${file}: ${i.message}`).join('\n'));
  }
}

/** Which canonical fields each metric needs, by source kind. */
export const METRICS_BY_KIND: Record<SourceKind, Array<{ metric: MetricId; needs: FieldName[][] }>> = {
  calls: [
    { metric: 'response_time', needs: [['received'], ['arrived']] },
    { metric: 'time_on_scene', needs: [['arrived'], ['cleared']] },
    { metric: 'coresponse_share', needs: [['coresponder', 'responderType']] },
    { metric: 'second_responder_visits', needs: [['responderType'], ['arrived']] },
    { metric: 'referrals', needs: [['service']] },
  ],
  incidents: [{ metric: 'incidents', needs: [] }],
  victims: [{ metric: 'incidents', needs: [['id']] }, { metric: 'victims', needs: [] }],
  referrals: [
    { metric: 'referrals', needs: [['service']] },
    { metric: 'referral_followup_rate', needs: [['followedUp']] },
  ],
  outreach: [{ metric: 'past_victims_outreach', needs: [['identified']] }],
};

/** The field whose time places a record in a period, by source kind. */
export const TIME_FIELD: Record<SourceKind, FieldName> = {
  calls: 'received', incidents: 'occurred', victims: 'occurred', referrals: 'referred', outreach: 'identified',
};

function fromValibot(raw: v.BaseIssue<unknown>): ConfigIssue {
  const segments: PathSegment[] = (raw.path ?? []).map((item) => item.key as PathSegment);
  const path = formatPath(segments) || '(root)';
  if (raw.type === 'strict_object' && raw.expected === 'never') {
    return { path, message: `${path}: unknown field (found ${describeValue(raw.input)}); check its spelling against docs/builder.md.` };
  }
  if (raw.input === undefined && (raw.type === 'strict_object' || raw.type === 'object')) {
    return { path, message: `${path}: required field is missing.` };
  }
  const expected = raw.message.startsWith('Invalid') ? (raw.expected ?? 'a valid value') : raw.message;
  return { path, message: `${path}: expected ${expected}, found ${describeValue(raw.input)}.` };
}

/**
 * Validates a parsed config. Throws ConfigError listing every problem with its path; returns the
 * config with defaults filled in.
 */
export function parseConfig(input: unknown, file = 'daylight.config.json'): BuildConfig {
  const parsed = v.safeParse(configSchema, input);
  if (!parsed.success) throw new ConfigError(parsed.issues.slice(0, 30).map(fromValibot), file);
  const raw = parsed.output;
  const issues: ConfigIssue[] = [];
  const add = (path: PathSegment[], message: string) => issues.push({ path: formatPath(path), message: `${formatPath(path)}: ${message}` });

  try {
    new ZoneClock(raw.jurisdiction.timezone);
  } catch (error) {
    add(['jurisdiction', 'timezone'], (error as Error).message);
  }
  const seenIds = new Set<string>();
  const metricSource = new Map<MetricId, number>();
  raw.sources.forEach((source, s) => {
    if (seenIds.has(source.id)) add(['sources', s, 'id'], `expected a source id used once, found "${source.id}" again.`);
    seenIds.add(source.id);
    if (!(NAMED_FORMATS as readonly string[]).includes(source.timestampFormat)) {
      try {
        compileTokens(source.timestampFormat);
      } catch (error) {
        add(['sources', s, 'timestampFormat'], (error as Error).message);
      }
    }
    const fields = source.fields as Partial<Record<FieldName, string | string[]>>;
    const timeField = TIME_FIELD[source.kind];
    if (!fields[timeField]) add(['sources', s, 'fields', timeField], `required for a "${source.kind}" source (it places each record in a period).`);
    if ((source.kind === 'calls' || source.kind === 'victims') && !fields.id) {
      add(['sources', s, 'fields', 'id'], `required for a "${source.kind}" source: rows are per ${source.kind === 'calls' ? 'unit' : 'victim'}, and counting needs the ${source.kind === 'calls' ? 'call' : 'incident'} id.`);
    }
    if ((fields.latitude === undefined) !== (fields.longitude === undefined)) {
      add(['sources', s, 'fields', fields.latitude === undefined ? 'latitude' : 'longitude'], 'latitude and longitude go together.');
    }
    if ((fields.latitude || fields.location) && !raw.areas?.boundary) {
      add(['areas', 'boundary'], `sources[${s}] maps coordinates, so a boundary file is needed to turn them into areas.`);
    }
    if ((source.kind === 'victims' || source.kind === 'outreach') && raw.grain === 'week') {
      add(['grain'], `expected "month" or coarser: source "${source.id}" holds victims, and victim series are never published by week (privacy rule 10).`);
    }
    for (const [dim, category] of Object.entries(source.categories ?? {})) {
      if (!/^[a-z][a-z0-9_]*$/.test(dim)) add(['sources', s, 'categories', dim], 'expected a dimension id in snake_case.');
      if (RESERVED_DIMENSIONS.includes(dim)) add(['sources', s, 'categories', dim], `"${dim}" is a dimension the builder defines itself; choose another id.`);
      void category;
    }
    for (const { metric, needs } of METRICS_BY_KIND[source.kind]) {
      if (!needs.every((alternatives) => alternatives.some((f) => fields[f]))) continue;
      if (raw.metrics?.[metric]?.enabled === false) continue;
      if (metricSource.has(metric)) {
        add(['sources', s], `metric "${metric}" would come from both sources[${metricSource.get(metric)}] and sources[${s}]; disable one with metrics.${metric}.enabled = false.`);
      }
      metricSource.set(metric, s);
    }
  });
  for (const [metric, maybe] of Object.entries(raw.metrics ?? {}) as Array<[MetricId, NonNullable<RawConfig['metrics']>[MetricId]]>) {
    const options = maybe ?? {};
    const s = metricSource.get(metric);
    if (s === undefined) {
      if (options.enabled !== false) add(['metrics', metric], 'no source provides the fields this metric needs (see docs/builder.md, "Metrics").');
      continue;
    }
    const categories = raw.sources[s]!.categories ?? {};
    (options.by ?? []).forEach((dim, i) => {
      if (!categories[dim]) {
        add(['metrics', metric, 'by', i], `expected a category of sources[${s}] (${Object.keys(categories).join(', ') || 'none defined'}), found "${dim}".`);
      }
    });
  }
  if (raw.period?.start && raw.period.end && raw.period.start > raw.period.end) add(['period', 'end'], `expected a date on or after period.start (${raw.period.start}), found "${raw.period.end}".`);
  if (issues.length > 0) throw new ConfigError(issues, file);

  return {
    ...raw,
    lagDays: raw.lagDays ?? 7,
    k: raw.privacy?.k ?? 11,
    rounding: raw.privacy?.rounding ?? null,
    noise: raw.privacy?.noise ? { mechanism: 'geometric', epsilon: raw.privacy.noise.epsilon, ...(raw.privacy.noise.seed !== undefined ? { seed: raw.privacy.noise.seed } : {}) } : null,
    maxBadRowShare: raw.maxBadRowShare ?? 0.01,
    groupWindow: raw.groupWindow ?? 100_000,
  };
}

/** The metrics a config publishes, each with the index of the source it comes from. */
export function plannedMetrics(config: RawConfig): Array<{ metric: MetricId; source: number }> {
  const out: Array<{ metric: MetricId; source: number }> = [];
  config.sources.forEach((source, s) => {
    const fields = source.fields as Partial<Record<FieldName, string | string[]>>;
    for (const { metric, needs } of METRICS_BY_KIND[source.kind]) {
      if (!needs.every((alternatives) => alternatives.some((f) => fields[f]))) continue;
      if (config.metrics?.[metric]?.enabled === false) continue;
      out.push({ metric, source: s });
    }
  });
  return out.sort((a, b) => METRIC_IDS.indexOf(a.metric) - METRIC_IDS.indexOf(b.metric));
}

/** Labels are `Label`; re-exported for modules that only import config types. */
export type { Label };
