/**
 * Arrow-key moves between areas on the map: from one area's label point to the nearest one in the
 * direction pressed, as the reader sees it. Pure (no DOM, no Leaflet), so it could move to the core.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

/** A label point on the screen's axes: x grows eastward, y grows northward. */
export type ScreenPoint = readonly [x: number, y: number];

const UNIT: Record<Direction, ScreenPoint> = { right: [1, 0], left: [-1, 0], up: [0, 1], down: [0, -1] };

/**
 * Leaflet draws in Web Mercator, so a [lon, lat] label point is projected the same way: a move
 * "to the right" is then to the right on screen at any latitude (in raw degrees a northern city is
 * stretched east–west, and diagonals would tip).
 */
export function screenPoint([lon, lat]: readonly [number, number]): ScreenPoint {
  const clamped = Math.max(-85, Math.min(85, lat)) * (Math.PI / 180);
  return [lon * (Math.PI / 180), Math.log(Math.tan(Math.PI / 4 + clamped / 2))];
}

/**
 * The key of the area to move to from `from` in `direction`, or undefined when there is none
 * (the reader stays put at the edge of the map).
 *
 * Candidates lie within 45° of the direction (the four cones cover every other area, so each one
 * is in front of some key). Among them the nearest wins, with sideways distance counting double so
 * that the neighbour straight ahead beats a closer one off to the side; ties go to the earlier
 * key in `points`' order, so a move is repeatable.
 */
export function areaInDirection(points: ReadonlyMap<string, ScreenPoint>, from: string, direction: Direction): string | undefined {
  const origin = points.get(from);
  if (!origin) return undefined;
  const [dx, dy] = UNIT[direction];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [key, [x, y]] of points) {
    if (key === from) continue;
    const along = (x - origin[0]) * dx + (y - origin[1]) * dy;
    if (!(along > 0)) continue;
    const across = Math.abs((x - origin[0]) * dy - (y - origin[1]) * dx);
    // A hair of tolerance keeps exact 45° neighbours (grid diagonals) in, despite rounding.
    if (across > along * (1 + 1e-9)) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}
