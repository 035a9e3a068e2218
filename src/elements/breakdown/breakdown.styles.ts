import { css } from 'lit';

export const breakdownStyles = css`
  :host { --_min-height: var(--daylight-breakdown-min-height, 16rem); }
`;
