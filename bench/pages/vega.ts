// vega-embed with a Vega-Lite line spec; renderer chosen by ?renderer= (svg | canvas).
import embed from 'vega-embed';
import { boxes, markPainted, SERIES } from './series.js';

const renderer = new URLSearchParams(location.search).get('renderer') === 'svg' ? 'svg' : 'canvas';
await Promise.all(boxes().map((box, i) => {
  const s = SERIES[i]!;
  return embed(box, {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container', height: 170, title: s.label,
    data: { values: s.points },
    mark: { type: 'line', point: true },
    encoding: { x: { field: 'period', type: 'temporal', title: null }, y: { field: 'value', type: 'quantitative', title: null } },
  }, { renderer, actions: false });
}));
markPainted();
