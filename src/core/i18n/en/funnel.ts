import { en, lower } from '../en.js';

/** English strings only `<daylight-funnel>` reads; importing this module adds them to `en`. */
export const funnelMessages = {
  stageHeading: 'Stage',
  conversionHeading: 'Rate',
  stageAll: 'All',
  stageReferred: 'Referred',
  stageFollowedUp: 'Followed up',
  conversionOf: (rate: string, stage: string) => `${rate} of ${lower(stage)}`,
  funnelSummary: (subject: string, context: string, steps: string) => `${subject}, ${context}: ${steps}.`,
  funnelStep: (stage: string, value: string, conversion: string) => `${stage} ${value}${conversion ? ` (${conversion})` : ''}`,
  hiddenStages: (count: number, k: string) =>
    `${count === 1 ? '1 stage is' : `${count} stages are`} hidden because the count was fewer than ${k} or could reveal one; no rate is shown next to a hidden stage.`,
  notAFunnel: (metric: string) => `"${metric}" is neither a share nor a count with a stage dimension, so it cannot be drawn as a funnel.`,
};

Object.assign(en, funnelMessages);
