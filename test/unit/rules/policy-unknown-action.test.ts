import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/unknown-action';
const policy = (actions: string[]) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n${actions.map((a) => `        ${JSON.stringify(a)}`).join(',\n')}\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n`;

test('misspelled s3, kms, sts and iam actions get a did-you-mean fix', () => {
  const text = policy(['s3:GetObjects', 's3:ListBuckets', 'kms:GenerateDataKeys', 'sts:AssumeRol', 'iam:PassRoles']);
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Change to "s3:GetObject"', 'Change to "s3:ListBucket"', 'Change to "kms:GenerateDataKey"', 'Change to "sts:AssumeRole"', 'Change to "iam:PassRole"'],
  );
  assert.match(found[0].message, /not an s3 action.*allows or denies nothing/);
  for (const finding of found) applyPolicyFix(text, finding, finding.fixes![0]);
});

test('the service prefix keeps its spelling; an action without a service gets one', () => {
  const text = policy(['S3:GetObjekt', 'GetObject']);
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Change to "S3:GetObject"', 'Change to "s3:GetObject"'],
  );
  assert.match(found[1].message, /written service:Action/);
  const fixed = applyPolicyFix(text, found[1], found[1].fixes![0]);
  assert.ok(fixed.includes('        "s3:GetObject"\n'));
});

test('a wildcard that matches no action is an error without a guess', () => {
  const [finding] = policyFindings(rule, policy(['s3:GetObjectz*']));
  assert.match(finding.message, /matches no s3 action/);
  assert.deepEqual(finding.fixes, undefined);
});

test('real actions, wildcards, any case, "*" and other services have no finding', () => {
  const text = policy(['s3:GetObject', 's3:get*', 'S3:LISTBUCKET', 's3:*', '*', 'kms:Decrypt', 'sts:AssumeRole', 'iam:PassRole', 'ec2:DescribeInstancez', 'dynamodb:GetItem', 's3:Get?bject']);
  assert.deepEqual(policyFindings(rule, text), []);
});

test('NotAction entries are checked too', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "s3:GetObjectt", "Resource": "*"}]}';
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.fixes?.[0]?.title, 'Change to "s3:GetObject"');
});
