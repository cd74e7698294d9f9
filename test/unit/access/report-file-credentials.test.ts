import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileCredentials } from '../../../src/core/access/file-credentials';
import { Workspace } from '../../../src/core/workspace';

const ws = (files: Record<string, string>) => new Workspace(Object.entries(files).map(([path, text]) => ({ path, text })));
const credentialsOf = (files: Record<string, string>) => {
  const workspace = ws(files);
  const [ref] = workspace.buckets();
  assert.ok(ref, 'the file configures a bucket');
  return fileCredentials(workspace, ref);
};
const values = (type: string, block: string) => `global:\n  persistence:\n    type: ${type}\n    config:\n      ${type}:\n${block}`;

test('S3 keys from a values file and from an env file (the reader decides about quotes)', () => {
  assert.deepEqual(credentialsOf({ 'lse-values.yaml': values('s3', '        bucket: b\n        accessKey: "EXAMPLEKEYID"\n        secretKey: EXAMPLESECRET\n') }), {
    kind: 'aws-keys',
    accessKeyId: 'EXAMPLEKEYID',
    secretAccessKey: 'EXAMPLESECRET',
  });
  const env = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=b\nSTORAGE_AWS_ACCESS_KEY_ID=OLD\nSTORAGE_AWS_ACCESS_KEY_ID="EXAMPLEKEYID"\nSTORAGE_AWS_SECRET_ACCESS_KEY=EXAMPLESECRET\n';
  assert.deepEqual(credentialsOf({ 'env.list': env, 'compose.yaml': 'services:\n  app:\n    env_file: env.list\n' }), { kind: 'aws-keys', accessKeyId: 'EXAMPLEKEYID', secretAccessKey: 'EXAMPLESECRET' });
});

test('placeholders, half pairs and existing secrets are no credentials', () => {
  assert.equal(credentialsOf({ 'env.list': 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=b\nSTORAGE_AWS_ACCESS_KEY_ID=<YOUR_ACCESS_KEY_ID>\nSTORAGE_AWS_SECRET_ACCESS_KEY=<YOUR_SECRET_ACCESS_KEY>\n' }), undefined);
  assert.equal(credentialsOf({ 'lse-values.yaml': values('s3', '        bucket: b\n        accessKey: EXAMPLEKEYID\n') }), undefined);
  assert.equal(credentialsOf({ 'lse-values.yaml': values('s3', '        bucket: b\n        accessKeyExistingSecret: s\n        accessKeyExistingSecretKey: k\n') }), undefined);
  assert.equal(credentialsOf({ 'lse-values.yaml': values('s3', '        bucket: b\n        accessKey: ${AWS_KEY}\n        secretKey: changeme\n') }), undefined);
});

test('Azure account name and key; GCS key JSON only when it holds a private key', () => {
  assert.deepEqual(credentialsOf({ 'lse-values.yaml': values('azure', '        containerName: c\n        storageAccountName: acct\n        storageAccountKey: EXAMPLEKEY==\n') }), {
    kind: 'azure-key',
    accountName: 'acct',
    accountKey: 'EXAMPLEKEY==',
  });
  const json = '{"type":"service_account","private_key":"EXAMPLE"}';
  assert.deepEqual(credentialsOf({ 'lse-values.yaml': values('gcs', `        bucket: b\n        applicationCredentialsJSON: '${json}'\n`) }), { kind: 'gcp-key-json', json });
  assert.equal(credentialsOf({ 'lse-values.yaml': values('gcs', "        bucket: b\n        applicationCredentialsJSON: '{}'\n") }), undefined);
});

test('buckets from .bucket-doctor.json have no credentials in their file', () => {
  assert.equal(credentialsOf({ '.bucket-doctor.json': '{"buckets":[{"name":"b","provider":"s3"}]}' }), undefined);
});
