import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';
const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';

test('a word get_bool_env refuses stops Label Studio: error, with a fix when the meaning is clear', () => {
  const env = `${s3}DEBUG=enabled\nENABLE_CSP=maybe\n`;
  const found = findings('env/invalid-boolean', { 'env.list': env }, 'env.list');
  assert.deepEqual(
    found.map((f) => [f.severity, f.range.start.line, f.range.start.column, f.range.end.column]),
    [
      ['error', 5, 7, 14],
      ['error', 6, 12, 17],
    ],
  );
  assert.equal(
    found[0].message,
    'DEBUG is "enabled": Label Studio accepts only true, yes, on, 1, false, no, not, off, 0 (any case, nothing around it), and it does not start otherwise. Use true.',
  );
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[0], preferred(found[0])), `${s3}DEBUG=true\nENABLE_CSP=maybe\n`);
  assert.equal(found[1].fixes, undefined);
});

test('an empty value is refused too; blanks inside Compose quotes get a trimming fix', () => {
  const [empty] = findings('env/invalid-boolean', { 'env.list': `${s3}VERIFY_SSL_CERTS=\n` }, 'env.list');
  assert.match(empty.message, /^VERIFY_SSL_CERTS is empty:/);
  assert.deepEqual(empty.range, { start: { line: 5, column: 1 }, end: { line: 5, column: 17 } });
  const files = { 'env.list': `${s3}DEBUG=" off"\n`, 'docker-compose.yml': compose };
  const [spaced] = findings('env/invalid-boolean', files, 'env.list');
  assert.equal(applyAndRecheck(files, 'env.list', spaced, preferred(spaced)), `${s3}DEBUG="off"\n`);
});

test('any case is fine; quotes under docker run are env/quoted-value; only the winning line is parsed', () => {
  const good = [
    `${s3}DEBUG=False\nENABLE_CSP=ON\nLOCAL_FILES_SERVING_ENABLED=not\n`,
    `${s3}DEBUG="true"\n`,
    `${s3}DEBUG=maybe\nDEBUG=false\n`,
    `${s3}DEBUG=maybe\nLABEL_STUDIO_DEBUG=0\n`,
    `${s3}DEBUG\n`,
  ];
  for (const env of good) assert.deepEqual(findings('env/invalid-boolean', { 'env.list': env }, 'env.list'), [], env);
});

test("a provider's boolean is parsed only when STORAGE_TYPE selects that provider", () => {
  const env = `${s3}STORAGE_AWS_S3_USE_SSL=sure\n`;
  assert.equal(findings('env/invalid-boolean', { 'env.list': env }, 'env.list').length, 1);
  const gcs = 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME=a-b\nSTORAGE_GCS_PROJECT_ID=p\nSTORAGE_AWS_S3_USE_SSL=sure\n';
  assert.deepEqual(findings('env/invalid-boolean', { 'env.list': gcs }, 'env.list'), []);
});
