import { css } from 'lit';

export const tableElementStyles = css`
  :host { --_min-height: var(--daylight-table-min-height, 12rem); }
  .title { margin: 0 0 0.5rem; font-weight: 600; }
  .empty { color: var(--_muted); }
  th .sort {
    display: inline-flex; align-items: center; gap: 0.3rem; border: 0; padding: 0.15rem 0.25rem; margin: -0.15rem -0.25rem;
    min-height: 1.75rem; color: inherit; font-weight: 600; text-align: inherit;
  }
  th.num .sort { flex-direction: row; }
  .arrow { font-size: 0.75em; color: var(--_muted); opacity: 0.6; }
  .arrow.on { opacity: 1; color: var(--_accent); }
  .actions { display: flex; justify-content: flex-end; }
  .notes { margin: 0.25rem 0 0.5rem; padding-left: 1.1rem; }
`;
