/**
 * Leaflet's canvas renderer and the hatch fills it paints with, in their own chunk: a map draws on
 * a canvas only with over 1,500 areas (or `renderer="canvas"`), so the usual map of a city's
 * districts never downloads it.
 */
import type * as L from 'leaflet';
import { Canvas } from 'leaflet/src/layer/vector/Canvas.js';
import type { LayerColours, Patterns } from './leaflet-layer.js';
// The map's chunk holds the Leaflet this one shares with it. Importing it makes every bundler keep
// that part there (esbuild, say, would otherwise give it a chunk of its own, or two).
import './leaflet-layer.js';

export function canvasRenderer(options: L.RendererOptions): L.Renderer {
  return new Canvas(options);
}

/** Hatch fills as CanvasPatterns for Leaflet's canvas renderer. */
export function canvasPatterns(initial: LayerColours): Patterns {
  let colours = initial;
  const cache = new Map<string, CanvasPattern | string>();
  const make = (background: string | undefined): CanvasPattern | string => {
    const id = background ?? '';
    const cached = cache.get(id);
    if (cached) return cached;
    const tile = document.createElement('canvas');
    tile.width = tile.height = 8;
    const ctx = tile.getContext('2d');
    if (!ctx) return background ?? colours.missing;
    ctx.fillStyle = background ?? colours.missing;
    ctx.fillRect(0, 0, 8, 8);
    ctx.strokeStyle = background ? colours.outline : colours.hatch;
    ctx.lineWidth = background ? 1.5 : 2;
    ctx.beginPath();
    // Two strokes so the diagonal tiles seamlessly.
    ctx.moveTo(-2, 10); ctx.lineTo(10, -2);
    ctx.moveTo(-2, 2); ctx.lineTo(2, -2);
    ctx.moveTo(6, 10); ctx.lineTo(10, 6);
    ctx.stroke();
    const pattern = ctx.createPattern(tile, 'repeat') ?? (background ?? colours.missing);
    cache.set(id, pattern);
    return pattern;
  };
  return {
    suppressed: () => make(undefined),
    unstable: (colour) => make(colour),
    update(next) {
      colours = next;
      cache.clear();
    },
  };
}
