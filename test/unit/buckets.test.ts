import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Workspace } from '../../src/core/workspace';
import { findings } from './rules/check-helpers';

const ws = (files: Record<string, string>) => new Workspace(Object.entries(files).map(([path, text]) => ({ path, text })));

test('the example workspace: values (IRSA) and env (access keys, read by Compose)', () => {
  const files = Object.fromEntries(['lse-values.yaml', 'env.list', 'docker-compose.yml'].map((f) => [f, readFileSync(`examples/${f}`, 'utf8')]));
  const refs = ws(files).buckets();
  assert.deepEqual(
    refs.map((r) => [r.file, r.provider, r.name, r.folder, r.region, r.auth, r.profile, r.roleArn, r.range.start.line]),
    [
      ['lse-values.yaml', 's3', 'acme-labeling-prod', 'lse/', 'us-east-1', 'irsa-role', 'lse-persistence', 'arn:aws:iam::123456789012:role/lse-storage', 14],
      ['env.list', 's3', 'acme-labeling-staging', 'lse/', 'us-east-1', 'access-keys', 'lse-persistence', undefined, 3],
    ],
  );
});

test('auth modes from the values blocks', () => {
  const values = (type: string, block: string, extra = '') => `global:\n  persistence:\n    type: ${type}\n    config:\n      ${type}:\n${block}${extra}`;
  const auth = (text: string) => ws({ 'lse-values.yaml': text }).buckets()[0]?.auth;
  assert.equal(auth(values('s3', '        bucket: b\n        accessKey: AKIA\n        secretKey: s\n')), 'access-keys');
  assert.equal(auth(values('s3', '        bucket: b\n        accessKeyExistingSecret: x\n        accessKeyExistingSecretKey: k\n')), 'existing-secret');
  assert.equal(auth(values('s3', '        bucket: b\n')), 'node-role');
  assert.equal(auth(values('gcs', '        bucket: b\n', 'app:\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: sa@p.iam.gserviceaccount.com\n')), 'workload-identity');
  assert.equal(auth(values('gcs', '        bucket: b\n        applicationCredentialsJSON: "{}"\n')), 'key-json');
  assert.equal(auth(values('azure', '        containerName: c\n        storageAccountName: a\n        storageAccountKey: k\n')), 'account-key');
  assert.equal(ws({ 'lse-values.yaml': values('volume', '        size: 10Gi\n') }).buckets().length, 0);
});

test('env files: prefix shadowing and the Compose reader decide the values', () => {
  const env = 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME="quoted"\nLABEL_STUDIO_STORAGE_GCS_BUCKET_NAME=winner\n';
  assert.equal(ws({ 'env.list': env }).buckets()[0].name, 'winner');
  const plain = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME="acme"\n';
  assert.equal(ws({ 'env.list': plain }).buckets()[0].name, '"acme"', 'docker run keeps quotes');
  assert.equal(ws({ 'env.list': plain, 'compose.yaml': 'services:\n  app:\n    env_file: env.list\n' }).buckets()[0].name, 'acme');
});

test('.bucket-doctor.json declares buckets and completes those of other files', () => {
  const config = JSON.stringify({ buckets: [{ name: 'acme', profile: 'lightly-output', prefix: 'lightly/', policies: ['iam/p.json'], kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k' }, { name: 'media', provider: 'azure' }] }, null, 2);
  const refs = ws({ 'env.list': 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme\n', '.bucket-doctor.json': config }).buckets();
  assert.deepEqual(refs.map((r) => [r.file, r.name, r.profile, r.folder, r.policies]), [
    ['env.list', 'acme', 'lightly-output', 'lightly/', ['iam/p.json']],
    ['.bucket-doctor.json', 'acme', 'lightly-output', 'lightly/', ['iam/p.json']],
    ['.bucket-doctor.json', 'media', 'lse-persistence', '', undefined],
  ]);
});

test('config/invalid reports broken entries at their place', () => {
  const text = '{\n  "buckets": [\n    { "bucket": "x" },\n    { "name": "y", "provider": "aws" },\n    { "name": "z", "prefx": "a/" },\n  ]\n}\n';
  const found = findings('config/invalid', { '.bucket-doctor.json': text }, '.bucket-doctor.json');
  assert.deepEqual(found.map((f) => [f.range.start.line, f.message.split(':')[1].trim().split('.')[0]]), [
    [3, 'each bucket needs a "name" string'],
    [4, '"provider" must be one of s3, gcs, azure'],
    [5, 'unknown field "prefx" (known'],
  ]);
  assert.deepEqual(findings('config/invalid', { '.bucket-doctor.json': '{"buckets": []}' }, '.bucket-doctor.json'), []);
});
