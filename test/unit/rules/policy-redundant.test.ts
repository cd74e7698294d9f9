import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { policy } from './policy-access-helpers';

const rule = 'policy/redundant';
const objects = 'arn:aws:s3:::acme/*';

test('a statement covered by another of the same effect: info on the later one, and the fix removes it', () => {
  const text = policy({ Sid: 'Read', Effect: 'Allow', Action: 's3:Get*', Resource: objects }, { Sid: 'ReadAgain', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme/lse/*' });
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'info');
  assert.match(finding.message, /^This statement adds nothing: Statement "Read" \(line 4\) already allows all of its actions on all of its resources\./);
  const fixed = applyPolicyFix(text, finding, finding.fixes![0]);
  assert.equal(fixed, policy({ Sid: 'Read', Effect: 'Allow', Action: 's3:Get*', Resource: objects }));
});

test('of two identical statements the later is reported; a conditional one is covered by an unconditional one, not the reverse', () => {
  const same = { Effect: 'Allow', Action: 's3:GetObject', Resource: objects };
  const found = policyFindings(rule, policy({ Sid: 'A', ...same }, { Sid: 'B', ...same }));
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 11, 'on the Sid of B');
  const conditional = { ...same, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } };
  assert.equal(policyFindings(rule, policy({ Sid: 'Cond', ...conditional }, { Sid: 'Plain', ...same })).length, 1);
  assert.deepEqual(policyFindings(rule, policy({ Sid: 'Cond', ...conditional }, { Sid: 'Other', ...same, Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } })), []);
});

test('an action covered within its statement or by another statement: info on the action, the fix removes the entry', () => {
  const text = policy({ Effect: 'Allow', Action: ['s3:Get*', 's3:GetObject', 's3:PutObject'], Resource: objects });
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.message, 's3:GetObject is already covered by "s3:Get*" in the same statement. Remove it.');
  assert.deepEqual(JSON.parse(applyPolicyFix(text, finding, finding.fixes![0])).Statement[0].Action, ['s3:Get*', 's3:PutObject']);
  const across = policyFindings(rule, policy({ Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: objects }, { Sid: 'Some', Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: [objects, 'arn:aws:kms:us-east-1:123456789012:key/*'] }));
  assert.deepEqual(across, [], 'Some also names a key that All does not cover');
  const dup = policyFindings(rule, policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:getobject'], Resource: objects }));
  assert.equal(dup.length, 1, 'actions compare case-insensitively; the second is the duplicate');
  assert.match(dup[0].message, /^s3:getobject is already covered by "s3:GetObject"/);
});

test('no finding: different effects, principals, resources; NotAction; policy variables', () => {
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:*', Resource: objects }, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: objects })), []);
  const principal = (arn: string) => ({ Effect: 'Allow', Principal: { AWS: arn }, Action: 's3:GetObject', Resource: objects });
  assert.deepEqual(policyFindings(rule, policy(principal('arn:aws:iam::111122223333:role/a'), principal('arn:aws:iam::111122223333:role/b'))), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme/a/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme/b/*' })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: objects }, { Effect: 'Allow', Action: 's3:GetObject', Resource: objects })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme/${aws:username}/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme/${aws:username}/*' })), []);
});
