/**
 * From aggregated counts to published cells: fold rare categories into "Other" (rule 5), add
 * optional noise (rule 7), lay out the totals a page shows, suppress (rules 1–4), round (rule 7).
 *
 * Every metric is first held as a "fine" table: one count per combination of every dimension
 * value (plus an internal outcome for shares and funnels). Published layers (by period, by area,
 * "*" totals...) are sums of fine cells, so noise added to fine cells stays consistent everywhere.
 */
import type { Cell, Statistic } from '../core/types.js';
import { Histogram } from './histogram.js';
import { type AdditiveGroup, type TableCell, standardGroups, suppressTable } from './suppress.js';
import { type Random, geometricNoise } from './random.js';
import { recordsForQuantile } from '../core/privacy.js';

export const SEP = '\u0001';
export const OTHER = 'other';
export const UNKNOWN = 'unknown';

export interface DimPlan {
  id: string;
  kind: 'period' | 'area' | 'category' | 'stage';
  /** Values in display order. */
  values: string[];
  /** `all`: only published at jurisdiction level; a set: these values only at jurisdiction level. */
  sensitive?: 'all' | Set<string>;
}

export type MetricShape = 'count' | 'share' | 'quantile' | 'funnel';

export interface PrivacySettings {
  k: number;
  rounding: number | null;
  noise: { epsilon: number; random: Random } | null;
  exactLimit?: number;
}

export interface PublishedMetric {
  cells: Cell[];
  stats: { cells: number; suppressed: number; primary: number; complementary: number; uncheckedComponents: number };
  /** Category values that were folded into "Other", by dimension. */
  folded: Record<string, string[]>;
  /** Display order of values per dimension after folding. */
  values: Record<string, string[]>;
}

/** Share outcomes, the internal last coordinate of a share's fine table. */
export const YES = 'yes';
export const NO = 'no';
/** Funnel outcomes (mutually exclusive), the internal last coordinate of a funnel's fine table. */
export const FUNNEL_OUTCOMES = ['connected', 'contacted_only', 'not_contacted'] as const;
export const STAGES = ['identified', 'contacted', 'connected'] as const;

/**
 * Folds category values whose total is below k into "other" (rule 5). `measure` gives a fine
 * cell's weight (its count, or a histogram's size). Returns the folded values per dimension.
 */
export function foldRare<T>(fine: Map<string, T>, dims: DimPlan[], k: number, measure: (v: T) => number,
  merge: (into: T | undefined, from: T) => T): { fine: Map<string, T>; folded: Record<string, string[]>; dims: DimPlan[] } {
  const folded: Record<string, string[]> = {};
  let current = fine;
  const nextDims = dims.map((d) => ({ ...d, values: d.values.slice() }));
  nextDims.forEach((dim, d) => {
    if (dim.kind !== 'category') return;
    const totals = new Map<string, number>();
    for (const [key, value] of current) {
      const v = key.split(SEP)[d]!;
      totals.set(v, (totals.get(v) ?? 0) + measure(value));
    }
    const rare = dim.values.filter((v) => v !== OTHER && (totals.get(v) ?? 0) < k);
    if (rare.length === 0) return;
    folded[dim.id] = rare;
    const rareSet = new Set(rare);
    const next = new Map<string, T>();
    for (const [key, value] of current) {
      const coords = key.split(SEP);
      if (rareSet.has(coords[d]!)) coords[d] = OTHER;
      const k2 = coords.join(SEP);
      next.set(k2, merge(next.get(k2), value));
    }
    current = next;
    dim.values = [...dim.values.filter((v) => !rareSet.has(v) && v !== OTHER), OTHER];
  });
  return { fine: current, folded, dims: nextDims };
}

/** Which dimensions each published layer keeps (the rest are "*"). */
export function layersFor(dims: DimPlan[]): boolean[][] {
  const periodIndex = dims.findIndex((d) => d.kind === 'period');
  const areaIndex = dims.findIndex((d) => d.kind === 'area');
  const stageIndex = dims.findIndex((d) => d.kind === 'stage');
  const categoryIndexes = dims.flatMap((d, i) => (d.kind === 'category' ? [i] : []));
  const layers: boolean[][] = [];
  const base = (period: boolean, area: boolean) => {
    const mask = dims.map(() => false);
    if (periodIndex >= 0) mask[periodIndex] = period;
    if (areaIndex >= 0) mask[areaIndex] = area;
    if (stageIndex >= 0) mask[stageIndex] = true;
    return mask;
  };
  const combos: Array<[boolean, boolean]> = [[false, false], [true, false], [false, true], [true, true]];
  const seen = new Set<string>();
  const push = (mask: boolean[]) => {
    const id = mask.map((m) => (m ? 1 : 0)).join('');
    if (!seen.has(id)) {
      seen.add(id);
      layers.push(mask);
    }
  };
  for (const [p, a] of combos) push(base(p, a));
  for (const c of categoryIndexes) {
    // A category is shown citywide, as a trend, and by area; not by period and area at once
    // (that table is mostly small cells, and every one of them would need partners).
    for (const [p, a] of [[false, false], [true, false], [false, true]] as Array<[boolean, boolean]>) {
      if (a && dims[c]!.sensitive === 'all') continue;
      const mask = base(p, a);
      mask[c] = true;
      push(mask);
    }
  }
  return layers;
}

function* product(lists: string[][]): Generator<string[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const v of first!) for (const tail of product(rest)) yield [v, ...tail];
}

/** Sums fine cells into a layer's cells, including explicit zeros for every combination. */
function project<T>(fine: Map<string, T>, dims: DimPlan[], mask: boolean[], zero: () => T, merge: (into: T, from: T) => T): Array<{ coords: string[]; value: T }> {
  const sums = new Map<string, T>();
  for (const [key, value] of fine) {
    const coords = key.split(SEP);
    const projected = coords.map((c, i) => (i < dims.length && !mask[i] ? '*' : c));
    const pk = projected.join(SEP);
    sums.set(pk, merge(sums.get(pk) ?? zero(), value));
  }
  const lists = dims.map((d, i) => (mask[i] ? d.values : ['*']));
  const out: Array<{ coords: string[]; value: T }> = [];
  for (const coords of product(lists)) {
    const key = coords.join(SEP);
    out.push({ coords, value: sums.get(key) ?? zero() });
  }
  return out;
}

/** Adds two-sided geometric noise to every fine cell (zeros included), clamping at zero. */
export function noisy(fine: Map<string, number>, dims: DimPlan[], extra: readonly string[] | undefined, epsilon: number, random: Random): Map<string, number> {
  const lists = dims.map((d) => d.values);
  if (extra) lists.push(extra.slice());
  const out = new Map<string, number>();
  for (const coords of product(lists)) {
    const key = coords.join(SEP);
    const value = Math.max(0, (fine.get(key) ?? 0) + geometricNoise(epsilon, random));
    if (value > 0) out.set(key, value);
  }
  return out;
}

function roundCount(value: number, settings: PrivacySettings, floor: number): number {
  const base = settings.rounding;
  if (!base || value === 0) return value;
  const rounded = Math.round(value / base) * base;
  // Rounding must not carry a published count below the threshold it already passed.
  return Math.max(rounded, Math.ceil(floor / base) * base);
}

function isSensitive(dims: DimPlan[], coords: string[]): boolean {
  const areaIndex = dims.findIndex((d) => d.kind === 'area');
  if (areaIndex < 0 || coords[areaIndex] === '*') return false;
  return dims.some((d, i) => d.sensitive instanceof Set && d.sensitive.has(coords[i]!));
}

function dimsCell(dims: DimPlan[], coords: string[]): Cell {
  const cell = {} as Cell;
  dims.forEach((d, i) => {
    cell[d.id] = coords[i]!;
  });
  return cell;
}

function suppressedCell(dims: DimPlan[], coords: string[], q?: number): Cell {
  const cell = dimsCell(dims, coords);
  if (q !== undefined) cell.q = q;
  cell.suppressed = true;
  delete (cell as Partial<Cell>).n;
  return cell;
}

/** Publishes a count metric: fine map keyed by the metric's dimensions. */
export function publishCount(fineIn: Map<string, number>, dimsIn: DimPlan[], settings: PrivacySettings): PublishedMetric {
  const { k } = settings;
  const sum = (a: number | undefined, b: number) => (a ?? 0) + b;
  const folding = foldRare(fineIn, dimsIn, k, (v) => v, sum);
  const dims = folding.dims;
  const fine = settings.noise ? noisy(folding.fine, dims, undefined, settings.noise.epsilon, settings.noise.random) : folding.fine;
  const cells: TableCell[] = [];
  for (const mask of layersFor(dims)) {
    for (const { coords, value } of project(fine, dims, mask, () => 0, (a, b) => a + b)) {
      const sensitive = isSensitive(dims, coords);
      cells.push({ coords, value, ...(sensitive ? { hidden: true, protect: true } : {}) });
    }
  }
  const groups = standardGroups(cells, dims.map((d, i) => (d.kind === 'stage' ? -1 : i)).filter((i) => i >= 0));
  const result = suppressTable(cells, groups, { k, ...(settings.exactLimit ? { exactLimit: settings.exactLimit } : {}) });
  const out: Cell[] = [];
  cells.forEach((c, i) => {
    if (c.hidden) return;
    if (result.suppressed[i]) out.push(suppressedCell(dims, c.coords));
    else {
      const value = roundCount(c.value, settings, k);
      out.push({ ...dimsCell(dims, c.coords), n: value, value });
    }
  });
  return finish(out, result, folding.folded, dims);
}

function finish(cells: Cell[], result: ReturnType<typeof suppressTable>, folded: Record<string, string[]>, dims: DimPlan[]): PublishedMetric {
  return {
    cells,
    stats: {
      cells: cells.length,
      suppressed: cells.filter((c) => c.suppressed).length,
      primary: result.primary,
      complementary: result.complementary,
      uncheckedComponents: result.uncheckedComponents,
    },
    folded,
    values: Object.fromEntries(dims.map((d) => [d.id, d.values])),
  };
}

/**
 * Publishes a share: the fine map's keys end with YES or NO. The denominator and numerator are
 * both count tables a reader can subtract from, and so is their difference (the complement), so
 * all three are protected; numerator and denominator are published or withheld together.
 */
export function publishShare(fineIn: Map<string, number>, dimsIn: DimPlan[], settings: PrivacySettings, unstableAt = 20): PublishedMetric {
  const { k } = settings;
  const sum = (a: number | undefined, b: number) => (a ?? 0) + b;
  const folding = foldRare(fineIn, dimsIn, k, (v) => v, sum);
  const dims = folding.dims;
  const fine = settings.noise ? noisy(folding.fine, dims, [YES, NO], settings.noise.epsilon, settings.noise.random) : folding.fine;
  const withOutcome: DimPlan[] = [...dims, { id: 'outcome', kind: 'category', values: [YES, NO] }];
  const cells: TableCell[] = [];
  const links: number[][] = [];
  const index = new Map<string, number>();
  for (const mask of layersFor(dims)) {
    const full = [...mask, true];
    const total = [...mask, false];
    for (const m of [total, full]) {
      for (const { coords, value } of project(fine, withOutcome, m, () => 0, (a, b) => a + b)) {
        const outcome = coords[coords.length - 1]!;
        const sensitive = isSensitive(dims, coords);
        const cell: TableCell = { coords, value };
        if (outcome === NO || sensitive) cell.hidden = true;
        if (sensitive) cell.protect = true;
        if (outcome === '*' && value > 0 && value < k) cell.force = true;
        index.set(coords.join(SEP), cells.length);
        cells.push(cell);
      }
    }
  }
  for (const [key, i] of index) {
    if (!key.endsWith(`${SEP}*`)) continue;
    const yes = index.get(`${key.slice(0, -1)}${YES}`);
    if (yes !== undefined) links.push([i, yes]);
  }
  const groups = standardGroups(cells, withOutcome.map((_, i) => i));
  const result = suppressTable(cells, groups, { k, links, ...(settings.exactLimit ? { exactLimit: settings.exactLimit } : {}) });
  const out: Cell[] = [];
  cells.forEach((c, i) => {
    if (c.coords[c.coords.length - 1] !== '*' || c.hidden) return;
    const coords = c.coords.slice(0, -1);
    if (c.value === 0) return; // no records, no share
    const yes = index.get([...coords, YES].join(SEP))!;
    if (result.suppressed[i] || result.suppressed[yes]) {
      out.push(suppressedCell(dims, coords));
      return;
    }
    const n = roundCount(c.value, settings, k);
    const numerator = Math.min(n, roundCount(cells[yes]!.value, settings, k));
    const cell: Cell = { ...dimsCell(dims, coords), n, numerator, value: round4(numerator / n) };
    if (numerator <= unstableAt) cell.unstable = true;
    out.push(cell);
  });
  return finish(out, result, folding.folded, dims);
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Publishes a funnel (identified → contacted → connected). Adjacent stages differ by the people
 * who dropped out; a reader who subtracts them learns that drop-off, so each drop-off is a hidden
 * cell in a nested group (identified = contacted + not contacted; contacted = connected + not
 * connected) and is protected like any published count.
 */
export function publishFunnel(fineIn: Map<string, number>, dimsIn: DimPlan[], settings: PrivacySettings): PublishedMetric {
  const { k } = settings;
  const sum = (a: number | undefined, b: number) => (a ?? 0) + b;
  const folding = foldRare(fineIn, dimsIn, k, (v) => v, sum);
  const dims = folding.dims;
  const outcomes = [...FUNNEL_OUTCOMES];
  const fine = settings.noise ? noisy(folding.fine, dims, outcomes, settings.noise.epsilon, settings.noise.random) : folding.fine;
  // Stage table: derive the five stage counts from the three exclusive outcomes.
  const staged = new Map<string, number>();
  const addTo = (coords: string[], stage: string, v: number) => {
    const key = [...coords, stage].join(SEP);
    staged.set(key, (staged.get(key) ?? 0) + v);
  };
  for (const [key, v] of fine) {
    const coords = key.split(SEP);
    const outcome = coords.pop()!;
    addTo(coords, 'identified', v);
    if (outcome !== 'not_contacted') addTo(coords, 'contacted', v);
    if (outcome === 'connected') addTo(coords, 'connected', v);
    if (outcome === 'not_contacted') addTo(coords, 'not_contacted', v);
    if (outcome === 'contacted_only') addTo(coords, 'not_connected', v);
  }
  const stageDim: DimPlan = { id: 'stage', kind: 'stage', values: [...STAGES, 'not_contacted', 'not_connected'] };
  const withStage = [...dims, stageDim];
  const cells: TableCell[] = [];
  const index = new Map<string, number>();
  for (const mask of layersFor(dims)) {
    for (const { coords, value } of project(staged, withStage, [...mask, true], () => 0, (a, b) => a + b)) {
      const stage = coords[coords.length - 1]!;
      const sensitive = isSensitive(dims, coords);
      const cell: TableCell = { coords, value };
      if (stage === 'not_contacted' || stage === 'not_connected' || sensitive) cell.hidden = true;
      if (sensitive) cell.protect = true;
      index.set(coords.join(SEP), cells.length);
      cells.push(cell);
    }
  }
  const groups: AdditiveGroup[] = standardGroups(cells, dims.map((_, i) => i));
  for (const [key, i] of index) {
    if (!key.endsWith(`${SEP}identified`)) continue;
    const base = key.slice(0, -'identified'.length);
    const at = (stage: string) => index.get(base + stage)!;
    groups.push({ total: i, members: [at('contacted'), at('not_contacted')] });
    groups.push({ total: at('contacted'), members: [at('connected'), at('not_connected')] });
  }
  const result = suppressTable(cells, groups, { k, ...(settings.exactLimit ? { exactLimit: settings.exactLimit } : {}) });
  const out: Cell[] = [];
  const publicDims = [...dims, { ...stageDim, values: [...STAGES] }];
  cells.forEach((c, i) => {
    if (c.hidden) return;
    if (result.suppressed[i]) out.push(suppressedCell(publicDims, c.coords));
    else {
      const value = roundCount(c.value, settings, k);
      out.push({ ...dimsCell(publicDims, c.coords), n: value, value });
    }
  });
  return finish(out, result, folding.folded, publicDims);
}

/** Publishes quantiles (median and p90 by default) from per-cell histograms of seconds, as minutes. */
export function publishQuantiles(fineIn: Map<string, Histogram>, dimsIn: DimPlan[], settings: PrivacySettings, qs: number[] = [0.5, 0.9]): PublishedMetric {
  const { k } = settings;
  const merge = (into: Histogram | undefined, from: Histogram) => {
    const h = into ?? new Histogram();
    h.merge(from);
    return h;
  };
  const folding = foldRare(fineIn, dimsIn, k, (h) => h.count, merge);
  const dims = folding.dims;
  // The smallest sample that can carry any of the quantiles asked for (rule 4).
  const minimum = Math.min(...qs.map((q) => recordsForQuantile(q, k)));
  const cells: TableCell[] = [];
  const histograms: Histogram[] = [];
  for (const mask of layersFor(dims)) {
    for (const { coords, value } of project(folding.fine, dims, mask, () => new Histogram(), (a, b) => {
      a.merge(b);
      return a;
    })) {
      const n = value.count;
      const sensitive = isSensitive(dims, coords);
      cells.push({ coords, value: n, ...(n > 0 && n < minimum ? { force: true } : {}), ...(sensitive ? { hidden: true, protect: true } : {}) });
      histograms.push(value);
    }
  }
  const groups = standardGroups(cells, dims.map((_, i) => i));
  const result = suppressTable(cells, groups, { k, ...(settings.exactLimit ? { exactLimit: settings.exactLimit } : {}) });
  const out: Cell[] = [];
  cells.forEach((c, i) => {
    if (c.hidden || c.value === 0) return;
    const allowed = qs.filter((q) => !result.suppressed[i] && c.value >= recordsForQuantile(q, k));
    // One n per cell; rounding must keep it above what every published quantile needs.
    const n = roundCount(c.value, settings, Math.max(0, ...allowed.map((q) => recordsForQuantile(q, k))));
    for (const q of qs) {
      if (!allowed.includes(q)) out.push(suppressedCell(dims, c.coords, q));
      else out.push({ ...dimsCell(dims, c.coords), q, n, value: Math.round(histograms[i]!.quantile(q) / 6) / 10 });
    }
  });
  return finish(out, result, folding.folded, dims);
}

/** The statistic each shape publishes as. */
export const SHAPE_STATISTIC: Record<MetricShape, Statistic> = { count: 'count', share: 'share', quantile: 'quantile', funnel: 'count' };
