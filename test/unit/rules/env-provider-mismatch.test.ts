import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test('settings of another provider than STORAGE_TYPE are ignored: a warning each, with an optional removal', () => {
  const env = `${s3}STORAGE_GCS_BUCKET_NAME=acme-media\nLABEL_STUDIO_STORAGE_AZURE_FOLDER=lse/\n`;
  const found = findings('env/provider-mismatch', { 'env.list': env }, 'env.list');
  assert.deepEqual(
    found.map((f) => [f.severity, f.range.start.line, f.range.end.column]),
    [
      ['warning', 5, 24],
      ['warning', 6, 34],
    ],
  );
  assert.equal(
    found[0].message,
    'STORAGE_GCS_BUCKET_NAME is for Google Cloud Storage, but STORAGE_TYPE is s3: Label Studio reads only the S3 settings, so this line is ignored. Remove it, or set STORAGE_TYPE to gcs if Google Cloud Storage is meant.',
  );
  // Which side is wrong is the author's call: the removal is offered, not preferred.
  assert.equal(found[0].fixes?.[0].preferred, undefined);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[0], found[0].fixes![0]), `${s3}LABEL_STUDIO_STORAGE_AZURE_FOLDER=lse/\n`);
});

test('nothing without a valid STORAGE_TYPE, for matching settings, or for non-storage variables of a provider', () => {
  const files = [
    `${s3}STORAGE_AWS_FOLDER=lse/\nGOOGLE_APPLICATION_CREDENTIALS=/opt/heartex/secrets/key.json\n`,
    'STORAGE_TYPE=S3\nSTORAGE_GCS_BUCKET_NAME=acme-media\n',
    'STORAGE_GCS_BUCKET_NAME=acme-media\n',
  ];
  for (const env of files) assert.deepEqual(findings('env/provider-mismatch', { 'env.list': env }, 'env.list'), [], env);
});
