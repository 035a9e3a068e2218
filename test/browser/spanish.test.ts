/**
 * Spanish snapshots of the sentences the kit writes itself (KPI and map summaries): word order,
 * number and date formats and month names come from the Spanish catalogue and Intl, not from a
 * translated English template (Intl puts a no-break space before "%" in Spanish). A change here
 * is a change residents read: review it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DaylightKpi } from '../../src/elements/kpi/kpi.js';
import type { DaylightMap } from '../../src/elements/map/map.js';
import type { Feed } from '../../src/core/types.js';
import { everythingSaid, fixtureFeed, nextFrames, settled, shadow } from './helpers.js';
import { en } from '../../src/core/i18n/en.js';
import { es } from '../../src/core/i18n/es.js';

async function kpi(feed: Feed, attributes: Record<string, string>, lang = 'es'): Promise<string> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 360px"></div>`);
  const el = document.createElement('daylight-kpi') as DaylightKpi;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.feed = feed;
  host.append(el);
  await el.updateComplete;
  return shadow(el).querySelector('[part=sentence]')!.textContent!.trim();
}

async function mapSummary(feed: Feed, attributes: Record<string, string>, lang = 'es'): Promise<string> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 900px"></div>`);
  const el = document.createElement('daylight-map') as DaylightMap;
  el.setAttribute('metric', 'incidents');
  el.setAttribute('areas', '/test/fixtures/real/phl_police_districts.geojson');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.feed = feed;
  host.append(el);
  await el.mapReady;
  return shadow(el).querySelector('[part=summary]')!.textContent!.replace(/[ \t\r\n]+/g, ' ').trim();
}

describe('Spanish sentences (snapshots)', () => {
  let small: Feed;
  let services: Feed;
  let phl: Feed;
  before(async () => {
    small = await fixtureFeed();
    services = await fixtureFeed('services.json');
    phl = await fixtureFeed('phl-districts.json');
  });

  const KPI: Array<[string, () => Feed, Record<string, string>, string]> = [
    ['a count against the same month a year earlier', () => small, { metric: 'incidents' },
      'Incidentes con disparos: 31 en octubre de 2026, 13 menos que en octubre de 2025. (Toda la ciudad)'],
    ['a median, faster', () => small, { metric: 'response_time' },
      'La mediana de tiempo de respuesta fue de 8,4 minutos en octubre de 2026, 0,6 minutos más rápido que en octubre de 2025.'],
    ['the 90th percentile', () => small, { metric: 'response_time', statistic: 'p90' },
      'El percentil 90 de tiempo de respuesta fue de 17,2 minutos en octubre de 2026, 0,9 minutos más rápido que en octubre de 2025.'],
    // The fixture's label for this metric is English only: a feed label without `es` reads in English.
    ['a share against the previous month', () => small, { metric: 'coresponse_share', compare: 'previous' },
      'Calls with a co-responder: 24\u00a0% en octubre de 2026, 19,3 puntos porcentuales más alto que en septiembre de 2026.'],
    ['a hidden count', () => small, { metric: 'incidents', period: '2026-09' },
      'Incidentes con disparos en septiembre de 2026: oculto para proteger la privacidad. (Toda la ciudad)'],
    ['no comparison with a hidden month', () => small, { metric: 'incidents', compare: 'previous', period: '2026-10' },
      'Incidentes con disparos: 31 en octubre de 2026. No se puede comparar con septiembre de 2026: ese valor está oculto para proteger la privacidad. (Toda la ciudad)'],
    ['a month with no data', () => small, { metric: 'incidents', period: '2026-01' },
      'Incidentes con disparos: sin datos para enero de 2026. (Toda la ciudad)'],
    ['an unstable share', () => small, { metric: 'coresponse_share', period: '2026-09', compare: 'none' },
      'Calls with a co-responder: 4,7\u00a0% en septiembre de 2026. Inestable: Se basa en 20 casos o menos, así que puede variar mucho por azar.'],
    ['one area, with no earlier year', () => small, { metric: 'incidents', area: '1' },
      'Incidentes con disparos: 20 en octubre de 2026. No hay datos de octubre de 2025 para comparar. (Distrito 1)'],
    ['a rate with a Spanish feed label', () => services, { metric: 'referral_followup_rate' },
      'Derivaciones con seguimiento: 75\u00a0% en 2024, 10 puntos porcentuales más alto que en 2023. (Toda la ciudad)'],
  ];

  for (const [name, feed, attributes, expected] of KPI) {
    it(`KPI: ${name}`, async () => {
      expect(await kpi(feed(), attributes)).to.equal(expected);
    });
  }

  it('KPI: es-MX reads the Spanish catalogue, with the same Intl formats', async () => {
    expect(await kpi(small, { metric: 'response_time' }, 'es-MX')).to.match(/^La mediana de tiempo de respuesta fue de 8\.4 minutos|^La mediana de tiempo de respuesta fue de 8,4 minutos/);
  });

  it('map: the summary of the Philadelphia districts', async () => {
    expect(await mapSummary(phl, {})).to.equal(
      'Distrito 25 tuvo la cifra más alta de incidentes con disparos en 2024: 105, el 12\u00a0% de la ciudad. 5 áreas están ocultas porque el conteo era menor de 11 o podía revelar uno.');
  });

  it('map: an earlier year', async () => {
    expect(await mapSummary(phl, { period: '2023' })).to.equal(
      'Distrito 25 tuvo la cifra más alta de incidentes con disparos en 2023: 160, el 12\u00a0% de la ciudad. 4 áreas están ocultas porque el conteo era menor de 11 o podía revelar uno.');
  });
});

describe('no English left in a Spanish page', () => {
  // Every fixed English string of the catalogue (functions are sentences with slots; checked above).
  const english = Object.entries(en)
    .filter(([key, value]) => typeof value === 'string' && value.length > 3 && value !== (es as Record<string, unknown>)[key])
    .map(([, value]) => value as string);

  const PAGES: Array<[string, string]> = [
    ['small-city.json', '<daylight-kpi metric="incidents"></daylight-kpi><daylight-kpi metric="incidents" period="2026-09"></daylight-kpi><daylight-trend metric="incidents"></daylight-trend><daylight-methodology open></daylight-methodology>'],
    ['services.json', '<daylight-filter no-url></daylight-filter><daylight-breakdown metric="referrals" by="service" compare="previous"></daylight-breakdown><daylight-distribution metric="time_on_scene" by="call_type" buckets="time_on_scene_buckets"></daylight-distribution><daylight-funnel metric="past_victims_outreach"></daylight-funnel><daylight-table metric="referrals" by="service"></daylight-table><daylight-methodology open></daylight-methodology>'],
  ];
  for (const [file, body] of PAGES) {
    it(`every element on ${file} speaks Spanish, as chart and as table`, async () => {
      const feed = await fixtureFeed(file);
      const page = await fixture<HTMLElement>(html`<daylight-feed lang="es" no-status .feed=${feed}></daylight-feed>`);
      page.append(...new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html').body.childNodes);
      for (const child of page.children) await settled(child);
      await nextFrames();
      let said = everythingSaid(page);
      for (const child of page.children) {
        const toggle = shadow(child).querySelector<HTMLButtonElement>('button[part=toggle]');
        if (toggle) {
          toggle.click();
          await settled(child);
          said += everythingSaid(child);
        }
      }
      // Whole words only ("Period" is inside "Periodo"), and not text the feed itself wrote in English.
      const feedText = JSON.stringify(feed);
      const found = english.filter((text) => !feedText.includes(text)
        && new RegExp(`(?<!\\p{L})${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(said));
      expect(found).to.deep.equal([]);
    });
  }
});

describe('lang values as pages write them', () => {
  it('reads "ES" and "es_ES" as Spanish, with the feed\'s Spanish labels, and passes over a value that is not a language', async () => {
    const small = await fixtureFeed();
    const spanish = await kpi(small, { metric: 'incidents' }, 'es');
    // Upper case: the sentence and the feed's labels ("Toda la ciudad"), not English labels around Spanish words.
    expect(await kpi(small, { metric: 'incidents' }, 'ES')).to.equal(spanish);
    // An underscore, as some systems write locales, made Intl throw from the element's first date.
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      expect(await kpi(small, { metric: 'incidents' }, 'es_ES')).to.equal(spanish);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    // Not a language tag: as if absent, so the page's language (English here) applies.
    expect(await kpi(small, { metric: 'incidents' }, '<b>')).to.equal(await kpi(small, { metric: 'incidents' }, 'en'));
  });
});

describe('canonicalLang', () => {
  it('puts a tag in its canonical case and refuses what is not a tag', async () => {
    const { canonicalLang } = await import('../../src/elements/shared/locale.js');
    const cases: Array<[string, string | undefined]> = [
      ['es', 'es'], ['ES', 'es'], ['es-mx', 'es-MX'], ['es_ES', 'es-ES'], [' en-GB ', 'en-GB'], ['zh-hant-tw', 'zh-Hant-TW'],
      ['es-419', 'es-419'], ['de-CH-1996', 'de-CH-1996'], ['', undefined], ['<b>', undefined], ['e', undefined], ['english', undefined], ['x'.repeat(300), undefined],
    ];
    expect(cases.map(([value]) => canonicalLang(value))).to.deep.equal(cases.map(([, expected]) => expected));
  });
});
