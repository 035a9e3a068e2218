process.env.TZ = 'UTC';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base, build, cell, metric, type Row } from './helpers.ts';
import { validateFeed } from '../../../src/core/validate.ts';
import { guardFeed } from '../../../src/core/privacy.ts';
import { auditFeed } from '../../../src/builder/audit.ts';
import type { Feed } from '../../../src/core/types.ts';

function assertSafe(feed: Feed): void {
  const v = validateFeed(feed);
  assert.ok(v.ok, v.ok ? '' : v.errors.map((e) => e.message).join('\n'));
  assert.deepEqual(v.warnings, []);
  assert.deepEqual(guardFeed(feed).faults, []);
  assert.deepEqual(auditFeed(feed).findings.map((f) => f.message), []);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "MM/DD/YYYY hh:mm:ss A" for 2024-03-05 at 08:00 plus `minutes`. */
function sfTime(minutes: number): string {
  const total = 8 * 60 + minutes;
  const h = Math.floor(total / 60) % 24;
  const m = total % 60;
  return `03/05/2024 ${pad(h % 12 || 12)}:${pad(m)}:00 ${h < 12 ? 'AM' : 'PM'}`;
}

const callsConfig = {
  ...base,
  grain: 'month',
  asOf: '2024-06-01',
  sources: [{
    id: 'cad', file: 'calls.csv', kind: 'calls', name: 'CAD', timestampFormat: 'MM/DD/YYYY hh:mm:ss A',
    fields: { id: 'call', received: 'received', arrived: 'on_scene', cleared: ['transport', 'available'], responderType: 'unit_type', service: 'disposition', area: 'district' },
    coresponse: { responderTypes: ['SOCIAL'] },
  }],
};

/** 60 calls; call i's MEDIC (listed second) arrives i minutes after the call, before the ENGINE (i + 3). */
function callRows(): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i <= 60; i++) {
    const disposition = i <= 30 ? 'Transport' : i <= 58 ? 'Declined' : 'Against Medical Advice';
    const common = { call: `C${i}`, received: sfTime(0), district: 'North', disposition };
    rows.push({ ...common, unit_type: 'ENGINE', on_scene: sfTime(i + 3), transport: '', available: sfTime(i + 13) });
    rows.push({ ...common, unit_type: 'MEDIC', on_scene: sfTime(i), transport: sfTime(i + 20), available: sfTime(i + 50) });
    if (i <= 20) rows.push({ ...common, unit_type: 'SOCIAL', on_scene: sfTime(i + 30), transport: '', available: '' });
  }
  return rows;
}

describe('builder metrics (golden, hand-computed)', () => {
  it('response_time takes each call\'s FIRST arriving unit, not its first row: median 30.5 and p90 54.1 minutes over 60 calls', () => {
    const { feed } = build(callsConfig, { cad: callRows() });
    const rt = metric(feed, 'response_time');
    assert.equal(rt.statistic, 'quantile');
    assert.deepEqual(cell(rt, { period: '2024-03', area: '*', q: 0.5 }), { period: '2024-03', area: '*', q: 0.5, n: 60, value: 30.5 });
    // type 7: h = 59 * 0.9 = 53.1 -> 54 + 0.1 * (55 - 54)
    assert.equal(cell(rt, { period: '2024-03', area: '*', q: 0.9 }).value, 54.1);
    assertSafe(feed);
  });

  it('time_on_scene runs from the first arrival to the last unit clearing (transport time, else available): 20 minutes', () => {
    const { feed } = build(callsConfig, { cad: callRows() });
    const ts = metric(feed, 'time_on_scene');
    assert.equal(cell(ts, { period: '2024-03', area: '*', q: 0.5 }).value, 20);
    assert.equal(cell(ts, { period: '2024-03', area: '*', q: 0.9 }).value, 20);
  });

  it('coresponse_share counts calls with a co-responder type: 20 of 60, published with numerator and n', () => {
    const { feed } = build(callsConfig, { cad: callRows() });
    const cs = cell(metric(feed, 'coresponse_share'), { period: '2024-03', area: '*' });
    assert.deepEqual({ n: cs.n, numerator: cs.numerator, value: cs.value, unstable: cs.unstable }, { n: 60, numerator: 20, value: 0.3333, unstable: true });
  });

  it('second_responder_visits counts each responder type other than the first arriving unit, once per call', () => {
    const { feed } = build(callsConfig, { cad: callRows() });
    const sr = metric(feed, 'second_responder_visits');
    assert.equal(cell(sr, { period: '*', area: '*', responder_type: 'ENGINE' }).value, 60);
    assert.equal(cell(sr, { period: '*', area: '*', responder_type: 'SOCIAL' }).value, 20);
    assert.equal(cell(sr, { period: '*', area: '*' }).value, 80);
    assert.ok(!sr.cells.some((c) => c.responder_type === 'MEDIC'), 'the first arriving MEDIC is not a second responder');
  });

  it('referrals by service fold a rare service into Other (rule 5) and hide Other plus a partner so it cannot be subtracted out', () => {
    const { feed, report } = build(callsConfig, { cad: callRows() });
    const rf = metric(feed, 'referrals');
    assert.deepEqual(report.metrics.find((m) => m.id === 'referrals')!.folded, { service: ['Against Medical Advice'] });
    assert.equal(cell(rf, { period: '*', area: '*' }).value, 60);
    assert.equal(cell(rf, { period: '*', area: '*', service: 'Transport' }).value, 30);
    assert.equal(cell(rf, { period: '*', area: '*', service: 'other' }).suppressed, true);
    assert.equal(cell(rf, { period: '*', area: '*', service: 'Declined' }).suppressed, true);
    assert.ok(!JSON.stringify(feed).includes('Against Medical Advice'), 'a folded value name is not published');
    assertSafe(feed);
  });

  it('response_time reads wall-clock times across the spring-forward gap: 01:55 PST to 03:02 PDT is 7 minutes, not 67', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 10; i++) {
      rows.push({ call: `D${i}`, received: '03/10/2024 01:55:00 AM', on_scene: '03/10/2024 03:02:00 AM', transport: '', available: '', unit_type: 'ENGINE', disposition: 'x', district: 'North' });
    }
    const { feed } = build(callsConfig, { cad: rows });
    assert.equal(cell(metric(feed, 'response_time'), { period: '2024-03', area: '*', q: 0.5 }).value, 7);
  });

  it('response_time reads a fall-back arrival that looks earlier than the call as the repeated hour: 01:50 PDT to 01:05 PST is 15 minutes', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 10; i++) {
      rows.push({ call: `F${i}`, received: '11/03/2024 01:50:00 AM', on_scene: '11/03/2024 01:05:00 AM', transport: '', available: '', unit_type: 'ENGINE', disposition: 'x', district: 'North' });
    }
    const { feed } = build({ ...callsConfig, asOf: '2024-12-15' }, { cad: rows });
    assert.equal(cell(metric(feed, 'response_time'), { period: '2024-11', area: '*', q: 0.5 }).value, 15);
  });

  const victimsConfig = {
    ...base,
    jurisdiction: { name: 'Testville', id: 'testville', timezone: 'America/New_York' },
    grain: 'month',
    asOf: '2024-06-01',
    sources: [{
      id: 'shootings', file: 'v.csv', kind: 'victims', name: 'Shootings', timestampFormat: 'iso',
      fields: { id: 'dc_key', occurred: 'date', area: 'district' },
      categories: { fatal: { column: 'fatal', label: 'Outcome', map: { True: 'fatal', False: 'nonfatal' } } },
    }],
    metrics: { victims: { by: ['fatal'] } },
  };

  it('incidents count distinct ids and victims count rows: 5 incidents with 8 victims, cut in the city\'s time zone (03:00Z on 1 February is still January in New York)', () => {
    const rows: Row[] = [];
    const victimsPer = [3, 2, 1, 1, 1];
    victimsPer.forEach((count, i) => {
      for (let v = 0; v < count; v++) rows.push({ dc_key: `I${i}`, date: '2024-02-01T03:00:00Z', district: '1', fatal: v === 0 ? 'True' : 'False' });
    });
    for (let i = 0; i < 6; i++) rows.push({ dc_key: `J${i}`, date: '2024-02-10T12:00:00Z', district: '1', fatal: 'False' });
    const { feed } = build(victimsConfig, { shootings: rows });
    const incidents = metric(feed, 'incidents');
    const victims = metric(feed, 'victims');
    assert.equal(cell(incidents, { period: '2024-01', area: '*' }).value, 5);
    assert.equal(cell(victims, { period: '2024-01', area: '*', fatal: '*' }).value, 8);
    assert.equal(cell(incidents, { period: '2024-02', area: '*' }).value, 6);
    assert.equal(cell(incidents, { period: '*', area: '*' }).value, 11);
    assert.equal(cell(victims, { period: '*', area: '*', fatal: '*' }).value, 14);
    assert.equal(cell(victims, { period: '*', area: '*', fatal: 'nonfatal' }).value, 9);
    assert.equal(cell(victims, { period: '*', area: '*', fatal: 'fatal' }).value, 5);
    assertSafe(feed);
  });

  it('past_victims_outreach publishes identified ⊇ contacted ⊇ connected, and never two adjacent stages whose difference is a small count', () => {
    const config = {
      ...base, grain: 'month', asOf: '2024-06-01',
      sources: [{ id: 'outreach', file: 'o.csv', kind: 'outreach', name: 'Outreach', timestampFormat: 'YYYY-MM-DD',
        fields: { id: 'person', identified: 'identified', contacted: 'contacted', connected: 'connected' } }],
    };
    const rows: Row[] = [];
    // March: 30 identified, 20 contacted, 12 connected. April: 30 identified, 28 contacted (2 not contacted), 10 connected.
    for (let i = 0; i < 30; i++) rows.push({ person: `m${i}`, identified: '2024-03-04', contacted: i < 20 ? '2024-03-10' : '', connected: i < 12 ? '2024-03-20' : '' });
    for (let i = 0; i < 30; i++) rows.push({ person: `a${i}`, identified: '2024-04-04', contacted: i < 28 ? '2024-04-10' : '', connected: i < 10 ? '2024-04-20' : '' });
    const { feed } = build(config, { outreach: rows });
    const m = metric(feed, 'past_victims_outreach');
    assert.deepEqual(m.dimensions, ['period', 'stage']);
    assert.equal(cell(m, { period: '2024-03', stage: 'identified' }).value, 30);
    assert.equal(cell(m, { period: '2024-03', stage: 'connected' }).value, 12);
    // March "contacted" (20) may be hidden as the partner of April's in the by-period total.
    const march = cell(m, { period: '2024-03', stage: 'contacted' });
    assert.ok(march.suppressed || march.value === 20);
    const april = ['identified', 'contacted'].map((stage) => cell(m, { period: '2024-04', stage }));
    assert.ok(april.some((c) => c.suppressed), 'identified 30 and contacted 28 would reveal 2 people not contacted');
    assertSafe(feed);
  });

  it('referral_followup_rate counts follow-ups within followupDays: 30 of 40 referrals', () => {
    const config = {
      ...base, grain: 'month', asOf: '2024-06-01',
      sources: [{ id: 'ref', file: 'r.csv', kind: 'referrals', name: 'Referrals', timestampFormat: 'YYYY-MM-DD', followupDays: 30,
        fields: { id: 'ref_id', referred: 'referred', followedUp: 'followed', service: 'service' } }],
    };
    const rows: Row[] = [];
    for (let i = 0; i < 40; i++) {
      const followed = i < 30 ? '2024-03-20' : i < 35 ? '2024-04-25' : '';
      rows.push({ ref_id: `r${i}`, referred: '2024-03-05', followed, service: i % 2 ? 'Housing' : 'Counselling' });
    }
    const { feed } = build(config, { ref: rows });
    const rate = cell(metric(feed, 'referral_followup_rate'), { period: '2024-03' });
    assert.deepEqual({ n: rate.n, numerator: rate.numerator, value: rate.value }, { n: 40, numerator: 30, value: 0.75 });
    assert.equal(cell(metric(feed, 'referrals'), { period: '2024-03', service: 'Housing' }).value, 20);
    assertSafe(feed);
  });

  it('periods ending inside the publication lag are not published (rule 10)', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 12; i++) rows.push({ dc_key: `a${i}`, date: '2024-04-10T12:00:00Z', district: '1', fatal: 'False' });
    for (let i = 0; i < 12; i++) rows.push({ dc_key: `b${i}`, date: '2024-05-28T12:00:00Z', district: '1', fatal: 'False' });
    const { feed } = build({ ...victimsConfig, asOf: '2024-06-03', lagDays: 7 }, { shootings: rows });
    const periods = new Set(metric(feed, 'incidents').cells.map((c) => c.period));
    assert.ok(periods.has('2024-04'));
    assert.ok(!periods.has('2024-05'), 'May ends on 31 May, after 3 June minus 7 days');
    assert.equal(feed.period.end, '2024-04-30');
  });
});

import fc from 'fast-check';

describe('builder properties', () => {
  it('for random victim records, k, rounding and seeded noise: every feed validates, passes the guard and audits clean, with no count between 1 and k−1', () => {
    const record = fc.record({
      incident: fc.integer({ min: 0, max: 60 }),
      month: fc.integer({ min: 1, max: 6 }),
      day: fc.integer({ min: 1, max: 28 }),
      area: fc.constantFrom('1', '2', '3', '4', ''),
      fatal: fc.constantFrom('True', 'False'),
      kind: fc.constantFrom('Gun', 'Knife', 'Other weapon', 'Blunt'),
    });
    fc.assert(fc.property(
      fc.array(record, { minLength: 1, maxLength: 300 }),
      fc.constantFrom(5, 7, 11),
      fc.constantFrom(null, 3, 5),
      fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
      (records, k, rounding, noiseSeed) => {
        const rows: Row[] = records.map((r) => ({
          dc_key: `I${r.incident}-${r.month}`, date: `2024-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}T12:00:00Z`,
          district: r.area, fatal: r.fatal, weapon: r.kind,
        }));
        const config = {
          ...base, grain: 'month', asOf: '2024-08-01',
          jurisdiction: { name: 'T', id: 't', timezone: 'America/New_York' },
          privacy: { k, rounding, noise: noiseSeed === undefined ? null : { epsilon: 1, seed: noiseSeed } },
          sources: [{ id: 's', file: 's.csv', kind: 'victims', name: 'S', timestampFormat: 'iso',
            fields: { id: 'dc_key', occurred: 'date', area: 'district' },
            categories: {
              fatal: { column: 'fatal', label: 'Outcome' },
              weapon: { column: 'weapon', label: 'Weapon', sensitive: ['Knife'] },
            } }],
          metrics: { victims: { by: ['fatal', 'weapon'] } },
        };
        const { feed } = build(config, { s: rows });
        assertSafe(feed);
        for (const m of feed.metrics) {
          for (const c of m.cells) if (!c.suppressed && m.statistic === 'count') assert.ok(c.value === 0 || c.value! >= k);
          // Sensitive values never appear below the whole city.
          assert.ok(!m.cells.some((c) => c.weapon === 'Knife' && c.area !== '*'));
        }
      },
    ), { numRuns: 60, seed: 7 });
  });

  it('a config with no area and no categories still publishes its citywide figures by period', () => {
    const config = {
      ...callsConfig,
      sources: [{ ...callsConfig.sources[0]!, fields: { id: 'call', received: 'received', arrived: 'on_scene', cleared: ['transport', 'available'] }, coresponse: undefined }],
    };
    const rows = callRows().map(({ district: _district, disposition: _disposition, unit_type: _unit, ...rest }) => rest);
    const { feed } = build(config, { cad: rows });
    const response = metric(feed, 'response_time');
    assert.deepEqual(response.dimensions, ['period']);
    assert.equal(cell(response, { period: '2024-03', q: 0.5 }).value, 30.5);
    assertSafe(feed);
  });

  it('valueLabels in the config name built-in category values in the feed, in English and Spanish', () => {
    // In these rows the MEDIC arrives first, so the second responders are the ENGINE and SOCIAL units.
    const config = { ...callsConfig, valueLabels: { responder_type: { ENGINE: { en: 'Fire engine', es: 'Autobomba' } } } };
    const { feed } = build(config, { cad: callRows() });
    assert.deepEqual(feed.dimensions?.responder_type?.values?.ENGINE, { en: 'Fire engine', es: 'Autobomba' });
    assert.equal(feed.dimensions?.responder_type?.values?.SOCIAL, 'SOCIAL');
    assertSafe(feed);
  });
});
