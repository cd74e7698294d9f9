import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { choiceLabel, lensChoices, policyLens } from '../../../src/core/iam/policy-lens';
import { Workspace } from '../../../src/core/workspace';

const example = (path: string) => readFileSync(`examples/${path}`, 'utf8');
const ws = (paths: string[]) => new Workspace(paths.map((path) => ({ path, text: example(path) })));
const examples = ws(['lse-values.yaml', 'env.list', 'docker-compose.yml', 'iam/lse-storage-policy.json', 'iam/lse-storage-policy-broken.json', 'iam/acme-labeling-staging-bucket-policy.json', 'iam/lse-staging-user-policy.json', 'iam/lse-storage-trust.json']);
const lens = (w: Workspace, path: string, choice?: Parameters<typeof policyLens>[2]) => policyLens(w, w.get(path)!, choice);

test('the lens of the example identity policy: its configured bucket, folder and profile, every need allowed', () => {
  const shown = lens(examples, 'iam/lse-storage-policy.json');
  assert.equal(shown?.title, 'Label Studio Enterprise persistence on acme-labeling-prod/lse/: List ✓ Get ✓ Put ✓ Delete ✓');
  assert.deepEqual(shown?.files, ['iam/lse-storage-policy.json']);
  assert.match(shown!.markdown, /\| `s3:PutObject` \| `arn:aws:s3:::acme-labeling-prod\/lse\/\*` \| yes \| ✓ allowed \| Allow iam\/lse-storage-policy\.json:11 \(ReadWriteObjects\) \|/);
  assert.equal(lens(examples, 'iam/lse-storage-policy-broken.json')?.title, 'Label Studio Enterprise persistence on acme-labeling-prod/lse/: List ✗ Get ? Put ✗ Delete ✗');
  assert.equal(lens(examples, 'iam/lse-storage-trust.json'), undefined, 'trust policies have no bucket lens');
});

test('another profile or bucket can be picked; the bucket policy is judged with its bucket\'s identity policy', () => {
  const choices = lensChoices(examples, examples.get('iam/lse-storage-policy.json')!);
  assert.deepEqual(choices.slice(0, 2).map(choiceLabel), ['Label Studio Enterprise persistence on acme-labeling-prod/lse/', 'Label Studio source storage on acme-labeling-prod/lse/']);
  assert.ok(choices.some((c) => c.bucket === 'acme-labeling-staging'), 'other configured buckets too');
  const arraylake = lens(examples, 'iam/lse-storage-policy.json', { bucket: 'acme-labeling-prod', prefix: 'lse/', profileId: 'arraylake' });
  assert.match(arraylake!.title, /^Arraylake \(role-based access delegation\) on acme-labeling-prod\/lse\/: List ✓ GetBucketLocation ✗ GetBucketNotification ✗ PutBucketNotification ✗ Put ✓ Get ✓ Delete ✓ PutObjectAcl ✗ AbortMultipartUpload ✗$/);
  const bucketPolicy = lens(examples, 'iam/acme-labeling-staging-bucket-policy.json');
  assert.deepEqual(bucketPolicy?.files, ['iam/lse-staging-user-policy.json', 'iam/acme-labeling-staging-bucket-policy.json']);
  assert.equal(bucketPolicy?.title, 'Label Studio Enterprise persistence on acme-labeling-staging/lse/: List ? Get ? Put ? Delete ?', 'the office-network Deny decides, by source IP');
});

test('a policy alone in the workspace is shown against the first bucket it names, whole bucket', () => {
  const alone = ws(['iam/lse-storage-policy.json']);
  assert.equal(lens(alone, 'iam/lse-storage-policy.json')?.title, 'Label Studio Enterprise persistence on acme-labeling-prod: List ✗ Get ✗ Put ✗ Delete ✗');
});
