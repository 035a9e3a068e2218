/**
 * Area boundaries for maps: checks a GeoJSON FeatureCollection before anything draws it, and
 * describes each area by what the map needs (a key, a box, a label point). Pure: no DOM, no Node,
 * so an analyst's preview page and the CLI can check a boundary file the same way.
 *
 * A bad feature never stops the map: it is left out and reported in one sentence that names the
 * key property and the offending value, and the other areas still draw.
 */

/** A WGS84 position: longitude, latitude (GeoJSON order). */
export type Position = [number, number];
/** A polygon as GeoJSON writes it: an outer ring, then holes. */
export type PolygonRings = Position[][];

export interface AreaShape {
  /** The value of the key property, as a string (feeds key cells by string). */
  key: string;
  /** The feature's properties, for `nameProperty` and `population`. */
  properties: Record<string, unknown>;
  /** Every polygon of the area (a Polygon is one; a MultiPolygon several). */
  polygons: PolygonRings[];
  /** [west, south, east, north]. */
  bbox: [number, number, number, number];
  /** A point inside or near the area, for tooltips and keyboard order: the centroid of its largest ring. */
  labelPoint: Position;
  /** The index of the feature in the file, for messages. */
  index: number;
}

export type BoundaryProblemKind = 'not-a-collection' | 'missing-key' | 'duplicate-key' | 'bad-geometry' | 'not-in-boundaries' | 'crs';

export interface BoundaryProblem {
  kind: BoundaryProblemKind;
  /** The area key involved, when there is one. */
  key?: string;
  /** One sentence that names the key property, the value and what is wrong. */
  message: string;
}

export interface CheckedBoundaries {
  areas: AreaShape[];
  problems: BoundaryProblem[];
}

/** `crs` names that mean WGS84 longitude/latitude, the only coordinates GeoJSON (RFC 7946) allows. */
const WGS84_NAMES = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:OGC::CRS84|urn:ogc:def:crs:EPSG::4326|EPSG:4326|CRS84)$/i;

/**
 * Checks a boundary file and returns the areas that can be drawn, plus a problem for each feature
 * that cannot. `key` is the feature property that matches the feed's `area` values.
 */
export function checkBoundaries(input: unknown, key: string): CheckedBoundaries {
  const problems: BoundaryProblem[] = [];
  const areas: AreaShape[] = [];
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    problems.push({ kind: 'not-a-collection', message: 'The boundary file is not a GeoJSON FeatureCollection (it needs "type": "FeatureCollection" and a "features" array).' });
    return { areas, problems };
  }
  // Old GeoJSON (2008 spec) carried a `crs` member; RFC 7946 dropped it. Files from ArcGIS and
  // city portals still have it. A WGS84 name is fine; anything else is said once, and the
  // coordinate range check below catches projected coordinates feature by feature.
  const crsName = crsNameOf(input.crs);
  if (crsName !== undefined && !WGS84_NAMES.test(crsName)) {
    problems.push({ kind: 'crs', message: `The boundary file declares the coordinate system "${crsName}"; maps read WGS84 longitude and latitude only (RFC 7946). Re-export it as WGS84 (EPSG:4326).` });
  }
  const seen = new Set<string>();
  input.features.forEach((feature: unknown, index: number) => {
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    const raw = properties[key];
    if (raw === undefined || raw === null || raw === '') {
      const available = Object.keys(properties).slice(0, 8).join(', ') || 'none';
      problems.push({ kind: 'missing-key', message: `features[${index}] has no "${key}" property, so it cannot be matched to the feed (its properties: ${available}).` });
      return;
    }
    const value = String(raw);
    if (seen.has(value)) {
      problems.push({ kind: 'duplicate-key', key: value, message: `features[${index}] repeats ${key} "${value}"; only the first feature with that key is drawn.` });
      return;
    }
    const geometry = isObject(feature) ? feature.geometry : undefined;
    const polygons = polygonsOf(geometry);
    if (typeof polygons === 'string') {
      problems.push({ kind: 'bad-geometry', key: value, message: `The area with ${key} "${value}" (features[${index}]) has invalid geometry: ${polygons}. It is left off the map.` });
      return;
    }
    seen.add(value);
    areas.push({ key: value, properties, polygons, bbox: bboxOf(polygons), labelPoint: labelPointOf(polygons), index });
  });
  return { areas, problems };
}

/**
 * Problems for feed area values that have no boundary: the number is still in the list and the
 * table, but the map cannot place it.
 */
export function unmatchedAreas(feedKeys: Iterable<string>, areas: readonly AreaShape[], key: string): BoundaryProblem[] {
  const known = new Set(areas.map((area) => area.key));
  const problems: BoundaryProblem[] = [];
  for (const value of feedKeys) {
    if (!known.has(value)) {
      problems.push({ kind: 'not-in-boundaries', key: value, message: `The feed has area ${key} "${value}", but the boundary file has no feature with ${key} "${value}", so it is not on the map.` });
    }
  }
  return problems;
}

/** The box around every area: [west, south, east, north]; undefined when there are none. */
export function boundsOf(areas: readonly AreaShape[]): [number, number, number, number] | undefined {
  if (areas.length === 0) return undefined;
  let [w, s, e, n] = areas[0]!.bbox;
  for (const { bbox } of areas) {
    if (bbox[0] < w) w = bbox[0];
    if (bbox[1] < s) s = bbox[1];
    if (bbox[2] > e) e = bbox[2];
    if (bbox[3] > n) n = bbox[3];
  }
  return [w, s, e, n];
}

/**
 * The order in which the keyboard visits areas: reading order over the map, north to south in
 * bands, west to east within a band. Bands are as tall as an average area, so neighbours on the
 * map are neighbours in the order, and a sighted keyboard user sees focus sweep like text.
 */
export function readingOrder(areas: readonly AreaShape[]): string[] {
  const bounds = boundsOf(areas);
  if (!bounds) return [];
  const band = Math.max((bounds[3] - bounds[1]) / Math.max(1, Math.round(Math.sqrt(areas.length))), 1e-9);
  return areas
    .map((area) => ({ key: area.key, row: Math.floor((bounds[3] - area.labelPoint[1]) / band), x: area.labelPoint[0] }))
    .sort((a, b) => a.row - b.row || a.x - b.x || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((area) => area.key);
}

function crsNameOf(crs: unknown): string | undefined {
  if (!isObject(crs)) return undefined;
  const properties = isObject(crs.properties) ? crs.properties : {};
  const name = properties.name ?? properties.code;
  return name === undefined ? undefined : String(name);
}

/** The polygons of a Polygon or MultiPolygon, or a reason (a short phrase) why it cannot be drawn. */
function polygonsOf(geometry: unknown): PolygonRings[] | string {
  if (!isObject(geometry)) return 'the feature has no geometry';
  const { type, coordinates } = geometry;
  if (type === 'Polygon') {
    const rings = ringsOf(coordinates);
    return typeof rings === 'string' ? rings : [rings];
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'a MultiPolygon needs at least one polygon';
    const polygons: PolygonRings[] = [];
    for (let i = 0; i < coordinates.length; i++) {
      const rings = ringsOf(coordinates[i]);
      if (typeof rings === 'string') return `polygon ${i}: ${rings}`;
      polygons.push(rings);
    }
    return polygons;
  }
  return `expected a Polygon or MultiPolygon, found ${typeof type === 'string' ? `a ${type}` : 'no geometry type'}`;
}

function ringsOf(coordinates: unknown): PolygonRings | string {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return 'a polygon needs at least one ring';
  const rings: PolygonRings = [];
  for (let r = 0; r < coordinates.length; r++) {
    const ring: unknown = coordinates[r];
    if (!Array.isArray(ring)) return `ring ${r} is not an array of positions`;
    // A closed ring repeats its first position, so a triangle has 4; GeoJSON requires it.
    if (ring.length < 4) return `ring ${r} has ${ring.length} positions; a ring needs at least 4`;
    // The file's own arrays are kept when they are plain [lon, lat] pairs: a city's boundaries
    // hold thousands of positions, and copying each one was most of a cold map's boundary check.
    let flat = true;
    for (let p = 0; p < ring.length; p++) {
      const position: unknown = ring[p];
      if (!Array.isArray(position) || position.length < 2) return `ring ${r}, position ${p} is not [longitude, latitude]`;
      const lon: unknown = position[0];
      const lat: unknown = position[1];
      if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        return `ring ${r}, position ${p} is not a pair of numbers`;
      }
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        return `ring ${r}, position ${p} (${lon}, ${lat}) is outside longitude/latitude range; the file may be in a projected coordinate system`;
      }
      if (position.length !== 2) flat = false;
    }
    rings.push(flat ? (ring as Position[]) : ring.map((position: number[]) => [position[0]!, position[1]!] as Position));
  }
  return rings;
}

function bboxOf(polygons: readonly PolygonRings[]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const polygon of polygons) {
    // Holes lie inside the outer ring, so the outer ring alone bounds the polygon. Indexed, not
    // destructured: this runs once per boundary file, before the JIT has warmed up, where
    // iterator-based destructuring of thousands of pairs is several times slower.
    const ring = polygon[0]!;
    for (let i = 0; i < ring.length; i++) {
      const lon = ring[i]![0];
      const lat = ring[i]![1];
      if (lon < w) w = lon;
      if (lon > e) e = lon;
      if (lat < s) s = lat;
      if (lat > n) n = lat;
    }
  }
  return [w, s, e, n];
}

/** The area-weighted centroid of the largest outer ring (planar; fine at city scale). */
function labelPointOf(polygons: readonly PolygonRings[]): Position {
  let best: Position = polygons[0]![0]![0]!;
  let bestArea = -1;
  for (const polygon of polygons) {
    const ring = polygon[0]!;
    let area = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const x0 = ring[j]![0], y0 = ring[j]![1];
      const x1 = ring[i]![0], y1 = ring[i]![1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    const size = Math.abs(area);
    if (size > bestArea) {
      bestArea = size;
      best = area === 0 ? ring[0]! : [cx / (3 * area), cy / (3 * area)];
    }
  }
  return best;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
