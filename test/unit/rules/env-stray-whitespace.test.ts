import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test('docker run keeps blanks after "=" and after the value: one warning each, each fix removes them', () => {
  const env = `${s3}STORAGE_AWS_FOLDER= lse/\t\t\n`;
  const found = findings('env/stray-whitespace', { 'env.list': env }, 'env.list');
  assert.deepEqual(
    found.map((f) => [f.severity, f.range.start.column, f.range.end.column]),
    [
      ['warning', 20, 21],
      ['warning', 25, 27],
    ],
  );
  assert.equal(found[0].message, 'STORAGE_AWS_FOLDER has a space right after "=": docker run --env-file keeps it as part of the value, where it is easy to miss. Remove it.');
  assert.match(found[1].message, /^STORAGE_AWS_FOLDER ends with 2 tabs after its value: docker run --env-file keeps them as part of the value/);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[0], preferred(found[0])), `${s3}STORAGE_AWS_FOLDER=lse/\t\t\n`);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[1], preferred(found[1])), `${s3}STORAGE_AWS_FOLDER= lse/\n`);
});

test('a value of blanks alone is one finding', () => {
  const env = `${s3}STORAGE_AWS_FOLDER= \t\n`;
  const [found, ...rest] = findings('env/stray-whitespace', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.match(found.message, /^STORAGE_AWS_FOLDER is only 2 blanks:/);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), `${s3}STORAGE_AWS_FOLDER=\n`);
});

test('blanks that make a value unusable are an error that says what breaks', () => {
  const env = `${s3}DEBUG=false \n`;
  const [found] = findings('env/stray-whitespace', { 'env.list': env }, 'env.list');
  assert.equal(found.severity, 'error');
  assert.match(found.message, /keeps it as part of the value, and Label Studio refuses the value and does not start\./);
  // The boolean rule leaves this to the blank rule: one root cause, one finding.
  assert.deepEqual(findings('env/invalid-boolean', { 'env.list': env }, 'env.list'), []);
  applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found));
});

test('Compose trims unquoted values: no finding; nor for clean values or blanks before an inline comment', () => {
  const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';
  const env = `${s3}STORAGE_AWS_FOLDER= lse/ \n`;
  assert.deepEqual(findings('env/stray-whitespace', { 'env.list': env, 'docker-compose.yml': compose }, 'env.list'), []);
  assert.deepEqual(findings('env/stray-whitespace', { 'env.list': `${s3}STORAGE_AWS_FOLDER=lse/\nHOST\n` }, 'env.list'), []);
  assert.deepEqual(findings('env/stray-whitespace', { 'env.list': `${s3}STORAGE_AWS_FOLDER= # none\n` }, 'env.list'), []);
});
