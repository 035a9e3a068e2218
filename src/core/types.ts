/**
 * Feed v1: the contract between the builder, the published JSON file and every element.
 * The human-readable specification is docs/feed.md; the JSON Schema is schema/feed-v1.schema.json.
 * Types here describe a feed that has passed `validateFeed`.
 */

/** A label in one language, or in several keyed by BCP 47 language tag (`{ "en": "...", "es": "..." }`). */
export type Label = string | { en: string; [lang: string]: string };

/** How fine the feed's time periods are. Victim series are never finer than a month (privacy rule 10). */
export type Grain = 'week' | 'month' | 'quarter' | 'year';

/** What a metric's cells hold. */
export type Statistic = 'count' | 'share' | 'rate' | 'quantile';

/** The unit in which a metric's values are expressed. */
export type Unit = 'count' | 'minutes' | 'share' | 'rate';

/** Whether a rise is good news, bad news or neither; it only changes wording and colour, never numbers. */
export type Polarity = 'lower-is-better' | 'higher-is-better' | 'neutral';

export interface Jurisdiction {
  name: Label;
  /** A stable identifier, e.g. a Census GEOID or a slug. */
  id: string;
  /** IANA time zone in which periods are cut, e.g. "America/New_York". */
  timezone: string;
  population?: number;
}

export interface FeedPeriod {
  /** First day covered, `YYYY-MM-DD`. */
  start: string;
  /** Last day covered, `YYYY-MM-DD`. */
  end: string;
  grain: Grain;
}

export interface NoiseStatement {
  mechanism: 'geometric' | 'laplace';
  epsilon: number;
}

export interface PrivacyBlock {
  /** k: the smallest count ever shown (other than zero). Default 11; never below 5. */
  minCount: number;
  /** Whether complementary suppression was applied (always true for feeds from the builder). */
  complementary: boolean;
  /** Counts were rounded to this base, or null. */
  rounding: number | null;
  /** Noise added to counts, or null. */
  noise: NoiseStatement | null;
  notes?: Label;
}

/** Where the area boundaries are. Areas only: a feed never holds points. */
export interface AreasReference {
  /** URL of a GeoJSON FeatureCollection, relative to the feed. */
  url?: string;
  /** The FeatureCollection itself, for small boundary sets. */
  inline?: GeoJSONFeatureCollection;
  /** The feature property whose value matches the cells' `area`. */
  key: string;
  /** The feature property holding a display name; falls back to the dimension's value labels. */
  nameProperty?: string;
  /** The kind of area, e.g. "Police district". */
  level?: Label;
}

export interface GeoJSONFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: Record<string, unknown> | null; geometry: unknown }>;
}

export interface DimensionDefinition {
  label: Label;
  kind: 'period' | 'area' | 'category';
  /** Display labels for the dimension's values. `*` is reserved for the total across the dimension. */
  values?: Record<string, Label>;
}

/** One published number (or one published absence of a number). */
export interface Cell {
  /**
   * Records behind the cell: the count itself, a rate's denominator, or the sample size of a quantile.
   * Absent (read as 0) on suppressed cells: the size of a suppressed group is what suppression hides.
   */
  n: number;
  /** The published value; absent when suppressed. */
  value?: number;
  /** True when the value is withheld by a privacy rule. */
  suppressed?: true;
  /** For shares and rates: the count on top of the fraction. */
  numerator?: number;
  /** For quantile metrics: which quantile, e.g. 0.5 or 0.9. */
  q?: number;
  /** Rule 9: the numerator is 20 or fewer, so the rate is published but flagged. */
  unstable?: true;
  /** Dimension values, keyed by the metric's dimension ids. `*` means the total across that dimension. */
  [dimension: string]: string | number | boolean | undefined;
}

export interface Metric {
  id: string;
  label: Label;
  description?: Label;
  unit: Unit;
  statistic: Statistic;
  /** For rates: the count is per this many of the base (e.g. 100000 residents). */
  per?: number;
  polarity?: Polarity;
  /** Ordered dimension ids present on every cell, e.g. ["period", "area"]. */
  dimensions: string[];
  cells: Cell[];
}

export interface MetricMethodology {
  includes: Label[];
  excludes: Label[];
  notes?: Label;
}

export interface Methodology {
  /** The date the underlying records were extracted, `YYYY-MM-DD`. */
  asOf: string;
  /** Days between the end of a period and its publication. */
  lagDays: number;
  sources: Array<{ name: Label; url?: string; publisher?: Label }>;
  caveats?: Label[];
  contact?: { name?: Label; email?: string; url?: string };
  metrics: Record<string, MetricMethodology>;
}

/** Dataset metadata that maps onto DCAT-US, so a city can list the feed in its catalogue. */
export interface Publisher {
  name: Label;
  url?: string;
  email?: string;
}

export interface Feed {
  /** `1.<minor>`; minors only add optional fields. */
  version: string;
  /** When the feed file was written (ISO 8601 with offset). */
  generated: string;
  title?: Label;
  jurisdiction: Jurisdiction;
  publisher?: Publisher;
  license?: { name: string; url?: string };
  period: FeedPeriod;
  privacy: PrivacyBlock;
  areas?: AreasReference;
  dimensions?: Record<string, DimensionDefinition>;
  metrics: Metric[];
  methodology: Methodology;
}

/** Cell keys that are not dimensions. Dimension ids may not reuse them. */
export const RESERVED_CELL_KEYS = ['n', 'value', 'suppressed', 'numerator', 'q', 'unstable'] as const;

/** The dimension value that stands for "all of them". */
export const TOTAL = '*';
