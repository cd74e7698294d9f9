import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bucketsOfPolicy, bucketTargets, namedTarget, policySet } from '../../../src/core/iam/policy-buckets';
import { Workspace } from '../../../src/core/workspace';

const example = (path: string) => readFileSync(`examples/${path}`, 'utf8');
const ws = (files: Record<string, string>) => new Workspace(Object.entries(files).map(([path, text]) => ({ path, text })));
const examples = ws(Object.fromEntries(['lse-values.yaml', 'env.list', 'docker-compose.yml', 'iam/lse-storage-policy.json', 'iam/lse-storage-policy-broken.json', 'iam/acme-labeling-staging-bucket-policy.json', 'iam/lse-staging-user-policy.json', 'iam/lse-storage-trust.json'].map((p) => [p, example(p)])));
const file = (w: Workspace, path: string) => w.get(path)!;

test('the example workspace: each configured bucket once, with the default profile, its folder and role', () => {
  assert.deepEqual(
    bucketTargets(examples).map((t) => [t.bucket, t.prefix, t.profileId, t.profile?.title, t.roleArn, t.ref.file]),
    [
      ['acme-labeling-prod', 'lse/', 'lse-persistence', 'Label Studio Enterprise persistence', 'arn:aws:iam::123456789012:role/lse-storage', 'lse-values.yaml'],
      ['acme-labeling-staging', 'lse/', 'lse-persistence', 'Label Studio Enterprise persistence', undefined, 'env.list'],
    ],
  );
});

test('a policy applies to the buckets its ARNs name; trust policies to none; a bucket policy is judged with the identity policies of its bucket', () => {
  const names = (path: string) => bucketsOfPolicy(examples, file(examples, path)).map((t) => t.bucket);
  assert.deepEqual(names('iam/lse-storage-policy.json'), ['acme-labeling-prod']);
  assert.deepEqual(names('iam/acme-labeling-staging-bucket-policy.json'), ['acme-labeling-staging']);
  assert.deepEqual(names('iam/lse-storage-trust.json'), []);
  const [prod] = bucketTargets(examples);
  const [, staging] = bucketTargets(examples);
  assert.deepEqual(policySet(examples, file(examples, 'iam/lse-storage-policy.json'), prod).map((p) => p.file), ['iam/lse-storage-policy.json'], 'the broken draft is an alternative, not a companion');
  assert.deepEqual(policySet(examples, file(examples, 'iam/acme-labeling-staging-bucket-policy.json'), staging).map((p) => p.file), ['iam/lse-staging-user-policy.json', 'iam/acme-labeling-staging-bucket-policy.json']);
  assert.deepEqual(policySet(examples, file(examples, 'iam/lse-staging-user-policy.json'), staging).map((p) => p.file), ['iam/lse-staging-user-policy.json', 'iam/acme-labeling-staging-bucket-policy.json']);
});

test('.bucket-doctor.json: listed policies resolve against its folder and are judged together; an entry completing a values bucket adds no target', () => {
  const config = JSON.stringify({
    buckets: [
      { name: 'acme-labeling-prod', provider: 's3', policies: ['iam/a.json', 'iam/b.json'] },
      { name: 'acme-lightly', provider: 's3', profile: 'lightly-output', kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k' },
      { name: 'acme-azure', provider: 'azure' },
    ],
  });
  const policy = (bucket: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });
  const w = ws({ 'deploy/.bucket-doctor.json': config, 'deploy/lse-values.yaml': example('lse-values.yaml'), 'deploy/iam/a.json': policy('elsewhere'), 'deploy/iam/b.json': policy('acme-labeling-prod') });
  assert.deepEqual(
    bucketTargets(w).map((t) => [t.bucket, t.prefix, t.profileId, t.kmsKeyArn]),
    [
      ['acme-labeling-prod', 'lse/', 'lse-persistence', undefined],
      ['acme-lightly', '', 'lightly-output', 'arn:aws:kms:us-east-1:123456789012:key/k'],
    ],
  );
  const [prod] = bucketTargets(w);
  assert.deepEqual(bucketsOfPolicy(w, file(w, 'deploy/iam/a.json')).map((t) => t.bucket), ['acme-labeling-prod'], 'listed, though it names another bucket');
  assert.deepEqual(policySet(w, file(w, 'deploy/iam/a.json'), prod).map((p) => p.file), ['deploy/iam/a.json', 'deploy/iam/b.json']);
});

test('without a configured bucket, the lens falls back to the first bucket the policy names', () => {
  const w = ws({ 'iam/p.json': example('iam/lse-storage-policy.json') });
  const target = namedTarget(w, file(w, 'iam/p.json'));
  assert.deepEqual([target?.bucket, target?.prefix, target?.profileId], ['acme-labeling-prod', '', 'lse-persistence']);
  const placeholder = ws({ 'iam/p.json': example('iam/lse-storage-policy-broken.json').replace(/acme-labeling-prod/g, '<YOUR_S3_BUCKET>') });
  assert.equal(namedTarget(placeholder, file(placeholder, 'iam/p.json')), undefined);
});
