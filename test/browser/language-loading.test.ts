/**
 * Languages other than English load on first use (src/core/i18n/index.ts). This file must not
 * import a catalogue itself: the first test needs Spanish still unloaded when it starts (wtr runs
 * each test file in a page of its own).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DaylightKpi } from '../../src/elements/kpi/kpi.js';
import { catalogueLoaded, catalogueLoaders, messagesFor } from '../../src/core/i18n/index.js';
import { en } from '../../src/core/i18n/en.js';
import { everythingSaid, fixtureFeed, shadow } from './helpers.js';

/** Mounts a KPI under `lang` and records the text of every render it makes, from the first. */
async function recordedKpi(lang: string): Promise<{ el: DaylightKpi; renders: string[] }> {
  const feed = await fixtureFeed();
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 360px"></div>`);
  const el = document.createElement('daylight-kpi') as DaylightKpi;
  el.setAttribute('metric', 'incidents');
  el.feed = feed;
  const renders: string[] = [];
  // `updated` runs after every render, synchronously: an own property sees each one.
  Object.defineProperty(el, 'updated', { value: () => renders.push(everythingSaid(el)) });
  host.append(el);
  await el.updateComplete;
  return { el, renders };
}

describe('catalogues load on demand', () => {
  it('a Spanish widget waits for Spanish: its first render is already Spanish, no English flash', async () => {
    expect(messagesFor('es'), 'precondition: Spanish not loaded yet').to.equal(en);
    const { renders } = await recordedKpi('es');
    expect(renders.length).to.be.greaterThan(0);
    // Catalogue words, not the feed's own labels (those come in both languages with the feed).
    for (const text of renders) {
      expect(text).to.contain('Descargar');
      expect(text).to.not.contain('Download');
    }
    expect(messagesFor('es-MX').loading).to.not.equal(en.loading);
  });

  it('a page switched to Spanish after rendering in English re-renders in Spanish', async () => {
    const { el } = await recordedKpi('en');
    expect(shadow(el).textContent).to.contain('Download');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('Descargar').and.not.contain('Download');
  });

  it('a language whose catalogue cannot be fetched reads English, once, instead of leaving the widget blank', async () => {
    let asked = 0;
    catalogueLoaders.xx = () => { asked++; return Promise.reject(new TypeError('Failed to fetch dynamically imported module')); };
    try {
      const { renders } = await recordedKpi('xx');
      expect(renders.length).to.be.greaterThan(0);
      for (const text of renders) expect(text).to.contain('Download');
      expect(messagesFor('xx')).to.equal(en);
      expect(catalogueLoaded('xx'), 'not asked for again').to.equal(undefined);
      expect(asked).to.equal(1);
    } finally {
      delete catalogueLoaders.xx;
    }
  });

  it('English and unknown languages need no loading; they never wait', () => {
    expect(catalogueLoaded('en')).to.equal(undefined);
    expect(catalogueLoaded('fr-CA')).to.equal(undefined);
    expect(messagesFor('fr-CA')).to.equal(en);
  });
});
