import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, lines, policyFindings } from './policy-document-helpers';

const rule = 'policy/unknown-element';
const text = `{
  "Versoin": "2012-10-17",
  "Statement": [
    {
      "effect": "Allow",
      "Actions": ["s3:GetObject"],
      "Resources": "arn:aws:s3:::acme/*",
      "Principals": {"aws": "arn:aws:iam::111122223333:root"},
      "Comment": "read access"
    }
  ]
}
`;

test('misspelled, plural and wrongly cased elements are errors with a rename', () => {
  const found = policyFindings(rule, text);
  assert.deepEqual(lines(found), [2, 5, 6, 7, 8, 9]);
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Rename to "Version"', 'Rename to "Effect"', 'Rename to "Action"', 'Rename to "Resource"', 'Rename to "Principal"', undefined],
  );
  assert.match(found[5].message, /"Comment" is not a statement element.*Allowed: Sid, Effect/);
});

test('a principal type is checked too (AWS, Service, Federated, CanonicalUser)', () => {
  const fixedNames = text.replace('"Principals"', '"Principal"');
  const found = policyFindings(rule, fixedNames);
  const aws = found.find((f) => f.message.includes('"aws"'));
  assert.ok(aws);
  assert.match(aws.message, /not a principal type.*Did you mean "AWS"\?/);
});

test('each rename keeps the value and the layout', () => {
  for (const finding of policyFindings(rule, text).filter((f) => f.fixes?.length)) {
    const fixed = applyPolicyFix(text, finding, finding.fixes![0]);
    assert.equal(fixed.split('\n').length, text.split('\n').length);
  }
  const [version] = policyFindings(rule, text);
  assert.ok(applyPolicyFix(text, version, version.fixes![0]).includes('{\n  "Version": "2012-10-17",\n  "Statement": [\n'));
});

test('no rename onto an element the statement already has (it would be a duplicate key)', () => {
  const both = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Actions": "s3:PutObject", "Resource": "*"}]}';
  const [finding] = policyFindings(rule, both);
  assert.match(finding.message, /Did you mean "Action"\?/);
  assert.deepEqual(finding.fixes, undefined);
});

test('the known elements have no finding', () => {
  const good = '{"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "*", "Service": "s3.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "*", "Condition": {}}]}';
  assert.deepEqual(policyFindings(rule, good), []);
});
