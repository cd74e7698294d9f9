import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

// Complete settings per provider, so a fixed STORAGE_TYPE leaves nothing else to report.
const settings: Record<string, string> = {
  s3: 'STORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\n',
  gcs: 'STORAGE_GCS_BUCKET_NAME=acme-media\nSTORAGE_GCS_PROJECT_ID=acme-prod\n',
  azure: 'STORAGE_AZURE_ACCOUNT_NAME=acmemedia\nSTORAGE_AZURE_ACCOUNT_KEY=<YOUR_KEY>\nSTORAGE_AZURE_CONTAINER_NAME=media\n',
};
const envWith = (type: string, provider: string) => `STORAGE_TYPE=${type}\n${settings[provider]}SSRF_PROTECTION_ENABLED=true\n`;

test('wrong case and common aliases: error with the exact value Label Studio needs', () => {
  const cases: [string, string][] = [
    ['S3', 's3'],
    ['aws', 's3'],
    ['MinIO', 's3'],
    ['amazon', 's3'],
    ['GCS', 'gcs'],
    ['google', 'gcs'],
    ['gs', 'gcs'],
    ['Azure', 'azure'],
    ['blob', 'azure'],
    ['abs', 'azure'],
    ['azrue', 'azure'],
  ];
  for (const [written, meant] of cases) {
    const env = envWith(written, meant);
    const [found, ...rest] = findings('env/unknown-storage-type', { 'env.list': env }, 'env.list');
    assert.deepEqual(rest, [], written);
    assert.equal(found.severity, 'error');
    assert.deepEqual(found.range, { start: { line: 1, column: 14 }, end: { line: 1, column: 14 + written.length } });
    assert.equal(found.message, `STORAGE_TYPE is "${written}"; Label Studio compares it exactly with s3, gcs and azure and silently falls back to local disk. Use "${meant}".`);
    assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), envWith(meant, meant), written);
  }
});

test('an unknown word has no fix; an empty value is a warning; volume (local disk on purpose) and valid types are fine', () => {
  const [unknown] = findings('env/unknown-storage-type', { 'env.list': envWith('dropbox', 's3') }, 'env.list');
  assert.match(unknown.message, /Set one of them\.$/);
  assert.equal(unknown.fixes, undefined);
  const [empty] = findings('env/unknown-storage-type', { 'env.list': envWith('', 's3') }, 'env.list');
  assert.equal(empty.severity, 'warning');
  assert.deepEqual(empty.range, { start: { line: 1, column: 1 }, end: { line: 1, column: 13 } });
  assert.match(empty.message, /^STORAGE_TYPE is empty, so Label Studio stores media on local disk/);
  for (const type of ['volume', 's3', 'gcs', 'azure']) {
    assert.deepEqual(findings('env/unknown-storage-type', { 'env.list': envWith(type, type === 'volume' ? 's3' : type) }, 'env.list'), [], type);
  }
});

test('quotes: docker run drops them with the fix, Compose keeps them; quotes alone are env/quoted-value', () => {
  const dockerRun = envWith('"S3"', 's3');
  const [found] = findings('env/unknown-storage-type', { 'env.list': dockerRun }, 'env.list');
  assert.match(found.message, /^STORAGE_TYPE is "\\"S3\\""/);
  assert.equal(applyAndRecheck({ 'env.list': dockerRun }, 'env.list', found, preferred(found)), envWith('s3', 's3'));
  assert.deepEqual(findings('env/unknown-storage-type', { 'env.list': envWith('"s3"', 's3') }, 'env.list'), []);

  const compose = { 'docker-compose.yml': 'services:\n  app:\n    image: x\n    env_file: env.list\n', 'env.list': envWith("'Azure'", 'azure') };
  const [quoted] = findings('env/unknown-storage-type', compose, 'env.list');
  assert.match(quoted.message, /^STORAGE_TYPE is "Azure"/);
  assert.equal(applyAndRecheck(compose, 'env.list', quoted, preferred(quoted)), envWith("'azure'", 'azure'));
});

test('the prefixed name Label Studio looks up first is the one judged', () => {
  const env = `LABEL_STUDIO_STORAGE_TYPE=S3\n${envWith('s3', 's3')}`;
  const [found, ...rest] = findings('env/unknown-storage-type', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.range.start.line, 1);
  assert.match(found.message, /^LABEL_STUDIO_STORAGE_TYPE is "S3"/);
});
