import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/invalid-effect';
const policy = (effect: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": ${effect},\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::acme/*"\n    }\n  ]\n}\n`;

test('wrong case and typos are fixed to Allow or Deny', () => {
  for (const [written, meant] of [
    ['"allow"', 'Allow'],
    ['"DENY"', 'Deny'],
    ['"Alow"', 'Allow'],
  ]) {
    const text = policy(written);
    const [finding] = policyFindings(rule, text);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, new RegExp(`Use "${meant}"`));
    assert.equal(applyPolicyFix(text, finding, finding.fixes![0]), policy(`"${meant}"`));
  }
});

test('a value nothing like an effect, or not a string, has no guessed fix', () => {
  for (const written of ['"Permit"', 'true', '["Allow"]']) {
    const [finding] = policyFindings(rule, policy(written));
    assert.ok(finding, written);
    assert.deepEqual(finding.fixes, undefined, written);
  }
});

test('Allow and Deny have no finding', () => {
  assert.deepEqual(policyFindings(rule, policy('"Allow"')), []);
  assert.deepEqual(policyFindings(rule, policy('"Deny"')), []);
});
