/**
 * The optional tile layer under the areas (`<daylight-map tiles>`), split from the map's chunk
 * because most maps have none: the boundaries are the base map.
 */
// As in leaflet-canvas.ts: keeps the Leaflet shared with the map's chunk in that chunk.
import './leaflet-layer.js';
import { TileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
import { Attribution } from 'leaflet/src/control/Control.Attribution.js';
import type { Map as LeafletMap } from 'leaflet/src/map/Map.js';

export function addTiles(map: LeafletMap, url: string, attribution: string): void {
  map.addLayer(new TileLayer(url, { attribution: escapeHtml(attribution) }));
  // Control.js (imported by Control.Attribution) gives Map its addControl; the cast is only for
  // the type, which omits it because the map's own chunk does not import it.
  new Attribution({ prefix: false }).addTo(map as unknown as import('leaflet').Map);
}

/** Leaflet writes attribution with innerHTML; the attribute is text, so it is shown as text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
