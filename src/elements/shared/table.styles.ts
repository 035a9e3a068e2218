import { css } from 'lit';

/** The plain data table that charts show in place of their graphic ("Show as table"). */
export const dataTableStyles = css`
  table { border-collapse: collapse; width: 100%; font-size: 0.875rem; font-variant-numeric: tabular-nums; margin-bottom: 0.5rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
  th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--_border); }
  td:nth-child(2) { text-align: right; }
  thead th { color: var(--_muted); font-weight: 600; }
  tr.suppressed td, tr.withheld td, tr.missing td { color: var(--_suppressed); }
`;
