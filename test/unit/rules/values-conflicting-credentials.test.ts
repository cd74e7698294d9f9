import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/conflicting-credentials';
const path = 'lse-values.yaml';

const values = (type: string, block: string) => `global:\n  persistence:\n    type: ${type}\n    config:\n      ${type}:\n${block}`;

test('S3 inline key beside a complete existing Secret: the Secret wins, the fix removes the unused inline key', () => {
  const files: Files = {
    [path]: values(
      's3',
      '        bucket: acme-media\n        region: us-east-1\n        accessKey: "AKIAIOSFODNN7EXAMPLE"  # old\n        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n',
    ),
  };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range, { start: { line: 8, column: 9 }, end: { line: 8, column: 18 } });
  assert.equal(
    finding.message,
    'accessKey is set inline and through an existing Secret: the pods read the access key ID from the existing Secret "lse-storage"; the inline accessKey is only copied into the chart\'s own Secret and never used. Remove accessKey.',
  );
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.endsWith('        region: us-east-1\n        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n'));
});

test('half a Secret pair beside an inline value: the inline value wins, the fix drops the stray Secret name', () => {
  const files: Files = { [path]: values('azure', '        containerName: media\n        storageAccountName: acmemedia\n        storageAccountNameExistingSecret: lse-storage\n        storageAccountKeyExistingSecret: lse-storage\n        storageAccountKeyExistingSecretKey: accountkey\n') };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /so the pods get the inline storageAccountName and storageAccountNameExistingSecret is ignored\. Remove storageAccountNameExistingSecret, or complete the pair and remove storageAccountName\.$/);
  assert.equal(preferred(finding).title, 'Remove storageAccountNameExistingSecret');
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(!fixed.includes('storageAccountNameExistingSecret'));
});

test('GCS inline JSON beside an existing Secret: the mounted Secret lacks key.json, so authentication fails', () => {
  const json = '        applicationCredentialsJSON: |-\n          {"type": "service_account", "project_id": "acme-prod"}\n';
  const files: Files = { [path]: values('gcs', `        bucket: acme-media\n        projectID: acme-prod\n${json}        applicationCredentialsJSONExistingSecret: lse-storage\n        applicationCredentialsJSONExistingSecretKey: key_json\n`) };
  const [finding] = findings(id, files, path);
  assert.match(
    finding.message,
    /the pods mount the existing Secret "lse-storage", but because applicationCredentialsJSON is set GOOGLE_APPLICATION_CREDENTIALS points at \/opt\/heartex\/secrets\/gcs\/key\.json, a file that Secret has only if it holds a key named "key\.json" \(it is read as "key_json"\)/,
  );
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(!fixed.includes('applicationCredentialsJSON:') && fixed.includes('applicationCredentialsJSONExistingSecretKey: key_json\n'));
  // With the Secret's key named key.json the file is there: the inline JSON is merely unused.
  const named = { [path]: files[path].replace('Key: key_json', 'Key: key.json') };
  assert.match(findings(id, named, path)[0].message, /the pods read the service-account key JSON from the existing Secret "lse-storage"/);
});

test('good: only one of the two, empty values, and blocks type does not select', () => {
  const good = [
    values('s3', '        bucket: a\n        region: us-east-1\n        accessKey: AKIAIOSFODNN7EXAMPLE\n        secretKey: "<YOUR_SECRET_ACCESS_KEY>"\n'),
    values('s3', '        bucket: a\n        region: us-east-1\n        accessKey: ""\n        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n'),
    `${values('volume', '        size: 10Gi\n')}      s3:\n        accessKey: AKIAIOSFODNN7EXAMPLE\n        accessKeyExistingSecret: lse-storage\n`,
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});
