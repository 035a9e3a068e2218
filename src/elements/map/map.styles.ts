import { css } from 'lit';

export const mapStyles = css`
  :host {
    --_map-height-value: var(--daylight-map-height, var(--_map-height, 360px));
    /* Title, summary and legend around the map: reserved before data arrives, so nothing shifts. */
    --_min-height: calc(var(--_map-height-value) + 8.5rem);
    /* The layout follows the element's own width, not the viewport's: a map in a sidebar stays narrow. */
    container-type: inline-size;
    /* Area boundaries in a colour with 3:1 against the surface (WCAG 1.4.11): the lightest classes
       are close to white, so a white outline would leave their edge invisible on a light page. */
    --_map-outline: var(--daylight-map-outline, var(--_muted));
  }
  .head { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 0.5rem; margin-bottom: 0.35rem; }
  .title { margin: 0; font-weight: 600; font-size: 1rem; flex: 1 1 12rem; min-width: 0; }
  .head button { flex: none; white-space: nowrap; }
  .summary { margin: 0 0 0.6rem; font-size: 0.9375rem; }
  .body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; }
  /* Wide: the ranked list sits left of the map, in reading order (it comes first in the DOM too). */
  @container (min-width: 640px) {
    .body { grid-template-columns: minmax(11rem, 15rem) minmax(0, 1fr); }
  }
  .map-column { min-width: 0; }

  .ranked-title { margin: 0 0 0.25rem; font-size: 0.8125rem; font-weight: 600; color: var(--_muted); }
  .ranked ol { margin: 0; padding: 0 0 0 1.6em; font-size: 0.875rem; }
  .ranked li { padding: 0.15rem 0; }
  .ranked li::marker { color: var(--_muted); font-variant-numeric: tabular-nums; }
  .area-button {
    display: inline-flex; align-items: center; gap: 0.35rem; border: 0; padding: 0.1rem 0.2rem; min-height: 1.75rem;
    color: var(--_text); text-align: left; text-decoration: underline; text-decoration-color: var(--_border); text-underline-offset: 3px;
  }
  .area-button[aria-pressed='true'] { font-weight: 700; text-decoration-color: currentColor; }
  .figure { font-weight: 600; font-variant-numeric: tabular-nums; margin-left: 0.25rem; }
  .details { display: block; color: var(--_muted); font-size: 0.8125rem; padding-left: 0.2rem; }

  .map-wrap { position: relative; }
  .map-wrap[hidden] { display: none; }
  .map {
    height: var(--_map-height-value); width: 100%; border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_border); font: inherit;
  }
  .map.leaflet-container { background: var(--_subtle); font: inherit; }
  .map:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  .daylight-patterns { position: absolute; width: 0; height: 0; overflow: hidden; }
  .zoom { position: absolute; top: 8px; left: 8px; z-index: 1000; display: flex; flex-direction: column; gap: 2px; }
  .zoom button {
    display: grid; place-items: center; width: 2.25rem; height: 2.25rem; padding: 0;
    background: var(--_surface); color: var(--_text);
  }
  .zoom-icon { width: 1rem; height: 1rem; fill: none; stroke: currentColor; stroke-width: 2.25; stroke-linecap: round; }
  .zoom button:hover { background: var(--_subtle); }
  .tooltip {
    position: absolute; z-index: 1001; pointer-events: none; max-width: 16rem;
    background: var(--_text); color: var(--_surface); border-radius: 4px; padding: 0.35rem 0.55rem; font-size: 0.8125rem; line-height: 1.35;
  }
  .tooltip .period { opacity: 0.85; }
  .hint {
    position: absolute; z-index: 1001; left: 50%; bottom: 12px; transform: translateX(-50%); pointer-events: none;
    background: var(--_text); color: var(--_surface); border-radius: 4px; padding: 0.35rem 0.6rem; font-size: 0.8125rem;
  }
  .map-message {
    position: absolute; inset: 0; z-index: 1001; display: flex; align-items: center; justify-content: center; text-align: center;
    padding: 1rem; background: var(--_surface); border: 1px solid var(--_border); border-left: 4px solid var(--_error);
    border-radius: calc(var(--_radius) / 2); font-size: 0.875rem;
  }

  .legend { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; font-size: 0.8125rem; color: var(--_muted); }
  .legend li { display: flex; align-items: center; gap: 0.35rem; }
  .swatch { display: inline-flex; flex: none; }
  .swatch svg { display: block; }
  .swatch-edge { stroke: var(--_border); stroke-width: 1; }
  .hatch-bg { fill: var(--_surface); }
  .hatch-line { stroke: var(--_suppressed); stroke-width: 1.5; }
  pattern rect:not(.hatch-bg) + .hatch-line { stroke: var(--_surface); }
  .missing-swatch { fill: var(--_surface); stroke: var(--_suppressed); stroke-width: 1; stroke-dasharray: 2 2; }

  .problems {
    margin-top: 0.75rem; font-size: 0.8125rem; border-left: 4px solid var(--_suppressed); padding: 0.25rem 0 0.25rem 0.75rem;
  }
  .problems ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
  .problems li { overflow-wrap: anywhere; }

  .table-wrap { overflow-x: auto; max-height: calc(var(--_map-height-value) + 4rem); overflow-y: auto; }

  @media print {
    .tooltip, .hint, .zoom { display: none; }
    .map-wrap[hidden] { display: block; }
  }
`;
