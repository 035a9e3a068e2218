/**
 * Writes schema/feed-v1.schema.json from the validator's own Valibot description, so the published
 * schema and the validator cannot drift apart (test/node/schema.test.ts fails when the committed
 * file is out of date). Cells are described here because the validator checks them in code.
 *   npm run schema
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { feedEnvelopeSchema } from '../src/core/validate.ts';

const cellSchema = {
  type: 'object',
  description:
    'One published number, or a published absence of one. Besides the fields below, a cell holds one string per dimension id '
    + 'listed in its metric\'s "dimensions" ("*" = the total across that dimension), and nothing else.',
  properties: {
    n: { type: 'integer', minimum: 0, description: 'Records behind the cell. Omitted on suppressed cells: their size is what suppression hides.' },
    value: { type: 'number', description: 'The published value; absent when suppressed.' },
    suppressed: { const: true, description: 'The value is withheld by a privacy rule.' },
    numerator: { type: 'integer', minimum: 0, description: 'For shares and rates: the count on top of the fraction.' },
    q: { type: 'number', minimum: 0, maximum: 1, description: 'For quantile metrics: which quantile (0.5 = median).' },
    unstable: { const: true, description: 'The numerator is 20 or fewer (rule 9).' },
  },
  additionalProperties: { type: 'string', minLength: 1 },
  oneOf: [
    { required: ['n', 'value'], not: { required: ['suppressed'] } },
    { required: ['suppressed'], not: { required: ['value'] } },
  ],
};

/**
 * The validator checks a label object's "en" in code (a record of strings plus a check, cheaper
 * to bundle than Valibot's object-with-rest schema), which the converter cannot express; this
 * states it in every label's schema. Throws when no label is found, so a change in the converter's
 * output cannot drop the requirement unnoticed.
 */
function requireEnglishLabels(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + requireEnglishLabels(item), 0);
  if (typeof node !== 'object' || node === null) return 0;
  const record = node as Record<string, unknown>;
  let found = 0;
  const options = record.anyOf;
  if (Array.isArray(options) && options.length === 2
    && JSON.stringify(options[0]) === JSON.stringify({ type: 'string', minLength: 1 })
    && JSON.stringify(options[1]) === JSON.stringify({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'string' } })) {
    options[1] = { type: 'object', properties: { en: { type: 'string', minLength: 1 } }, required: ['en'], additionalProperties: { type: 'string' } };
    found++;
  }
  for (const value of Object.values(record)) found += requireEnglishLabels(value);
  return found;
}

export function buildSchema(): Record<string, unknown> {
  const generated = toJsonSchema(feedEnvelopeSchema, { errorMode: 'ignore' }) as Record<string, any>;
  if (requireEnglishLabels(generated) === 0) throw new Error('write-schema: no label schema found to add the "en" requirement to');
  generated.properties.metrics.items.properties.cells.items = cellSchema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://daylight-kit.org/schema/feed-v1.schema.json',
    title: 'Daylight feed, version 1',
    description: 'Aggregated, privacy-thresholded public-safety metrics for <daylight-*> elements. Human-readable specification: docs/feed.md. '
      + 'Some rules are checked by the validator in code and cannot be expressed here: period keys follow the feed\'s grain, cells carry exactly '
      + 'their metric\'s dimensions, share and rate cells carry a numerator, quantile cells carry q, and no two cells share their dimension values.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../schema/feed-v1.schema.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(buildSchema(), null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
}
