import { expect } from '@open-wc/testing';
import '../../src/elements/map/define.js';
import { fixtureFeed, shadow } from './helpers.js';
import { mountMap } from './map-fixtures.js';

// Its own file (so its own page): which modules have loaded depends on every map drawn before.
describe('<daylight-map> loads only the Leaflet it uses', () => {
  const loaded = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);

  it('draws without tiles from Leaflet\'s own modules, with no tile, attribution, popup, marker or GeoJSON code', async () => {
    const el = await mountMap(await fixtureFeed('phl-districts.json'), {}, { width: 700 });
    expect(shadow(el).querySelectorAll('.leaflet-overlay-pane path[data-area]')).to.have.length(22);
    expect(shadow(el).querySelector('.leaflet-control-attribution')).to.equal(null);
    expect(shadow(el).querySelector('.leaflet-tile-pane')!.childElementCount).to.equal(0);

    const files = loaded();
    expect(files.some((path) => path.endsWith('/leaflet/src/map/Map.js')), 'Map.js loaded').to.equal(true);
    expect(files.some((path) => path.endsWith('/leaflet/src/layer/vector/Polygon.js')), 'Polygon.js loaded').to.equal(true);
    const unused = ['leaflet-src.esm.js', 'leaflet-tiles', 'TileLayer.js', 'GridLayer.js', 'Control.Attribution.js', 'Popup.js', 'Tooltip.js', 'Marker.js', 'GeoJSON.js', 'Map.Keyboard.js', 'Map.BoxZoom.js'];
    expect(unused.filter((name) => files.some((path) => path.includes(name)))).to.deep.equal([]);
  });
});
