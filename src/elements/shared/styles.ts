import { css } from 'lit';

/** The dark theme's values, applied by theme="dark" and by theme="auto" on a dark system. */
const darkTokens = css`
  --_text: var(--daylight-color-text-dark, #e9ecf1);
  --_muted: var(--daylight-color-muted-dark, #b4bcc8);
  --_surface: var(--daylight-color-surface-dark, #161a20);
  --_subtle: var(--daylight-color-subtle-dark, #222832);
  --_border: var(--daylight-color-border-dark, #4a5361);
  --_accent: var(--daylight-color-accent-dark, #8ab4ff);
  --_better: var(--daylight-color-better-dark, #6fd39a);
  --_worse: var(--daylight-color-worse-dark, #ff9b8f);
  --_suppressed: var(--daylight-color-suppressed-dark, #a3acb9);
  --_focus: var(--daylight-color-focus-dark, #8ab4ff);
  --_error: var(--daylight-color-error-dark, #ff9b8f);
`;

/**
 * Design tokens. Public tokens (`--daylight-*`) are read with fallbacks into private ones (`--_*`)
 * so a page can set a token anywhere above the element (`:root`, a section, the element) and the
 * element still has a default. Widgets paint their own surface, so text stays readable whether the
 * page is light or dark and whichever theme the resident's system prefers.
 */
export const tokens = css`
  :host {
    --_font: var(--daylight-font-family, inherit);
    --_text: var(--daylight-color-text, #1b1f24);
    --_muted: var(--daylight-color-muted, #4a5360);
    --_surface: var(--daylight-color-surface, #ffffff);
    --_subtle: var(--daylight-color-subtle, #f3f5f8);
    --_border: var(--daylight-color-border, #c4cad3);
    --_accent: var(--daylight-color-accent, #1f5fbf);
    --_better: var(--daylight-color-better, #17693a);
    --_worse: var(--daylight-color-worse, #a3261b);
    --_suppressed: var(--daylight-color-suppressed, #5f6875);
    --_focus: var(--daylight-color-focus, #1f5fbf);
    --_error: var(--daylight-color-error, #a3261b);
    --_radius: var(--daylight-radius, 8px);
    --_space: var(--daylight-space, 1rem);
    --_shadow: var(--daylight-shadow, none);
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.4;
  }
  :host([theme='dark']) { ${darkTokens} }
  @media (prefers-color-scheme: dark) {
    /* Not only theme="auto": a value that is neither light nor dark means the default (choices.ts). */
    :host(:not([theme='light'])) { ${darkTokens} }
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: inherit; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
  }
  :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  button {
    font: inherit; color: var(--_accent); background: transparent; border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2); padding: 0.3rem 0.7rem; cursor: pointer; min-height: 2rem;
  }
  button:hover { background: var(--_subtle); }
  /* Every state (loading, error, ready) renders inside the same card with the same minimum
     height, which each element sets in --_min-height: the page never shifts when data arrives. */
  .card {
    display: flex; flex-direction: column; min-height: var(--_min-height, auto);
    background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
    box-shadow: var(--_shadow); padding: var(--_space); height: 100%;
  }
  .state {
    flex: 1; display: flex; flex-direction: column; justify-content: center; gap: 0.4rem; color: var(--_muted);
  }
  .state.error { color: var(--_text); border-left: 4px solid var(--_error); padding-left: 0.75rem; }
  .state.error strong { color: var(--_error); }
  .skeleton {
    border-radius: calc(var(--_radius) / 2);
    background: linear-gradient(90deg, var(--_subtle) 25%, var(--_border) 50%, var(--_subtle) 75%);
    background-size: 200% 100%; animation: shimmer 1.4s infinite linear; opacity: 0.6;
  }
  .skeleton-title { height: 1.2rem; width: 40%; }
  .skeleton-body { flex: 1; min-height: 2rem; }
  @keyframes shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
  @media (prefers-reduced-motion: reduce) { .skeleton { animation: none; } }
  details summary { cursor: pointer; color: var(--_accent); }
  /* The title row's controls; they wrap under the title on a narrow card instead of overflowing it. */
  .actions { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: flex-start; flex: none; }
  /* The "Download" menu: a <details> styled like the other buttons, its choices in a small popover. */
  .export { position: relative; }
  /* border-box stated: inside <details> the inherited value comes from its UA slot (content-box). */
  .export > summary, .export-menu { box-sizing: border-box; }
  .export > summary {
    list-style: none; display: flex; align-items: center; min-height: 2rem; padding: 0.3rem 0.7rem;
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); background: transparent; white-space: nowrap;
  }
  .export > summary::-webkit-details-marker { display: none; }
  /* A drawn triangle rather than the ▾ glyph, which many page fonts lack (the browser then finds
     a fallback font for it, at the first layout of every page). forced-color-adjust keeps the
     sides transparent in forced colours; the top still takes the forced text colour. */
  .export > summary::after {
    content: ''; margin-left: 0.45rem; border: solid transparent; border-width: 0.36em 0.3em 0;
    border-top-color: currentColor; forced-color-adjust: none;
  }
  .export > summary:hover { background: var(--_subtle); }
  .export-menu {
    position: absolute; right: 0; top: calc(100% + 4px); z-index: 3; display: flex; flex-direction: column; gap: 0.25rem;
    min-width: 9.5rem; padding: 0.35rem; background: var(--_surface); border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2); box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  }
  .export-menu button { text-align: left; white-space: nowrap; border-color: transparent; }
  .fineprint { font-size: 0.8125rem; color: var(--_muted); }
  @media print {
    /* Paper is white and ink is black whatever the screen theme: the dark theme's light text would
       print pale on white, and many city printers are black and white. (:host([theme]) outranks
       the dark theme's rules above.) */
    :host, :host([theme]) {
      --_text: #000; --_muted: #333; --_surface: #fff; --_subtle: #fff; --_border: #777;
      --_accent: #000; --_better: #000; --_worse: #000; --_suppressed: #333; --_focus: #000; --_error: #000;
    }
    .card { box-shadow: none; border-color: #777; break-inside: avoid; }
    button, select, input, .no-print, .export, .actions, .skeleton { display: none !important; }
    /* Buttons that carry content (a sortable column's name, an area in the ranked list) print as
       their text: display: contents drops the button's box and keeps what it says. */
    button.sort, button.area-button { display: contents !important; }
    button.sort .arrow { display: none; }
  }
`;
