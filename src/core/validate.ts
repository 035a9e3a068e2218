/**
 * Turns untrusted input into a typed feed or a list of precise errors.
 *
 * The envelope (everything but the cells) is described with Valibot, which validates without
 * eval or `new Function`, so it runs under a strict Content-Security-Policy and tree-shakes to a
 * few kilobytes. Cells are checked by a hand-written loop instead: their allowed keys depend on
 * their metric's `dimensions`, and a large feed has millions of them.
 */
import * as v from 'valibot';
import type { Feed, Grain, Metric } from './types.js';
import { RESERVED_CELL_KEYS, TOTAL } from './types.js';
import { describeValue, formatPath, type PathSegment } from './path.js';
import { isPeriodOfGrain } from './period.js';

export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `metrics[2].cells[14].n`. */
  path: string;
  /** What was expected there, in words. */
  expected: string;
  /** What was found, quoted as JSON (truncated), or `nothing` when missing. */
  found: string;
  /** `path: expected X, found Y.` */
  message: string;
}

export type ValidationResult =
  | { ok: true; feed: Feed; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** The feed versions this build understands. */
export const SUPPORTED_MAJOR_VERSION = 1;

/** After this many errors the validator stops collecting; a broken feed usually repeats one mistake. */
export const MAX_ERRORS = 50;

// A label object is a record of strings with "en" among them. Written as a record and a check
// rather than objectWithRest, so Valibot's object-with-rest code is not bundled for this one use;
// scripts/write-schema.ts states the "en" requirement in the published schema.
const label = v.union(
  [
    v.pipe(v.string(), v.minLength(1, 'a non-empty label')),
    v.pipe(v.record(v.string(), v.string()), v.check((byLanguage) => Boolean(byLanguage.en), 'labels by language with a non-empty "en"')),
  ],
  'a label: a non-empty string, or an object of strings by language with at least "en"',
);

const isoDate = v.pipe(v.string('a date as "YYYY-MM-DD"'), v.isoDate('a date as "YYYY-MM-DD"'));
const url = v.pipe(v.string('a URL'), v.minLength(1, 'a URL'));
const nonNegativeInteger = (what = 'a non-negative integer') =>
  v.pipe(v.number(what), v.integer(what), v.minValue(0, what));

// Other members of a Feature or FeatureCollection (bbox, id, crs…) pass through. picklist rather
// than literal: the envelope uses picklist already, and each further Valibot schema kind adds its
// code to every element.
const geoJsonCollection = v.looseObject(
  {
    type: v.picklist(['FeatureCollection'], 'a GeoJSON "FeatureCollection"'),
    features: v.array(
      v.looseObject({
        type: v.picklist(['Feature'], 'a GeoJSON "Feature"'),
        properties: v.nullable(v.record(v.string(), v.unknown(), 'an object of feature properties, or null')),
        geometry: v.unknown(),
      }),
      'an array of GeoJSON features',
    ),
  },
  'a GeoJSON FeatureCollection',
);

const metricEnvelope = v.strictObject(
  {
    id: v.pipe(v.string('a metric id'), v.regex(/^[a-z][a-z0-9_]*$/, 'a metric id in snake_case, e.g. "response_time"')),
    label,
    description: v.optional(label),
    unit: v.picklist(['count', 'minutes', 'share', 'rate'], 'one of "count", "minutes", "share", "rate"'),
    statistic: v.picklist(['count', 'share', 'rate', 'quantile'], 'one of "count", "share", "rate", "quantile"'),
    per: v.optional(v.pipe(v.number('a positive number'), v.minValue(1, 'a positive number'))),
    polarity: v.optional(
      v.picklist(['lower-is-better', 'higher-is-better', 'neutral'], 'one of "lower-is-better", "higher-is-better", "neutral"'),
    ),
    dimensions: v.array(
      v.pipe(v.string('a dimension id'), v.regex(/^[a-z][a-z0-9_]*$/, 'a dimension id in snake_case')),
      'an array of dimension ids',
    ),
    // Cells are checked by `checkCells`; here only their container.
    cells: v.array(v.unknown(), 'an array of cells'),
  },
  'a metric object',
);

/** The feed envelope. Exported so that the published JSON Schema is generated from the same source. */
export const feedEnvelopeSchema = v.strictObject(
  {
    $schema: v.optional(v.string()),
    version: v.pipe(v.string('a version string like "1.0"'), v.regex(/^\d+(\.\d+)?$/, 'a version string like "1.0"')),
    generated: v.pipe(
      v.string('an ISO 8601 timestamp'),
      v.isoTimestamp('an ISO 8601 timestamp with a time zone, e.g. "2026-11-01T06:00:00Z"'),
    ),
    title: v.optional(label),
    jurisdiction: v.strictObject(
      {
        name: label,
        id: v.pipe(v.string('an identifier'), v.minLength(1, 'a non-empty identifier')),
        timezone: v.pipe(v.string('an IANA time zone'), v.regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, 'an IANA time zone such as "America/Chicago"')),
        population: v.optional(nonNegativeInteger()),
      },
      'a jurisdiction object',
    ),
    publisher: v.optional(
      v.strictObject({ name: label, url: v.optional(url), email: v.optional(v.pipe(v.string(), v.email('an email address'))) }, 'a publisher object'),
    ),
    license: v.optional(v.strictObject({ name: v.string('a licence name'), url: v.optional(url) }, 'a licence object')),
    period: v.strictObject(
      {
        start: isoDate,
        end: isoDate,
        grain: v.picklist(['week', 'month', 'quarter', 'year'], 'one of "week", "month", "quarter", "year"'),
      },
      'a period object',
    ),
    privacy: v.strictObject(
      {
        minCount: v.pipe(
          v.number('an integer of at least 5'),
          v.integer('an integer of at least 5'),
          v.minValue(5, 'an integer of at least 5 (the smallest k Daylight allows)'),
        ),
        complementary: v.boolean('true or false'),
        rounding: v.nullable(v.pipe(v.number('a positive integer or null'), v.integer('a positive integer or null'), v.minValue(2, 'a rounding base of at least 2, or null'))),
        noise: v.nullable(
          v.strictObject(
            {
              mechanism: v.picklist(['geometric', 'laplace'], 'one of "geometric", "laplace"'),
              epsilon: v.pipe(v.number('a positive number'), v.gtValue(0, 'a positive number')),
            },
            'a noise statement or null',
          ),
        ),
        notes: v.optional(label),
      },
      'a privacy object',
    ),
    areas: v.optional(
      v.pipe(
        v.strictObject(
          {
            url: v.optional(url),
            inline: v.optional(geoJsonCollection),
            key: v.pipe(v.string('a feature property name'), v.minLength(1, 'a feature property name')),
            nameProperty: v.optional(v.string('a feature property name')),
            level: v.optional(label),
          },
          'an areas object',
        ),
        v.check((areas) => areas.url !== undefined || areas.inline !== undefined, 'a "url" or an "inline" FeatureCollection'),
      ),
    ),
    dimensions: v.optional(
      v.record(
        v.string(),
        v.strictObject(
          {
            label,
            kind: v.picklist(['period', 'area', 'category'], 'one of "period", "area", "category"'),
            values: v.optional(v.record(v.string(), label, 'an object of value labels')),
          },
          'a dimension definition',
        ),
        'an object of dimension definitions',
      ),
    ),
    metrics: v.array(metricEnvelope, 'an array of metrics'),
    methodology: v.strictObject(
      {
        asOf: isoDate,
        lagDays: nonNegativeInteger('a whole number of days'),
        sources: v.array(
          v.strictObject({ name: label, url: v.optional(url), publisher: v.optional(label) }, 'a source object'),
          'an array of sources',
        ),
        caveats: v.optional(v.array(label, 'an array of labels')),
        contact: v.optional(
          v.strictObject(
            { name: v.optional(label), email: v.optional(v.pipe(v.string(), v.email('an email address'))), url: v.optional(url) },
            'a contact object',
          ),
        ),
        metrics: v.record(
          v.string(),
          v.strictObject(
            { includes: v.array(label, 'an array of labels'), excludes: v.array(label, 'an array of labels'), notes: v.optional(label) },
            'a metric methodology object',
          ),
          'an object of metric methodologies keyed by metric id',
        ),
      },
      'a methodology object',
    ),
  },
  'a feed object',
);

function issue(path: PathSegment[] | string, expected: string, value: unknown, missing = false): ValidationIssue {
  const where = typeof path === 'string' ? path : formatPath(path);
  const found = missing ? 'nothing' : describeValue(value);
  return { path: where, expected, found, message: `${where || '(feed)'}: expected ${expected}, found ${found}.` };
}

function fromValibot(raw: v.BaseIssue<unknown>): ValidationIssue {
  const path: PathSegment[] = (raw.path ?? []).map((item) => item.key as PathSegment);
  // strictObject reports an unknown key as an issue on that key's value.
  const where = formatPath(path);
  if (raw.type === 'strict_object' && raw.expected === 'never') {
    return { path: where, expected: 'no such field', found: describeValue(raw.input),
      message: `${where}: unexpected field; feeds may only hold the fields of the specification (a misspelt name, or data that must not be published?).` };
  }
  const missing = raw.input === undefined && raw.received === 'undefined';
  // An object schema reports a missing key with its own message; name the key instead.
  if (missing && (raw.type === 'strict_object' || raw.type === 'object' || raw.type === 'loose_object')) {
    return { path: where, expected: 'a value (the field is required)', found: 'nothing', message: `${where}: required field is missing.` };
  }
  const expected = raw.message.startsWith('Invalid') ? (raw.expected ?? 'a valid value') : raw.message;
  return issue(path, expected, raw.input, missing);
}

/**
 * Validates a parsed JSON value as a Daylight feed.
 * Never throws: every problem becomes an issue naming its JSON path.
 */
export function validateFeed(input: unknown): ValidationResult {
  const warnings: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [issue('', 'a feed object', input)], warnings };
  }
  const version = (input as Record<string, unknown>).version;
  if (typeof version === 'string' && /^\d+(\.\d+)?$/.test(version) && Number(version.split('.')[0]) !== SUPPORTED_MAJOR_VERSION) {
    const message = `version: unsupported feed version "${version}"; this copy of Daylight reads version ${SUPPORTED_MAJOR_VERSION}.x feeds. Update daylight-kit or publish a version ${SUPPORTED_MAJOR_VERSION} feed.`;
    return { ok: false, errors: [{ path: 'version', expected: `"${SUPPORTED_MAJOR_VERSION}.x"`, found: JSON.stringify(version), message }], warnings };
  }

  const parsed = v.safeParse(feedEnvelopeSchema, input, { abortPipeEarly: true });
  const errors: ValidationIssue[] = parsed.success ? [] : parsed.issues.slice(0, MAX_ERRORS).map(fromValibot);
  if (!parsed.success) return { ok: false, errors, warnings };

  const feed = parsed.output as unknown as Feed;
  checkMetrics(feed, errors, warnings);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS), warnings };
  return { ok: true, feed, warnings };
}

function checkMetrics(feed: Feed, errors: ValidationIssue[], warnings: ValidationIssue[]): void {
  const seenIds = new Set<string>();
  feed.metrics.forEach((metric, m) => {
    if (seenIds.has(metric.id)) errors.push(issue(['metrics', m, 'id'], 'a metric id not used by another metric', metric.id));
    seenIds.add(metric.id);
    const seenDims = new Set<string>();
    metric.dimensions.forEach((dim, d) => {
      if ((RESERVED_CELL_KEYS as readonly string[]).includes(dim)) {
        errors.push(issue(['metrics', m, 'dimensions', d], `a dimension id other than ${RESERVED_CELL_KEYS.join(', ')}`, dim));
      } else if (seenDims.has(dim)) {
        errors.push(issue(['metrics', m, 'dimensions', d], 'a dimension id listed once', dim));
      }
      seenDims.add(dim);
    });
    if (metric.statistic === 'rate' && metric.per === undefined) {
      errors.push(issue(['metrics', m, 'per'], 'the base of the rate (e.g. 100000) for a "rate" statistic', undefined, true));
    }
    if (!feed.methodology.metrics[metric.id]) {
      warnings.push(issue(['methodology', 'metrics', metric.id], 'what the metric includes and excludes, for residents', undefined, true));
    }
    checkCells(metric, m, feed.period.grain, errors);
  });
}

function checkCells(metric: Metric, m: number, grain: Grain, errors: ValidationIssue[]): void {
  const dims = metric.dimensions;
  const allowed = new Set<string>([...RESERVED_CELL_KEYS, ...dims]);
  const needsNumerator = metric.statistic === 'share' || metric.statistic === 'rate';
  const isQuantile = metric.statistic === 'quantile';
  const seen = new Set<string>();
  const cells = metric.cells as unknown[];
  for (let c = 0; c < cells.length; c++) {
    if (errors.length >= MAX_ERRORS) return;
    const cell = cells[c];
    const at = (key?: string): PathSegment[] => (key === undefined ? ['metrics', m, 'cells', c] : ['metrics', m, 'cells', c, key]);
    if (typeof cell !== 'object' || cell === null || Array.isArray(cell)) {
      errors.push(issue(at(), 'a cell object', cell));
      continue;
    }
    const record = cell as Record<string, unknown>;
    for (const key in record) {
      if (!allowed.has(key)) {
        errors.push({ ...issue(at(key), 'no such field', record[key]),
          message: `${formatPath(at(key))}: unexpected field (found ${describeValue(record[key])}); a cell holds only its dimensions (${dims.join(', ') || 'none'}), n, value or suppressed, numerator, q and unstable.` });
      }
    }
    let identity = '';
    for (const dim of dims) {
      const value = record[dim];
      if (typeof value !== 'string' || value.length === 0) {
        errors.push(issue(at(dim), `the cell's "${dim}" value as a string`, value, value === undefined));
      } else if (dim === 'period' && value !== TOTAL && !isPeriodOfGrain(value, grain)) {
        errors.push(issue(at(dim), `a ${grain} period such as ${PERIOD_EXAMPLE[grain]}`, value));
      }
      identity += `${identityPart(value)}\u0000`;
    }
    const n = record.n;
    const suppressed = record.suppressed;
    // A suppressed cell may omit n: its size is exactly what suppression hides.
    if ((n !== undefined || suppressed !== true) && (typeof n !== 'number' || !Number.isInteger(n) || n < 0)) {
      errors.push(issue(at('n'), 'a non-negative integer', n, n === undefined));
    }
    if (suppressed !== undefined && suppressed !== true) errors.push(issue(at('suppressed'), 'true, or no "suppressed" field', suppressed));
    const value = record.value;
    if (suppressed === true) {
      if (value !== undefined) errors.push(issue(at('value'), 'no value on a suppressed cell', value));
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push(issue(at('value'), 'a finite number, or "suppressed": true', value, value === undefined));
    } else if (metric.statistic === 'count' && (!Number.isInteger(value) || value < 0)) {
      errors.push(issue(at('value'), 'a non-negative integer count', value));
    }
    const numerator = record.numerator;
    if (numerator !== undefined && (typeof numerator !== 'number' || !Number.isInteger(numerator) || numerator < 0)) {
      errors.push(issue(at('numerator'), 'a non-negative integer', numerator));
    } else if (needsNumerator && numerator === undefined && suppressed !== true) {
      errors.push(issue(at('numerator'), `the count on top of the ${metric.statistic} (needed to check privacy rule 3)`, undefined, true));
    }
    const q = record.q;
    if (isQuantile) {
      if (typeof q !== 'number' || q < 0 || q > 1) errors.push(issue(at('q'), 'the quantile as a number from 0 to 1, e.g. 0.5', q, q === undefined));
      identity += `q${identityPart(q)}`;
    } else if (q !== undefined) {
      errors.push(issue(at('q'), `no "q" on a ${metric.statistic} metric`, q));
    }
    if (record.unstable !== undefined && record.unstable !== true) errors.push(issue(at('unstable'), 'true, or no "unstable" field', record.unstable));
    if (seen.has(identity)) {
      errors.push(issue(at(), `one cell per combination of ${[...dims, ...(isQuantile ? ['q'] : [])].join(', ')}`, 'a duplicate'));
    }
    seen.add(identity);
  }
}

/**
 * A cell value as part of the cell's identity (for duplicates). Only strings and numbers are
 * valid there, and anything else is already an error; String() is not called on it, since an
 * object from the feed may make that throw (`{"toString": 0}`).
 */
function identityPart(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : `\u0001${typeof value}`;
}

const PERIOD_EXAMPLE: Record<Grain, string> = { week: '"2024-W07"', month: '"2024-07"', quarter: '"2024-Q3"', year: '"2024"' };
