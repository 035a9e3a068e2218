import { en } from '../en.js';

/** English strings of the stale-data line (`<daylight-feed>` and `<daylight-dashboard>`); importing this module adds them to `en`. */
export const freshnessMessages = {
  stale: (date: string) => `Not updated since ${date}`,
  staleExplain: 'These figures are older than the publication schedule promises.',
};

Object.assign(en, freshnessMessages);
