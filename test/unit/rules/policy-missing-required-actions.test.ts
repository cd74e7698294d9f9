import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './check-helpers';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { complete, irsa, policy, prod, values } from './policy-access-helpers';

const rule = 'policy/missing-required-actions';
const workspace = { 'lse-values.yaml': values('acme-labeling-prod') };

test('read-only access for Label Studio persistence: the message names each missing action and why; the fix adds them split by ARN', () => {
  const text = policy({ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${prod}/lse/*`] });
  const [finding] = policyFindings(rule, text, workspace);
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'Label Studio Enterprise persistence on acme-labeling-prod/lse/ (lse-values.yaml): this policy allows no s3:ListBucket (lists the files under the folder), s3:PutObject (stores uploads, avatars and exports) and s3:DeleteObject (removes deleted uploads and exports). ' +
      'The platform gets AccessDenied (403) for these at runtime. Allow them on arn:aws:s3:::acme-labeling-prod and arn:aws:s3:::acme-labeling-prod/lse/*.',
  );
  const fixed = applyPolicyFix(text, finding, finding.fixes![0], workspace);
  assert.deepEqual(JSON.parse(fixed).Statement.slice(1), [
    { Sid: 'BucketAccess', Effect: 'Allow', Action: 's3:ListBucket', Resource: prod, Condition: { StringLike: { 's3:prefix': ['lse/*'] } } },
    { Sid: 'ObjectAccess', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `${prod}/lse/*` },
  ]);
  assert.ok(fixed.includes('  },\n    {\n      "Sid": "BucketAccess",\n      "Effect": "Allow",'), `laid out like the others:\n${fixed}`);
  assert.deepEqual(policyFindings(rule, fixed, workspace), []);
});

test('an explicit Deny is named with its line; a complete policy and a policy for another bucket have no finding', () => {
  const text = policy(...complete, { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: `${prod}/*` });
  const [finding] = policyFindings(rule, text, workspace);
  assert.match(finding.message, /s3:DeleteObject is denied by iam\/policy\.json:\d+ \(NoDeletes\)\. The platform gets AccessDenied/);
  assert.equal(finding.fixes, undefined, 'adding an Allow cannot beat a Deny');
  assert.deepEqual(policyFindings(rule, policy(...complete), workspace), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-other/*' }), workspace), []);
});

test('a conditional grant (source IP unknown offline) counts as allowed; a policy with a guide placeholder waits for it to be filled in', () => {
  const ip = { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } };
  assert.deepEqual(policyFindings(rule, policy(...complete.map((s) => ({ ...s, Condition: ip }))), workspace), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: [`${prod}/lse/*`, 'arn:aws:s3:::<YOUR_S3_BUCKET>'] }), workspace), []);
});

test('a bucket policy is judged with the identity policies of its bucket, and its fix names the IRSA role as Principal', () => {
  const files = { 'lse-values.yaml': values('acme-labeling-prod', 'lse/', irsa()), 'iam/identity.json': policy(complete[1]) };
  const bucketPolicy = policy({ Sid: 'Https', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [prod, `${prod}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  const [finding] = policyFindings(rule, bucketPolicy, files);
  assert.match(finding.message, /this policy \(with iam\/identity\.json\) allows no s3:ListBucket/);
  const fixed = applyPolicyFix(bucketPolicy, finding, finding.fixes![0], files);
  assert.deepEqual(JSON.parse(fixed).Statement[1].Principal, { AWS: 'arn:aws:iam::123456789012:role/lse-storage' });
  // Alone (no identity policy known) a bucket policy is not where the grants are expected.
  assert.deepEqual(policyFindings(rule, bucketPolicy, { 'lse-values.yaml': values('acme-labeling-prod') }), []);
});

test('.bucket-doctor.json: policies listed relative to it apply even without naming the bucket, with its profile', () => {
  const config = JSON.stringify({ buckets: [{ name: 'acme-chunks', provider: 's3', profile: 'arraylake', policies: ['iam/arraylake.json'] }] });
  const text = policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::chunks-archive/*' });
  const [finding] = findings(rule, { 'deploy/.bucket-doctor.json': config, 'deploy/iam/arraylake.json': text }, 'deploy/iam/arraylake.json');
  assert.match(finding.message, /^Arraylake \(role-based access delegation\) on acme-chunks \(deploy\/\.bucket-doctor\.json\): this policy allows no s3:ListBucket .*s3:GetBucketLocation.*s3:AbortMultipartUpload/);
  // Listed at another path, the policy does not apply: it names no configured bucket.
  assert.deepEqual(findings(rule, { '.bucket-doctor.json': config, 'deploy/iam/arraylake.json': text }, 'deploy/iam/arraylake.json'), []);
});

test('a statement on Resource "*" with S3 actions reaches every configured bucket; one with only s3:ListAllMyBuckets does not', () => {
  assert.equal(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), workspace).length, 1);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), workspace), []);
});
