import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const values = `global:
  persistence:
    enabled: true
    type: s3
    config:
      s3:
        bucket: "acme"   # the bucket
        region: "us-east-1"
        acessKey: "AKIAEXAMPLE"
        objectPrefix: "lse/"
        useSSL: true
app:
  serviceAccount:
    anotations: {}
`;

test('misspelled and foreign keys under global.persistence and serviceAccount', () => {
  const found = findings('values/unknown-key', { 'lse-values.yaml': values }, 'lse-values.yaml');
  assert.deepEqual(
    found.map((f) => [f.range.start.line, f.message.match(/no key "(\w+)"/)?.[1], f.fixes?.[0]?.title]),
    [
      [9, 'acessKey', 'Rename to "accessKey"'],
      [10, 'objectPrefix', 'Rename to "folder"'],
      [11, 'useSSL', undefined],
      [14, 'anotations', 'Rename to "annotations"'],
    ],
  );
  assert.match(found[2].message, /Allowed: accessKey, secretKey/);
});

test('the rename fix keeps the value and the comment', () => {
  const [first] = findings('values/unknown-key', { 'lse-values.yaml': values }, 'lse-values.yaml');
  const fixed = applyAndRecheck({ 'lse-values.yaml': values }, 'lse-values.yaml', first, preferred(first));
  assert.ok(fixed.includes('        accessKey: "AKIAEXAMPLE"\n'));
  assert.ok(fixed.includes('bucket: "acme"   # the bucket'));
});

test('a correct values file has no unknown keys', () => {
  const good = values.replace(/ {8}acessKey.*\n {8}objectPrefix.*\n {8}useSSL.*\n/, '        folder: "lse/"\n').replace('anotations', 'annotations');
  assert.deepEqual(findings('values/unknown-key', { 'lse-values.yaml': good }, 'lse-values.yaml'), []);
});

test('no rename onto a key the block already has (it would write a duplicate key)', () => {
  const text = 'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme\n        bucketName: acme\n        region: us-east-1\n';
  const [finding] = findings('values/unknown-key', { 'lse-values.yaml': text }, 'lse-values.yaml');
  assert.match(finding.message, /no key "bucketName".* Did you mean "bucket"\?/);
  assert.equal(finding.fixes, undefined);
});
