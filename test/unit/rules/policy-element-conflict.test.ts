import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyFindings } from './policy-document-helpers';

const rule = 'policy/element-conflict';
const wrap = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

test('Action with NotAction, Resource with NotResource, Principal with NotPrincipal', () => {
  const text = wrap(
    { Sid: 'Both', Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', NotAction: 's3:GetObject', Resource: 'arn:aws:s3:::acme', NotResource: 'arn:aws:s3:::acme/*' },
  );
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => f.message.match(/has both (\w+) and (\w+)/)?.slice(1)),
    [
      ['Principal', 'NotPrincipal'],
      ['Action', 'NotAction'],
      ['Resource', 'NotResource'],
    ],
  );
  assert.ok(found.every((f) => f.message.startsWith('Statement "Both"')));
});

test('missing Effect, missing Action, identity statement without Resource', () => {
  const text = wrap({ Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObject' });
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => [f.range.start.line, f.message.match(/has no (\w+)/)?.[1]]),
    [
      [4, 'Effect'],
      [8, 'Action'],
      [12, 'Resource'],
    ],
  );
  assert.match(found[0].message, /^Statement 1 /);
});

test('a bucket policy statement without Principal, while others have one', () => {
  const text = wrap({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme/*' }, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme/*' });
  const [finding] = policyFindings(rule, text);
  assert.match(finding.message, /^Statement 2 has no Principal.*bucket policy/);
});

test('complete statements and a trust policy without Resource have no finding', () => {
  assert.deepEqual(policyFindings(rule, wrap({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', NotAction: 's3:GetObject', NotResource: 'arn:aws:s3:::acme/*' })), []);
  assert.deepEqual(policyFindings(rule, wrap({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::842143331303:root' }, Action: 'sts:AssumeRole' })), []);
});
