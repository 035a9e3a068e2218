import { css } from 'lit';

export const distributionStyles = css`
  :host { --_min-height: var(--daylight-distribution-min-height, 15rem); }
  .quantiles { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
  .scale, .ticks { grid-area: track; position: relative; display: block; height: 1rem; }
  .scale { background: var(--_subtle); border-radius: 3px; }
  .spread { position: absolute; top: 0.375rem; height: 0.25rem; background: var(--_accent); opacity: 0.45; }
  .marker { position: absolute; top: 50%; transform: translate(-50%, -50%); display: block; }
  /* Median: a filled dot; upper quantile: a tall bar; lower: an open dot. Shapes, not only colour. */
  .marker.median { width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--_accent); border: 2px solid var(--_surface); }
  .marker.upper { width: 0.25rem; height: 1.1rem; background: var(--_text); border-radius: 1px; }
  .marker.lower { width: 0.7rem; height: 0.7rem; border-radius: 50%; border: 2px solid var(--_accent); background: var(--_surface); }
  .q.suppressed, .q.withheld, .q.missing { color: var(--_suppressed); font-weight: 400; }
  .axis { display: grid; grid-template-columns: 1fr auto; grid-template-areas: 'track track'; gap: 0 0.75rem; margin-top: 0.15rem; }
  .axis .name, .axis .value { display: none; }
  .tick { position: absolute; top: 0; transform: translateX(-50%); font-size: 0.75rem; color: var(--_muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
  .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.6rem 0 0; padding: 0; font-size: 0.8125rem; color: var(--_muted); }
  .legend li { display: flex; align-items: center; gap: 0.4rem; }
  .legend .marker { position: static; transform: none; }
  .subhead { margin: 1rem 0 0.4rem; font-weight: 600; font-size: 0.9375rem; }
  table + table { margin-top: 1rem; }
  @container (min-width: 34rem) {
    /* A fixed value column, so the axis lines up with every row's scale. */
    .qrow .visual, .axis { grid-template-columns: minmax(6rem, 9rem) 1fr 11rem; grid-template-areas: 'name track value'; }
    .qrow .value { white-space: normal; font-size: 0.875rem; }
    .axis .name, .axis .value { display: block; visibility: hidden; }
  }
`;
