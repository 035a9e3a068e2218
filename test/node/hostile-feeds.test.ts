import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { validateFeed, type ValidationResult } from '../../src/core/validate.ts';
import { guardFeed } from '../../src/core/privacy.ts';

/**
 * Hostile feeds against the validator (pure, so it runs here rather than in the browser):
 * property-based malformed, truncated, deeply nested, wrong-typed and version-mismatched input,
 * and a 50 MB feed. The validator must never throw, must always return a result whose messages
 * are strings, and must never hang.
 *
 * "Never hangs" is the one time bound in the suite: MS_PER_MB is a hang detector, ~30x above
 * what the validator takes on this 2-core machine (bench/scale.bench.ts: ~35 ms per MB), so a
 * loaded machine does not fail it but an accidental quadratic or endless loop does.
 */
const MS_PER_MB = 1_000;
const text = readFileSync(new URL('../fixtures/feeds/small-city.json', import.meta.url), 'utf8');
const good = (): Record<string, unknown> => JSON.parse(text);

function safely(input: unknown): ValidationResult {
  let result: ValidationResult | undefined;
  assert.doesNotThrow(() => { result = validateFeed(input); });
  assert.ok(result);
  const issues = result.ok ? result.warnings : result.errors;
  for (const issue of issues) assert.equal(typeof issue.message, 'string');
  if (result.ok) assert.doesNotThrow(() => guardFeed(result!.ok ? result!.feed : (undefined as never)));
  return result;
}

function deep(depth: number, leaf: unknown, kind: 'array' | 'object'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Every path (as key lists) to a value inside `value`, up to `limit`. */
function paths(value: unknown, limit = 400): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const walk = (v: unknown, at: Array<string | number>) => {
    if (out.length >= limit) return;
    out.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(value, []);
  return out.filter((p) => p.length > 0);
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, NaN, Infinity, -1, 1e308, '', '<script>alert(1)</script>', 'javascript:alert(1)', '\u202Eevil', [], {}, true),
  fc.string({ maxLength: 200 }),
);

describe('hostile feeds: the validator never throws', () => {
  it('arbitrary JSON-like values', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 5 }), (input) => { safely(input); }), { numRuns: 500 });
  });

  it('objects whose toString is not a function, in cell fields (found by the property below)', () => {
    const unprintable = JSON.parse('{"toString": 0, "valueOf": null}');
    for (const field of ['period', 'area', 'n', 'value', 'q', 'numerator', 'suppressed']) {
      const feed = good() as { metrics: Array<{ cells: Array<Record<string, unknown>> }> };
      feed.metrics[0]!.cells[0]![field] = unprintable;
      const result = safely(feed);
      assert.equal(result.ok, false, field);
      if (!result.ok) assert.match(result.errors[0]!.message, new RegExp(`^metrics\\[0\\]\\.cells\\[0\\]\\.${field}: `), field);
    }
  });

  it('a good feed with one value anywhere replaced by a wrong-typed or hostile value', () => {
    const all = paths(good());
    fc.assert(fc.property(fc.integer({ min: 0, max: all.length - 1 }), hostileValue, (index, value) => {
      const feed = good();
      setAt(feed, all[index]!, value);
      safely(feed);
    }), { numRuns: 800 });
  });

  it('a good feed with keys deleted or added at random', () => {
    const all = paths(good());
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: all.length - 1 }), { maxLength: 6 }), fc.string(), hostileValue, (indexes, key, value) => {
      const feed = good();
      for (const i of indexes) {
        const path = all[i]!;
        try {
          let node = feed as Record<string | number, unknown>;
          for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
          if (node && typeof node === 'object') {
            if (Array.isArray(node)) node.splice(Number(path[path.length - 1]), 1);
            else delete node[path[path.length - 1]!];
            (node as Record<string, unknown>)[key] = value;
          }
        } catch { /* the path was removed by an earlier deletion */ }
      }
      safely(feed);
    }), { numRuns: 500 });
  });

  it('truncated feeds: every cut either fails to parse (a not-json error) or validates without throwing', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
      let parsed: unknown;
      try { parsed = JSON.parse(text.slice(0, cut)); } catch { return; }
      safely(parsed);
    }), { numRuns: 300 });
  });

  it('deeply nested values (100,000 levels) anywhere', () => {
    for (const kind of ['array', 'object'] as const) {
      const nested = deep(100_000, 1, kind);
      safely(nested);
      for (const path of [['version'], ['metrics'], ['jurisdiction'], ['methodology'], ['metrics', 0, 'cells'], ['metrics', 0, 'cells', 0, 'n'], ['metrics', 0, 'label'], ['dimensions', 'area', 'values']]) {
        const feed = good();
        setAt(feed, path, nested);
        assert.equal(safely(feed).ok, false, `${kind} nested at ${path.join('.')}`);
      }
    }
  });

  it('version mismatch: any version but 1 / 1.x is rejected with a message about the version', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constantFrom('2.0', '0.9', '10.1', '1', 'v1.0')), (version) => {
      const feed = good();
      feed.version = version;
      const result = safely(feed);
      if (typeof version === 'string' && /^\d+(\.\d+)?$/.test(version) && Number(version.split('.')[0]) === 1) return; // 1, 1.0, 1.7: version 1
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.errors.some((e) => e.path === 'version'), JSON.stringify(result.errors[0]));
    }), { numRuns: 300 });
  });

  it('10,000-character labels, bidi controls and markup are accepted as text (rendering keeps them inert)', () => {
    const feed = good() as { metrics: Array<{ label: unknown }> };
    feed.metrics[0]!.label = `\u202E${'x'.repeat(10_000)}<img src=x onerror=alert(1)>`;
    assert.equal(safely(feed).ok, true);
  });
});

describe('hostile feeds: huge input never hangs the validator', () => {
  /** ~`mb` MB of feed: one metric with enough cells, each `wrong` or valid. */
  function huge(mb: number, wrong: boolean): { feed: unknown; mb: number } {
    const feed = good() as { metrics: Array<{ cells: unknown[]; dimensions: string[] }> };
    const metric = feed.metrics[0]!;
    const cells: unknown[] = [];
    const per = 52; // bytes per cell as JSON, roughly
    const count = Math.round((mb * 2 ** 20) / per);
    for (let i = 0; i < count; i++) {
      const period = `${2000 + ((i / 12) | 0) % 26}-${String((i % 12) + 1).padStart(2, '0')}`;
      cells.push(wrong ? { period, area: `a${i}`, n: String(i), value: { x: i } } : { period, area: `a${i}`, n: 11 + (i % 50), value: 11 + (i % 50) });
    }
    metric.cells = cells;
    return { feed, mb: (count * per) / 2 ** 20 };
  }

  for (const wrong of [false, true]) {
    it(`a 50 MB feed${wrong ? ' with every cell wrong-typed' : ''} completes within ${MS_PER_MB} ms per MB`, () => {
      const { feed, mb } = huge(50, wrong);
      const started = performance.now();
      const result = safely(feed);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < mb * MS_PER_MB, `took ${Math.round(elapsed)} ms for ${mb.toFixed(0)} MB`);
      if (wrong) assert.equal(result.ok, false);
    });
  }
});
