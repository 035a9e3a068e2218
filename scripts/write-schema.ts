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

export function buildSchema(): Record<string, unknown> {
  const generated = toJsonSchema(feedEnvelopeSchema, { errorMode: 'ignore' }) as Record<string, any>;
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
