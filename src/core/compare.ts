import type { Direction } from './i18n/index.js';
import type { Metric } from './types.js';

/** Words for a change, chosen by the metric's unit and polarity: counts go "more/fewer", response times "faster/slower". */
export function directionOf(metric: Pick<Metric, 'unit' | 'polarity' | 'id'>, delta: number): Direction {
  if (delta === 0) return 'same';
  const up = delta > 0;
  switch (metric.unit) {
    case 'count': return up ? 'more' : 'fewer';
    case 'minutes':
      // "Faster" only makes sense for getting somewhere; time on scene is longer or shorter.
      return /response/.test(metric.id) ? (up ? 'slower' : 'faster') : up ? 'longer' : 'shorter';
    default: return up ? 'higher' : 'lower';
  }
}

/** Whether a change is good news, bad news or neither, by the metric's stated polarity. */
export function toneOf(metric: Pick<Metric, 'polarity'>, delta: number): 'better' | 'worse' | 'neutral' {
  if (delta === 0 || !metric.polarity || metric.polarity === 'neutral') return 'neutral';
  return (delta < 0) === (metric.polarity === 'lower-is-better') ? 'better' : 'worse';
}
