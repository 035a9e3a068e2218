process.env.TZ = 'UTC';
/** The window of open groups: rows of a call close together are one call; a row far behind is late. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base, build, cell, metric, type Row } from './helpers.ts';

const config = {
  ...base,
  grain: 'month',
  asOf: '2024-06-01',
  groupWindow: 100,
  sources: [{
    id: 'cad', file: 'calls.csv', kind: 'calls', name: 'CAD', timestampFormat: 'YYYY-MM-DD HH:mm:ss',
    fields: { id: 'call', received: 'received', arrived: 'on_scene', area: 'district' },
  }],
  metrics: { time_on_scene: { enabled: false }, coresponse_share: { enabled: false } },
};
const at = (minute: number) => `2024-03-05 ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;

const row = (call: string, arrived: number): Row => ({ call, received: at(0), on_scene: at(arrived), district: 'N' });

describe('group window', () => {
  it('merges a call\'s rows in a run or back within the window, and counts a call that comes back later as late', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 300; i++) rows.push(row(`C${i}`, 10), row(`C${i}`, 12));
    rows.push(row('C250', 5)); // 50 calls back: still open, so its first arrival becomes 5 minutes
    rows.push(row('C0', 30)); // 300 calls back: closed long ago, so a new (late) call
    const { feed, report } = build(config, { cad: rows });
    const rt = metric(feed, 'response_time');
    assert.equal(cell(rt, { q: 0.5 }).n, 301);
    assert.equal(report.sources[0]!.lateRows, 1);
    assert.equal(report.metrics[0]!.excluded['no unit arrived'], undefined);
    assert.equal(cell(rt, { q: 0.9 }).value, 10);
  });

  it('merges a call\'s rows interleaved with 50 other calls, even when every open call has been touched since it was queued', () => {
    // Every call gets a third unit 50 calls later. Before the window made room ahead of a new
    // call, the second-chance scan could close the call just opened (when all others had been
    // touched), and its next row became a second, late call.
    const rows: Row[] = [];
    for (let i = 0; i < 300; i++) {
      rows.push(row(`C${i}`, 10), row(`C${i}`, 12));
      if (i >= 50) rows.push(row(`C${i - 50}`, 5));
    }
    rows.push(row('C0', 30));
    const { feed, report } = build(config, { cad: rows });
    const rt = metric(feed, 'response_time');
    assert.equal(cell(rt, { q: 0.5 }).n, 301);
    assert.equal(report.sources[0]!.lateRows, 1);
    assert.deepEqual(report.metrics[0]!.excluded, {});
    assert.equal(cell(rt, { q: 0.5 }).value, 5);
  });
});
