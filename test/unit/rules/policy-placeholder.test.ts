import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';

const rule = 'policy/placeholder';
const guide = (name: string) => readFileSync(`test/fixtures/iam/guides/${name}.json`, 'utf8');
const values = (bucket: string) => `global:\n  persistence:\n    enabled: true\n    type: s3\n    config:\n      s3:\n        bucket: "${bucket}"\n        region: "us-east-1"\n`;

test('the placeholders the guides print are errors', () => {
  const found = (name: string) => policyFindings(rule, guide(name)).map((f) => f.message.match(/^"([^"]+)"/)?.[1]);
  assert.deepEqual(found('lse-persistence'), ['<YOUR_S3_BUCKET>', '<YOUR_S3_BUCKET>']);
  assert.deepEqual(found('lightly-delegated'), ['{YOUR_BUCKET}', '{YOUR_BUCKET}']);
  assert.deepEqual(found('arraylake-trust'), ['<my-shared-secret>']);
  assert.deepEqual(found('ls-source-storage-ip-vpn'), ['YOUR_BUCKET_NAME', 'YOUR_BUCKET_NAME', 'x.x.x.x', 'x.x.x.x', 'x.x.x.x', 'YOUR_BUCKET_NAME', 'YOUR_VPN_SUBNET']);
  const account = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::<ACCOUNT_ID>:root"}, "Action": "sts:AssumeRole"}}';
  assert.deepEqual(policyFindings(rule, account).map((f) => account.slice(f.range.start.column - 1, f.range.end.column - 1)), ['<ACCOUNT_ID>']);
});

test('with exactly one S3 bucket configured, the fix puts it in', () => {
  const text = guide('lse-persistence');
  const found = policyFindings(rule, text, { 'lse-values.yaml': values('acme-labels') });
  assert.deepEqual(
    found.map((f) => f.fixes?.[0]?.title),
    ['Use bucket acme-labels (from lse-values.yaml)', 'Use bucket acme-labels (from lse-values.yaml)'],
  );
  const fixed = applyPolicyFix(text, found[1], found[1].fixes![0], { 'lse-values.yaml': values('acme-labels') });
  assert.ok(fixed.includes('"arn:aws:s3:::acme-labels/*"'));
  assert.ok(fixed.includes('"arn:aws:s3:::<YOUR_S3_BUCKET>"'));
});

test('no bucket fix when none or several buckets fit, or outside the bucket part', () => {
  const text = guide('lse-persistence');
  assert.deepEqual(policyFindings(rule, text)[0].fixes, undefined);
  const two = { 'a/lse-values.yaml': values('acme-a'), 'b/lse-values.yaml': values('acme-b') };
  assert.deepEqual(policyFindings(rule, text, two)[0].fixes, undefined);
  const ip = guide('ls-source-storage-ip-vpn');
  const x = policyFindings(rule, ip, { 'lse-values.yaml': values('acme-labels') }).find((f) => f.message.startsWith('"x.x.x.x"'));
  assert.deepEqual(x?.fixes, undefined);
});

test('the bucket that lists the policy in .bucket-doctor.json fits, among several', () => {
  const config = JSON.stringify({ buckets: [{ name: 'acme-raw', provider: 's3' }, { name: 'acme-out', provider: 's3', policies: ['iam/policy.json'] }] });
  const [finding] = policyFindings(rule, guide('lse-persistence'), { '.bucket-doctor.json': config });
  assert.equal(finding.fixes?.[0]?.title, 'Use bucket acme-out (from .bucket-doctor.json)');
});

test('policy variables and real values are not placeholders', () => {
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: ['arn:aws:s3:::acme/home/${aws:username}/*', 'arn:aws:s3:::your-team-bucket/*'],
        Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalTag/team}' } },
      },
    ],
  });
  assert.deepEqual(policyFindings(rule, text), []);
});
