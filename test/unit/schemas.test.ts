import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { conditionOperatorVariants, iamPolicySchema } from '../../src/core/iam/policy-schema';
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

test('schemas/iam-policy.schema.json is generated from the IAM catalog (run node scripts/gen-schemas.mjs)', () => {
  assert.deepEqual(JSON.parse(readFileSync('schemas/iam-policy.schema.json', 'utf8')), iamPolicySchema());
});

test('the policy schema offers every catalog action with its access level and resource types', () => {
  const schema = iamPolicySchema() as { definitions: { action: { anyOf: [{ enum: string[]; enumDescriptions: string[] }, { pattern: string }] } } };
  const [known, free] = schema.definitions.action.anyOf;
  assert.equal(known.enum.length, known.enumDescriptions.length);
  assert.equal(known.enumDescriptions[known.enum.indexOf('s3:GetObject')], 'Read · resource types: accesspointobject, object');
  assert.equal(known.enumDescriptions[known.enum.indexOf('s3:PutBucketNotification')], 'Write · resource types: bucket*');
  assert.equal(known.enumDescriptions[known.enum.indexOf('sts:GetCallerIdentity')], 'Read · resource types: "*" only');
  assert.ok(known.enum.includes('kms:GenerateDataKey') && known.enum.includes('iam:PassRole'));
  const pattern = new RegExp(free.pattern);
  for (const ok of ['*', 's3:Get*', 'ec2:DescribeInstances', 's3:get?bject']) assert.match(ok, pattern);
  for (const bad of ['GetObject', 's3:', 's3:Get Object']) assert.doesNotMatch(bad, pattern);
});

test('the policy schema: Effect and Version values, condition operators with IfExists and qualifiers', () => {
  const schema = iamPolicySchema() as {
    properties: { Version: { enum: string[] } };
    definitions: { statement: { properties: { Effect: { enum: string[] }; Condition: { properties: Record<string, unknown> } } }; conditionKeys: { properties: Record<string, unknown> } };
  };
  assert.deepEqual(schema.properties.Version.enum, ['2012-10-17', '2008-10-17']);
  assert.deepEqual(schema.definitions.statement.properties.Effect.enum, ['Allow', 'Deny']);
  const operators = Object.keys(schema.definitions.statement.properties.Condition.properties);
  for (const name of ['StringEquals', 'IpAddress', 'NotIpAddress', 'StringLikeIfExists', 'Null', 'ForAnyValue:StringLike', 'ForAllValues:StringEqualsIfExists']) assert.ok(operators.includes(name), name);
  for (const name of ['NullIfExists', 'IPAddress', 'StringEqual', 'ForAnyValue:NullIfExists']) assert.ok(!operators.includes(name), name);
  assert.deepEqual(conditionOperatorVariants().length, operators.length);
  const keys = Object.keys(schema.definitions.conditionKeys.properties);
  for (const key of ['aws:SourceIp', 'aws:SourceVpc', 's3:prefix', 'sts:ExternalId', 'kms:ViaService']) assert.ok(keys.includes(key), key);
  assert.ok(!keys.some((k) => k.includes('${')));
});
