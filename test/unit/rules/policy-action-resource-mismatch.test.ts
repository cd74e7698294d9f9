import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../src/core/text';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/action-resource-mismatch';

const statement = (sid: string, actions: string[], resources: string[], extra = '') =>
  `    {\n      "Sid": "${sid}",\n      "Effect": "Allow",\n      "Action": [\n${actions.map((a) => `        "${a}"`).join(',\n')}\n      ],\n      "Resource": [\n${resources.map((r) => `        "${r}"`).join(',\n')}\n      ]${extra}\n    }`;
const policy = (...statements: string[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}\n`;

test('ListBucket on only object ARNs is an error naming the bucket ARN; the fix adds it', () => {
  const text = policy(statement('List', ['s3:ListBucket'], ['arn:aws:s3:::acme/media/*']));
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /s3:ListBucket applies to accesspoint or bucket ARNs, not to arn:aws:s3:::acme\/media\/\*: the statement allows nothing\. Add arn:aws:s3:::acme\./);
  assert.deepEqual(
    finding.fixes?.map((f) => f.title),
    ['Add arn:aws:s3:::acme to Resource'],
  );
  const fixed = applyPolicyFix(text, finding, finding.fixes![0]);
  assert.ok(fixed.includes('        "arn:aws:s3:::acme/media/*",\n        "arn:aws:s3:::acme"\n      ]'), fixed);
});

test('object actions on only the bucket ARN: one finding per action, "Deny" says denies', () => {
  const text = policy(statement('Objects', ['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::acme'])).replace('"Allow"', '"Deny"');
  const found = policyFindings(rule, text);
  assert.equal(found.length, 2);
  assert.ok(found.every((f) => f.severity === 'error' && /denies nothing\. Add arn:aws:s3:::acme\/\*\./.test(f.message)));
  const fixed = applyPolicyFix(text, found[0], found[0].fixes![0]);
  assert.deepEqual(policyFindings(rule, fixed), []);
});

test('some actions fit and some not: a warning, with "add" and "split" fixes', () => {
  const text = policy(statement('ReadWrite', ['s3:GetObject', 's3:ListBucket', 's3:PutObject'], ['arn:aws:s3:::acme/*']));
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /allows s3:ListBucket nowhere\. Add arn:aws:s3:::acme, or move s3:ListBucket to its own statement on it\./);
  assert.deepEqual(
    finding.fixes?.map((f) => f.title),
    ['Add arn:aws:s3:::acme to Resource', 'Move s3:ListBucket to its own statement on arn:aws:s3:::acme'],
  );
  applyPolicyFix(text, finding, finding.fixes![0]);
  const split = applyPolicyFix(text, finding, finding.fixes![1]);
  const statements = JSON.parse(split).Statement;
  assert.deepEqual(statements[0].Action, ['s3:GetObject', 's3:PutObject']);
  assert.deepEqual(statements[1], { Sid: 'ReadWriteListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme' });
  // The new statement is laid out like its sibling.
  assert.ok(split.includes('    },\n    {\n      "Sid": "ReadWriteListBucket",\n      "Effect": "Allow",\n'), split);
});

test('the split statement keeps the Principal and the Condition as written', () => {
  const condition = ',\n      "Condition": {\n        "StringLike": {\n          "s3:prefix": "media/*"\n        }\n      }';
  const text = policy(statement('Mixed', ['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::acme/media/*'], condition).replace('"Effect": "Allow",', '"Effect": "Allow",\n      "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"},'));
  const [finding] = policyFindings(rule, text);
  const split = applyEdits(text, finding.fixes![1].edits);
  const added = JSON.parse(split).Statement[1];
  assert.deepEqual(added.Principal, { AWS: 'arn:aws:iam::111122223333:role/app' });
  assert.deepEqual(added.Condition, { StringLike: { 's3:prefix': 'media/*' } });
  assert.ok(split.includes('      "Condition": {\n        "StringLike": {\n          "s3:prefix": "media/*"\n        }\n      }\n    }\n  ]'), split);
});

test('a KMS action on S3 ARNs names the key ARN pattern and offers no ARN', () => {
  const text = policy(statement('Kms', ['kms:Decrypt'], ['arn:aws:s3:::acme/*']));
  const [finding] = policyFindings(rule, text);
  assert.match(finding.message, /kms:Decrypt applies to key ARNs \(arn:\$\{Partition\}:kms:\$\{Region\}:\$\{Account\}:key\/\$\{KeyId\}\)/);
  assert.deepEqual(finding.fixes, undefined);
});

test('fitting statements have no finding: both ARNs, wildcards, "*", variables, unknown services', () => {
  const text = policy(
    statement('Both', ['s3:ListBucket', 's3:GetObject'], ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/*']),
    statement('Wild', ['s3:Get*', 's3:*'], ['arn:aws:s3:::acme/*']),
    statement('Star', ['s3:ListAllMyBuckets', 'sts:GetCallerIdentity'], ['*']),
    statement('Home', ['s3:GetObject'], ['arn:aws:s3:::acme/home/${aws:username}/*']),
    statement('Other', ['ec2:DescribeInstances'], ['arn:aws:s3:::acme']),
    statement('Key', ['kms:Decrypt', 'kms:GenerateDataKey'], ['arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab']),
  );
  assert.deepEqual(policyFindings(rule, text), []);
});
