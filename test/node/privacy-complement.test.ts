// Rule 3 applied to a share's complement: one definition (cellFault) for the widget guard and
// for `daylight audit`, so a hand-made feed cannot pass one and fail the other.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cellFault } from '../../src/core/privacy.js';
import { auditFeed } from '../../src/builder/audit.js';

const share = { statistic: 'share' as const };

describe('a share whose complement is a small count', () => {
  it('is a fault while n − numerator is between 1 and k − 1, and only then', () => {
    assert.equal(cellFault(share, { n: 90, numerator: 84, value: 84 / 90 }, 11), 'small-complement');
    assert.equal(cellFault(share, { n: 90, numerator: 80, value: 80 / 90 }, 11), 'small-complement');
    assert.equal(cellFault(share, { n: 90, numerator: 79, value: 79 / 90 }, 11), undefined);
    // All of them: nothing is learnt about anyone that the share does not already say.
    assert.equal(cellFault(share, { n: 90, numerator: 90, value: 1 }, 11), undefined);
    assert.equal(cellFault({ statistic: 'rate' }, { n: 40, numerator: 35, value: 35 / 40 }, 11), 'small-complement');
  });

  it('is reported by audit with its path and rule 3', () => {
    const feed = JSON.parse(readFileSync('test/fixtures/feeds/small-city.json', 'utf8'));
    const metric = feed.metrics.findIndex((m: { statistic: string }) => m.statistic === 'share');
    assert.ok(metric >= 0, 'fixture has a share metric');
    feed.metrics[metric].cells[1] = { ...feed.metrics[metric].cells[1], n: 90, numerator: 84, value: 84 / 90 };
    const findings = auditFeed(feed).findings.filter((f) => f.rule === 'small-complement');
    assert.deepEqual(findings.map((f) => [f.path, f.ruleNumber]), [[`metrics[${metric}].cells[1]`, 3]]);
    assert.match(findings[0]!.message, /n − numerator is between 1 and 10/);
  });
});
