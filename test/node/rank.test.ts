// Ranking compares names only to break ties in value, so the collator behind it is built lazily:
// a page's first Intl object starts ICU on the first render.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

// Counted from before the module loads, so a collator built at import time counts too. This
// file runs in its own process, so the replaced constructor touches no other test.
let made = 0;
Intl.Collator = new Proxy(Intl.Collator, {
  construct(target, args) {
    made++;
    return Reflect.construct(target, args) as object;
  },
});
const { lazyCollator, rankByValue } = await import('../../src/core/areas.js');

type Area = { name: string; value?: number };
const name = (a: Area) => a.name;
const value = (a: Area) => a.value;

describe('rankByValue', () => {
  it('orders by value and builds no collator when no values tie', () => {
    const areas: Area[] = [{ name: 'District 10', value: 3 }, { name: 'District 2', value: 9 }, { name: 'District 1' }, { name: 'District 3', value: 5 }];
    for (const collator of [undefined, lazyCollator('en')]) {
      assert.deepEqual(rankByValue(areas, value, name, collator).map(name), ['District 2', 'District 3', 'District 10']);
    }
    // Counts since before the import: this test runs first.
    assert.equal(made, 0);
  });

  it('breaks ties between numbered names as the collator would, without building it', () => {
    const areas: Area[] = [{ name: 'District 10', value: 4 }, { name: 'District 2', value: 4 }, { name: 'District 1', value: 4 }, { name: 'District 11', value: 7 }];
    const before = made;
    for (const collator of [undefined, lazyCollator('en')]) {
      assert.deepEqual(rankByValue(areas, value, name, collator).map(name), ['District 11', 'District 1', 'District 2', 'District 10']);
    }
    assert.equal(made - before, 0);
  });

  it('builds the collator once, on the first tie between names the shortcut does not cover', () => {
    const areas: Area[] = [{ name: 'Northeast', value: 4 }, { name: 'Center City', value: 4 }, { name: 'Área 9', value: 4 }, { name: 'Zone 07', value: 7 }];
    const collator = lazyCollator('en');
    const before = made;
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(rankByValue(areas, value, name, collator).map(name), ['Zone 07', 'Área 9', 'Center City', 'Northeast']);
    }
    assert.equal(made - before, 1);
  });

  it('orders any two names exactly as Intl.Collator with numeric collation does', () => {
    const reference = new Intl.Collator('en', { numeric: true });
    const names = fc.tuple(
      fc.constantFrom('District ', 'district ', 'Ward ', 'Ward', 'PSA ', 'Área ', '', 'Zone 1-', 'North '),
      fc.oneof(fc.nat({ max: 200 }).map(String), fc.constantFrom('007', '0', '10', '1e3', '2b', '99999999999999999')),
    ).map(([prefix, number]) => prefix + number);
    fc.assert(fc.property(names, names, (a, b) => {
      assert.equal(lazyCollator('en').compare(a, b), Math.sign(reference.compare(a, b)), `${a} vs ${b}`);
    }), { numRuns: 3000 });
  });
});
