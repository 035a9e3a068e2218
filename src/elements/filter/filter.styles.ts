import { css } from 'lit';

export const filterStyles = css`
  :host { --_min-height: var(--daylight-filter-min-height, 5.5rem); }
  .card { padding: 0.6rem var(--_space); justify-content: center; }
  .skeleton-body { display: none; }
  fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
  legend { padding: 0; margin-bottom: 0.35rem; font-weight: 600; font-size: 0.9375rem; }
  .fields { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem; }
  .field { display: flex; flex-direction: column; gap: 0.15rem; flex: 1 1 10rem; max-width: 18rem; }
  .name { font-size: 0.8125rem; color: var(--_muted); }
  select {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2); padding: 0.35rem 0.5rem; min-height: 2.25rem;
  }
  .reset { min-height: 2.25rem; }
  /* On paper the selects are chrome: each widget's own context line says which area and period it shows. */
  @media print { :host { display: none !important; } }
`;
