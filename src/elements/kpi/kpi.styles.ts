import { css } from 'lit';

export const kpiStyles = css`
  :host { --_min-height: var(--daylight-kpi-min-height, 13.5rem); }
  .card { justify-content: center; }
  p { margin: 0; }
  .label { font-size: 0.9375rem; font-weight: 600; color: var(--_muted); }
  .value {
    font-size: var(--daylight-kpi-value-size, 2.25rem); font-weight: 700; line-height: 1.15;
    margin: 0.15rem 0; font-variant-numeric: tabular-nums; color: var(--_text);
  }
  .value.suppressed, .value.withheld, .value.missing { font-size: 1.375rem; color: var(--_suppressed); font-weight: 600; }
  .context { font-size: 0.875rem; color: var(--_muted); }
  .comparison { font-size: 0.9375rem; margin-top: 0.35rem; font-weight: 600; }
  .comparison.better { color: var(--_better); }
  .comparison.worse { color: var(--_worse); }
  .comparison.neutral { color: var(--_muted); font-weight: 400; }
  .arrow { display: inline-block; width: 1.1em; }
  .unstable-mark { font-size: 0.5em; color: var(--_muted); }
  .fineprint { margin-top: 0.35rem; }
  .actions { margin-top: 0.6rem; }
  /* The menu opens upwards-left from the card's corner so it never spills past a narrow column. */
  .export-menu { right: auto; left: 0; }
`;
