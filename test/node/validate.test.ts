import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { validateFeed, MAX_ERRORS } from '../../src/core/validate.ts';
import type { Feed } from '../../src/core/types.ts';

const smallCity = (): Feed => JSON.parse(readFileSync(new URL('../fixtures/feeds/small-city.json', import.meta.url), 'utf8'));

function messages(input: unknown): string[] {
  const result = validateFeed(input);
  assert.equal(result.ok, false, 'expected the feed to be rejected');
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('validateFeed', () => {
  it('accepts the small-city fixture and returns it typed, without warnings', () => {
    const result = validateFeed(smallCity());
    assert.ok(result.ok, result.ok ? '' : result.errors.map((e) => e.message).join('\n'));
    assert.equal(result.feed.metrics.length, 3);
    assert.deepEqual(result.warnings, []);
  });

  it('names the path, the expectation and the found value for a wrongly typed cell count', () => {
    const feed = smallCity() as unknown as { metrics: Array<{ cells: Array<Record<string, unknown>> }> };
    feed.metrics[0]!.cells[3]!.n = '12';
    assert.deepEqual(messages(feed), ['metrics[0].cells[3].n: expected a non-negative integer, found "12".']);
  });

  it('rejects a non-object with one error at the root', () => {
    assert.deepEqual(messages('feed'), ['(feed): expected a feed object, found "feed".']);
    assert.deepEqual(messages(null), ['(feed): expected a feed object, found null.']);
    assert.deepEqual(messages([]), ['(feed): expected a feed object, found an array of 0.']);
  });

  it('says "unsupported feed version" for a future major version, and nothing else', () => {
    const errors = messages({ ...smallCity(), version: '2.0', metrics: 'whatever' });
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^version: unsupported feed version "2\.0"/);
  });

  it('accepts a future minor version of v1', () => {
    assert.ok(validateFeed({ ...smallCity(), version: '1.3' }).ok);
  });

  it('reports a missing required field by its path', () => {
    const feed = smallCity() as unknown as { period: Record<string, unknown> };
    delete feed.period.grain;
    assert.deepEqual(messages(feed), ['period.grain: required field is missing.']);
  });

  it('takes a label as a non-empty string or as strings by language with a non-empty "en"', () => {
    assert.ok(validateFeed({ ...smallCity(), title: 'Safety' }).ok);
    assert.ok(validateFeed({ ...smallCity(), title: { en: 'Safety', es: 'Seguridad' } }).ok);
    assert.deepEqual(messages({ ...smallCity(), title: { es: 'Seguridad' } }), ['title: expected labels by language with a non-empty "en", found an object.']);
    assert.deepEqual(messages({ ...smallCity(), title: { en: '' } }), ['title: expected labels by language with a non-empty "en", found an object.']);
    assert.deepEqual(messages({ ...smallCity(), title: '' }), ['title: expected a non-empty label, found "".']);
    assert.match(messages({ ...smallCity(), title: { en: 'Safety', es: 3 } })[0]!, /^title: expected a label: a non-empty string, or an object of strings by language/);
  });

  it('checks inline GeoJSON boundaries: other GeoJSON members pass, a missing feature member is named', () => {
    const withAreas = (inline: unknown) => ({ ...smallCity(), areas: { key: 'district', inline } });
    const feature = { type: 'Feature', id: 7, bbox: [0, 0, 1, 1], properties: { district: '1' }, geometry: null };
    assert.ok(validateFeed(withAreas({ type: 'FeatureCollection', crs: { type: 'name' }, features: [feature] })).ok);
    const { properties: _omitted, ...withoutProperties } = feature;
    assert.deepEqual(messages(withAreas({ type: 'FeatureCollection', features: [withoutProperties] })),
      ['areas.inline.features[0].properties: required field is missing.']);
    assert.deepEqual(messages(withAreas({ type: 'Topology', features: [feature] })),
      ['areas.inline.type: expected a GeoJSON "FeatureCollection", found "Topology".']);
  });

  it('rejects unknown fields, so free text cannot ride along in a feed', () => {
    const feed = smallCity() as unknown as { jurisdiction: Record<string, unknown>; metrics: Array<{ cells: Array<Record<string, unknown>> }> };
    feed.metrics[0]!.cells[0]!.address = '4000 Block of MISSION ST';
    assert.match(messages(feed)[0]!, /^metrics\[0\]\.cells\[0\]\.address: unexpected field/);
    const other = smallCity() as unknown as { jurisdiction: Record<string, unknown> };
    other.jurisdiction.chief = 'name';
    assert.match(messages(other)[0]!, /^jurisdiction\.chief: unexpected field/);
  });

  it('refuses k below 5', () => {
    const feed = smallCity();
    feed.privacy.minCount = 3;
    assert.deepEqual(messages(feed), ['privacy.minCount: expected an integer of at least 5 (the smallest k Daylight allows), found 3.']);
  });

  it('checks period keys against the grain', () => {
    const feed = smallCity();
    feed.metrics[0]!.cells[0]!.period = '2026-7';
    assert.deepEqual(messages(feed), ['metrics[0].cells[0].period: expected a month period such as "2024-07", found "2026-7".']);
  });

  it('requires a value or suppressed, but not both', () => {
    const feed = smallCity();
    delete feed.metrics[0]!.cells[0]!.value;
    assert.deepEqual(messages(feed), ['metrics[0].cells[0].value: expected a finite number, or "suppressed": true, found nothing.']);
    const both = smallCity();
    both.metrics[0]!.cells[2]!.value = 3;
    assert.deepEqual(messages(both), ['metrics[0].cells[2].value: expected no value on a suppressed cell, found 3.']);
  });

  it('requires the numerator of shares and rates, and q of quantiles', () => {
    const feed = smallCity();
    delete feed.metrics[2]!.cells[0]!.numerator;
    delete feed.metrics[1]!.cells[0]!.q;
    const errors = messages(feed);
    assert.ok(errors.includes('metrics[2].cells[0].numerator: expected the count on top of the share (needed to check privacy rule 3), found nothing.'), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('metrics[1].cells[0].q: expected the quantile')), errors.join('\n'));
  });

  it('rejects duplicate cells and dimension ids that clash with cell fields', () => {
    const feed = smallCity();
    feed.metrics[0]!.cells.push({ ...feed.metrics[0]!.cells[0]! });
    assert.match(messages(feed)[0]!, /^metrics\[0\]\.cells\[7\]: expected one cell per combination of period, area/);
    const clash = smallCity();
    clash.metrics[0]!.dimensions = ['period', 'n'];
    assert.ok(messages(clash).some((e) => e.startsWith('metrics[0].dimensions[1]: expected a dimension id other than')));
  });

  it('warns, without failing, when a metric has no methodology for residents', () => {
    const feed = smallCity();
    delete feed.methodology.metrics.incidents;
    const result = validateFeed(feed);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings.map((w) => w.path), ['methodology.metrics.incidents']);
  });

  it('stops collecting after MAX_ERRORS errors', () => {
    const feed = smallCity();
    feed.metrics[0]!.cells = Array.from({ length: 500 }, () => ({ n: -1 }));
    assert.equal(messages(feed).length, MAX_ERRORS);
  });

  it('never throws on arbitrary JSON and never accepts a non-object', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateFeed(value);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) assert.equal(result.ok, false);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('never throws on mutations of a valid feed, and every rejection names a path', () => {
    const base = smallCity();
    const paths = collectPaths(base);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, replacement) => {
        const feed = structuredClone(base) as unknown;
        setAt(feed, path, replacement);
        const result = validateFeed(feed);
        if (!result.ok) for (const error of result.errors) assert.ok(error.message.length > 0 && error.found.length > 0);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('never accepts a feed whose cell counts are not non-negative integers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.integer({ max: -1 })), fc.nat({ max: 6 }), (bad, index) => {
        fc.pre(!(typeof bad === 'number' && Number.isInteger(bad) && bad >= 0));
        const feed = smallCity();
        if (feed.metrics[0]!.cells[index]!.suppressed) return;
        (feed.metrics[0]!.cells[index] as Record<string, unknown>).n = bad;
        assert.equal(validateFeed(feed).ok, false);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

type Path = Array<string | number>;

function collectPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => collectPaths(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collectPaths(item, [...prefix, key], out);
  return out;
}

function setAt(root: unknown, path: Path, replacement: unknown): void {
  let target = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]!] = replacement;
}

describe('recordsForQuantile (rule 4)', () => {
  it('needs 2k records for the median and exactly 10k for the 90th percentile, despite 1 − 0.9 < 0.1 in floating point', async () => {
    const { recordsForQuantile, cellFault } = await import('../../src/core/privacy.ts');
    assert.equal(recordsForQuantile(0.5, 11), 22);
    assert.equal(recordsForQuantile(0.9, 11), 110);
    assert.equal(recordsForQuantile(0.1, 11), 110);
    assert.equal(cellFault({ statistic: 'quantile' }, { n: 110, q: 0.9, value: 17 }, 11), undefined);
    assert.equal(cellFault({ statistic: 'quantile' }, { n: 109, q: 0.9, value: 17 }, 11), 'quantile-too-few');
  });
});
