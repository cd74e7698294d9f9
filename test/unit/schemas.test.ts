import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lseValuesSchema } from '../../src/core/sources/lse-values-schema';

test('schemas/lse-values.schema.json is generated from the chart data (run node scripts/gen-schemas.mjs)', () => {
  assert.deepEqual(JSON.parse(readFileSync('schemas/lse-values.schema.json', 'utf8')), lseValuesSchema());
});

test('the schema forbids unknown persistence keys and requires bucket settings per type', () => {
  const schema = lseValuesSchema() as { properties: { global: { properties: { persistence: unknown } } } };
  const persistence = schema.properties.global.properties.persistence as {
    additionalProperties: boolean;
    properties: { type: { enum: string[] }; config: { properties: Record<string, { additionalProperties: boolean }> } };
    allOf: { if: unknown; then: { properties: { config: { properties: Record<string, { required: string[] }> } } } }[];
  };
  assert.equal(persistence.additionalProperties, false);
  assert.deepEqual(persistence.properties.type.enum, ['s3', 'gcs', 'azure', 'volume']);
  assert.equal(persistence.properties.config.properties.s3.additionalProperties, false);
  assert.deepEqual(persistence.allOf[0].then.properties.config.properties.s3.required, ['bucket', 'region']);
});
