import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/version';
const body = `  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::acme",
      "Condition": {"StringLike": {"s3:prefix": "home/\${aws:username}/*"}}
    }
  ]`;

test('a missing Version is a warning; the fix adds it first, indented like the other elements', () => {
  const text = `{\n${body}\n}\n`;
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /no Version.*2008-10-17.*literal text/);
  const fixed = applyPolicyFix(text, finding, finding.fixes![0]);
  assert.equal(fixed, `{\n  "Version": "2012-10-17",\n${body}\n}\n`);
});

test('the legacy 2008-10-17 is a warning; another value is an error; both are replaced', () => {
  const legacy = `{\n  "Version": "2008-10-17",\n${body}\n}\n`;
  const [old] = policyFindings(rule, legacy);
  assert.equal(old.severity, 'warning');
  assert.match(old.message, /legacy policy language/);
  assert.equal(applyPolicyFix(legacy, old, old.fixes![0]), legacy.replace('2008-10-17', '2012-10-17'));

  const wrong = `{\n  "Version": "2012-10-18",\n${body}\n}\n`;
  const [bad] = policyFindings(rule, wrong);
  assert.equal(bad.severity, 'error');
  assert.match(bad.message, /not a policy language version/);
  assert.equal(applyPolicyFix(wrong, bad, bad.fixes![0]), legacy.replace('2008-10-17', '2012-10-17'));
});

test('a Version that is not a string is replaced by the string', () => {
  for (const value of ['2012', '{"v": 1}']) {
    const text = `{"Version": ${value}, "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}`;
    const [finding] = policyFindings(rule, text);
    assert.equal(finding.severity, 'error');
    assert.equal(JSON.parse(applyPolicyFix(text, finding, finding.fixes![0])).Version, '2012-10-17');
  }
});

test('a one-line policy gets the Version on the same line', () => {
  const text = '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}';
  const [finding] = policyFindings(rule, text);
  assert.equal(applyPolicyFix(text, finding, finding.fixes![0]), text.replace('{"Statement"', '{"Version": "2012-10-17", "Statement"'));
});

test('2012-10-17 has no finding', () => {
  assert.deepEqual(policyFindings(rule, `{\n  "Version": "2012-10-17",\n${body}\n}\n`), []);
});
