import { css } from 'lit';

export const trendStyles = css`
  :host { --_min-height: calc(var(--_plot-height, 240px) + 7.5rem); }
  .head { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 0.5rem; margin-bottom: 0.5rem; }
  .title { margin: 0; font-weight: 600; font-size: 1rem; flex: 1 1 12rem; min-width: 0; }
  .head button { flex: none; white-space: nowrap; }
  .plot { position: relative; width: 100%; height: var(--_plot-height, 240px); }
  .plot.empty { display: flex; align-items: center; justify-content: center; color: var(--_muted); }
  svg { display: block; overflow: visible; }
  .grid line { stroke: var(--_border); stroke-width: 1; shape-rendering: crispEdges; }
  .grid text, .x-axis text { fill: var(--_muted); font-size: 12px; font-variant-numeric: tabular-nums; }
  .line { fill: none; stroke: var(--_accent); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
  .dot { fill: var(--_accent); stroke: var(--_surface); stroke-width: 1.5; }
  .unstable { fill: var(--_surface); stroke: var(--_accent); stroke-width: 2; }
  .point { outline: none; cursor: default; }
  circle.point.active { stroke: var(--_text); stroke-width: 2; }
  circle.point:focus-visible, .point:focus-visible rect { stroke: var(--_focus); stroke-width: 3; }
  .suppressed-marker rect { fill: var(--_surface); stroke: var(--_suppressed); stroke-width: 1.5; }
  .suppressed-marker path { stroke: var(--_suppressed); stroke-width: 1.2; }
  .missing-hit { fill: transparent; }
  .point.missing:focus-visible .missing-hit { stroke: var(--_focus); }
  .tooltip {
    position: absolute; pointer-events: none; z-index: 1; white-space: nowrap;
    background: var(--_text); color: var(--_surface); border-radius: 4px; padding: 0.3rem 0.5rem; font-size: 0.8125rem;
  }
  .summary { margin: 0.5rem 0 0; font-size: 0.875rem; color: var(--_muted); }
  .legend { list-style: none; margin: 0.4rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.8125rem; color: var(--_muted); }
  .legend li { display: flex; align-items: center; gap: 0.35rem; }
  .table-wrap { overflow-x: auto; min-height: var(--_plot-height, 240px); }
  @media print { .tooltip { display: none; } }
`;
