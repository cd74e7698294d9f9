import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/incomplete-existing-secret';
const path = 'lse-values.yaml';

const values = (type: string, block: string) => `global:\n  persistence:\n    type: ${type}\n    config:\n      ${type}:\n${block}`;
const s3 = (lines: string) => values('s3', `        bucket: acme-media\n        region: us-east-1\n${lines}`);

test('S3 Secret name without its key: CreateContainerConfigError; the fix adds the key right after it, with a tab stop', () => {
  const files: Files = {
    [path]: s3('        accessKeyExistingSecret: "lse-storage"   # from vault\n        secretKeyExistingSecret: "lse-storage"\n        secretKeyExistingSecretKey: "secretkey"\n'),
  };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 8, column: 9 }, end: { line: 8, column: 32 } });
  assert.equal(
    finding.message,
    'accessKeyExistingSecret is set without accessKeyExistingSecretKey: the chart uses an existing Secret only when both are set. Here it reads ' +
      'STORAGE_AWS_ACCESS_KEY_ID from the key "storage-aws-access-key-id" of its own Secret instead, which does not exist, so the pods fail with ' +
      'CreateContainerConfigError. Add accessKeyExistingSecretKey (the key in the Secret "lse-storage" that holds the access key ID).',
  );
  const fix = preferred(finding);
  assert.equal(fix.edits[0].snippet, '\n        accessKeyExistingSecretKey: "${1:<KEY_IN_SECRET>}"');
  const fixed = applyAndRecheck(files, path, finding, fix);
  assert.ok(fixed.includes('        accessKeyExistingSecret: "lse-storage"   # from vault\n        accessKeyExistingSecretKey: "<KEY_IN_SECRET>"\n        secretKeyExistingSecret'));
});

test('S3 key without the Secret name: the chart renders no variable, the pods run without that key', () => {
  const files: Files = { [path]: s3('        secretKeyExistingSecretKey: "secretkey"\n') };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /^secretKeyExistingSecretKey is set without secretKeyExistingSecret: .* Here it renders no STORAGE_AWS_SECRET_ACCESS_KEY at all/);
  assert.match(finding.message, /Add secretKeyExistingSecret \(the Secret that holds the key "secretkey"\)\.$/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.endsWith('        secretKeyExistingSecretKey: "secretkey"\n        secretKeyExistingSecret: "<SECRET_NAME>"\n'));
});

test('GCS: key without Secret points GOOGLE_APPLICATION_CREDENTIALS at an unmounted file; Secret without key silently uses another identity', () => {
  const gcs = (line: string) => values('gcs', `        bucket: acme-media\n        projectID: acme-prod\n${line}`);
  const [keyOnly] = findings(id, { [path]: gcs('        applicationCredentialsJSONExistingSecretKey: key_json\n') }, path);
  assert.match(keyOnly.message, /Here it sets GOOGLE_APPLICATION_CREDENTIALS to a file under \/opt\/heartex\/secrets\/gcs but mounts nothing there/);
  const [nameOnly] = findings(id, { [path]: gcs('        applicationCredentialsJSONExistingSecret: lse-storage\n') }, path);
  assert.match(nameOnly.message, /Here it mounts no key file and sets no GOOGLE_APPLICATION_CREDENTIALS/);
  const files = { [path]: gcs('        applicationCredentialsJSONExistingSecret: lse-storage\n') };
  assert.ok(applyAndRecheck(files, path, nameOnly, preferred(nameOnly)).includes('applicationCredentialsJSONExistingSecretKey: "<KEY_IN_SECRET>"'));
});

test('Azure always renders both references: either half alone fails the pods', () => {
  const files: Files = { [path]: values('azure', '        containerName: media\n        storageAccountName: acmemedia\n        storageAccountKeyExistingSecret: lse-storage\n') };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /Here it reads STORAGE_AZURE_ACCOUNT_KEY from the key "storage-azure-account-key" of its own Secret instead/);
  applyAndRecheck(files, path, finding, preferred(finding));
});

test('good: complete pairs, an inline value beside a half pair (conflicting-credentials), an unselected block, persistence off', () => {
  const good = [
    s3('        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n        secretKeyExistingSecret: lse-storage\n        secretKeyExistingSecretKey: secretkey\n'),
    s3('        accessKey: AKIAIOSFODNN7EXAMPLE\n        accessKeyExistingSecret: lse-storage\n'),
    s3('        secretKeyExistingSecret: ""\n        secretKeyExistingSecretKey: ""\n'),
    values('volume', '        size: 10Gi\n      s3:\n        accessKeyExistingSecret: lse-storage\n'),
    s3('        accessKeyExistingSecret: lse-storage\n').replace('  persistence:\n', '  persistence:\n    enabled: false\n'),
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});
