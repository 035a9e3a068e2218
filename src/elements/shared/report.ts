import type { Feed } from '../../core/types.js';
import type { PrivacyFault } from '../../core/privacy.js';
import { PrivacyFaultEvent } from './events.js';

/** Per feed, the faults already reported (by message, which names the cell's path and the rule). */
const reported = new WeakMap<Feed, Set<string>>();

/**
 * Reports a feed's privacy faults once each (however many elements show it): one console
 * warning naming every new faulty cell's path and rule, and one `daylight-privacy-fault` event.
 * Neither carries a withheld value. Tracking faults rather than feeds lets a widget that finds a
 * fault of its own later (a breakdown that would leak by subtraction) still report it.
 */
export function reportFaults(target: EventTarget, feed: Feed, all: readonly PrivacyFault[]): void {
  const seen = reported.get(feed) ?? new Set<string>();
  reported.set(feed, seen);
  const faults = all.filter((fault) => !seen.has(fault.message));
  if (!faults.length) return;
  for (const fault of faults) seen.add(fault.message);
  console.warn(
    `[daylight] ${faults.length} cell(s) in this feed break privacy rules and are shown as suppressed. `
    + 'Run `daylight audit` on the feed to fix it at the source.\n'
    + faults.map((fault) => `  ${fault.message}`).join('\n'),
  );
  target.dispatchEvent(new PrivacyFaultEvent(faults));
}
