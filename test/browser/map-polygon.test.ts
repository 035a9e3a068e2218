import { expect, fixture, html } from '@open-wc/testing';
import { Map as LeafletMap } from 'leaflet/src/map/Map.js';
import { Polygon } from 'leaflet/src/layer/vector/Polygon.js';
import { SVG } from 'leaflet/src/layer/vector/SVG.js';
import { LatLng } from 'leaflet/src/geo/LatLng.js';
import { AreaPolygon } from '../../src/elements/map/leaflet-layer.js';
import { checkBoundaries, type PolygonRings } from '../../src/core/geo.js';
import { PHL_BOUNDARIES } from './map-fixtures.js';

// AreaPolygon writes out Leaflet's per-vertex loops (bounds, projection) for speed. It must give
// the very numbers Leaflet's own Polygon gives, or areas would shift by a pixel, outlines would not
// sit on their areas, and a fitted view would change.

interface Drawn {
  getBounds(): { getSouthWest(): LatLng; getNorthEast(): LatLng };
  getLatLngs(): unknown;
  getElement(): Element | undefined;
  _rings: Array<Array<{ x: number; y: number }>>;
  _pxBounds: { min: { x: number; y: number }; max: { x: number; y: number } };
}

const asLatLngs = (polygons: readonly PolygonRings[]) =>
  polygons.map((rings) => rings.map((ring) => ring.map((position) => new LatLng(position[1], position[0]))));

/** Both classes' results for the same rings, on a map at each of `zooms` (relative to the fitted view). */
async function compare(polygons: readonly PolygonRings[][], zooms: number[]): Promise<number> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: 640px; height: 400px"></div>`);
  const map = new LeafletMap(box, { zoomSnap: 0, zoomAnimation: false, fadeAnimation: false });
  const renderer = new SVG();
  map.addLayer(renderer);
  const pairs = polygons.map((areaPolygons) => {
    const latlngs = asLatLngs(areaPolygons);
    const input = latlngs.length === 1 ? latlngs[0]! : latlngs;
    const stock = new Polygon(input as LatLng[][], { renderer }) as unknown as Drawn;
    const ours = new AreaPolygon(input as LatLng[][], { renderer }) as unknown as Drawn;
    return [stock, ours] as const;
  });
  // Not by extending one polygon's bounds object: that is the polygon's own.
  const corners = pairs.map(([stock]) => [stock.getBounds().getSouthWest(), stock.getBounds().getNorthEast()] as const);
  map.fitBounds([
    [Math.min(...corners.map(([sw]) => sw.lat)), Math.min(...corners.map(([sw]) => sw.lng))],
    [Math.max(...corners.map(([, ne]) => ne.lat)), Math.max(...corners.map(([, ne]) => ne.lng))],
  ], { animate: false });
  const fitted = map.getZoom();
  let compared = 0;
  for (const [stock, ours] of pairs) {
    map.addLayer(stock as unknown as import('leaflet').Layer);
    map.addLayer(ours as unknown as import('leaflet').Layer);
    expect(ours.getBounds().getSouthWest()).to.deep.equal(stock.getBounds().getSouthWest());
    expect(ours.getBounds().getNorthEast()).to.deep.equal(stock.getBounds().getNorthEast());
    expect(ours.getLatLngs()).to.deep.equal(stock.getLatLngs());
  }
  for (const offset of zooms) {
    map.setZoom(fitted + offset, { animate: false });
    for (const [stock, ours] of pairs) {
      expect(ours._rings).to.deep.equal(stock._rings);
      expect(ours._pxBounds).to.deep.equal(stock._pxBounds);
      expect(ours.getElement()!.getAttribute('d')).to.equal(stock.getElement()!.getAttribute('d'));
      compared += ours._rings.reduce((n, ring) => n + ring.length, 0);
    }
  }
  map.remove();
  return compared;
}

describe('AreaPolygon (the map\'s polygons)', () => {
  it('gives the bounds, vertices, pixels and SVG paths of Leaflet\'s Polygon for the 22 Philadelphia districts', async () => {
    const collection = await (await fetch(PHL_BOUNDARIES)).json();
    const { areas, problems } = checkBoundaries(collection, 'police_district');
    expect(problems).to.deep.equal([]);
    expect(areas).to.have.length(22);
    const compared = await compare(areas.map((area) => area.polygons), [0, 1.37, 3, -0.5]);
    // Every district at every zoom, so thousands of vertices, not a handful.
    expect(compared).to.be.greaterThan(4 * 5000);
  });

  it('does the same for holes, multipolygons, rings with or without their closing vertex, and a ring near the pole', async () => {
    const square = (x: number, y: number, size: number, closed: boolean): Array<[number, number]> => {
      const ring: Array<[number, number]> = [[x, y], [x + size, y], [x + size, y + size], [x, y + size]];
      return closed ? [...ring, [x, y]] : ring;
    };
    const shapes: PolygonRings[][] = [
      [[square(-75.2, 39.9, 0.1, true), square(-75.17, 39.93, 0.02, true)]],
      [[square(-75.0, 40.0, 0.05, false)], [square(-74.9, 40.05, 0.03, true)]],
      [[square(-75.1, 39.8, 0.04, true).map(([x, y]) => [x, -y] as [number, number])]],
      [[[[10, 85.2], [11, 85.2], [11, 86], [10, 85.2]]]],
    ];
    expect(await compare(shapes, [0, 2.5])).to.be.greaterThan(0);
  });
});
