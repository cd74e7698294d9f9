import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';
const compose = 'services:\n  app:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n';

test('docker run keeps an inline comment in the value: warning, fix moves it above', () => {
  const env = `${s3}STORAGE_AWS_FOLDER=lse/  # key prefix\n`;
  const [found, ...rest] = findings('env/inline-comment', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'warning');
  assert.deepEqual(found.range, { start: { line: 5, column: 24 }, end: { line: 5, column: 38 } });
  assert.match(found.message, /^STORAGE_AWS_FOLDER has a comment after its value, but docker run --env-file has no inline comments/);
  assert.match(found.message, /Move the comment to its own line\.$/);
  const fixed = applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found));
  assert.equal(fixed, `${s3}# key prefix\nSTORAGE_AWS_FOLDER=lse/\n`);
});

test('the moved comment keeps the line indentation and CRLF line breaks', () => {
  const env = `${s3}  DEBUG=false # not in prod\n`.replace(/\n/g, '\r\n');
  const [found] = findings('env/inline-comment', { 'env.list': env }, 'env.list');
  const fixed = applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found));
  assert.ok(fixed.endsWith('SSRF_PROTECTION_ENABLED=true\r\n  # not in prod\r\n  DEBUG=false\r\n'), fixed);
});

test('a comment that makes the value unusable is an error that says what breaks', () => {
  const env = s3.replace('STORAGE_TYPE=s3', 'STORAGE_TYPE=s3 # main bucket');
  const [found] = findings('env/inline-comment', { 'env.list': env }, 'env.list');
  assert.equal(found.severity, 'error');
  assert.match(found.message, /the comment becomes part of the value, and Label Studio silently stores media on local disk instead\./);
  // The storage-type rule leaves this to the comment rule: one root cause, one finding.
  assert.deepEqual(findings('env/unknown-storage-type', { 'env.list': env }, 'env.list'), []);
  applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found));
});

test('no finding under Compose, inside quotes, or for a # without a blank before it', () => {
  const env = `${s3}STORAGE_AWS_FOLDER=lse/ # key prefix\n`;
  assert.deepEqual(findings('env/inline-comment', { 'env.list': env, 'docker-compose.yml': compose }, 'env.list'), []);
  const good = `${s3}# a comment line\nSTORAGE_AWS_FOLDER=lse/#1\nPOSTGRE_PASSWORD='a #b'\n`;
  assert.deepEqual(findings('env/inline-comment', { 'env.list': good }, 'env.list'), []);
});
