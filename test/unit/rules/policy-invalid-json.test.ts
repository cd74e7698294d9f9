import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compatibleFixes } from '../../../src/core/fix-all';
import { applyEdits } from '../../../src/core/text';
import { applyPolicyFix, lines, policyFindings } from './policy-document-helpers';

const rule = 'policy/invalid-json';

// The Label Studio guide's own example has a trailing comma; people paste it with comments and single quotes too.
const broken = `{
  "Version": "2012-10-17",
  // read-only access for the labeling app
  "Statement": [
    {
      "Effect": "Allow", /* list and read */
      "Action": ['s3:ListBucket', "s3:GetObject",],
      "Resource": ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"]
    },
  ]
}
`;

test('comments, trailing commas and single quotes are errors, each with its fix', () => {
  const found = policyFindings(rule, broken);
  assert.deepEqual(lines(found), [3, 6, 7, 7, 9]);
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Remove the comment', 'Remove the comment', 'Use double quotes', 'Remove the trailing comma', 'Remove the trailing comma'],
  );
  assert.ok(found.every((f) => f.severity === 'error'));
  assert.match(found[0].message, /comment.*reject the whole policy.*Remove the comment/);
});

test('each fix removes its own problem and keeps the rest of the text', () => {
  for (const finding of policyFindings(rule, broken)) {
    const fixed = applyPolicyFix(broken, finding, finding.fixes![0]);
    assert.equal(policyFindings(rule, fixed).length, 4, fixed);
  }
  const [lineComment] = policyFindings(rule, broken);
  // A comment alone on its line goes with its line.
  assert.equal(applyEdits(broken, lineComment.fixes![0].edits), broken.replace('  // read-only access for the labeling app\n', ''));
  const inline = policyFindings(rule, broken)[1];
  assert.ok(applyEdits(broken, inline.fixes![0].edits).includes('"Effect": "Allow",\n'));
});

test('all fixes together give strict JSON with the same content', () => {
  const found = policyFindings(rule, broken);
  const fixed = applyEdits(
    broken,
    compatibleFixes(found).flatMap((c) => c.fix.edits),
  );
  assert.deepEqual(policyFindings(rule, fixed), []);
  assert.deepEqual(JSON.parse(fixed).Statement[0].Action, ['s3:ListBucket', 's3:GetObject']);
});

test('unbalanced brackets are reported without a guessed fix', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n';
  const found = policyFindings(rule, text);
  assert.ok(found.length > 0);
  assert.ok(found.every((f) => (f.fixes ?? []).length === 0));
});

test('the guide fixtures: the Labelbox trailing comma, the Label Studio "////" comments', () => {
  const labelbox = readFileSync('test/fixtures/iam/guides/labelbox-ip-allow.json', 'utf8');
  const [comma] = policyFindings(rule, labelbox);
  assert.match(comma.message, /trailing comma/);
  applyPolicyFix(labelbox, comma, comma.fixes![0]);
  const ls = readFileSync('test/fixtures/iam/guides/ls-source-storage-ip-vpn.json', 'utf8');
  assert.deepEqual(
    policyFindings(rule, ls).map((f) => f.message.match(/: (\w+)/)?.[1]),
    ['comment', 'comment'],
  );
});

test('strict JSON has no finding', () => {
  assert.deepEqual(policyFindings(rule, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, null, 2)), []);
});
