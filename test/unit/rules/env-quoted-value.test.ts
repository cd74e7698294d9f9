import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const env = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME="acme-media"\nSTORAGE_AWS_FOLDER=\'\'\n';

test('docker run --env-file keeps quotes: error with a fix that strips them', () => {
  const found = findings('env/quoted-value', { 'env.list': env }, 'env.list');
  assert.equal(found.length, 2);
  assert.equal(found[0].severity, 'error');
  assert.deepEqual(found[0].range, { start: { line: 2, column: 25 }, end: { line: 2, column: 37 } });
  assert.match(found[0].message, /STORAGE_AWS_BUCKET_NAME is "acme-media": docker run --env-file keeps quotes/);
  const fixed = applyAndRecheck({ 'env.list': env }, 'env.list', found[0], preferred(found[0]));
  assert.equal(fixed, 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_FOLDER=\'\'\n');
});

test('Compose strips quotes: nothing to report when a compose file loads the env file', () => {
  const compose = 'services:\n  app:\n    image: x\n    env_file:\n      - ./deploy/env.list\n';
  const files = { 'docker-compose.yml': compose, 'deploy/env.list': env };
  assert.deepEqual(findings('env/quoted-value', files, 'deploy/env.list'), []);
  // The compose file must point at this env file: another path does not count.
  const other = { 'docker-compose.yml': compose.replace('./deploy/env.list', 'other.env'), 'deploy/env.list': env };
  assert.equal(findings('env/quoted-value', other, 'deploy/env.list').length, 2);
});
