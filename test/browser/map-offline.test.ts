import { expect } from '@open-wc/testing';
import '../../src/elements/map/define.js';
import { mapLayerSource, type DaylightMap } from '../../src/elements/map/map.js';
import { everythingSaid, fixtureFeed, shadow } from './helpers.js';
import { mountMap } from './map-fixtures.js';

// Its own file (so its own page): the Leaflet chunk must not have loaded before the first test.
describe('<daylight-map> when Leaflet\'s chunk cannot be fetched', () => {
  const map = async () => mountMap(await fixtureFeed('phl-districts.json'), {}, { width: 700 });

  it('says why the map is empty, keeps the list and table, settles mapReady, and a later map loads it', async () => {
    const load = mapLayerSource.load;
    let asked = 0;
    mapLayerSource.load = () => { asked++; return Promise.reject(new TypeError('Failed to fetch dynamically imported module')); };
    let el: DaylightMap;
    try {
      el = await map();
    } finally {
      mapLayerSource.load = load;
    }
    expect(asked).to.equal(1);
    const message = shadow(el).querySelector('.map-message[role=alert]');
    expect(message?.textContent).to.contain('The map itself could not be loaded');
    expect(shadow(el).querySelector('.leaflet-container')).to.equal(null);
    // The accessible ways to the same figures do not need Leaflet.
    expect(everythingSaid(el)).to.contain('District 24');
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.match(/\d/);
    // The box keeps its size (the card does not collapse around a missing map).
    expect(shadow(el).querySelector<HTMLElement>('.map-wrap')!.getBoundingClientRect().height).to.be.greaterThan(200);

    const next = await map();
    expect(shadow(next).querySelectorAll('.leaflet-overlay-pane path[data-area]')).to.have.length(22);
    expect(shadow(next).querySelector('.map-message')).to.equal(null);
  });
});

describe('<daylight-map> when the canvas renderer\'s chunk cannot be fetched', () => {
  it('says why the map is empty, keeps the list, settles mapReady, and a later canvas map loads it', async () => {
    const feed = await fixtureFeed('phl-districts.json');
    const loadCanvas = mapLayerSource.loadCanvas;
    let asked = 0;
    mapLayerSource.loadCanvas = () => { asked++; return Promise.reject(new TypeError('Failed to fetch dynamically imported module')); };
    let el: DaylightMap;
    try {
      el = await mountMap(feed, { renderer: 'canvas' }, { width: 700 });
    } finally {
      mapLayerSource.loadCanvas = loadCanvas;
    }
    // Asked once when the boundaries were checked; the failed request is not reused.
    expect(asked).to.be.greaterThan(0);
    expect(shadow(el).querySelector('.map-message[role=alert]')?.textContent).to.contain('The map itself could not be loaded');
    expect(shadow(el).querySelector('.leaflet-container')).to.equal(null);
    expect(everythingSaid(el)).to.contain('District 24');

    const next = await mountMap(feed, { renderer: 'canvas' }, { width: 700 });
    expect(next.renderer).to.equal('canvas');
    expect(shadow(next).querySelectorAll('.leaflet-overlay-pane canvas')).to.have.length(1);
    expect(shadow(next).querySelector('.map-message')).to.equal(null);
  });
});
