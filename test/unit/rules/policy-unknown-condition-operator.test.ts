import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/unknown-condition-operator';
// The administrators' exemption keeps policy/lockout-risk quiet once a fix has made the Deny's condition valid.
const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "Principal": "*",\n      "Action": "s3:*",\n      "Resource": ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"],\n      "Condition": {\n${condition},\n        "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}\n      }\n    }\n  ]\n}\n`;

test('wrong case, a missing s, NullIfExists, a misspelled qualifier: each with its correction', () => {
  const ip = '"aws:SourceIp": "203.0.113.0/24"';
  const vpc = '"aws:SourceVpc": "vpc-1a2b3c4d"';
  for (const [written, meant, entry] of [
    ['IPAddress', 'IpAddress', ip],
    ['NotIPAddress', 'NotIpAddress', ip],
    ['StringEqual', 'StringEquals', vpc],
    ['StringLikeIfExist', 'StringLikeIfExists', vpc],
    ['NullIfExists', 'Null', '"aws:SourceVpc": "true"'],
    ['ForAnyValues:StringEquals', 'ForAnyValue:StringEquals', '"aws:TagKeys": ["team"]'],
    ['ForAllValues:StringLikeIfexists', 'ForAllValues:StringLikeIfExists', '"aws:TagKeys": ["team"]'],
  ]) {
    const text = policy(`        "${written}": {${entry}}`);
    const [finding] = policyFindings(rule, text);
    assert.ok(finding, written);
    assert.match(finding.message, new RegExp(`Did you mean "${meant}"\\?`), written);
    const fixed = applyPolicyFix(text, finding, finding.fixes![0]);
    assert.equal(fixed, text.replace(written, meant));
  }
  assert.match(policyFindings(rule, policy('        "NullIfExists": {"aws:SourceVpc": "true"}'))[0].message, /Null has no IfExists form/);
});

test('no rename onto an operator the block already has; no guess for a stranger name', () => {
  const both = policy('        "StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"},\n        "StringEqual": {"aws:SourceVpce": "vpce-1a2b3c4d"}');
  const [dup] = policyFindings(rule, both);
  assert.match(dup.message, /Did you mean "StringEquals"\?/);
  assert.deepEqual(dup.fixes, undefined);
  const [odd] = policyFindings(rule, policy('        "Matches": {"aws:SourceVpc": "vpc-1a2b3c4d"}'));
  assert.doesNotMatch(odd.message, /Did you mean/);
});

test('valid operators have no finding', () => {
  const all = ['StringEquals', 'StringNotLikeIfExists', 'NotIpAddress', 'Null', 'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'ArnLike', 'DateGreaterThan', 'NumericLessThanEquals', 'Bool', 'BinaryEquals'];
  const text = policy(all.map((op, i) => `        "${op}": {"aws:k${i}": "v"}`).join(',\n'));
  assert.deepEqual(policyFindings(rule, text), []);
});
