process.env.TZ = 'UTC';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runBuild } from '../../../src/cli/build.ts';
import { parseConfig, ConfigError } from '../../../src/builder/config.ts';
import { validateFeed } from '../../../src/core/validate.ts';
import { guardFeed } from '../../../src/core/privacy.ts';
import { auditFeed } from '../../../src/builder/audit.ts';
import type { Feed } from '../../../src/core/types.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'real');
const shared = process.env.DAYLIGHT_DATA ?? join(root, '..', 'shared', 'data');

async function build(config: string, dataDir: string, extra: Record<string, unknown> = {}) {
  const out = mkdtempSync(join(tmpdir(), 'daylight-'));
  const lines: string[] = [];
  const code = await runBuild({ config, out, dataDir, quiet: false, generated: '2025-01-01T00:00:00Z', log: (l) => lines.push(l), ...extra });
  const file = join(out, 'feed.json');
  return { code, lines, out, file, feed: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Feed) : undefined };
}

function assertClean(feed: Feed | undefined): void {
  assert.ok(feed, 'a feed was written');
  const v = validateFeed(feed);
  assert.ok(v.ok && v.warnings.length === 0, v.ok ? v.warnings.map((w) => w.message).join('\n') : v.errors.map((e) => e.message).join('\n'));
  assert.deepEqual(guardFeed(feed).faults, []);
  assert.deepEqual(auditFeed(feed).findings, []);
}

/** A scratch config + data folder for bad-input cases. */
function scratch(csv: string, patch: (c: Record<string, any>) => void = () => {}, boundary?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'daylight-in-'));
  writeFileSync(join(dir, 'calls.csv'), csv);
  const config: Record<string, any> = {
    jurisdiction: { name: 'Testville', id: 'testville', timezone: 'America/Los_Angeles' },
    grain: 'month', asOf: '2024-06-01', lagDays: 0, privacy: { k: 5 },
    sources: [{ id: 'cad', file: 'calls.csv', kind: 'calls', name: 'CAD', timestampFormat: 'MM/DD/YYYY hh:mm:ss A',
      fields: { id: 'call', received: 'received', arrived: 'on_scene', area: 'district' } }],
  };
  if (boundary) {
    writeFileSync(join(dir, 'areas.geojson'), JSON.stringify(boundary));
    config.areas = { boundary: 'areas.geojson', key: 'district' };
  }
  patch(config);
  writeFileSync(join(dir, 'daylight.config.json'), JSON.stringify(config));
  return dir;
}

function goodRows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `C${i},03/05/2024 08:00:00 AM,03/05/2024 08:${String(5 + (i % 50)).padStart(2, '0')}:00 AM,North`);
}
const HEADER = 'call,received,on_scene,district';

describe('daylight build: real data end to end', () => {
  for (const [name, config] of [['Philadelphia', 'philadelphia'], ['San Francisco', 'san-francisco']] as const) {
    it(`builds ${name} from the committed real-data sample: validates, passes the widget guard, audits clean, and holds no coordinates`, async () => {
      const { code, feed, lines, out } = await build(join(root, 'configs', `${config}.config.json`), fixtures);
      assert.equal(code, 0, lines.join('\n'));
      assertClean(feed);
      const text = JSON.stringify(feed);
      assert.ok(!/-?\d{2,3}\.\d{5,}/.test(text), 'no coordinate-like numbers in the feed');
      assert.ok(!/Block of|MISSION ST/i.test(text), 'no addresses');
      assert.ok(readdirSync(out).some((f) => f.endsWith('.geojson')), 'the boundary is placed next to the feed');
    });
    it(`builds ${name} from the full shared dataset when it is present (${shared})`, async (t) => {
      if (!existsSync(shared)) {
        t.diagnostic(`shared data not found at ${shared}; the committed sample above covers this dataset`);
        return;
      }
      const { code, feed, lines } = await build(join(root, 'configs', `${config}.config.json`), shared);
      assert.equal(code, 0, lines.join('\n'));
      assertClean(feed);
    });
  }

  it('the Philadelphia feed counts 14,733 incidents and 16,438 victims over 2015–2024 (distinct dc_key vs rows)', async (t) => {
    if (!existsSync(shared)) {
      t.diagnostic('shared data absent');
      return;
    }
    const { feed } = await build(join(root, 'configs', 'philadelphia.config.json'), shared);
    const total = (id: string) => feed!.metrics.find((m) => m.id === id)!.cells.find((c) => c.period === '*' && c.area === '*' && (c.fatal ?? '*') === '*')!.value;
    assert.equal(total('incidents'), 14733);
    assert.equal(total('victims'), 16438);
  });
});

describe('daylight build: bad input gives clear errors and writes no feed', () => {
  it('reports a malformed CSV line and a wrong date with file, line and reason, and still builds when they are few', async () => {
    const csv = [HEADER, ...goodRows(200), 'C900,03/05/2024 08:00:00 AM,03/05/2024 08:10:00 AM', 'C901,yesterday,03/05/2024 08:10:00 AM,North', ...goodRows(100).map((r) => `D${r}`)].join('\n');
    const dir = scratch(csv, (c) => { c.maxBadRowShare = 0.05; });
    const { code, lines, feed } = await build(join(dir, 'daylight.config.json'), dir);
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(lines.some((l) => /^calls\.csv line 203: "received" expected a date like 04\/07\/2020 11:53:08 PM, found "yesterday"$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => l === 'calls.csv line 202: expected 4 fields as in the header, found 3'), lines.join('\n'));
    assertClean(feed);
  });

  it('rejects the run when more than maxBadRowShare of the rows are unusable, and leaves an existing feed untouched', async () => {
    const csv = [HEADER, ...goodRows(20), ...Array.from({ length: 5 }, (_, i) => `X${i},2024-03-05,03/05/2024 08:10:00 AM,North`)].join('\n');
    const dir = scratch(csv);
    const out = mkdtempSync(join(tmpdir(), 'daylight-out-'));
    writeFileSync(join(out, 'feed.json'), '{"old": true}');
    const lines: string[] = [];
    const code = await runBuild({ config: join(dir, 'daylight.config.json'), out, dataDir: dir, log: (l) => lines.push(l) });
    assert.equal(code, 1);
    assert.ok(lines.some((l) => l.includes('5 of 25 rows (20.0%) are unusable')), lines.join('\n'));
    assert.equal(readFileSync(join(out, 'feed.json'), 'utf8'), '{"old": true}');
    assert.deepEqual(readdirSync(out), ['feed.json'], 'no temporary file is left behind');
  });

  it('names the config path and the columns that exist when the config maps an unknown column', async () => {
    const dir = scratch([HEADER, ...goodRows(20)].join('\n'), (c) => { c.sources[0].fields.arrived = 'On Scene'; });
    const { code, lines, feed } = await build(join(dir, 'daylight.config.json'), dir);
    assert.equal(code, 1);
    assert.ok(lines.some((l) => l.includes('sources[0].fields.arrived: column "On Scene" is not in calls.csv; its columns are: call, received, on_scene, district.')), lines.join('\n'));
    assert.equal(feed, undefined);
  });

  it('refuses an empty file', async () => {
    const dir = scratch('');
    const { code, lines, feed } = await build(join(dir, 'daylight.config.json'), dir);
    assert.equal(code, 1);
    assert.ok(lines.some((l) => /calls\.csv has no header row|no data rows/.test(l)), lines.join('\n'));
    assert.equal(feed, undefined);
  });

  it('names the config file as it is called in errors found while building', async () => {
    const dir = scratch('');
    writeFileSync(join(dir, 'harbor-city.json'), readFileSync(join(dir, 'daylight.config.json')));
    const { code, lines } = await build(join(dir, 'harbor-city.json'), dir);
    assert.equal(code, 1);
    assert.ok(lines.some((l) => l.startsWith('harbor-city.json: sources[0].file:')), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('daylight.config.json')), lines.join('\n'));
  });

  it('refuses a header-only file', async () => {
    const dir = scratch(`${HEADER}\n`);
    const { code, lines } = await build(join(dir, 'daylight.config.json'), dir);
    assert.equal(code, 1);
    assert.ok(lines.some((l) => l.includes('calls.csv: no data rows')), lines.join('\n'));
  });

  it('names the feature and its properties when the boundary file lacks the key property', async () => {
    const boundary = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'North' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] };
    const dir = scratch([HEADER, ...goodRows(20)].join('\n'), () => {}, boundary);
    const { code, lines, feed } = await build(join(dir, 'daylight.config.json'), dir);
    assert.equal(code, 1);
    assert.ok(lines.some((l) => l.includes('features[0] has no "district" property (the areas.key in the config); its properties are: name')), lines.join('\n'));
    assert.equal(feed, undefined);
  });

  it('config validation names the path of an unknown field, a bad time zone, k below 5 and an unknown metric category', () => {
    const config = {
      jurisdiction: { name: 'X', id: 'x', timezone: 'Mars/Olympus' }, grain: 'month', privacy: { k: 11 },
      sources: [{ id: 'cad', file: 'c.csv', kind: 'calls', name: 'CAD', timestampFormat: 'MM/DD/YYYY', fields: { id: 'a', received: 'b', recieved: 'c' } }],
    };
    assert.throws(() => parseConfig(config), (e: ConfigError) => e.message.includes('sources[0].fields.recieved: unknown field'));
    const fixed = structuredClone(config) as any;
    delete fixed.sources[0].fields.recieved;
    assert.throws(() => parseConfig(fixed), (e: ConfigError) => e.message.includes('jurisdiction.timezone: "Mars/Olympus" is not an IANA time zone'));
    fixed.jurisdiction.timezone = 'UTC';
    fixed.privacy.k = 3;
    assert.throws(() => parseConfig(fixed), (e: ConfigError) => e.message.includes('privacy.k: expected an integer of at least 5 (Daylight refuses k below 5), found 3.'));
    fixed.privacy.k = 11;
    fixed.metrics = { response_time: { by: ['nope'] } };
    fixed.sources[0].fields.arrived = 'x';
    assert.throws(() => parseConfig(fixed), (e: ConfigError) => e.message.includes('metrics.response_time.by[0]: expected a category of sources[0] (none defined), found "nope".'));
  });

  it('refuses victim series by week (rule 10)', () => {
    assert.throws(() => parseConfig({
      jurisdiction: { name: 'X', id: 'x', timezone: 'UTC' }, grain: 'week',
      sources: [{ id: 'v', file: 'v.csv', kind: 'victims', name: 'V', timestampFormat: 'iso', fields: { id: 'a', occurred: 'b' } }],
    }), /grain: expected "month" or coarser/);
  });
});

describe('daylight audit', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'daylight.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, DAYLIGHT_FROM_SOURCE: '1' } });

  it('exits 0 on the committed demo feeds', () => {
    for (const name of ['philadelphia', 'san-francisco', 'sample-city']) {
      const r = cli('audit', join(root, 'demo', 'feeds', `${name}.json`));
      assert.equal(r.status, 0, r.stdout + r.stderr);
    }
  });

  it('prints path and rule for a small cell, a recoverable suppressed cell, coordinates and an address, and exits 1', () => {
    const feed = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'feeds', 'small-city.json'), 'utf8'));
    feed.metrics[0].cells[6].n = 4;
    feed.metrics[0].cells[6].value = 4;
    // A suppressed district next to a published one under a published total.
    feed.metrics[0].cells.push({ period: '2026-09', area: '1', n: 20, value: 20 }, { period: '2026-09', area: '2', suppressed: true });
    feed.metrics[0].cells[2] = { period: '2026-09', area: '*', n: 30, value: 30 };
    feed.dimensions.area.values['3'] = '4000 Block of MISSION ST';
    feed.methodology.caveats = ['Located at (37.73217, -122.42779)'];
    const dir = mkdtempSync(join(tmpdir(), 'daylight-audit-'));
    writeFileSync(join(dir, 'feed.json'), JSON.stringify(feed));
    const r = cli('audit', join(dir, 'feed.json'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /metrics\[0\]\.cells\[6\]: a count between 1 and 10 is published \(rule 1\)\. \[small-count, rule 1\]/);
    assert.match(r.stdout, /metrics\[0\]\.cells\[8\]: this suppressed cell's count can be worked out exactly .* \[recoverable, rule 2\]/);
    assert.match(r.stdout, /dimensions\.area\.values\["3"\]: text that looks like a street address .* \[address, rule 6\]/);
    assert.match(r.stdout, /methodology\.caveats\[0\]: text that looks like a point location .* \[coordinates, rule 6\]/);
  });

  it('--help documents every build option', () => {
    const r = cli('--help');
    assert.equal(r.status, 0);
    for (const option of ['--config', '--out', '--name', '--data-dir', '--max-bad-rows', '--show-bad-rows', '--generated', '--no-copy-areas', '--progress', '--quiet', '--json']) {
      assert.ok(r.stdout.includes(option), option);
    }
  });
});
