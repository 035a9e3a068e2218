import { css } from 'lit';

/**
 * Layout shared by the bar-list charts (breakdown, funnel, distribution): a title row with the
 * table toggle, a context line, one row per bar with name, track, value and a note, hatched stubs
 * for hidden values, a summary and notes.
 */
export const chartStyles = css`
  /* Layout follows the card's own width (a narrow column on a wide screen reads like a phone). */
  :host { container-type: inline-size; }
  .head { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 0.5rem; }
  .head .title { flex: 1 1 12rem; min-width: 0; }
  .title { margin: 0; font-weight: 600; font-size: 1rem; }
  .context { margin: 0 0 0.6rem; font-size: 0.875rem; color: var(--_muted); }
  .empty { color: var(--_muted); flex: 1; }
  .bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.55rem; }
  /* Name above the bar on narrow cards; name, bar and value on one line when there is room. */
  .visual { display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: 'name value' 'track track' 'change change'; gap: 0.15rem 0.75rem; align-items: center; }
  /* Names come from feeds: a long one must wrap, not widen the card (min-width: 0 lets the grid shrink it). */
  .name { grid-area: name; font-size: 0.9375rem; min-width: 0; overflow-wrap: anywhere; }
  .title, .context, .summary { overflow-wrap: anywhere; }
  .value { grid-area: value; font-weight: 600; font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
  .share { font-weight: 400; color: var(--_muted); margin-left: 0.25rem; }
  .track { grid-area: track; display: block; height: 0.9rem; background: var(--_subtle); border-radius: 3px; overflow: hidden; }
  .bar { display: block; height: 100%; background: var(--_accent); border-radius: 3px; transition: width 0.3s ease-out; }
  /* Hidden values: a short hatched stub, the same for every hidden value, so its length says nothing. */
  .hatch {
    display: block; height: 100%; width: 2.5rem; border: 1px solid var(--_suppressed); border-radius: 3px;
    background: repeating-linear-gradient(135deg, transparent 0 3px, var(--_suppressed) 3px 4px);
  }
  .row.suppressed .value, .row.withheld .value { color: var(--_suppressed); font-weight: 400; }
  .change { grid-area: change; font-size: 0.8125rem; color: var(--_muted); }
  .total { margin: 0.6rem 0 0; font-size: 0.875rem; display: flex; justify-content: space-between; border-top: 1px solid var(--_border); padding-top: 0.4rem; }
  .summary { margin: 0.5rem 0 0; font-size: 0.875rem; color: var(--_muted); }
  .notes { margin: 0.35rem 0 0; padding-left: 1.1rem; }
  @container (min-width: 34rem) {
    /* A fixed value column, so every track in a list starts and ends at the same place. */
    .visual { grid-template-columns: minmax(7rem, 14rem) minmax(0, 1fr) 8.5rem; grid-template-areas: 'name track value' '. change change'; }
  }
  @media (prefers-reduced-motion: reduce) { .bar { transition: none; } }
  @media print { .bar, .hatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;
