// wtr's own count sits inside its progress bar line; CI and scripts/test.mjs read a plain
// `N passed, N failed` line, so this reporter prints one when the process exits (wtr buffers
// stdout written from stop(), so a plain write there never appears).
import { writeFileSync, writeSync } from 'node:fs';

function count(suite, acc) {
  if (!suite) return acc;
  for (const t of suite.tests) t.skipped ? acc.skipped++ : t.passed ? acc.passed++ : acc.failed++;
  for (const child of suite.suites) count(child, acc);
  return acc;
}

export function plainCountReporter() {
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = acc.failed;
        count(session.testResults, acc);
        // A test file that failed to load has no test results but must still count as a failure.
        if (session.passed === false && acc.failed === before) acc.failed++;
      }
      const line = `${acc.passed} passed, ${acc.failed} failed${acc.skipped ? `, ${acc.skipped} skipped` : ''}`;
      if (process.env.DAYLIGHT_COUNT_FILE) writeFileSync(process.env.DAYLIGHT_COUNT_FILE, JSON.stringify(acc));
      process.once('exit', () => writeSync(1, `${line}\n`));
    },
  };
}
