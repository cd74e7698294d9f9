import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test('a misspelled storage variable: warning with a did-you-mean rename', () => {
  const env = `${s3}STORAGE_AWS_BUCKET=acme-media\n`;
  const [found, ...rest] = findings('env/unknown-variable', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'warning');
  assert.deepEqual(found.range, { start: { line: 4, column: 1 }, end: { line: 4, column: 19 } });
  assert.equal(found.message, 'STORAGE_AWS_BUCKET is not a variable Label Studio reads, so its value has no effect. Did you mean STORAGE_AWS_BUCKET_NAME?');
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), `${s3}STORAGE_AWS_BUCKET_NAME=acme-media\n`);
});

test('prefixes are kept, lower case is caught, and a name already set is removed instead of duplicated', () => {
  const env = `${s3}LABEL_STUDIO_STORAGE_AWS_BUKET_NAME=acme-media\nstorage_aws_folder=lse/\n`;
  const found = findings('env/unknown-variable', { 'env.list': env }, 'env.list');
  assert.deepEqual(
    found.map((f) => preferred(f).title),
    ['Rename to LABEL_STUDIO_STORAGE_AWS_BUCKET_NAME', 'Rename to STORAGE_AWS_FOLDER'],
  );
  for (const f of found) applyAndRecheck({ 'env.list': env }, 'env.list', f, preferred(f));

  const taken = `${s3}STORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_BUCKET=acme-media\nSTORAGE_AWS_FOLDER=lse/\n`;
  const [dup] = findings('env/unknown-variable', { 'env.list': taken }, 'env.list');
  assert.match(dup.message, /Did you mean STORAGE_AWS_BUCKET_NAME\? It is already set on line 4, so remove this line\.$/);
  assert.equal(dup.fixes?.[0].preferred, undefined);
  assert.equal(applyAndRecheck({ 'env.list': taken }, 'env.list', dup, dup.fixes![0]), `${s3}STORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_FOLDER=lse/\n`);
});

test('a name nothing is close to gets no rename', () => {
  const [found] = findings('env/unknown-variable', { 'env.list': `${s3}STORAGE_SOMETHING_ELSE_ENTIRELY=1\n` }, 'env.list');
  assert.match(found.message, /Check the name against the storage variables Label Studio reads\.$/);
  assert.equal(found.fixes, undefined);
});

test('known storage variables, other variables and legacy MinIO ones are not reported', () => {
  const good = `${s3}STORAGE_AWS_BUCKET_NAME=a-b-c\nHEARTEX_STORAGE_AWS_FOLDER=x/\nSTORAGE_PERSISTENCE=true\nMINIO_STORAGE_ENDPOINT=http://minio:9000\nPOSTGRE_HOST=db\nMY_STORAGE=1\n`;
  assert.deepEqual(findings('env/unknown-variable', { 'env.list': good }, 'env.list'), []);
});
