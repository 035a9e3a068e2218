// Leaflet 1.9 ships its ES module sources (node_modules/leaflet/src/) without types. The map
// imports only the modules it uses, so that Marker, Popup, Tooltip, GeoJSON, the image and video
// overlays, the other CRSs, Control.Layers, BoxZoom and Keyboard stay out of its chunk. Each
// declaration below names what that one file exports, typed from @types/leaflet (which describes
// the same classes in the UMD build).

/**
 * Leaflet's Map as Map.js alone defines it. Other modules mix members into Map when imported:
 * the handlers (`dragging`, `touchZoom`, `doubleClickZoom`, `scrollWheelZoom`) are imported by
 * leaflet-layer.ts and so kept; the members omitted here come from modules the map never imports
 * (Popup, Tooltip, Control, Control.Zoom, Control.Attribution, BoxZoom, Keyboard, TapHold) and do
 * not exist at run time.
 */
type LeafletCoreMap = Omit<import('leaflet').Map,
  'openPopup' | 'closePopup' | 'openTooltip' | 'closeTooltip' | 'addControl' | 'removeControl'
  | 'attributionControl' | 'zoomControl' | 'boxZoom' | 'keyboard' | 'tapHold'>;

declare module 'leaflet/src/map/Map.js' {
  export type Map = LeafletCoreMap;
  export const Map: {
    new (element: string | HTMLElement, options?: import('leaflet').MapOptions): LeafletCoreMap;
    /** Class.include: mixes methods into every map. */
    include(members: Record<string, unknown>): void;
  };
}

// Handlers register themselves on Map (Map.addInitHook) when imported; they export their class.
declare module 'leaflet/src/map/handler/Map.Drag.js' {
  export const Drag: typeof import('leaflet').Handler;
}
declare module 'leaflet/src/map/handler/Map.TouchZoom.js' {
  export const TouchZoom: typeof import('leaflet').Handler;
}
declare module 'leaflet/src/map/handler/Map.DoubleClickZoom.js' {
  export const DoubleClickZoom: typeof import('leaflet').Handler;
}
declare module 'leaflet/src/map/handler/Map.ScrollWheelZoom.js' {
  export const ScrollWheelZoom: typeof import('leaflet').Handler;
}

// Layers are typed as @types/leaflet types them, which includes the bindPopup/bindTooltip family
// that Popup.js and Tooltip.js mix into Layer; those are not imported, so those methods are absent.
declare module 'leaflet/src/layer/FeatureGroup.js' {
  export { FeatureGroup, featureGroup } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polygon.js' {
  export { Polygon, polygon } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Canvas.js' {
  export { Canvas, canvas } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/SVG.js' {
  export { SVG, svg } from 'leaflet';
}
declare module 'leaflet/src/geo/LatLng.js' {
  export { LatLng, latLng as toLatLng } from 'leaflet';
}

// Only for the optional `tiles` attribute, in their own lazy chunk (leaflet-tiles.ts).
declare module 'leaflet/src/layer/tile/TileLayer.js' {
  export { TileLayer, tileLayer } from 'leaflet';
}
declare module 'leaflet/src/control/Control.Attribution.js' {
  export const Attribution: typeof import('leaflet').Control.Attribution;
}
