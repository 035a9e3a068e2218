/**
 * `daylight audit`: checks any feed, ours or hand-made, against the schema and the privacy rules.
 * Every finding names its JSON path and the DESIGN.md rule it breaks. The audit sees only the
 * feed, so it checks what a reader could do with it: read small numbers, subtract published
 * totals to recover suppressed cells, find identifying text.
 */
import type { Cell, Feed, Metric } from '../core/types.js';
import { validateFeed } from '../core/validate.js';
import { cellFault } from '../core/privacy.js';
import { formatPath, type PathSegment } from '../core/path.js';
import { type AdditiveGroup, determinedCells } from './suppress.js';

export type AuditRule =
  | 'schema' | 'methodology' | 'small-count' | 'small-denominator' | 'small-numerator' | 'small-complement'
  | 'quantile-too-few' | 'minimum-or-maximum' | 'suppressed-size' | 'recoverable' | 'funnel-difference'
  | 'coordinates' | 'address' | 'name' | 'identifier' | 'fine-timestamp' | 'minimum-k';

export interface AuditFinding {
  path: string;
  rule: AuditRule;
  /** The DESIGN.md privacy rule number, or 0 for schema problems. */
  ruleNumber: number;
  message: string;
}

const CELL_RULES: Record<string, { rule: AuditRule; n: number; text: (k: number) => string }> = {
  'small-count': { rule: 'small-count', n: 1, text: (k) => `a count between 1 and ${k - 1} is published` },
  'small-denominator': { rule: 'small-denominator', n: 3, text: (k) => `a share or rate rests on fewer than ${k} records` },
  'small-numerator': { rule: 'small-numerator', n: 3, text: (k) => `a share's numerator is between 1 and ${k - 1}, or missing` },
  'small-complement': { rule: 'small-complement', n: 3, text: (k) => `n − numerator is between 1 and ${k - 1}: the records outside the share or rate form a small count` },
  'quantile-too-few': { rule: 'quantile-too-few', n: 4, text: (k) => `a quantile needs n × min(q, 1 − q) of at least ${k}` },
  'minimum-or-maximum': { rule: 'minimum-or-maximum', n: 4, text: () => 'a minimum or maximum (q of 0 or 1) is published' },
  'suppressed-size': { rule: 'suppressed-size', n: 8, text: () => 'a suppressed cell states its size n' },
};

export interface AuditResult {
  findings: AuditFinding[];
  /** Checks that could not run completely, e.g. an exact recoverability check on a huge table. */
  notes: string[];
}

/** Audits a parsed JSON value. Never throws. */
export function auditFeed(input: unknown): AuditResult {
  const findings: AuditFinding[] = [];
  const notes: string[] = [];
  const validation = validateFeed(input);
  for (const issue of validation.ok ? [] : validation.errors) {
    findings.push({ path: issue.path, rule: 'schema', ruleNumber: 0, message: `${issue.message} (schema)` });
  }
  for (const issue of validation.warnings) {
    findings.push({ path: issue.path, rule: 'methodology', ruleNumber: 0, message: `${issue.path}: ${issue.expected} is missing (methodology shown to residents)` });
  }
  scanContent(input, [], findings);
  if (!validation.ok) return { findings, notes };
  const feed = validation.feed;
  const k = feed.privacy.minCount;
  feed.metrics.forEach((metric, m) => {
    metric.cells.forEach((cell, c) => {
      const fault = cellFault(metric, cell, k);
      const path = formatPath(['metrics', m, 'cells', c]);
      if (fault) {
        const rule = CELL_RULES[fault]!;
        findings.push({ path, rule: rule.rule, ruleNumber: rule.n, message: `${path}: ${rule.text(k)} (rule ${rule.n}).` });
      }
    });
    checkRecoverable(feed, metric, m, findings, notes);
    checkFunnel(metric, m, k, findings);
  });
  return { findings, notes };
}

/** The additive tables a metric publishes: counts, shares' denominators and numerators, quantiles' sizes. */
function tablesOf(metric: Metric): Array<{ what: string; known: Map<string, { value: number; index: number }>; suppressed: Map<string, number> }> {
  const key = (cell: Cell) => metric.dimensions.map((d) => String(cell[d])).join('\u0001');
  if (metric.statistic === 'quantile') {
    const known = new Map<string, { value: number; index: number }>();
    const suppressed = new Map<string, number>();
    metric.cells.forEach((cell, i) => {
      const k = key(cell);
      if (!cell.suppressed) known.set(k, { value: cell.n, index: i });
      else if (!suppressed.has(k)) suppressed.set(k, i);
    });
    for (const k of known.keys()) suppressed.delete(k);
    return [{ what: 'sample size n', known, suppressed }];
  }
  const make = (what: string, pick: (c: Cell) => number | undefined) => {
    const known = new Map<string, { value: number; index: number }>();
    const suppressed = new Map<string, number>();
    metric.cells.forEach((cell, i) => {
      const value = pick(cell);
      if (cell.suppressed || value === undefined) suppressed.set(key(cell), i);
      else known.set(key(cell), { value, index: i });
    });
    return { what, known, suppressed };
  };
  if (metric.statistic === 'share' || metric.statistic === 'rate') {
    return [make('denominator n', (c) => c.n), make('numerator', (c) => c.numerator)];
  }
  return [make('count', (c) => c.value)];
}

function checkRecoverable(feed: Feed, metric: Metric, m: number, findings: AuditFinding[], notes: string[]): void {
  const dims = metric.dimensions;
  const values = dims.map((d, i) => {
    const set = new Set<string>();
    for (const cell of metric.cells) set.add(String(cell[d]));
    void i;
    return set;
  });
  // Only dimensions with a "*" total are additive (a funnel's stages are not).
  const additive = dims.map((_, i) => values[i]!.has('*'));
  for (const table of tablesOf(metric)) {
    // Unknowns: suppressed cells and member cells the feed leaves out.
    const ids = new Map<string, number>();
    const hidden: boolean[] = [];
    const origin: Array<number | undefined> = [];
    const idOf = (k: string): number => {
      let id = ids.get(k);
      if (id === undefined) {
        id = hidden.length;
        ids.set(k, id);
        const known = table.known.get(k);
        hidden.push(!known);
        origin.push(known ? undefined : table.suppressed.get(k));
      }
      return id;
    };
    const groups: AdditiveGroup[] = [];
    const allKeys = [...table.known.keys(), ...table.suppressed.keys()];
    for (const k of allKeys) {
      const coords = k.split('\u0001');
      dims.forEach((_, d) => {
        if (!additive[d] || coords[d] !== '*') return;
        const members: number[] = [];
        for (const v of values[d]!) {
          if (v === '*') continue;
          const memberCoords = coords.slice();
          memberCoords[d] = v;
          const mk = memberCoords.join('\u0001');
          // A member absent from the feed is unknown; absent everywhere, the group is not a published sum.
          members.push(idOf(mk));
        }
        if (members.length > 0) groups.push({ total: idOf(k), members });
      });
    }
    const { cells, unchecked } = determinedCells(hidden, groups, 3000);
    if (unchecked) notes.push(`metrics[${m}] (${metric.id}): ${unchecked} large block(s) of suppressed cells were too large for the exact recoverability check.`);
    for (const id of cells) {
      const c = origin[id];
      if (c === undefined) continue; // a left-out cell, not a published suppression
      const path = formatPath(['metrics', m, 'cells', c]);
      const approx = feed.privacy.rounding ? ' (approximately, as counts are rounded)' : '';
      findings.push({ path, rule: 'recoverable', ruleNumber: 2,
        message: `${path}: this suppressed cell's ${table.what} can be worked out exactly${approx} by subtracting published cells from published totals (rule 2: complementary suppression).` });
    }
  }
}

const STAGE_ORDER = ['identified', 'contacted', 'connected'];

/** Adjacent funnel stages differ by the people who dropped out; that difference is a count too. */
function checkFunnel(metric: Metric, m: number, k: number, findings: AuditFinding[]): void {
  if (!metric.dimensions.includes('stage') || metric.statistic !== 'count') return;
  const others = metric.dimensions.filter((d) => d !== 'stage');
  const byKey = new Map<string, Map<string, { cell: Cell; index: number }>>();
  metric.cells.forEach((cell, index) => {
    const key = others.map((d) => String(cell[d])).join('\u0001');
    let stages = byKey.get(key);
    if (!stages) byKey.set(key, (stages = new Map()));
    stages.set(String(cell.stage), { cell, index });
  });
  for (const stages of byKey.values()) {
    for (let i = 0; i + 1 < STAGE_ORDER.length; i++) {
      const a = stages.get(STAGE_ORDER[i]!);
      const b = stages.get(STAGE_ORDER[i + 1]!);
      if (!a || !b || a.cell.suppressed || b.cell.suppressed) continue;
      const diff = (a.cell.value ?? 0) - (b.cell.value ?? 0);
      if (diff > 0 && diff < k) {
        const path = formatPath(['metrics', m, 'cells', b.index]);
        findings.push({ path, rule: 'funnel-difference', ruleNumber: 1,
          message: `${path}: "${STAGE_ORDER[i]}" minus "${STAGE_ORDER[i + 1]}" is between 1 and ${k - 1}: the people who dropped out between the stages form a small count (rule 1, by differencing).` });
      }
    }
  }
}

const COORDINATE_KEYS = /^(lat|lng|lon|long|latitude|longitude|x|y|coordinates?|geo(point|location)?|location|point)$/i;
const IDENTITY_KEYS = /^(name|first_?name|last_?name|full_?name|victim(_?name)?|suspect|officer|person|dob|birth_?date|date_?of_?birth|ssn|phone|email|address|street|block|block_number|street_name|case_?number|dc_key|incident_?(id|number)|call_?number)$/i;
const POINT_TEXT = /(^|[^\w])(POINT\s*\(|\(\s*-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}\s*\))/i;
const ADDRESS = /\b\d{1,6}\s+(block\s+(of\s+)?)?([NSEW]\.?\s+)?[A-Z0-9][A-Za-z0-9.' ]*\s(ST|STREET|AVE|AVENUE|RD|ROAD|BLVD|BOULEVARD|DR|DRIVE|LN|LANE|WAY|PL|PLACE|CT|COURT|TER|TERRACE|HWY|PKWY)\b/i;
const INTERSECTION = /\b[A-Z0-9][A-Za-z0-9 ]*\s(ST|AVE|RD|BLVD|DR)\s*\/\s*[A-Z0-9][A-Za-z0-9 ]*\s(ST|AVE|RD|BLVD|DR)\b/i;
const TIME_OF_DAY = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}/;
const PERSON_NAME = /^[A-Z][a-z]+,\s+[A-Z][a-z]+$/;
const LONG_ID = /^\d{8,}$/;

/** Paths where URLs, emails, contact names and the generated timestamp belong. */
function allowedText(path: PathSegment[]): boolean {
  const top = path[0];
  if (top === 'generated' || top === '$schema' || top === 'publisher' || top === 'license') return true;
  if (top === 'methodology' && (path[1] === 'contact' || (path[1] === 'sources' && path[3] === 'url'))) return true;
  if (top === 'areas' && (path[1] === 'url' || path[1] === 'inline')) return true;
  return false;
}

function scanContent(value: unknown, path: PathSegment[], findings: AuditFinding[]): void {
  if (path[0] === 'areas' && path[1] === 'inline') {
    scanInlineAreas(value, path, findings);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number'
      && !Number.isInteger(value[0]) && Math.abs(value[0]) <= 180 && Math.abs(value[1]) <= 90) {
      findings.push({ path: formatPath(path), rule: 'coordinates', ruleNumber: 6, message: `${formatPath(path)}: a pair of numbers that looks like a longitude/latitude point (rule 6: no coordinates).` });
    }
    value.forEach((item, i) => scanContent(item, [...path, i], findings));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const here = [...path, key];
      const where = formatPath(here);
      const inCell = path.length >= 4 && path[0] === 'metrics' && path[2] === 'cells';
      const isDimensionId = (path[0] === 'dimensions' && path.length === 1) || (path[0] === 'metrics' && path[2] === 'dimensions');
      if (!allowedText(here) && COORDINATE_KEYS.test(key) && !(path[0] === 'dimensions' && path.length === 3)) {
        findings.push({ path: where, rule: 'coordinates', ruleNumber: 6, message: `${where}: a field named "${key}" looks like a coordinate (rule 6: points are assigned to areas, never published).` });
      } else if ((inCell || isDimensionId) && IDENTITY_KEYS.test(key)) {
        findings.push({ path: where, rule: 'name', ruleNumber: 6, message: `${where}: a dimension named "${key}" looks like it identifies a person, address or case (rule 6).` });
      }
      if (path[0] === 'metrics' && path[2] === 'dimensions' && typeof item === 'string' && IDENTITY_KEYS.test(item)) {
        findings.push({ path: where, rule: 'name', ruleNumber: 6, message: `${where}: the dimension "${item}" looks like it identifies a person, address or case (rule 6).` });
      }
      scanContent(item, here, findings);
    }
    return;
  }
  if (typeof value === 'string' && !allowedText(path)) {
    const where = formatPath(path);
    if (POINT_TEXT.test(value)) findings.push({ path: where, rule: 'coordinates', ruleNumber: 6, message: `${where}: text that looks like a point location (rule 6).` });
    else if (ADDRESS.test(value) || INTERSECTION.test(value)) findings.push({ path: where, rule: 'address', ruleNumber: 6, message: `${where}: text that looks like a street address or intersection (rule 6).` });
    if (TIME_OF_DAY.test(value)) findings.push({ path: where, rule: 'fine-timestamp', ruleNumber: 6, message: `${where}: a timestamp with a time of day, finer than any feed grain (rule 6).` });
    if (PERSON_NAME.test(value)) findings.push({ path: where, rule: 'name', ruleNumber: 6, message: `${where}: text shaped like "Lastname, Firstname" (rule 6: no names).` });
    const isCellValue = path[0] === 'metrics' && path[2] === 'cells';
    if (isCellValue && LONG_ID.test(value)) findings.push({ path: where, rule: 'identifier', ruleNumber: 6, message: `${where}: a long number used as a category looks like a record identifier (rule 6).` });
  }
}

/** Inline boundaries may hold polygons; points there would be records. */
function scanInlineAreas(value: unknown, path: PathSegment[], findings: AuditFinding[]): void {
  const features = (value as { features?: Array<{ geometry?: { type?: string } }> } | null)?.features;
  if (!Array.isArray(features)) return;
  features.forEach((f, i) => {
    const type = f?.geometry?.type;
    if (type && type !== 'Polygon' && type !== 'MultiPolygon') {
      const where = formatPath([...path, 'features', i, 'geometry']);
      findings.push({ path: where, rule: 'coordinates', ruleNumber: 6, message: `${where}: a ${type} geometry in the inline areas; areas must be polygons, never points or lines (rule 6).` });
    }
  });
}
