import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { complete, policy, prod, values } from './policy-access-helpers';

const rule = 'policy/overly-broad';
const workspace = { 'lse-values.yaml': values('acme-labeling-prod') };

test('s3:* on the configured bucket is info naming what the profile needs; the fix narrows Action and Resource', () => {
  const text = policy({ Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: [prod, `${prod}/*`], Condition: { Bool: { 'aws:SecureTransport': 'true' } } });
  const [finding] = policyFindings(rule, text, workspace);
  assert.equal(finding.severity, 'info');
  assert.match(finding.message, /"s3:\*" allows every S3 action .*; Label Studio Enterprise persistence needs only s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on acme-labeling-prod\/lse\/ \(lse-values\.yaml\)/);
  const fixed = applyPolicyFix(text, finding, finding.fixes![0], workspace);
  const [statement] = JSON.parse(fixed).Statement;
  assert.deepEqual(statement.Action, ['s3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject']);
  assert.deepEqual(statement.Resource, [prod, `${prod}/lse/*`]);
  assert.deepEqual(statement.Condition, { Bool: { 'aws:SecureTransport': 'true' } }, 'the condition is kept');
  assert.deepEqual(policyFindings('policy/missing-required-actions', fixed, workspace), [], 'the narrowed statement still gives the profile all it needs');
});

test('"*" actions and Resource "*" are reported too; a statement with other services or buckets gets no automatic fix', () => {
  const star = policyFindings(rule, policy({ Effect: 'Allow', Action: '*', Resource: '*' }), workspace);
  assert.deepEqual(star.map((f) => f.message.split(';')[0]), ['"*" allows every action of every AWS service', '"Resource": "*" applies to every bucket and object in the account']);
  const mixed = policyFindings(rule, policy({ Effect: 'Allow', Action: ['s3:*', 'kms:Decrypt'], Resource: [prod, `${prod}/*`] }), workspace);
  assert.equal(mixed.length, 1);
  assert.equal(mixed[0].fixes, undefined);
  const twoBuckets = policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:*', Resource: [prod, 'arn:aws:s3:::acme-other/*'] }), workspace);
  assert.equal(twoBuckets[0].fixes, undefined);
});

test('no finding: precise grants, Deny, buckets nobody configures', () => {
  assert.deepEqual(policyFindings(rule, policy(...complete), workspace), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Deny', Action: 's3:*', Resource: prod }), workspace), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme-other/*' }), workspace), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:*', Resource: [prod, `${prod}/*`] })), [], 'no bucket configured: no profile to compare with');
});
