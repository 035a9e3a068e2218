import { css } from 'lit';

export const dashboardStyles = css`
  :host { display: block; container-type: inline-size; --_gap: var(--daylight-dashboard-gap, 1rem); }
  .dashboard.loading { min-height: var(--daylight-dashboard-min-height, 40rem); }
  /* In the dark theme the dashboard paints its own page colour: its headings and questions are
     light text, which would vanish on a city's light page. In the light theme it stays transparent
     and takes the page's background, as a city site expects. */
  :host([theme='dark']) .dashboard {
    background: var(--daylight-dashboard-background-dark, #0d1117); padding: var(--_space); border-radius: var(--_radius);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) .dashboard {
      background: var(--daylight-dashboard-background-dark, #0d1117); padding: var(--_space); border-radius: var(--_radius);
    }
  }
  .header { margin-bottom: var(--_gap); }
  .title { font-size: clamp(1.5rem, 4cqi, 2.1rem); line-height: 1.2; margin: 0 0 0.25rem; }
  .subtitle { margin: 0; color: var(--_muted); }
  .freshness { margin: 0.15rem 0 0.75rem; font-size: 0.875rem; color: var(--_muted); }
  .stale { color: var(--_worse); font-weight: 600; }
  .contents ol { display: flex; flex-wrap: wrap; gap: 0.35rem 1.25rem; margin: 0; padding: 0; list-style: none; counter-reset: q; }
  .contents li { counter-increment: q; }
  .contents li::before { content: counter(q) '. '; color: var(--_muted); }
  .contents a { color: var(--_accent); }
  .filter { margin-bottom: var(--_gap); }
  .section { margin-top: calc(var(--_gap) * 2.25); scroll-margin-top: 1rem; }
  .section-title { font-size: 1.35rem; margin: 0 0 0.2rem; }
  .section-title:focus { outline: none; }
  .section-title:focus-visible { outline: 3px solid var(--_focus); outline-offset: 3px; }
  .question { margin: 0 0 var(--_gap); color: var(--_muted); max-width: 48rem; }
  .kpis, .charts { display: grid; gap: var(--_gap); margin-bottom: var(--_gap); }
  .kpis { grid-template-columns: repeat(auto-fill, minmax(min(100%, 13.5rem), 1fr)); }
  .kpis:empty, .charts:empty { display: none; }
  .charts { grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); align-items: start; }
  .wide { margin-bottom: var(--_gap); }
  @media print {
    .dashboard, :host([theme]) .dashboard { background: none; padding: 0; }
    .contents, .filter { display: none; }
    .section { break-inside: avoid-page; }
  }
`;
