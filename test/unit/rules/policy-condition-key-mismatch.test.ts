import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/condition-key-mismatch';
const policy = (actions: string[], condition: object, effect = 'Allow') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'S', Effect: effect, Action: actions, Resource: ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/*'], Condition: condition }] }, null, 2);

test('s3:prefix with only object actions: the condition never holds; the message says where the key is set', () => {
  const [finding] = policyFindings(rule, policy(['s3:GetObject', 's3:PutObject'], { StringLike: { 's3:prefix': 'media/*' } }));
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^s3:prefix is not a condition key of s3:GetObject, s3:PutObject: .*never holds and the statement never applies\. AWS sets it for s3:ListBucket/);
  assert.deepEqual(finding.fixes, undefined);
});

test('with a negated or IfExists operator the condition always holds instead', () => {
  const [finding] = policyFindings(rule, policy(['s3:GetObject'], { StringNotLikeIfExists: { 's3:prefix': 'media/*' } }, 'Deny'));
  assert.match(finding.message, /always holds and restricts nothing/);
});

test('a misspelled key that an action supports is renamed', () => {
  const text = policy(['s3:ListBucket'], { StringLike: { 's3:prefx': 'media/*' } });
  const [finding] = policyFindings(rule, text);
  assert.match(finding.message, /Did you mean "s3:prefix"\?/);
  const fixed = applyPolicyFix(text, finding, finding.fixes![0]);
  assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { StringLike: { 's3:prefix': 'media/*' } });
});

test('a KMS key with only S3 actions', () => {
  const [finding] = policyFindings(rule, policy(['s3:GetObject'], { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }));
  assert.match(finding.message, /^kms:ViaService is not a condition key of s3:GetObject/);
});

test('supported, global, identity-provider and other-service keys have no finding', () => {
  const clean = [
    policy(['s3:ListBucket', 's3:GetObject'], { StringLike: { 's3:prefix': 'media/*' } }),
    policy(['s3:*'], { StringLike: { 's3:prefix': 'media/*' } }),
    policy(['s3:GetObject'], { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, StringEquals: { 'aws:PrincipalTag/team': 'ml', 's3:ExistingObjectTag/class': 'public' } }),
    policy(['sts:AssumeRoleWithWebIdentity'], { StringEquals: { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:ls:app' } }),
    policy(['sts:AssumeRole'], { StringEquals: { 'sts:ExternalId': 'shared-secret' } }),
    policy(['s3:GetObject', 'ec2:DescribeInstances'], { StringEquals: { 'ec2:Region': 'us-east-1' } }),
    policy(['*'], { StringLike: { 's3:prefix': 'media/*' } }),
  ];
  for (const text of clean) assert.deepEqual(policyFindings(rule, text), [], text);
});
