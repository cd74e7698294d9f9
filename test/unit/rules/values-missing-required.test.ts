import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/missing-required';
const path = 'lse-values.yaml';

const irsa =
  'app:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage\n' +
  'rqworker:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage\n';

test('s3 without region (empty) and bucket: reported on the block key, fixed with placeholders and tab stops', () => {
  const files: Files = { [path]: `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        region: ""\n        folder: "lse/"\n${irsa}` };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 5, column: 7 }, end: { line: 5, column: 9 } });
  assert.equal(
    finding.message,
    'type is "s3" but global.persistence.config.s3 has no bucket and region (an empty value counts as unset): the chart\'s configuration check fails, so helm install stops before deploying anything. Add them.',
  );
  const fix = preferred(finding);
  assert.equal(fix.title, 'Add bucket, region with placeholders');
  assert.deepEqual(
    fix.edits.map((e) => [e.text, e.snippet]),
    [
      ['"<YOUR_BUCKET_REGION>"', '"${1:<YOUR_BUCKET_REGION>}"'],
      ['\n        bucket: "<YOUR_BUCKET_NAME>"', '\n        bucket: "${1:<YOUR_BUCKET_NAME>}"'],
    ],
  );
  const fixed = applyAndRecheck(files, path, finding, fix);
  assert.ok(fixed.startsWith('global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        region: "<YOUR_BUCKET_REGION>"\n        folder: "lse/"\n        bucket: "<YOUR_BUCKET_NAME>"\napp:'));
});

test('gcs with no config block at all: reported on the type value, the fix creates config.gcs', () => {
  const files: Files = { [path]: 'global:\n  persistence:\n    enabled: true\n    type: gcs\napp:\n  replicas: 1\n' };
  const [finding] = findings(id, files, path);
  assert.deepEqual(finding.range, { start: { line: 4, column: 11 }, end: { line: 4, column: 14 } });
  assert.match(finding.message, /^type is "gcs" but global\.persistence\.config\.gcs has no bucket and projectID: /);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(
    fixed,
    'global:\n  persistence:\n    enabled: true\n    type: gcs\n    config:\n      gcs:\n        bucket: "<YOUR_BUCKET_NAME>"\n        projectID: "<YOUR_PROJECT_ID>"\napp:\n  replicas: 1\n',
  );
});

test('an empty flow block (s3: {}) and a key with no value are filled in place', () => {
  const files: Files = { [path]: `global:\n  persistence:\n    type: s3\n    config:\n      s3: {}\n${irsa}` };
  const [finding] = findings(id, files, path);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.includes('      s3:\n        bucket: "<YOUR_BUCKET_NAME>"\n        region: "<YOUR_BUCKET_REGION>"\napp:'));
  const bare = { [path]: `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket:\n        region: us-east-1\n${irsa}` };
  const [empty] = findings(id, bare, path);
  assert.match(empty.message, /has no bucket \(an empty value counts as unset\)/);
  assert.ok(applyAndRecheck(bare, path, empty, preferred(empty)).includes('        bucket: "<YOUR_BUCKET_NAME>"\n        region: us-east-1\n'));
});

test('CRLF files get CRLF insertions', () => {
  const files: Files = { [path]: 'global:\r\n  persistence:\r\n    type: gcs\r\n    config:\r\n      gcs:\r\n        bucket: acme\r\n' };
  const [finding] = findings(id, files, path);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, 'global:\r\n  persistence:\r\n    type: gcs\r\n    config:\r\n      gcs:\r\n        bucket: acme\r\n        projectID: "<YOUR_PROJECT_ID>"\r\n');
});

test('azure without container and account key: preferred fix reads the key from a Secret and hands over the kubectl command', () => {
  const files: Files = { [path]: 'global:\n  persistence:\n    type: azure\n    config:\n      azure:\n        storageAccountName: "acmemedia"\n' };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /has no containerName: the chart's configuration check fails/);
  assert.match(finding.message, /it also gives no storage account key \(storageAccountKey, or storageAccountKeyExistingSecret with storageAccountKeyExistingSecretKey\): the chart still points the pods at keys of its own Secret that do not exist, so they fail with CreateContainerConfigError/);
  const [viaSecret, inline] = finding.fixes ?? [];
  assert.equal(viaSecret.preferred, true);
  assert.equal(viaSecret.clipboard, 'kubectl create secret generic lse-storage --from-literal=accountkey=<YOUR_STORAGE_ACCOUNT_KEY>');
  const fixed = applyAndRecheck(files, path, finding, viaSecret);
  assert.ok(fixed.endsWith('        storageAccountName: "acmemedia"\n        containerName: "<YOUR_CONTAINER_NAME>"\n        storageAccountKeyExistingSecret: "lse-storage"\n        storageAccountKeyExistingSecretKey: "accountkey"\n'));
  assert.equal(inline.preferred, undefined);
  assert.ok(applyAndRecheck(files, path, finding, inline).includes('        storageAccountKey: "<YOUR_STORAGE_ACCOUNT_KEY>"'));
});

test('good: complete blocks, placeholders, existing Secrets, and a partial Secret pair (another rule\'s finding)', () => {
  const good = [
    `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: "<YOUR_BUCKET_NAME>"\n        region: us-east-1\n${irsa}`,
    'global:\n  persistence:\n    type: gcs\n    config:\n      gcs:\n        bucket: acme\n        projectID: acme-prod\n',
    'global:\n  persistence:\n    type: azure\n    config:\n      azure:\n        containerName: media\n        storageAccountNameExistingSecret: lse-storage\n        storageAccountNameExistingSecretKey: accountname\n        storageAccountKeyExistingSecretKey: accountkey\n',
    'global:\n  persistence:\n    type: volume\n',
    'global:\n  persistence:\n    enabled: true\n',
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});
