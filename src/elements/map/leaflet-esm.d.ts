// Leaflet 1.9 publishes its ES module build without types; it has the same API as the UMD build
// that @types/leaflet describes. Importing the ESM file is what makes Leaflet work in wtr, Vite
// and as a lazy chunk (a default import fails under wtr: the UMD file has no default export).
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
