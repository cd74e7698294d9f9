import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test('a name set twice: warning on the earlier line naming the winner, fix removes it', () => {
  const env = `STORAGE_AWS_FOLDER=old/\n${s3}STORAGE_AWS_FOLDER=lse/\n`;
  const [found, ...rest] = findings('env/duplicate-key', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'warning');
  assert.deepEqual(found.range, { start: { line: 1, column: 1 }, end: { line: 1, column: 19 } });
  assert.equal(
    found.message,
    'STORAGE_AWS_FOLDER is set again on line 6, and the last line wins: this line has no effect, although its value differs. Remove it so the file shows what the container gets.',
  );
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), `${s3}STORAGE_AWS_FOLDER=lse/\n`);
});

test('the same value twice says so; the last line of a file without a final line break goes cleanly', () => {
  const env = `${s3}STORAGE_AWS_FOLDER=lse/\nSTORAGE_AWS_FOLDER=lse/`;
  const found = findings('env/duplicate-key', { 'env.list': env }, 'env.list');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /\(both set the same value\)/);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found[0], preferred(found[0])), `${s3}STORAGE_AWS_FOLDER=lse/`);
});

test('every earlier line of a name set three times is reported; bare NAME lines and distinct names are not', () => {
  const three = `${s3}DEBUG=1\nDEBUG=0\nDEBUG=false\n`;
  assert.deepEqual(
    findings('env/duplicate-key', { 'env.list': three }, 'env.list').map((f) => f.range.start.line),
    [5, 6],
  );
  const good = `${s3}DEBUG\nDEBUG=false\nLABEL_STUDIO_DEBUG=false\n`;
  assert.deepEqual(findings('env/duplicate-key', { 'env.list': good }, 'env.list'), []);
});
