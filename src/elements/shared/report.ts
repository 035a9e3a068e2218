import type { Feed } from '../../core/types.js';
import type { PrivacyFault } from '../../core/privacy.js';
import { PrivacyFaultEvent } from './events.js';

const reported = new WeakSet<Feed>();

/**
 * Reports a feed's privacy faults once per feed (however many elements show it): one console
 * warning naming every faulty cell's path and rule, and one `daylight-privacy-fault` event.
 * Neither carries a withheld value.
 */
export function reportFaults(target: EventTarget, feed: Feed, faults: readonly PrivacyFault[]): void {
  if (!faults.length || reported.has(feed)) return;
  reported.add(feed);
  console.warn(
    `[daylight] ${faults.length} cell(s) in this feed break privacy rules and are shown as suppressed. `
    + 'Run `daylight audit` on the feed to fix it at the source.\n'
    + faults.map((fault) => `  ${fault.message}`).join('\n'),
  );
  target.dispatchEvent(new PrivacyFaultEvent(faults));
}
