import { css } from 'lit';

export const methodologyStyles = css`
  :host { --_min-height: var(--daylight-methodology-min-height, 4.5rem); }
  .card { padding: 0; }
  /* Closed, the panel is one summary line: the loading skeleton is one bar, not a chart-sized block. */
  .state { padding: 0.75rem var(--_space); }
  .skeleton-body { display: none; }
  details { flex: 1; }
  /* The summary keeps display: list-item so the browser's disclosure triangle stays. Title and date
     sit on two lines at every width, so the reserved height holds on a phone as on a desktop. */
  summary { padding: 0.75rem var(--_space); border-radius: var(--_radius); line-height: 1.4; }
  summary .line { display: inline-flex; flex-direction: column; vertical-align: top; }
  summary .title { font-weight: 600; }
  summary .as-of { font-size: 0.875rem; color: var(--_muted); }
  .body { padding: 0 var(--_space) var(--_space); border-top: 1px solid var(--_border); font-size: 0.9375rem; }
  section { margin-top: 1rem; }
  .heading { font-weight: 600; margin: 0 0 0.35rem; font-size: 1rem; }
  ul { margin: 0.25rem 0; padding-left: 1.25rem; }
  li { margin: 0.15rem 0; }
  dl { margin: 0; }
  dt { font-weight: 600; margin-top: 0.6rem; }
  dd { margin: 0.15rem 0 0 0; }
  dd p { margin: 0.2rem 0; }
  .list-title { font-size: 0.875rem; color: var(--_muted); }
  a { color: var(--_accent); }
  p a + a, p span + a { margin-left: 0.75rem; }
  @media print { details > .body { display: block; } }
`;
