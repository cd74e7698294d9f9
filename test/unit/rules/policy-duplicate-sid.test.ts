import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compatibleFixes } from '../../../src/core/fix-all';
import { applyEdits } from '../../../src/core/text';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/duplicate-sid';
const statement = (sid: string) => `    {\n      "Sid": "${sid}",\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::acme/*"\n    }`;
const policy = (...sids: string[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${sids.map(statement).join(',\n')}\n  ]\n}\n`;

test('a repeated Sid is an error on the later statement, naming the line of the first', () => {
  const text = policy('Read', 'Write', 'Read');
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.range.start.line, 17);
  assert.match(finding.message, /Sid "Read" is already the id of the statement on line 4/);
  assert.equal(applyPolicyFix(text, finding, finding.fixes![0]), policy('Read', 'Write', 'Read2'));
});

test('three statements of one Sid get distinct new ids, also when fixed together', () => {
  const text = policy('A', 'A', 'A2', 'A');
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Rename to "A3"', 'Rename to "A4"'],
  );
  const fixed = applyEdits(
    text,
    compatibleFixes(found).flatMap((c) => c.fix.edits),
  );
  assert.equal(fixed, policy('A', 'A3', 'A2', 'A4'));
  assert.deepEqual(policyFindings(rule, fixed), []);
});

test('distinct Sids and statements without Sid have no finding', () => {
  assert.deepEqual(policyFindings(rule, policy('A', 'B', 'a')), []);
  assert.deepEqual(policyFindings(rule, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}]}'), []);
});
