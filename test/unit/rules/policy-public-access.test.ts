import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyFindings } from './policy-document-helpers';
import { policy } from './policy-access-helpers';

const rule = 'policy/public-access';
const media = 'arn:aws:s3:::acme-media/*';

test('Allow to Principal "*" without a condition on who is a warning on the "*"', () => {
  const text = policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: media });
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /lets anyone on the internet use s3:GetObject on arn:aws:s3:::acme-media\/\*/);
  assert.equal(text.split('\n')[finding.range.start.line - 1].slice(finding.range.start.column - 1, finding.range.end.column - 1), '*');
  assert.equal(policyFindings(rule, policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: media })).length, 1);
});

test('a positive condition on the network or the identity narrows it; a negated one does not', () => {
  const withCondition = (Condition: object) => policyFindings(rule, policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: media, Condition }));
  assert.deepEqual(withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), []);
  assert.deepEqual(withCondition({ StringEquals: { 'aws:PrincipalOrgID': 'o-example' } }), []);
  assert.deepEqual(withCondition({ StringEquals: { 'aws:sourcevpce': 'vpce-1a2b3c4d' } }), [], 'keys compare case-insensitively');
  assert.equal(withCondition({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }).length, 1);
  assert.equal(withCondition({ Bool: { 'aws:SecureTransport': 'true' } }).length, 1, 'HTTPS says nothing about who');
});

test('a Deny, a named principal and an identity policy are not public; a trust policy for everyone is', () => {
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: media })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: media })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: media })), []);
  const [trust] = policyFindings(rule, policy({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }));
  assert.match(trust.message, /use sts:AssumeRole on this role/);
});
