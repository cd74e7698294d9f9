import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCheck } from '../../../src/core/rules/env/value-checks';
import { findings } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test('json.loads as Python has it: NaN and Infinity pass, single quotes and trailing commas do not', () => {
  const json = parseCheck('json');
  for (const ok of ['{"ServerSideEncryption":"aws:kms"}', ' {} ', '{"a": NaN, "b": -Infinity}', '{"a": "NaN"}', '[1, 2]']) assert.ok(json.accepts(ok), ok);
  for (const bad of ['', "{'a': 1}", '{"a": 1,}', '{"a": nan}', '{"a": "NaN}', 'ServerSideEncryption=aws:kms']) assert.ok(!json.accepts(bad), bad);
});

test('STORAGE_AWS_OBJECT_PARAMETERS that json.loads refuses stops Label Studio: error, no guessed fix', () => {
  const env = `${s3}STORAGE_AWS_OBJECT_PARAMETERS={'ServerSideEncryption': 'aws:kms'}\n`;
  const [found, ...rest] = findings('env/invalid-json', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'error');
  assert.deepEqual(found.range, { start: { line: 5, column: 31 }, end: { line: 5, column: 66 } });
  assert.equal(
    found.message,
    `STORAGE_AWS_OBJECT_PARAMETERS is "{'ServerSideEncryption': 'aws:kms'}": Label Studio reads it with json.loads, so only valid JSON works, and it does not start otherwise.`,
  );
  // Long values are shortened in the message.
  const long = `${s3}STORAGE_AWS_OBJECT_PARAMETERS={'ServerSideEncryption': 'aws:kms', 'SSEKMSKeyId': 'alias/lse'}\n`;
  assert.match(findings('env/invalid-json', { 'env.list': long }, 'env.list')[0].message, /is "\{'ServerSideEncryption': 'aws:kms', '\.\.\.": /);
  assert.equal(found.fixes, undefined);
});

test('valid JSON, quotes only docker run keeps, and another provider are not reported', () => {
  const good = [
    `${s3}STORAGE_AWS_OBJECT_PARAMETERS={"ServerSideEncryption": "aws:kms"}\n`,
    `${s3}STORAGE_AWS_OBJECT_PARAMETERS='{"CacheControl": "max-age=86400"}'\n`,
    'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME=a-b\nSTORAGE_GCS_PROJECT_ID=p\nSTORAGE_AWS_OBJECT_PARAMETERS={bad}\n',
  ];
  for (const env of good) assert.deepEqual(findings('env/invalid-json', { 'env.list': env }, 'env.list'), [], env);
});
