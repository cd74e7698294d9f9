import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compatibleFixes } from '../../../src/core/fix-all';
import { applyEdits } from '../../../src/core/text';
import { applyAndRecheck, check, findings, preferred } from './check-helpers';

const ssrf = 'SSRF_PROTECTION_ENABLED=true\n';

test('S3 without bucket and region: an error for the bucket, a warning for the region, both on STORAGE_TYPE', () => {
  const env = `STORAGE_TYPE=s3\nSTORAGE_AWS_FOLDER=lse/\n${ssrf}`;
  const found = findings('env/missing-required', { 'env.list': env }, 'env.list');
  assert.deepEqual(
    found.map((f) => [f.severity, f.range]),
    [
      ['error', { start: { line: 1, column: 1 }, end: { line: 1, column: 16 } }],
      ['warning', { start: { line: 1, column: 1 }, end: { line: 1, column: 16 } }],
    ],
  );
  assert.equal(
    found[0].message,
    'STORAGE_TYPE is s3, but STORAGE_AWS_BUCKET_NAME is not set: Label Studio cannot use S3 without it, so uploads, exports and media fail. Set it.',
  );
  assert.match(found[1].message, /^STORAGE_TYPE is s3, but STORAGE_AWS_REGION_NAME is not set: boto3 then guesses the region/);
  const bucket = preferred(found[0]);
  assert.deepEqual(bucket.edits, [{ offset: 15, length: 0, text: '\nSTORAGE_AWS_BUCKET_NAME=<YOUR_BUCKET_NAME>', snippet: '\nSTORAGE_AWS_BUCKET_NAME=${1:<YOUR_BUCKET_NAME>}' }]);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[0], bucket), `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=<YOUR_BUCKET_NAME>\nSTORAGE_AWS_FOLDER=lse/\n${ssrf}`);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[1], preferred(found[1])), `STORAGE_TYPE=s3\nSTORAGE_AWS_REGION_NAME=<YOUR_REGION_NAME>\nSTORAGE_AWS_FOLDER=lse/\n${ssrf}`);
});

test('fix-all applies both fixes in one pass and leaves nothing missing', () => {
  const env = `STORAGE_TYPE=s3\n${ssrf}`;
  const all = check({ 'env.list': env }, 'env.list');
  const chosen = compatibleFixes(all, 'env/missing-required');
  assert.equal(chosen.length, 2);
  const fixed = applyEdits(env, chosen.flatMap((c) => c.fix.edits));
  assert.equal(fixed, `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=<YOUR_BUCKET_NAME>\nSTORAGE_AWS_REGION_NAME=<YOUR_REGION_NAME>\n${ssrf}`);
  assert.deepEqual(check({ 'env.list': fixed }, 'env.list').filter((f) => f.severity !== 'info'), []);
});

test('Azure without any setting: one error naming all three, one fix adding them with tab stops', () => {
  const env = `  STORAGE_TYPE=azure\n${ssrf}`;
  const [found, ...rest] = findings('env/missing-required', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.match(found.message, /but STORAGE_AZURE_ACCOUNT_NAME, STORAGE_AZURE_ACCOUNT_KEY and STORAGE_AZURE_CONTAINER_NAME are not set: Label Studio cannot use Azure Blob Storage without them/);
  const [edit] = preferred(found).edits;
  assert.equal(
    edit.snippet,
    '\n  STORAGE_AZURE_ACCOUNT_NAME=${1:<YOUR_ACCOUNT_NAME>}\n  STORAGE_AZURE_ACCOUNT_KEY=${2:<YOUR_ACCOUNT_KEY>}\n  STORAGE_AZURE_CONTAINER_NAME=${3:<YOUR_CONTAINER_NAME>}',
  );
  applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found));
});

test('set but empty counts as missing, and the fix fills that line instead of adding another', () => {
  const env = `STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME=acme-media\nSTORAGE_GCS_PROJECT_ID=\n${ssrf}`;
  const [found] = findings('env/missing-required', { 'env.list': env }, 'env.list');
  assert.match(found.message, /but STORAGE_GCS_PROJECT_ID is empty:/);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), env.replace('PROJECT_ID=', 'PROJECT_ID=<YOUR_PROJECT_ID>'));
  // docker run would pass "" on as two quote characters; the author meant empty.
  const quoted = `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=""\nSTORAGE_AWS_REGION_NAME=us-east-1\n${ssrf}`;
  const [fromQuotes] = findings('env/missing-required', { 'env.list': quoted }, 'env.list');
  assert.equal(applyAndRecheck({ 'env.list': quoted }, 'env.list', fromQuotes, preferred(fromQuotes)), quoted.replace('""', '<YOUR_BUCKET_NAME>'));
});

test('complete settings, prefixed names, host-provided names and non-provider types need nothing', () => {
  const good = [
    `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\n`,
    `STORAGE_TYPE=gcs\nLABEL_STUDIO_STORAGE_GCS_BUCKET_NAME=acme-media\nHEARTEX_STORAGE_GCS_PROJECT_ID=acme\n`,
    `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME\nSTORAGE_AWS_REGION_NAME\n`,
    `STORAGE_TYPE=volume\n`,
    `STORAGE_TYPE=S3\n`,
    `DEBUG=false\n`,
  ];
  for (const env of good) assert.deepEqual(findings('env/missing-required', { 'env.list': env }, 'env.list'), [], env);
});
