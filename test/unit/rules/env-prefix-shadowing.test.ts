import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings } from './check-helpers';

const s3 = 'STORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test('LABEL_STUDIO_X beside X with another value: warning on the losing line naming the winner', () => {
  const env = `STORAGE_TYPE=gcs\n${s3}LABEL_STUDIO_STORAGE_TYPE=s3\n`;
  const [found, ...rest] = findings('env/prefix-shadowing', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'warning');
  assert.deepEqual(found.range, { start: { line: 1, column: 1 }, end: { line: 1, column: 13 } });
  assert.equal(
    found.message,
    'STORAGE_TYPE is ignored: Label Studio looks up LABEL_STUDIO_STORAGE_TYPE, then HEARTEX_STORAGE_TYPE, then STORAGE_TYPE, and uses the first that is set, so LABEL_STUDIO_STORAGE_TYPE (line 5) wins with a different value. Keep only the one you mean.',
  );
  assert.equal(found.fixes?.[0].preferred, undefined);
  assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, found.fixes![0]), `${s3}LABEL_STUDIO_STORAGE_TYPE=s3\n`);
});

test('all three forms: both losers are reported; HEARTEX_ wins over the bare name', () => {
  const env = `STORAGE_TYPE=s3\n${s3}DEBUG=true\nHEARTEX_DEBUG=false\nLABEL_STUDIO_DEBUG=0\n`;
  assert.deepEqual(
    findings('env/prefix-shadowing', { 'env.list': env }, 'env.list').map((f) => [f.range.start.line, /so (\w+) \(line (\d+)\)/.exec(f.message)?.slice(1)]),
    [
      [5, ['LABEL_STUDIO_DEBUG', '7']],
      [6, ['LABEL_STUDIO_DEBUG', '7']],
    ],
  );
  const two = `STORAGE_TYPE=s3\n${s3}DEBUG=true\nHEARTEX_DEBUG=false\n`;
  assert.match(findings('env/prefix-shadowing', { 'env.list': two }, 'env.list')[0].message, /^DEBUG is ignored: .* so HEARTEX_DEBUG \(line 6\) wins/);
});

test('same values, host-provided values, file paths and lone names are not reported', () => {
  const good = [
    `STORAGE_TYPE=s3\n${s3}LABEL_STUDIO_STORAGE_TYPE=s3\n`,
    `STORAGE_TYPE=s3\n${s3}LABEL_STUDIO_STORAGE_TYPE\n`,
    `STORAGE_TYPE=s3\n${s3}AWS_CA_BUNDLE=/a.pem\nLABEL_STUDIO_AWS_CA_BUNDLE=/b.pem\n`,
    `LABEL_STUDIO_STORAGE_TYPE=s3\n${s3}`,
  ];
  for (const env of good) assert.deepEqual(findings('env/prefix-shadowing', { 'env.list': env }, 'env.list'), [], env);
});
