/**
 * Assigns points to areas (DESIGN.md rule 6: points never reach a feed; the builder turns them
 * into area keys). d3-geo's `geoContains` works on the sphere, like the data; a bounding-box test
 * first keeps it cheap when only a few of many areas can contain a point.
 */
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';

export interface BoundaryFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

interface IndexedArea {
  key: string;
  feature: GeoPermissibleObjects;
  west: number;
  east: number;
  south: number;
  north: number;
}

export class BoundaryError extends Error {}

/**
 * Indexes a boundary FeatureCollection by `key`. Throws a BoundaryError naming the feature when
 * the key property is missing, empty or repeated, or a geometry is not a polygon.
 */
export class AreaIndex {
  readonly keys: string[];
  readonly names = new Map<string, string>();
  private readonly areas: IndexedArea[] = [];

  constructor(collection: unknown, key: string, source = 'boundary file', nameProperty?: string) {
    const fc = collection as Partial<BoundaryCollection> | null;
    if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      throw new BoundaryError(`${source}: expected a GeoJSON FeatureCollection, found ${fc && typeof fc === 'object' ? `an object of type ${JSON.stringify(fc.type)}` : typeof fc}`);
    }
    const seen = new Set<string>();
    fc.features.forEach((feature, i) => {
      const raw = feature?.properties?.[key];
      if (raw === undefined || raw === null || String(raw).trim() === '') {
        const available = Object.keys(feature?.properties ?? {}).join(', ') || 'none';
        throw new BoundaryError(`${source}: features[${i}] has no "${key}" property (the areas.key in the config); its properties are: ${available}`);
      }
      const value = String(raw).trim();
      if (seen.has(value)) throw new BoundaryError(`${source}: features[${i}] repeats the ${key} "${value}"; area keys must be unique`);
      seen.add(value);
      const geometry = feature.geometry as { type?: string } | null;
      if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
        throw new BoundaryError(`${source}: features[${i}] (${key} "${value}") has a ${geometry?.type ?? 'missing'} geometry; expected Polygon or MultiPolygon`);
      }
      if (nameProperty) {
        const name = feature.properties?.[nameProperty];
        if (typeof name === 'string' && name.trim()) this.names.set(value, name.trim());
      }
      const oriented = orient(feature as GeoPermissibleObjects);
      const [[west, south], [east, north]] = geoBounds(oriented);
      this.areas.push({ key: value, feature: oriented, west, east, south, north });
    });
    this.keys = [...seen].sort(compareKeys);
  }

  /** The key of the area containing the point, or undefined when it lies outside every area. */
  locate(longitude: number, latitude: number): string | undefined {
    for (const area of this.areas) {
      if (latitude < area.south || latitude > area.north) continue;
      // Bounds that cross the antimeridian have west > east.
      const inLon = area.west <= area.east ? longitude >= area.west && longitude <= area.east : longitude >= area.west || longitude <= area.east;
      if (!inLon) continue;
      if (geoContains(area.feature, [longitude, latitude])) return area.key;
    }
    return undefined;
  }
}

/**
 * d3-geo reads rings by winding on the sphere: a ring wound the "wrong" way encloses the rest
 * of the globe. RFC 7946 files wind counter-clockwise, d3 expects clockwise, and real files
 * mix both; flip any polygon that covers more than a hemisphere.
 */
function orient(feature: GeoPermissibleObjects): GeoPermissibleObjects {
  const f = feature as unknown as { type: 'Feature'; properties: unknown; geometry: { type: string; coordinates: unknown } };
  const fix = (polygon: number[][][]): number[][][] => {
    const probe = { type: 'Polygon', coordinates: polygon } as unknown as GeoPermissibleObjects;
    return geoArea(probe) > 2 * Math.PI ? polygon.map((ring) => ring.slice().reverse()) : polygon;
  };
  const coordinates = f.geometry.type === 'Polygon'
    ? fix(f.geometry.coordinates as number[][][])
    : (f.geometry.coordinates as number[][][][]).map(fix);
  return { type: 'Feature', properties: {}, geometry: { type: f.geometry.type, coordinates } } as unknown as GeoPermissibleObjects;
}

/** Numeric keys in numeric order ("2" before "10"), others alphabetically. */
export function compareKeys(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.localeCompare(b, 'en');
}

/** Reads "(37.73, -122.42)", "37.73,-122.42" or "POINT (-122.42 37.73)" as [longitude, latitude]. */
export function parseLocation(text: string): [number, number] | undefined {
  const point = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(text);
  if (point) return [Number(point[1]), Number(point[2])];
  const pair = /^\s*\(?\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)?\s*$/.exec(text);
  if (pair) return [Number(pair[2]), Number(pair[1])];
  return undefined;
}
