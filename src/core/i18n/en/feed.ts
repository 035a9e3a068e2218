import { en } from '../en.js';

/** English strings only `<daylight-feed>` reads; importing this module adds them to `en`. */
export const feedMessages = {
  errorTitle: 'Data could not be loaded',
  privacyFaults: (count: number) =>
    `${count === 1 ? '1 value was' : `${count} values were`} hidden because the feed broke a privacy rule. The site maintainer should check the feed with "daylight audit".`,
  retry: 'Try again',
  // Offline copy (issue 7: <daylight-feed> shows the last good feed when a later load fails)
  offlineCopy: (savedOn: string) => `Offline — showing data saved on ${savedOn}`,
  offlineExplain: (asOf: string) => `The latest data could not be loaded. These figures are an earlier copy, as of ${asOf}, and may be out of date.`,
};

Object.assign(en, feedMessages);
