import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { buildSchema } from '../../scripts/write-schema.ts';
import { validateFeed } from '../../src/core/validate.ts';

const committed = JSON.parse(readFileSync(new URL('../../schema/feed-v1.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const schemaValidate = ajv.compile(committed);

const fixtureDir = new URL('../fixtures/feeds/', import.meta.url);
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.json'));

describe('schema/feed-v1.schema.json', () => {
  it('is what `npm run schema` generates from the validator (run it after changing src/core/validate.ts)', () => {
    assert.deepEqual(committed, JSON.parse(JSON.stringify(buildSchema())));
  });

  for (const name of fixtures) {
    it(`agrees with validateFeed on fixture ${name}`, () => {
      const feed = JSON.parse(readFileSync(new URL(name, fixtureDir), 'utf8'));
      const ours = validateFeed(feed);
      const theirs = schemaValidate(feed);
      assert.equal(theirs, true, JSON.stringify(schemaValidate.errors?.slice(0, 3)));
      assert.equal(ours.ok, true);
    });
  }

  it('rejects, like validateFeed, a feed with k below 5, a label without English, an unknown field, and a cell with both value and suppressed', () => {
    const base = JSON.parse(readFileSync(new URL('small-city.json', fixtureDir), 'utf8'));
    const broken = [
      (f: any) => { f.privacy.minCount = 4; },
      (f: any) => { f.metrics[0].label = { es: 'solo español' }; },
      (f: any) => { f.jurisdiction.chief = 'a name'; },
      (f: any) => { f.metrics[0].cells[2].value = 3; },
    ];
    for (const breakIt of broken) {
      const feed = structuredClone(base);
      breakIt(feed);
      assert.equal(schemaValidate(feed), false, `schema accepted: ${breakIt}`);
      assert.equal(validateFeed(feed).ok, false, `validator accepted: ${breakIt}`);
    }
  });
});
