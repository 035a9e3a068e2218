/**
 * Everything that touches Leaflet, in one module that `<daylight-map>` imports dynamically: pages
 * without a map never download Leaflet or its CSS.
 *
 * The layer only draws and reports pointer events. Words, numbers, tooltips, focus order and
 * selection live in the element, which renders them with Lit, so no feed text ever goes through
 * Leaflet's HTML-string APIs (tooltips, popups and attribution use innerHTML).
 */
import type * as L from 'leaflet';
// Leaflet's modules one by one rather than its bundle, which cannot be tree-shaken (every class
// registers itself on `L`): the chunk keeps what a choropleth uses. Handlers and getRenderer add
// themselves to Map when imported, so these imports are needed for their side effects too; a
// handler left out here is simply absent (Keyboard: the element moves between areas itself;
// BoxZoom: off).
import { Map as LeafletMap } from 'leaflet/src/map/Map.js';
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.TouchZoom.js';
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import { FeatureGroup } from 'leaflet/src/layer/FeatureGroup.js';
import { Polygon } from 'leaflet/src/layer/vector/Polygon.js';
import { SVG } from 'leaflet/src/layer/vector/SVG.js';
import { LatLng } from 'leaflet/src/geo/LatLng.js';
import leafletCssText from 'leaflet/dist/leaflet.css?inline';
import type { PolygonRings } from '../../core/geo.js';

/** How one area is painted. */
export interface AreaPaint {
  /** A CSS colour for published values; ignored when `pattern` is `suppressed`. */
  fill: string;
  /** `suppressed`: grey hatch, no colour (no number to show). `unstable`: the class colour, hatched (rule 9). `missing`: no data. */
  pattern?: 'suppressed' | 'unstable' | 'missing';
}

export interface LayerArea {
  key: string;
  polygons: readonly PolygonRings[];
  labelPoint: readonly [number, number];
}

export interface LayerColours {
  /** Lines between areas. */
  outline: string;
  /** Hatch lines and the outline of hidden areas. */
  hatch: string;
  /** Fill of areas with no data. */
  missing: string;
  /** The keyboard-focus / hover outline. */
  focus: string;
  /** The selected area's outline. */
  selected: string;
}

export interface MapLayerOptions {
  /** A tile layer under the areas; none by default, so the map makes no third-party request. */
  tiles?: {
    /** A tile URL template. */
    url: string;
    /** Attribution for the tiles, shown as text (never parsed as HTML). */
    attribution?: string;
    /** The tile chunk, loaded before the map is created. */
    module: TilesModule;
  };
  /** No zoom or fade animation (prefers-reduced-motion). */
  reducedMotion: boolean;
  /** Touch-first device: one finger scrolls the page, two fingers move and zoom the map. */
  touch: boolean;
  /** Draw on a canvas instead of SVG (the canvas chunk): much faster past a few thousand polygons, no DOM per area. */
  canvas?: CanvasModule;
  colours: LayerColours;
  /** A unique prefix for SVG pattern ids (several maps may share a page). */
  idPrefix: string;
  onHover: (key: string | undefined, point?: { x: number; y: number }) => void;
  onClick: (key: string) => void;
}

/** The handle the element drives the map through. */
export interface MapLayer {
  /** Replaces every area and fits the view to them. */
  setAreas(areas: readonly LayerArea[], paint: ReadonlyMap<string, AreaPaint>): void;
  /** Repaints without rebuilding geometry (new period, new classes, theme change). */
  setPaint(paint: ReadonlyMap<string, AreaPaint>, colours?: LayerColours): void;
  /** Outlines the focused (or hovered) area and keeps it in view; undefined clears. */
  focus(key: string | undefined, scrollIntoView: boolean): void;
  /** Outlines the selected area; undefined clears. */
  select(key: string | undefined): void;
  /** The area's label point in container pixels (for tooltips). */
  pointOf(key: string): { x: number; y: number } | undefined;
  zoomBy(steps: number): void;
  /** The current zoom level (after any animation). */
  readonly zoom: number;
  /** Lets the scroll wheel zoom (after a click or focus), or not (so the page scrolls past the map). */
  setWheelZoom(enabled: boolean): void;
  /** Call after the container changed size: refits unless the reader has zoomed or moved the map. */
  resize(): void;
  readonly renderer: 'svg' | 'canvas';
  destroy(): void;
}

let sheet: CSSStyleSheet | undefined;

/** Leaflet's CSS as a constructable stylesheet, for a shadow root's `adoptedStyleSheets` (CSP-safe; nothing leaks to the page). */
export function leafletStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(leafletCssText);
  }
  return sheet;
}

/** Leaflet's CSS text, for browsers without constructable stylesheets. */
export const leafletCss = leafletCssText;

/**
 * The canvas renderer, in its own chunk: only maps of over 1,500 areas draw on one.
 * The element imports it beside this module, not through it, so both download at once.
 */
export type CanvasModule = typeof import('./leaflet-canvas.js');

/**
 * The tile layer and its attribution control, in their own chunk: most maps have no tiles. It
 * must be loaded before `createMapLayer`: Control.js mixes the control corners into Map, which a
 * map only lays out when it is created.
 */
export type TilesModule = typeof import('./leaflet-tiles.js');

const SVG_NS = 'http://www.w3.org/2000/svg';
const NO_CLIP_MAX_VERTICES = 50_000;

// Every path this module draws names its renderer, so Map needs no default one. Leaflet's own
// getRenderer (Renderer.getRenderer.js) creates one on demand and so imports the canvas renderer
// too, which would put it in every map's chunk.
LeafletMap.include({
  getRenderer(this: LeafletMap, path: L.Path) {
    const renderer = path.options.renderer!;
    if (!this.hasLayer(renderer)) this.addLayer(renderer);
    return renderer;
  },
});

export function createMapLayer(container: HTMLElement, options: MapLayerOptions): MapLayer {
  let colours = options.colours;
  const animate = !options.reducedMotion;
  const map = new LeafletMap(container, {
    // Controls are the element's own buttons (localised, outside Leaflet's DOM); the tile chunk
    // adds the attribution itself (once loaded, Control.Attribution would add one to every map).
    zoomControl: false,
    attributionControl: false,
    // The element handles keys: arrows move between areas rather than pan.
    keyboard: false,
    // Click-to-activate: the wheel scrolls the page until the reader clicks or focuses the map.
    scrollWheelZoom: false,
    // On touch screens one finger must scroll the page, not get trapped in the map.
    dragging: !options.touch,
    touchZoom: true,
    doubleClickZoom: true,
    boxZoom: false,
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
    inertia: animate,
    // Fractional zoom so the city fills the box at any size; buttons still step by one.
    zoomSnap: 0,
    zoomDelta: 1,
  });
  if (options.touch) {
    // One finger pans the page; Leaflet's pinch handler also moves the map with two fingers.
    container.style.touchAction = 'pan-x pan-y';
  }
  if (options.tiles) options.tiles.module.addTiles(map, options.tiles.url, options.tiles.attribution ?? '');

  const renderer: L.Renderer = options.canvas ? options.canvas.canvasRenderer({ padding: 0.2 }) : new SVG({ padding: 0.2 });
  map.addLayer(renderer);

  const patterns = options.canvas ? options.canvas.canvasPatterns(colours) : svgPatterns(container, options.idPrefix, colours);
  const group = new FeatureGroup();
  map.addLayer(group);
  let shapes = new Map<string, L.Polygon>();
  let labels = new Map<string, L.LatLng>();
  let bounds: L.LatLngBounds | undefined;
  let paintByKey: ReadonlyMap<string, AreaPaint> = new Map();
  // Leaflet clips every ring to the view on each draw, four passes over every vertex. An SVG map
  // of a city's districts or neighbourhoods is wholly in view when it is fitted and has few enough
  // vertices to draw whole at any zoom, so it skips that: the 22 districts' first draw (8,500
  // vertices) went from 21-23 to 17-19 ms (three interleaved runs of 21). Canvas maps and large
  // SVG ones keep clipping, which spares drawing the areas a zoomed-in view leaves out.
  let noClip = false;
  let focusOutline: L.Polygon | undefined;
  let selectedOutline: L.Polygon | undefined;
  let moved = false;
  let fitting = false;
  let fittedSize: L.Point | undefined;

  map.on('movestart zoomstart', () => { if (!fitting) moved = true; });
  // Pointer events reach the group from every area (Leaflet propagates layer events to a
  // FeatureGroup): one set of handlers instead of four per area, which matters at 20,000.
  const keyOf = new WeakMap<L.Layer, string>();
  const hover = (event: L.LeafletMouseEvent) => {
    const key = keyOf.get(event.propagatedFrom as L.Layer);
    if (key !== undefined) options.onHover(key, { x: event.containerPoint.x, y: event.containerPoint.y });
  };
  group.on('mouseover', hover as L.LeafletEventHandlerFn);
  group.on('mousemove', hover as L.LeafletEventHandlerFn);
  group.on('mouseout', () => options.onHover(undefined));
  group.on('click', (event) => {
    const key = keyOf.get((event as L.LeafletMouseEvent).propagatedFrom as L.Layer);
    if (key !== undefined) options.onClick(key);
  });

  function style(key: string): L.PolylineOptions {
    const paint = paintByKey.get(key) ?? { fill: colours.missing, pattern: 'missing' as const };
    const fillColor = paint.pattern === 'suppressed' ? patterns.suppressed()
      : paint.pattern === 'unstable' ? patterns.unstable(paint.fill)
        : paint.pattern === 'missing' ? colours.missing : paint.fill;
    return {
      renderer,
      color: paint.pattern === 'suppressed' || paint.pattern === 'missing' ? colours.hatch : colours.outline,
      weight: paint.pattern === 'missing' ? 1 : 0.8,
      dashArray: paint.pattern === 'missing' ? '3 3' : undefined,
      opacity: 1,
      fill: true,
      // Leaflet passes fillColor straight to SVG's fill attribute or canvas fillStyle, so a
      // pattern URL or a CanvasPattern object works where a colour string is typed.
      fillColor: fillColor as string,
      fillOpacity: 1,
      interactive: true,
      bubblingMouseEvents: false,
      noClip,
    };
  }

  function outline(key: string | undefined, current: L.Polygon | undefined, colour: string, weight: number): L.Polygon | undefined {
    current?.remove();
    const shape = key === undefined ? undefined : shapes.get(key);
    if (!shape) return undefined;
    const drawn = new Polygon(shape.getLatLngs() as L.LatLng[][], { renderer, color: colour, weight, fill: false, interactive: false });
    map.addLayer(drawn);
    return drawn;
  }

  function fit(): void {
    if (!bounds?.isValid()) return;
    const size = map.getSize();
    if (size.x === 0 || size.y === 0) return;
    fitting = true;
    map.fitBounds(bounds, { padding: [6, 6], animate: false });
    // Readers may zoom out a little past the city and in to street level, no further.
    map.setMinZoom(Math.max(0, map.getZoom() - 1));
    map.setMaxZoom(map.getZoom() + 7);
    fitting = false;
    moved = false;
    fittedSize = size;
  }

  const layer: MapLayer = {
    renderer: options.canvas ? 'canvas' : 'svg',
    get zoom() {
      return map.getZoom();
    },
    setAreas(areas, paint) {
      let vertices = 0;
      for (const area of areas) for (const rings of area.polygons) for (const ring of rings) vertices += ring.length;
      noClip = !options.canvas && vertices <= NO_CLIP_MAX_VERTICES;
      paintByKey = paint;
      group.clearLayers();
      focusOutline?.remove();
      selectedOutline?.remove();
      focusOutline = selectedOutline = undefined;
      shapes = new Map();
      labels = new Map();
      const all: L.Polygon[] = [];
      for (const area of areas) {
        // GeoJSON is [lon, lat]; Leaflet wants [lat, lon]. One L.Polygon per area (a
        // MultiPolygon is an array of polygons), built directly rather than through L.geoJSON,
        // which would re-validate and re-copy what the element has already checked.
        // Indexed rather than destructured: thousands of vertices, converted before the JIT warms up.
        const latlngs = area.polygons.map((rings) => rings.map((ring) => ring.map((position) => new LatLng(position[1], position[0]))));
        const shape = new Polygon(latlngs.length === 1 ? latlngs[0]! : latlngs, style(area.key));
        const key = area.key;
        keyOf.set(shape, key);
        // SVG paths carry their key (never a value), so tests and page scripts can find an area.
        if (!options.canvas) shape.on('add', () => shape.getElement()?.setAttribute('data-area', key));
        shapes.set(key, shape);
        labels.set(key, new LatLng(area.labelPoint[1], area.labelPoint[0]));
        all.push(shape);
      }
      for (const shape of all) group.addLayer(shape);
      bounds = all.length ? group.getBounds() : undefined;
      if (!moved) fit();
    },
    setPaint(paint, nextColours) {
      paintByKey = paint;
      if (nextColours) {
        colours = nextColours;
        patterns.update(nextColours);
      }
      for (const [key, shape] of shapes) shape.setStyle(style(key));
    },
    focus(key, scrollIntoView) {
      focusOutline = outline(key, focusOutline, colours.focus, 3);
      const label = key === undefined ? undefined : labels.get(key);
      if (label && scrollIntoView && !map.getBounds().contains(label)) map.panTo(label, { animate });
    },
    select(key) {
      selectedOutline = outline(key, selectedOutline, colours.selected, 2.5);
      selectedOutline?.setStyle({ dashArray: '6 3' });
    },
    pointOf(key) {
      const label = labels.get(key);
      if (!label) return undefined;
      const point = map.latLngToContainerPoint(label);
      return { x: point.x, y: point.y };
    },
    zoomBy(steps) {
      moved = true;
      map.setZoom(map.getZoom() + steps, { animate });
    },
    setWheelZoom(enabled) {
      if (enabled) map.scrollWheelZoom.enable();
      else map.scrollWheelZoom.disable();
    },
    resize() {
      map.invalidateSize({ animate: false, pan: false });
      // The box's first ResizeObserver report usually arrives after the map was fitted to that
      // very size: refitting would project every vertex again (a second full draw).
      if (!moved && !(fittedSize && map.getSize().equals(fittedSize))) fit();
    },
    destroy() {
      // Leaflet ends a zoom animation from a 250 ms timer that map.remove() does not clear; the
      // timer then reads the removed panes and throws. Marking the animation done makes it a no-op.
      (map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
      map.remove();
    },
  };
  return layer;
}

export interface Patterns {
  suppressed(): unknown;
  unstable(colour: string): unknown;
  update(colours: LayerColours): void;
}

/**
 * Hatch fills as SVG <pattern>s in a zero-size SVG inside the map container: `url(#id)` resolves
 * within the element's shadow tree, so ids only need to be unique per element.
 */
function svgPatterns(container: HTMLElement, prefix: string, initial: LayerColours): Patterns {
  const holder = document.createElementNS(SVG_NS, 'svg');
  holder.setAttribute('width', '0');
  holder.setAttribute('height', '0');
  holder.setAttribute('aria-hidden', 'true');
  holder.setAttribute('class', 'daylight-patterns');
  const defs = document.createElementNS(SVG_NS, 'defs');
  holder.append(defs);
  container.append(holder);
  let colours = initial;
  const made = new Map<string, SVGPatternElement>();
  const make = (id: string, background: string | undefined) => {
    let pattern = made.get(id);
    if (!pattern) {
      pattern = document.createElementNS(SVG_NS, 'pattern');
      pattern.setAttribute('id', id);
      pattern.setAttribute('patternUnits', 'userSpaceOnUse');
      pattern.setAttribute('width', '8');
      pattern.setAttribute('height', '8');
      pattern.setAttribute('patternTransform', 'rotate(45)');
      const rect = document.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('width', '8');
      rect.setAttribute('height', '8');
      const line = document.createElementNS(SVG_NS, 'line');
      line.setAttribute('x1', '0');
      line.setAttribute('y1', '0');
      line.setAttribute('x2', '0');
      line.setAttribute('y2', '8');
      line.setAttribute('stroke-width', background ? '2' : '3');
      pattern.append(rect, line);
      defs.append(pattern);
      made.set(id, pattern);
    }
    pattern.firstElementChild!.setAttribute('fill', background ?? colours.missing);
    pattern.lastElementChild!.setAttribute('stroke', background ? colours.outline : colours.hatch);
    return `url(#${id})`;
  };
  return {
    suppressed: () => make(`${prefix}-hatch`, undefined),
    unstable: (colour) => make(`${prefix}-unstable-${colour.replace(/[^\w]/g, '')}`, colour),
    update(next) {
      colours = next;
      for (const [id, pattern] of made) {
        const background = id.endsWith('-hatch') ? undefined : pattern.firstElementChild!.getAttribute('fill') ?? undefined;
        make(id, background);
      }
    },
  };
}
