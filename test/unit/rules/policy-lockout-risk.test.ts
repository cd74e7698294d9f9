import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyFindings } from './policy-document-helpers';
import { policy } from './policy-access-helpers';

const rule = 'policy/lockout-risk';
const resources = ['arn:aws:s3:::acme-media', 'arn:aws:s3:::acme-media/*'];
const deny = (extra: object) => ({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resources, Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, ...extra });

test('Deny s3:* to everyone outside an IP range: a warning on the Effect that says how the bucket is recovered', () => {
  const text = policy(deny({}));
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /This Deny of s3:\* applies to everyone \(Principal "\*"\), administrators included, whenever a request does not match aws:SourceIp 203\.0\.113\.0\/24/);
  assert.match(finding.message, /root user can still delete the bucket policy/);
  assert.equal(text.split('\n')[finding.range.start.line - 1].slice(finding.range.start.column - 1, finding.range.end.column - 1), 'Deny');
});

test('negated VPC conditions and NotPrincipal count; bucket-level actions other than s3:* too', () => {
  assert.equal(policyFindings(rule, policy(deny({ Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1a2b3c4d' } } }))).length, 1);
  assert.equal(policyFindings(rule, policy(deny({ Condition: { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }))).length, 1);
  const notPrincipal = { ...deny({}), Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/ci' } };
  assert.match(policyFindings(rule, policy(notPrincipal))[0].message, /everyone but the NotPrincipal list/);
  assert.match(policyFindings(rule, policy(deny({ Action: ['s3:GetObject', 's3:PutBucketPolicy'] })))[0].message, /Deny of s3:PutBucketPolicy applies/);
});

test('no finding: an administrator exemption, object actions only, a named principal, a positive condition, identity policies', () => {
  assert.deepEqual(policyFindings(rule, policy(deny({ Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } } }))), []);
  assert.deepEqual(policyFindings(rule, policy(deny({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-media/*' }))), [], 'the Label Studio guide\'s optional VPN statement');
  assert.deepEqual(policyFindings(rule, policy(deny({ Principal: { AWS: 'arn:aws:iam::490065312183:user/rw_bucket' } }))), []);
  assert.deepEqual(policyFindings(rule, policy(deny({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))), []);
  assert.deepEqual(policyFindings(rule, policy({ ...deny({}), Principal: undefined })), []);
});
