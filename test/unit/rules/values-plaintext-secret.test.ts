import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';
import { isPlaceholder } from '../../../src/core/rules/values/placeholder';

const id = 'values/plaintext-secret';
const path = 'lse-values.yaml';

// Shaped like real keys, made up for these tests.
const awsSecret = 'q8Vd2kLmN4pR7sT1uW3xY5zA6bC9dE0fG2hJ4kLm';
const azureKey = `${'Zm9vYmFyYmF6cXV4'.repeat(5)}Zm9vYmFyYmF6cQ==`;
const keyJson = '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEv...\\n-----END PRIVATE KEY-----\\n"}';

const s3 = (lines: string) => `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n        region: us-east-1\n${lines}`;

test('inline S3 secret key: warning that never echoes it; the fix moves it to an existing Secret and copies the kubectl command', () => {
  const files: Files = { [path]: s3(`        accessKey: AKIAIOSFODNN7EXAMPLE\n        secretKey: "${awsSecret}"   # rotate yearly\n`) };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range, { start: { line: 9, column: 9 }, end: { line: 9, column: 18 } });
  assert.ok(!finding.message.includes(awsSecret));
  assert.equal(
    finding.message,
    'global.persistence.config.s3.secretKey holds a real-looking secret written inline: helm copies it into a Secret, but the secret access key itself is in this file, ' +
      'readable by everyone who has a copy. Create a Kubernetes Secret and point secretKeyExistingSecret and secretKeyExistingSecretKey at it.',
  );
  const fix = preferred(finding);
  assert.equal(fix.title, 'Read secretKey from the Secret lse-storage');
  assert.equal(fix.clipboard, 'kubectl create secret generic lse-storage --from-literal=secretkey=<YOUR_SECRET_ACCESS_KEY>');
  assert.ok(!JSON.stringify(fix).includes(awsSecret), 'the fix carries no secret');
  const fixed = applyAndRecheck(files, path, finding, fix);
  assert.ok(fixed.endsWith('        secretKeyExistingSecret: "lse-storage"\n        secretKeyExistingSecretKey: "secretkey"   # rotate yearly\n'));
  assert.ok(!fixed.includes(awsSecret));
});

test('git-tracked file: error, and the message says to rotate', () => {
  const files: Files = { [path]: s3(`        secretKey: ${awsSecret}\n`) };
  const [finding] = findings(id, files, path, { isTracked: (p) => p === path });
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /written inline, and git tracks this file: .* in this file and in the repository history, .* then rotate the key\.$/);
});

test('Azure account key and GCS key JSON (block scalar) get the same rewrite, GCS with --from-file', () => {
  const azure = { [path]: `global:\n  persistence:\n    type: azure\n    config:\n      azure:\n        containerName: media\n        storageAccountName: acmemedia\n        storageAccountKey: ${azureKey}\n` };
  const [az] = findings(id, azure, path);
  assert.equal(preferred(az).clipboard, 'kubectl create secret generic lse-storage --from-literal=accountkey=<YOUR_STORAGE_ACCOUNT_KEY>');
  assert.ok(applyAndRecheck(azure, path, az, preferred(az)).endsWith('        storageAccountKeyExistingSecret: "lse-storage"\n        storageAccountKeyExistingSecretKey: "accountkey"\n'));
  const gcs = { [path]: `global:\n  persistence:\n    type: gcs\n    config:\n      gcs:\n        bucket: acme-media\n        applicationCredentialsJSON: |-\n          ${keyJson}\n        projectID: acme-prod\n` };
  const [g] = findings(id, gcs, path);
  assert.equal(preferred(g).clipboard, 'kubectl create secret generic lse-storage --from-file=key_json=<PATH_TO_JSON>');
  const fixed = applyAndRecheck(gcs, path, g, preferred(g));
  assert.ok(fixed.includes('        applicationCredentialsJSONExistingSecret: "lse-storage"\n        applicationCredentialsJSONExistingSecretKey: "key_json"\n        projectID: acme-prod\n'));
});

test('an existing Secret already in place: the fix only drops the inline copy; half a pair: no fix', () => {
  const complete = { [path]: s3(`        secretKey: ${awsSecret}\n        secretKeyExistingSecret: lse-storage\n        secretKeyExistingSecretKey: secretkey\n`) };
  const [finding] = findings(id, complete, path);
  assert.equal(preferred(finding).title, 'Remove the inline secretKey (the existing Secret is used)');
  assert.ok(!applyAndRecheck(complete, path, finding, preferred(finding)).includes(awsSecret));
  const half = { [path]: s3(`        secretKey: ${awsSecret}\n        secretKeyExistingSecret: lse-storage\n`) };
  assert.equal(findings(id, half, path)[0].fixes, undefined);
});

test('good: placeholders, empty values, access key IDs (not secret) and short test values are not reported', () => {
  for (const value of ['"<YOUR_SECRET_ACCESS_KEY>"', '""', 'changeme', '"${AWS_SECRET_ACCESS_KEY}"', '"{{ .Values.secret }}"', 'not-a-real-key']) {
    assert.deepEqual(findings(id, { [path]: s3(`        secretKey: ${value}\n`) }, path), [], value);
  }
  assert.deepEqual(findings(id, { [path]: s3('        accessKey: AKIAQWERTYUIOPASDFGH\n') }, path), []);
});

test('the placeholder check never throws and stays linear on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 2000 }), (text) => {
      isPlaceholder(text);
    }),
    { seed: 11, numRuns: 1000 },
  );
  const start = performance.now();
  for (const piece of ['<', '${', '{{', '$', 'x']) isPlaceholder(piece.repeat(50_000));
  assert.ok(performance.now() - start < 500, 'linear on unclosed markers');
});
