// How the map's lazy code is split, for every Vite build that bundles <daylight-map> (the library,
// the demo site, the benchmark pages).
//
// The map's chunk (leaflet-layer.ts) imports the canvas renderer and the tile layer dynamically,
// each in its own chunk. Those share most of Leaflet with the map's chunk, and without this group
// the bundler moves that shared part into a common chunk of its own: the map would then find out
// only after fetching its chunk that it needs another one, a second round trip before the first
// draw. The canvas and tile chunks are only ever loaded by the map's chunk, so the shared part is
// always in memory by then: it belongs in the map's chunk.

/** Leaflet's modules and the map's own, except those only the canvas and tile chunks use. */
export const LEAFLET_CORE = /[\\/]leaflet[\\/]src[\\/](?!layer[\\/]vector[\\/]Canvas\.js|layer[\\/]tile[\\/]|control[\\/])|[\\/]elements[\\/]map[\\/]leaflet-layer\.ts$/;

/** For `build.rolldownOptions.output.codeSplitting`. */
export const leafletCodeSplitting = { groups: [{ name: 'leaflet-layer', test: LEAFLET_CORE }] };
