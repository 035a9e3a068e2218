/**
 * The image half of export (see export.ts): SVG and PNG drawn from one list of shapes. Loaded on
 * the first image download only, since most readers never press it and every chart element
 * would otherwise carry it (about 9 KB minified).
 *
 * The PNG is painted with canvas 2D from those shapes instead of rasterising the SVG through an
 * <img>: a strict CSP (`default-src 'self'`, no `img-src blob:`) refuses a blob: or data: image,
 * while canvas drawing needs no permission at all.
 */
import type { ExportChart, ExportMapSource } from './export.js';

/** A map's areas as drawn on screen, in the map's own pixel coordinates. */
interface ExportMap {
  viewBox: [number, number, number, number];
  /** `hatch`: drawn hatched over `fill` (white for a hidden area, its class colour for an unstable one). */
  areas: Array<{ d: string; fill: string; hatch: boolean }>;
  legend: Array<{ label: string; fill: string; hatch: boolean }>;
}

/**
 * The map element's drawing as data: each area's path and fill, hidden areas hatched on white
 * whatever their pattern's screen colour, and the legend. Undefined when the SVG has no usable
 * viewBox (then the image lists the areas as bars).
 */
export function readMap(source: ExportMapSource): ExportMap | undefined {
  const root = source.svg;
  const viewBox = root.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (viewBox?.length !== 4 || viewBox.some((n) => !Number.isFinite(n))) return undefined;
  const paint = (fill: string | null): { fill: string; hatch: boolean } => {
    const id = /^url\(["']?#([^"')]+)["']?\)$/.exec(fill ?? '')?.[1];
    if (!id) return { fill: fill || '#ffffff', hatch: false };
    // A hidden area's pattern is named "…-hatch" and carries no class colour; an unstable one keeps its class colour.
    if (id.endsWith('-hatch')) return { fill: '#ffffff', hatch: true };
    return { fill: root.querySelector(`pattern[id="${CSS.escape(id)}"] rect`)?.getAttribute('fill') ?? '#ffffff', hatch: true };
  };
  const areas = [...root.querySelectorAll('path[data-area]')]
    .filter((path) => path.getAttribute('d'))
    .map((path) => ({ d: path.getAttribute('d')!, ...paint(path.getAttribute('fill')) }));
  const legend = source.legend.map((item) => {
    // The swatch's own square (a pattern's tile rect comes first in document order, so not querySelector('rect')).
    const rect = item.querySelector('svg > rect');
    const fill = rect?.getAttribute('fill') ?? '';
    const hatched = fill.startsWith('url(') || !fill;
    return { label: item.textContent!.replace(/\s+/g, ' ').trim(), fill: hatched ? '#ffffff' : fill, hatch: hatched && !item.querySelector('.missing-swatch') };
  });
  return { viewBox: viewBox as [number, number, number, number], areas, legend };
}

// --- Layout: one list of shapes for both SVG and canvas -----------------------------------------

type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; hatch?: boolean }
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight?: number; fill: string; anchor?: 'start' | 'end' | 'middle' }
  | { kind: 'path'; d: string; stroke: string; width: number; dash?: boolean }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke: string }
  | { kind: 'areas'; x: number; y: number; scale: number; map: ExportMap };

/** Print-safe colours: dark ink on white, so the image reads in black and white too. */
const INK = '#1b1f24';
const MUTED = '#4a5360';
const BAR = '#1f5fbf';
const RULE = '#c4cad3';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const WIDTH = 720;
const PAD = 24;

/** Splits text into lines of at most `chars` characters at spaces (images have no reflow). */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function layout(chart: ExportChart): { shapes: Shape[]; width: number; height: number } {
  const shapes: Shape[] = [];
  let y = PAD;
  const text = (t: string, size: number, fill = INK, weight = 400, x = PAD, anchor: 'start' | 'end' | 'middle' = 'start') =>
    shapes.push({ kind: 'text', x, y, text: t, size, weight, fill, anchor });
  for (const line of wrap(chart.title, 58)) { y += 22; text(line, 18, INK, 700); }
  if (chart.subtitle) { y += 20; text(chart.subtitle, 13, MUTED); }
  y += 16;
  const published = chart.rows.map((r) => r.value).filter((v): v is number => v !== undefined);
  const max = Math.max(0, ...published);
  const map = chart.kind === 'map' && chart.mapSource ? readMap(chart.mapSource) : undefined;
  const kind = chart.kind === 'map' && !map ? 'bars' : chart.kind;

  if (kind === 'bars') {
    const labelWidth = 220;
    const valueWidth = 110;
    const track = WIDTH - PAD * 2 - labelWidth - valueWidth;
    for (const row of chart.rows) {
      const top = y;
      shapes.push({ kind: 'text', x: PAD, y: top + 14, text: row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label, size: 13, fill: INK });
      const x = PAD + labelWidth;
      if (row.value !== undefined) {
        shapes.push({ kind: 'rect', x, y: top + 3, w: Math.max(1, max > 0 ? (track * row.value) / max : 0), h: 14, fill: BAR });
      } else {
        // The same stub for every hidden value: its length says nothing.
        shapes.push({ kind: 'rect', x, y: top + 3, w: 40, h: 14, fill: '#ffffff', stroke: MUTED, hatch: true });
      }
      shapes.push({ kind: 'text', x: WIDTH - PAD, y: top + 14, text: row.text, size: 13, weight: row.value !== undefined ? 600 : 400, fill: row.value !== undefined ? INK : MUTED, anchor: 'end' });
      y += 24;
    }
  } else if (kind === 'line') {
    const height = 220;
    const left = PAD + 56;
    const right = WIDTH - PAD;
    const top = y + 8;
    const bottom = top + height;
    const n = Math.max(1, chart.rows.length - 1);
    const xAt = (i: number) => left + ((right - left) * i) / n;
    const yAt = (v: number) => bottom - (max > 0 ? ((bottom - top) * v) / max : 0);
    shapes.push({ kind: 'path', d: `M${left} ${bottom} H${right}`, stroke: RULE, width: 1 });
    shapes.push({ kind: 'path', d: `M${left} ${top} H${right}`, stroke: RULE, width: 1, dash: true });
    const maxRow = chart.rows.find((r) => r.value === max && max > 0);
    shapes.push({ kind: 'text', x: left - 6, y: top + 4, text: maxRow ? maxRow.text.replace(/\*$/, '') : '', size: 11, fill: MUTED, anchor: 'end' });
    shapes.push({ kind: 'text', x: left - 6, y: bottom + 4, text: '0', size: 11, fill: MUTED, anchor: 'end' });
    let d = '';
    chart.rows.forEach((row, i) => {
      if (row.value === undefined) { d += ' '; return; }
      d += `${d.endsWith(' ') || d === '' ? 'M' : 'L'}${xAt(i).toFixed(1)} ${yAt(row.value).toFixed(1)}`;
    });
    if (d.trim()) shapes.push({ kind: 'path', d: d.trim().replace(/\s+M/g, ' M'), stroke: BAR, width: 2.5 });
    chart.rows.forEach((row, i) => {
      if (row.value !== undefined) shapes.push({ kind: 'circle', x: xAt(i), y: yAt(row.value), r: 3, fill: BAR, stroke: '#ffffff' });
      else shapes.push({ kind: 'rect', x: xAt(i) - 5, y: bottom - 12, w: 10, h: 10, fill: '#ffffff', stroke: MUTED, hatch: true });
    });
    // About 7 px per character at 11 px: as many period labels as fit without touching.
    const longest = Math.max(1, ...chart.rows.map((r) => r.label.length)) * 7 + 16;
    const every = Math.max(1, Math.ceil(chart.rows.length / Math.max(1, Math.floor((right - left) / longest))));
    const last = chart.rows.length - 1;
    chart.rows.forEach((row, i) => {
      const labelled = i % every === 0 ? i : -1;
      const lastFits = i === last && last % every !== 0 && xAt(last) - xAt(last - (last % every)) >= longest * 1.5;
      if (labelled >= 0 || lastFits) shapes.push({ kind: 'text', x: xAt(i), y: bottom + 18, text: row.label, size: 11, fill: MUTED, anchor: i === last ? 'end' : i === 0 ? 'start' : 'middle' });
    });
    y = bottom + 34;
    // Every value in words too: a reader of the image gets the numbers, not only their shape.
    const pairs = chart.rows.map((r) => `${r.label}: ${r.text}`);
    for (const line of wrap(pairs.join(' · '), 96)) { y += 16; text(line, 11, INK); }
    y += 6;
  } else if (map) {
    const [, , vw, vh] = map.viewBox;
    const box = WIDTH - PAD * 2;
    const scale = Math.min(box / Math.max(1, vw), 420 / Math.max(1, vh));
    shapes.push({ kind: 'areas', x: PAD + (box - vw * scale) / 2, y, scale, map });
    y += vh * scale + 8;
    for (const entry of map.legend) {
      shapes.push({ kind: 'rect', x: PAD, y: y + 4, w: 14, h: 14, fill: entry.fill, stroke: MUTED, hatch: entry.hatch });
      shapes.push({ kind: 'text', x: PAD + 22, y: y + 16, text: entry.label, size: 12, fill: INK });
      y += 20;
    }
    for (const line of wrap(chart.sentence ?? '', 96)) { y += 17; text(line, 12, INK); }
    y += 6;
  } else {
    const row = chart.rows[0];
    if (row) { y += 40; text(row.text, 40, row.value !== undefined ? INK : MUTED, 700); }
    for (const line of wrap(chart.sentence ?? '', 80)) { y += 20; text(line, 14, INK); }
    y += 8;
  }

  y += 14;
  shapes.push({ kind: 'path', d: `M${PAD} ${y} H${WIDTH - PAD}`, stroke: RULE, width: 1 });
  for (const line of wrap(chart.source, 96)) { y += 17; text(line, 11, MUTED); }
  y += 16; text(chart.asOf, 11, MUTED);
  return { shapes, width: WIDTH, height: y + PAD };
}

// --- SVG ------------------------------------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart as a standalone SVG document (built with DOM calls: no markup strings are parsed). */
export function exportSvg(chart: ExportChart): SVGSVGElement {
  const { shapes, width, height } = layout(chart);
  const make = (name: string, attributes: Record<string, string | number>) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
  };
  const root = make('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'font-family': FONT }) as SVGSVGElement;
  const title = make('title', {});
  title.textContent = chart.title;
  const desc = make('desc', {});
  desc.textContent = [chart.subtitle, chart.sentence, chart.source, chart.asOf].filter(Boolean).join('. ');
  const defs = make('defs', {});
  const pattern = make('pattern', { id: 'daylight-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(make('rect', { width: 6, height: 6, fill: '#ffffff' }), make('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: MUTED, 'stroke-width': 2 }));
  // The same lines without a background, laid over an unstable area's class colour.
  const over = make('pattern', { id: 'daylight-hatch-over', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  over.append(make('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: MUTED, 'stroke-width': 2 }));
  defs.append(pattern, over);
  root.append(title, desc, defs, make('rect', { width, height, fill: '#ffffff' }));
  for (const shape of shapes) {
    switch (shape.kind) {
      case 'rect':
        root.append(make('rect', {
          x: shape.x, y: shape.y, width: shape.w, height: shape.h, fill: shape.hatch ? 'url(#daylight-hatch)' : shape.fill,
          ...(shape.stroke ? { stroke: shape.stroke } : {}), ...(shape.hatch ? { 'data-hidden': 'true' } : {}),
        }));
        break;
      case 'text': {
        const node = make('text', { x: shape.x, y: shape.y, 'font-size': shape.size, 'font-weight': shape.weight ?? 400, fill: shape.fill, 'text-anchor': shape.anchor ?? 'start' });
        node.textContent = shape.text;
        root.append(node);
        break;
      }
      case 'path':
        root.append(make('path', { d: shape.d, fill: 'none', stroke: shape.stroke, 'stroke-width': shape.width, ...(shape.dash ? { 'stroke-dasharray': '3 3' } : {}) }));
        break;
      case 'circle':
        root.append(make('circle', { cx: shape.x, cy: shape.y, r: shape.r, fill: shape.fill, stroke: shape.stroke }));
        break;
      case 'areas': {
        const [vx, vy] = shape.map.viewBox;
        const group = make('g', { transform: `translate(${shape.x} ${shape.y}) scale(${shape.scale}) translate(${-vx} ${-vy})`, 'fill-rule': 'evenodd' });
        for (const area of shape.map.areas) {
          const attributes = { d: area.d, stroke: MUTED, 'stroke-width': 0.8, 'vector-effect': 'non-scaling-stroke' };
          group.append(make('path', { ...attributes, fill: area.fill, ...(area.hatch ? { 'data-hidden': String(area.fill === '#ffffff') } : {}) }));
          if (area.hatch) group.append(make('path', { ...attributes, fill: 'url(#daylight-hatch-over)' }));
        }
        root.append(group);
        break;
      }
    }
  }
  return root;
}

export function exportSvgText(chart: ExportChart): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(exportSvg(chart))}\n`;
}

// --- PNG ------------------------------------------------------------------------------------------

/** The chart painted on a canvas at `scale` device pixels per CSS pixel. */
export function exportCanvas(chart: ExportChart, scale = 2): HTMLCanvasElement {
  const { shapes, width, height } = layout(chart);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2D is not available');
  g.scale(scale, scale);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  const hatch = hatchPattern(g, true);
  const hatchOver = hatchPattern(g, false);
  for (const shape of shapes) {
    switch (shape.kind) {
      case 'rect':
        g.fillStyle = shape.hatch && hatch ? hatch : shape.fill;
        g.fillRect(shape.x, shape.y, shape.w, shape.h);
        if (shape.stroke) { g.strokeStyle = shape.stroke; g.lineWidth = 1; g.strokeRect(shape.x + 0.5, shape.y + 0.5, shape.w - 1, shape.h - 1); }
        break;
      case 'text':
        g.fillStyle = shape.fill;
        g.font = `${shape.weight ?? 400} ${shape.size}px ${FONT}`;
        g.textAlign = shape.anchor === 'end' ? 'right' : shape.anchor === 'middle' ? 'center' : 'left';
        g.textBaseline = 'alphabetic';
        g.fillText(shape.text, shape.x, shape.y);
        break;
      case 'path':
        g.strokeStyle = shape.stroke;
        g.lineWidth = shape.width;
        g.lineJoin = 'round';
        g.setLineDash(shape.dash ? [3, 3] : []);
        g.stroke(new Path2D(shape.d));
        g.setLineDash([]);
        break;
      case 'circle':
        g.beginPath();
        g.arc(shape.x, shape.y, shape.r, 0, Math.PI * 2);
        g.fillStyle = shape.fill;
        g.fill();
        g.strokeStyle = shape.stroke;
        g.lineWidth = 1;
        g.stroke();
        break;
      case 'areas': {
        const [vx, vy] = shape.map.viewBox;
        g.save();
        g.translate(shape.x, shape.y);
        g.scale(shape.scale, shape.scale);
        g.translate(-vx, -vy);
        // Hatching at the image's own scale, not the map's.
        hatchOver?.setTransform(new DOMMatrix().translate(vx, vy).scale(1 / shape.scale));
        for (const area of shape.map.areas) {
          const path = new Path2D(area.d);
          g.fillStyle = area.fill;
          g.fill(path, 'evenodd');
          if (area.hatch && hatchOver) { g.fillStyle = hatchOver; g.fill(path, 'evenodd'); }
          g.strokeStyle = MUTED;
          g.lineWidth = 0.8 / shape.scale;
          g.stroke(path);
        }
        g.restore();
        break;
      }
    }
  }
  return canvas;
}

function hatchPattern(g: CanvasRenderingContext2D, background: boolean): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return null;
  if (background) {
    t.fillStyle = '#ffffff';
    t.fillRect(0, 0, 6, 6);
  }
  t.strokeStyle = MUTED;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 6); t.lineTo(6, 0); t.moveTo(-1, 1); t.lineTo(1, -1); t.moveTo(5, 7); t.lineTo(7, 5);
  t.stroke();
  return g.createPattern(tile, 'repeat');
}

export function exportPngBlob(chart: ExportChart): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      exportCanvas(chart).toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob returned nothing'))), 'image/png');
    } catch (error) {
      reject(error);
    }
  });
}
