/**
 * Shrinks a boundary GeoJSON for the web: coordinates rounded to `decimals` places (4 places is
 * about 10 m, far finer than an area map needs), consecutive duplicate points dropped, and only
 * the key properties kept.
 */
export function simplifyBoundary(collection: { features: Array<{ properties: Record<string, unknown> | null; geometry: { type: string; coordinates: unknown } }> }, decimals: number): string {
  const scale = 10 ** decimals;
  const round = (n: number) => Math.round(n * scale) / scale;
  const ring = (points: number[][]) => {
    const out: number[][] = [];
    for (const [x, y] of points) {
      const p = [round(x!), round(y!)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out.length >= 4 ? out : points.map(([x, y]) => [round(x!), round(y!)]);
  };
  const features = collection.features.map((f) => ({
    type: 'Feature',
    properties: f.properties,
    geometry: {
      type: f.geometry.type,
      coordinates: f.geometry.type === 'Polygon'
        ? (f.geometry.coordinates as number[][][]).map(ring)
        : (f.geometry.coordinates as number[][][][]).map((poly) => poly.map(ring)),
    },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}
