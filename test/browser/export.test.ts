import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { DaylightFeed } from '../../src/elements/feed/feed.js';
import type { Feed } from '../../src/core/types.js';
import { runExport, type ExportChart } from '../../src/elements/shared/export.js';
import { exportCanvas, exportSvgText } from '../../src/elements/shared/export-image.js';
import { messagesFor } from '../../src/core/i18n/index.js';
import { barTexts } from './mount.js';
import { fixtureFeed, mentionsNumber, nextFrames, settled, shadow } from './helpers.js';

type Exporting = HTMLElement & {
  csvRows(): Array<Array<string | number>>;
  exportChart(): ExportChart | undefined;
  updateComplete: Promise<unknown>;
  showTable: boolean;
};

async function page(feed: Feed, body: string, lang = 'en'): Promise<DaylightFeed> {
  const el = await fixture<DaylightFeed>(html`<daylight-feed style="width: 700px" no-status lang=${lang} .feed=${feed}></daylight-feed>`);
  const template = document.createElement('template');
  // Test markup only; the library itself never parses markup strings.
  template.content.append(...new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html').body.childNodes);
  el.append(template.content);
  for (const child of el.children) await settled(child);
  await nextFrames();
  for (const child of el.children) await settled(child);
  return el;
}

/** RFC 4180 CSV back into rows (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  return rows;
}

/** The texts of an exported SVG, in document order, from the file's own bytes. */
function svgTexts(svgText: string): string[] {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'well-formed SVG').to.equal(null);
  return [...doc.querySelectorAll('text')].map((t) => t.textContent!);
}

/** Runs the export menu's `format` choice and returns the downloaded file's name and text. */
async function download(el: Element, format: 'csv' | 'svg' | 'png'): Promise<{ name: string; blob: Blob }> {
  const revoke = URL.revokeObjectURL;
  let captured: { name: string; href: string } | undefined;
  const onClick = (event: Event) => {
    const link = event.target as HTMLAnchorElement;
    if (link instanceof HTMLAnchorElement && link.download) {
      event.preventDefault();
      captured = { name: link.download, href: link.href };
    }
  };
  URL.revokeObjectURL = () => {};
  document.addEventListener('click', onClick, true);
  try {
    const menu = shadow(el).querySelector<HTMLDetailsElement>('details.export')!;
    menu.querySelector('summary')!.click();
    expect(menu.open, 'the menu opened').to.equal(true);
    menu.querySelector<HTMLButtonElement>(`button[data-format=${format}]`)!.click();
    for (let i = 0; i < 50 && !captured; i++) await new Promise((r) => setTimeout(r, 20));
    expect(captured, `a ${format} download`).to.not.equal(undefined);
    const blob = await (await fetch(captured!.href)).blob();
    revoke(captured!.href);
    return { name: captured!.name, blob };
  } finally {
    URL.revokeObjectURL = revoke;
    document.removeEventListener('click', onClick, true);
  }
}

describe('export (CSV, SVG, PNG)', () => {
  it('a breakdown\'s CSV is its table, and its SVG draws every shown bar with title, source and date', async () => {
    const feed = await fixtureFeed('services.json');
    const el = (await page(feed, '<daylight-breakdown metric="referrals" by="service"></daylight-breakdown>')).querySelector('daylight-breakdown') as Exporting;
    const bars = barTexts(el);
    const csv = await download(el, 'csv');
    expect(csv.name).to.match(/^referrals.*\.csv$/);
    const rows = parseCsv(await csv.blob.text());
    // The same texts the table view shows, row for row.
    el.showTable = true;
    await el.updateComplete;
    const table = [...shadow(el).querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal(table);

    const svg = await download(el, 'svg');
    expect(svg.blob.type).to.equal('image/svg+xml');
    const texts = svgTexts(await svg.blob.text());
    const title = shadow(el).querySelector('[part=title]')!.textContent!.trim();
    expect(texts[0]).to.equal(title);
    for (const [name, value] of bars) {
      expect(texts, `bar ${name}`).to.include(name!.length > 32 ? `${name!.slice(0, 31)}…` : name);
      expect(texts.some((t) => t.startsWith(value!.split(' ')[0]!)), `value ${value}`).to.equal(true);
    }
    expect(texts.some((t) => t.startsWith('Source: '))).to.equal(true);
    expect(texts).to.include(`Data as of ${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${feed.methodology.asOf}T00:00:00Z`))}`);
  });

  it('a trend\'s SVG has one mark per period, and its CSV numbers are the published values', async () => {
    const feed = await fixtureFeed();
    const el = (await page(feed, '<daylight-trend metric="incidents"></daylight-trend>')).querySelector('daylight-trend') as Exporting;
    const rows = parseCsv(await (await download(el, 'csv')).blob.text());
    expect(rows[0]).to.deep.equal(['Period', 'Value', 'Note']);
    const published = feed.metrics[0]!.cells.filter((c) => c.area === '*' && !c.suppressed).map((c) => [c.period, String(c.value)]);
    for (const [period, value] of published) expect(rows.find((r) => r[0] === period)?.[1]).to.equal(value);
    const doc = new DOMParser().parseFromString(await (await download(el, 'svg')).blob.text(), 'image/svg+xml');
    const chart = el.exportChart()!;
    expect(doc.querySelectorAll('circle').length + doc.querySelectorAll('rect[data-hidden]').length).to.equal(chart.rows.length);
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    for (const row of chart.rows) expect(words).to.contain(`${row.label}: ${row.text}`);
  });

  it('a KPI exports its headline value and sentence, in Spanish when it speaks Spanish', async () => {
    const feed = await fixtureFeed();
    const el = (await page(feed, '<daylight-kpi metric="response_time"></daylight-kpi>', 'es')).querySelector('daylight-kpi') as unknown as Exporting;
    const texts = svgTexts(await (await download(el, 'svg')).blob.text());
    expect(texts).to.include('8,4 min');
    expect(texts.join(' ')).to.contain('Fuente: ');
    expect(texts.join(' ')).to.contain('Datos al ');
    expect(parseCsv(await (await download(el, 'csv')).blob.text())).to.deep.equal([['Periodo', 'Valor', 'Nota'], ['2026-10', '8.4', '']]);
  });

  it('PNG: a 2× canvas painting of the same chart, made without any image load (strict CSP)', async () => {
    const feed = await fixtureFeed('services.json');
    const el = (await page(feed, '<daylight-funnel metric="past_victims_outreach"></daylight-funnel>')).querySelector('daylight-funnel') as Exporting;
    const png = await download(el, 'png');
    expect(png.name).to.match(/\.png$/);
    expect(png.blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png.blob);
    expect(bitmap.width).to.equal(1440);
    // Not blank: the bar colour is painted somewhere.
    const canvas = exportCanvas(el.exportChart()!);
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0x1f && data[i + 1] === 0x5f && data[i + 2] === 0xbf) blue++;
    expect(blue).to.be.greaterThan(100);
  });

  it('says so, instead of failing silently, when the browser cannot make the PNG', async () => {
    const messages: string[] = [];
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = (() => null) as typeof getContext;
    try {
      await runExport({ fileBase: 'x', csvRows: () => [], chart: () => ({ kind: 'bars', title: 't', subtitle: '', rows: [], source: '', asOf: '' }), onError: (m) => messages.push(m) }, 'png', messagesFor('en'));
    } finally {
      HTMLCanvasElement.prototype.getContext = getContext;
    }
    expect(messages).to.deep.equal([messagesFor('en').exportFailed]);
  });

  it('never exports a number the page withholds (leaky feed: CSV, SVG and the PNG\'s drawing model)', async () => {
    const feed = await fixtureFeed();
    const incidents = feed.metrics[0]!;
    Object.assign(incidents.cells[0]!, { n: 7, value: 7 }); // a small count, published by mistake
    Object.assign(incidents.cells[2]!, { n: 9 }); // suppressed, but states its size
    feed.metrics[2]!.cells[1] = { period: '2026-09', n: 8, numerator: 3, value: 0.375 };
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await page(feed, `<daylight-kpi metric="incidents" period="2026-07"></daylight-kpi>
        <daylight-kpi metric="incidents" period="2026-09"></daylight-kpi>
        <daylight-kpi metric="coresponse_share" period="2026-09"></daylight-kpi>
        <daylight-trend metric="incidents"></daylight-trend>
        <daylight-trend metric="coresponse_share"></daylight-trend>`);
      const said: string[] = [];
      for (const widget of el.children as HTMLCollectionOf<Exporting>) {
        said.push((await (await download(widget, 'csv')).blob.text()));
        said.push(svgTexts(await (await download(widget, 'svg')).blob.text()).join(' | '));
        const chart = widget.exportChart()!;
        said.push(JSON.stringify(chart.rows.map((r) => [r.label, r.text])));
        expect(chart.rows.filter((r) => r.value === 7 || r.value === 9 || r.value === 0.375), widget.localName).to.deep.equal([]);
      }
      const text = said.join('\n');
      for (const number of ['7', '9', '37.5%', '38%', '0.375']) expect(mentionsNumber(text, number), `"${number}" exported`).to.equal(false);
      expect(text).to.contain('Hidden');
    } finally {
      console.warn = warn;
    }
  });

  it('a map exports its drawn areas: every path, hidden areas hatched on white with no class colour, legend and source', async () => {
    const feed = await fixtureFeed('phl-districts.json');
    const host = await fixture<HTMLDivElement>(html`<div style="width: 900px"></div>`);
    const el = document.createElement('daylight-map') as Exporting & { mapReady: Promise<void>; rows: ReadonlyArray<{ key: string; text: { state: string }; onMap: boolean }> };
    el.setAttribute('metric', 'incidents');
    el.setAttribute('areas', '/test/fixtures/real/phl_police_districts.geojson');
    (el as unknown as { feed: Feed }).feed = feed;
    host.append(el);
    await el.mapReady;
    const drawn = shadow(el).querySelectorAll('.leaflet-overlay-pane path[data-area]').length;
    const doc = new DOMParser().parseFromString(await (await download(el, 'svg')).blob.text(), 'image/svg+xml');
    const areaPaths = doc.querySelectorAll('g path:not([fill^="url"])');
    expect(areaPaths.length).to.equal(drawn);
    const hidden = el.rows.filter((r) => r.onMap && (r.text.state === 'suppressed' || r.text.state === 'withheld')).length;
    expect(hidden).to.be.greaterThan(0);
    expect(doc.querySelectorAll('g path[data-hidden="true"]').length).to.equal(hidden);
    for (const path of doc.querySelectorAll('g path[data-hidden="true"]')) expect(path.getAttribute('fill')).to.equal('#ffffff');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent!);
    expect(texts[0]).to.equal(shadow(el).querySelector('[part=title]')!.textContent!.trim());
    const legend = [...shadow(el).querySelectorAll('[part=legend] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    for (const entry of legend) expect(texts).to.include(entry);
    expect(texts.some((t) => t.startsWith('Source: '))).to.equal(true);
    const png = await download(el, 'png');
    expect(png.blob.type).to.equal('image/png');
    expect((await createImageBitmap(png.blob)).width).to.equal(1440);
    // The CSV is the table: one row per area, hidden areas as words.
    const rows = parseCsv(await (await download(el, 'csv')).blob.text());
    expect(rows.length - 1).to.equal(el.rows.length);
    expect(rows.filter((r) => r[1] === 'Hidden').length).to.be.at.least(hidden);
  });

  // The breakdown's menu is a template; the trend's is built with DOM calls (dom.ts).
  for (const [file, widget] of [['services.json', '<daylight-breakdown metric="referrals" by="service"></daylight-breakdown>'], ['small-city.json', '<daylight-trend metric="incidents"></daylight-trend>']] as const) {
  it(`the Download menu works by keyboard: Enter opens, Tab reaches the formats, Escape closes and returns focus (${widget.split(' ')[0]!.slice(1)})`, async () => {
    const feed = await fixtureFeed(file);
    const el = (await page(feed, widget)).firstElementChild!;
    const summary = shadow(el).querySelector<HTMLElement>('details.export > summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    const menu = summary.parentElement as HTMLDetailsElement;
    expect(menu.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent).to.equal('Data (CSV)');
    await sendKeys({ press: 'Escape' });
    expect(menu.open).to.equal(false);
    expect(shadow(el).activeElement).to.equal(summary);
    // Tabbing out of an open menu closes it.
    await sendKeys({ press: 'Enter' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(menu.open).to.equal(false);
  });
  }

  it('builds the SVG with DOM calls that survive a round trip through XML', () => {
    const text = exportSvgText({ kind: 'bars', title: 'A & B <c>', subtitle: 's', rows: [{ label: '=1+1', text: 'Hidden' }], source: 'Source: x', asOf: 'Data as of y' });
    expect(svgTexts(text)).to.include('A & B <c>');
    expect(svgTexts(text)).to.include('=1+1');
  });

  it('draws a map it cannot read (no viewBox) as its rows, as bars, and keeps hidden areas as words', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M0 0L10 0L10 10Z');
    path.setAttribute('data-area', '1');
    svg.append(path);
    const chart = {
      kind: 'map' as const, title: 'Incidents by district', subtitle: '', source: 'Source: x', asOf: 'Data as of y',
      rows: [{ label: 'District 1', text: '120', value: 120 }, { label: 'District 2', text: 'Hidden' }],
      mapSource: { svg, legend: [] },
    };
    const unreadable = new DOMParser().parseFromString(exportSvgText(chart), 'image/svg+xml');
    expect([...unreadable.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['District 1', '120', 'District 2', 'Hidden']);
    expect(unreadable.querySelectorAll('path[d="M0 0L10 0L10 10Z"]').length, 'no area drawn').to.equal(0);
    // The same map with a viewBox is drawn as its areas.
    svg.setAttribute('viewBox', '0 0 10 10');
    const drawn = new DOMParser().parseFromString(exportSvgText(chart), 'image/svg+xml');
    expect(drawn.querySelectorAll('path[d="M0 0L10 0L10 10Z"]').length).to.equal(1);
  });
});
