import { css } from 'lit';

export const funnelStyles = css`
  :host { --_min-height: var(--daylight-funnel-min-height, 14rem); }
  .bars { counter-reset: stage; }
`;
