import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/invalid-arn';
const policy = (resources: string[], principal?: string) =>
  JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...(principal ? { Principal: { AWS: principal } } : {}), Action: 's3:GetObject', Resource: resources }] },
    null,
    2,
  );

test('an S3 ARN with region and account: both parts pointed at, one fix', () => {
  const text = policy(['arn:aws:s3:us-east-1:111122223333:acme/*']);
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => [f.range.start.column, f.range.end.column - f.range.start.column]),
    [
      [21, 9],
      [31, 12],
    ],
  );
  assert.match(found[0].message, /has no region/);
  assert.match(found[1].message, /has no account/);
  const fixed = applyPolicyFix(text, found[0], found[0].fixes![0]);
  assert.deepEqual(JSON.parse(fixed).Statement[0].Resource, ['arn:aws:s3:::acme/*']);
  assert.deepEqual(policyFindings(rule, fixed), []);
});

test('"ARN:" in capitals is lowered; other malformed ARNs are reported without a fix', () => {
  const text = policy(['ARN:aws:s3:::acme/*', 'arn:aws:s3::acme', 'arn:aws-gloabl:s3:::acme', 's3://acme/*']);
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Change to arn:aws:s3:::acme/*', undefined, undefined, undefined],
  );
  assert.match(found[1].message, /six colon-separated parts/);
  assert.match(found[2].message, /unknown partition "aws-gloabl"/);
  assert.match(found[3].message, /starts with "arn:"/);
  applyPolicyFix(text, found[0], found[0].fixes![0]);
});

test('principal ARNs are checked; account ids, "*" and placeholders are not this rule\'s', () => {
  assert.match(policyFindings(rule, policy(['*'], 'arn:aws:iam::1111222233:root'))[0].message, /"1111222233" is not an account id/);
  assert.deepEqual(policyFindings(rule, policy(['*'], '111122223333')), []);
  assert.deepEqual(policyFindings(rule, policy(['arn:aws:s3:::<YOUR_S3_BUCKET>/*'], 'arn:aws:iam::<ACCOUNT_ID>:root')), []);
});

test('well-formed ARNs have no finding', () => {
  const text = policy(['*', 'arn:aws:s3:::acme', 'arn:aws:s3:::acme/home/${aws:username}/*', 'arn:aws:kms:us-east-1:111122223333:key/abcd', 'arn:aws:s3:us-west-2:111122223333:accesspoint/ap/object/*']);
  assert.deepEqual(policyFindings(rule, text), []);
});
