// Hover and completion in IAM policy files: actions explained from the catalog, action names and condition keys offered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt, hoverAt } from '../../src/core/explain';
import { Workspace } from '../../src/core/workspace';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:ListBucket", "s3:Get*", "sts:GetCallerIdentity", "ec2:DescribeInstances"],
      "Resource": "arn:aws:s3:::acme",
      "Condition": {"StringLike": {"s3:prefix": "media/*", "aws:SourceIp": "203.0.113.0/24"}}
    }
  ]
}
`;

function file(text: string, path = 'iam/policy.json') {
  const f = new Workspace([{ path, text }]).get(path);
  assert.ok(f);
  return f;
}

/** The offset of the `n`-th character of `needle` in the text. */
const at = (text: string, needle: string, n = 1) => text.indexOf(needle) + n;

test('hover on an action: access level, resource types with their ARNs, condition keys', () => {
  const hover = hoverAt(file(policy), at(policy, 's3:ListBucket', 4));
  assert.ok(hover);
  assert.match(hover, /^\*\*s3:ListBucket\*\* — List/);
  assert.match(hover, /- bucket: `arn:\$\{Partition\}:s3:::\$\{BucketName\}`/);
  assert.match(hover, /Condition keys: .*`s3:prefix`/);
  assert.doesNotMatch(hover, /`aws:SourceIp`/);
  // The quotes count as part of the action.
  assert.equal(hoverAt(file(policy), policy.indexOf('"s3:ListBucket"')), hover);
});

test('hover on a wildcard lists what it matches; an action without resource types says "*" only', () => {
  const wild = hoverAt(file(policy), at(policy, 's3:Get*', 3));
  assert.match(wild ?? '', /^\*\*s3:Get\*\*\* matches \d+ actions \(Read \d+/);
  assert.match(wild ?? '', /`s3:GetObject`, /);
  assert.doesNotMatch(wild ?? '', /`s3:PutObject`/);
  assert.match(hoverAt(file(policy), at(policy, 'sts:GetCallerIdentity')) ?? '', /Resource: `"\*"` only/);
});

test('hover on a condition key: its type, and which actions of the statement set it', () => {
  assert.match(hoverAt(file(policy), at(policy, 's3:prefix')) ?? '', /^\*\*s3:prefix\*\* \(String\)\n\nSet for this statement's `s3:ListBucket`/);
  assert.match(hoverAt(file(policy), at(policy, 'aws:SourceIp')) ?? '', /global condition key/);
});

test('hover on a tag condition key names the statement actions whose catalog template covers it', () => {
  const tagged = policy.replace('"s3:prefix": "media/*"', '"s3:ExistingObjectTag/team": "ml"');
  assert.match(hoverAt(file(tagged), at(tagged, 's3:ExistingObjectTag/team')) ?? '', /^\*\*s3:ExistingObjectTag\/team\*\* \(String\)\n\nSet for this statement's `s3:GetObject`/);
});

test('no hover on other services, values, resources or outside statements', () => {
  for (const needle of ['ec2:DescribeInstances', 'arn:aws:s3:::acme', '"Version"', 'media/*', 'Allow']) {
    assert.equal(hoverAt(file(policy), at(policy, needle, 2)), undefined, needle);
  }
});

test('completion of action names inside an Action list, bare inside a string and quoted outside', () => {
  const typing = policy.replace('"s3:Get*"', '"s3:Ge"');
  const inside = completionsAt(file(typing), at(typing, '"s3:Ge"', 5));
  const getObject = inside.find((c) => c.label === 's3:GetObject');
  assert.ok(getObject);
  assert.equal(getObject.insertText, 's3:GetObject');
  assert.equal(getObject.detail, 'Read · resource types: accesspointobject, object');
  assert.ok(inside.some((c) => c.label === 'kms:GenerateDataKey') && inside.some((c) => c.label === 'iam:PassRole'));
  const empty = policy.replace('"Action": [', '"Action": [ ');
  const between = completionsAt(file(empty), at(empty, '"Action": [ ', 12));
  assert.equal(between.find((c) => c.label === 's3:GetObject')?.insertText, '"s3:GetObject"');
});

test('completion of condition keys: the global keys and those of the statement actions', () => {
  const typing = policy.replace('"s3:prefix": "media/*"', '"s3:pre": "media/*"');
  const keys = completionsAt(file(typing), at(typing, '"s3:pre"', 4)).map((c) => c.label);
  assert.ok(keys.includes('s3:prefix'));
  assert.ok(keys.includes('aws:SourceIp'));
  assert.ok(!keys.includes('kms:ViaService'));
  assert.ok(!keys.some((k) => k.includes('${')));
});

test('no completion for element names, resources or Effect (the JSON schema offers those)', () => {
  assert.deepEqual(completionsAt(file(policy), at(policy, 'arn:aws:s3:::acme', 3)), []);
  assert.deepEqual(completionsAt(file(policy), at(policy, '"Effect"', 2)), []);
  assert.deepEqual(completionsAt(file(policy), at(policy, '"Version"', 2)), []);
});

test('broken and deeply nested documents give no hover or completion, never an error', () => {
  const broken = policy.replace('"s3:Get*", ', '"s3:Get*" ').replace(/\}\n$/, '');
  assert.match(hoverAt(file(broken), at(broken, 's3:ListBucket', 3)) ?? '', /s3:ListBucket/);
  const deep = `{"Statement": ${'['.repeat(20000)}`;
  assert.equal(hoverAt(file(deep), 30), undefined);
  assert.deepEqual(completionsAt(file(deep), deep.length), []);
});
