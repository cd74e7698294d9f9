import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './check-helpers';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { complete, policy, values } from './policy-access-helpers';

const rule = 'policy/kms-missing';
const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const sseKms = `        objectParameters:\n          ServerSideEncryption: aws:kms\n          SSEKMSKeyId: ${key}\n`;
const workspace = { 'lse-values.yaml': values('acme-labeling-prod', 'lse/', sseKms) };

test('SSE-KMS in the values and no KMS permission: a warning; the fix allows Decrypt and GenerateDataKey on the key', () => {
  const text = policy(...complete);
  const [finding] = policyFindings(rule, text, workspace);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, new RegExp(`^lse-values\\.yaml encrypts the objects of acme-labeling-prod/lse/ \\(lse-values\\.yaml\\) with KMS key ${key} \\(SSE-KMS\\), and this policy allows no kms:Decrypt and kms:GenerateDataKey on it`));
  const fixed = applyPolicyFix(text, finding, finding.fixes![0], workspace);
  assert.deepEqual(JSON.parse(fixed).Statement[2], { Sid: 'UseBucketKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: key });
});

test('only what is missing is named; keys granted by a wildcard count; no key configured, no finding', () => {
  const partial = policy(...complete, { Effect: 'Allow', Action: 'kms:Decrypt', Resource: key });
  assert.match(policyFindings(rule, partial, workspace)[0].message, /allows no kms:GenerateDataKey on it/);
  assert.deepEqual(policyFindings(rule, policy(...complete, { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: 'arn:aws:kms:us-east-1:123456789012:key/*' }), workspace), []);
  assert.deepEqual(policyFindings(rule, policy(...complete), { 'lse-values.yaml': values('acme-labeling-prod') }), []);
});

test("LIGHTLY_S3_SSE_KMS_KEY applies to the LightlyOne buckets of .bucket-doctor.json, with the guide's three KMS actions", () => {
  const config = JSON.stringify({ buckets: [{ name: 'acme-lightly', provider: 's3', profile: 'lightly-output' }] });
  const text = policy({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::acme-lightly' }, { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::acme-lightly/*' });
  const files = { '.bucket-doctor.json': config, 'worker.env': `LIGHTLY_S3_SSE_KMS_KEY=${key}\n`, 'iam/lightly.json': text };
  const [finding] = findings(rule, files, 'iam/lightly.json');
  assert.match(finding.message, /^worker\.env encrypts .* allows no kms:Encrypt, kms:Decrypt and kms:GenerateDataKey on it/);
});

test('a bucket policy is never asked for KMS permissions', () => {
  const bucketPolicy = policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-labeling-prod/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  assert.deepEqual(policyFindings(rule, bucketPolicy, { ...workspace, 'iam/identity.json': policy(...complete) }), []);
});
