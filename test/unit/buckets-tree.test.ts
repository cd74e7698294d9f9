import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { bucketDescription, bucketTree, conflictText, placeText } from '../../src/core/bucket-tree';
import { Workspace } from '../../src/core/workspace';

const ws = (files: Record<string, string>) => new Workspace(Object.entries(files).map(([path, text]) => ({ path, text })));

function examples(): Workspace {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ path: relative('examples', path), text: readFileSync(path, 'utf8') });
    }
  };
  walk('examples');
  return new Workspace(files);
}

test('examples/: S3 buckets with their auth modes, places, the drift between values and env, and a policy-only bucket', () => {
  const tree = bucketTree(examples());
  assert.deepEqual(
    tree.groups.map((g) => [g.provider, g.buckets.map((b) => [b.id, b.ref.name, b.ref.auth, b.ref.file, b.ref.folder])]),
    [
      [
        's3',
        [
          ['bucket:s3:acme-labeling-prod', 'acme-labeling-prod', 'irsa-role', 'lse-values.yaml', 'lse/'],
          ['bucket:s3:acme-labeling-staging', 'acme-labeling-staging', 'access-keys', 'env.list', 'lse/'],
        ],
      ],
    ],
  );
  const prod = tree.groups[0].buckets[0];
  assert.deepEqual(prod.places[0], { file: 'lse-values.yaml', line: 14, column: 17, role: 'defines' });
  // The policies naming the bucket follow its definition, one place per line.
  const policyFiles = new Set(prod.places.filter((p) => p.role === 'policy').map((p) => p.file));
  assert.deepEqual([...policyFiles].sort(), ['iam/lse-storage-policy-broken.json', 'iam/lse-storage-policy.json']);
  assert.deepEqual(tree.conflicts.map((c) => [c.id, c.buckets.map((b) => `${b.name}@${b.file}:${b.line}`)]), [
    ['conflict:', ['acme-labeling-staging@env.list:3', 'acme-labeling-prod@lse-values.yaml:14']],
  ]);
  // The misspelt staging bucket of the user policy; the <YOUR_S3_BUCKET> placeholder names nothing.
  assert.deepEqual(tree.policyOnly.map((b) => [b.id, b.places.map((p) => placeText(p))]), [['policy-bucket:acme-labeling-stagin', ['iam/lse-staging-user-policy.json:20 (policy names it)']]]);
});

test('groups by provider in a fixed order, buckets by name, one node per bucket however many files define it', () => {
  const tree = bucketTree(
    ws({
      'azure/env.list': 'STORAGE_TYPE=azure\nSTORAGE_AZURE_CONTAINER_NAME=media\nSTORAGE_AZURE_ACCOUNT_NAME=acct\n',
      'gcp/lse-values.yaml': 'global:\n  persistence:\n    type: gcs\n    config:\n      gcs:\n        bucket: zeta\n',
      'aws/lse-values.yaml': 'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: beta\n        endpointUrl: http://127.0.0.1:9000\n',
      'aws/env.list': 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=beta\n',
      '.bucket-doctor.json': '{"buckets": [{"name": "alpha"}, {"name": "beta", "profile": "lightly-input", "awsProfile": "ops"}]}',
    }),
  );
  assert.deepEqual(
    tree.groups.map((g) => [g.provider, g.buckets.map((b) => b.ref.name)]),
    [
      ['s3', ['alpha', 'beta']],
      ['gcs', ['zeta']],
      ['azure', ['media']],
    ],
  );
  const beta = tree.groups[0].buckets[1];
  assert.deepEqual(beta.places.map((p) => placeText(p)), ['aws/lse-values.yaml:6 (defines)', 'aws/env.list:2 (defines)', '.bucket-doctor.json:1 (completes)']);
  assert.equal(beta.ref.profile, 'lightly-input', '.bucket-doctor.json completes the definition');
  assert.equal(beta.ref.awsProfile, 'ops');
  assert.equal(bucketDescription(beta.ref), '127.0.0.1:9000 · node role · lightly-input');
  assert.equal(bucketDescription(tree.groups[2].buckets[0].ref), 'acct · account key · lse-persistence');
  // Two files of aws/ naming the same bucket are no conflict; .bucket-doctor.json lists buckets, it never conflicts.
  assert.deepEqual(tree.conflicts, []);
});

test('a bucket only .bucket-doctor.json names takes the auth of a later deployment definition', () => {
  const tree = bucketTree(ws({ '.bucket-doctor.json': '{"buckets": [{"name": "acme"}]}' }));
  assert.equal(tree.groups[0].buckets[0].ref.auth, 'unknown');
  assert.equal(bucketDescription(tree.groups[0].buckets[0].ref), 'auth not set · lse-persistence');
});

test('a bucket only .bucket-doctor.json names, with an AWS profile, is described by that profile', () => {
  const tree = bucketTree(ws({ '.bucket-doctor.json': '{"buckets": [{"name": "acme", "prefix": "lse/", "endpoint": "http://127.0.0.1:7480", "awsProfile": "demo-writer"}]}' }));
  assert.equal(bucketDescription(tree.groups[0].buckets[0].ref), 'lse/ · 127.0.0.1:7480 · AWS profile demo-writer · lse-persistence');
});

test('conflicts: per deployment folder, listing every definition with its line', () => {
  const values = (bucket: string) => `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: ${bucket}\n`;
  const tree = bucketTree(
    ws({
      'prod/lse-values.yaml': values('acme-prod'),
      'prod/env.list': 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME=acme-prod\n',
      'dev/lse-values.yaml': values('acme-dev'),
    }),
  );
  assert.deepEqual(tree.conflicts.map((c) => c.folder), ['prod'], 'same name on another provider is a different bucket');
  assert.equal(conflictText(tree.conflicts[0]), 'The deployment in prod configures different buckets: acme-prod (prod/env.list:2), acme-prod (prod/lse-values.yaml:6)');
});

test('policies: ARNs with wildcards or placeholders name no bucket; a configured bucket gains the policy places', () => {
  const policy = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::acme/*', 'arn:aws:s3:::*', 'arn:aws:s3:::<BUCKET>/*', 'arn:aws:s3:::logs-*'] },
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::other' },
      ],
    },
    null,
    2,
  );
  const tree = bucketTree(ws({ 'iam/policy.json': policy, '.bucket-doctor.json': '{"buckets": [{"name": "acme"}]}' }));
  assert.deepEqual(tree.groups[0].buckets[0].places.map((p) => [p.file, p.role]), [
    ['.bucket-doctor.json', 'completes'],
    ['iam/policy.json', 'policy'],
  ]);
  assert.deepEqual(tree.policyOnly.map((b) => b.name), ['other']);
});

test('an empty workspace has no groups, conflicts or policy buckets', () => {
  assert.deepEqual(bucketTree(ws({ 'docker-compose.yml': 'services: {}\n' })), { groups: [], conflicts: [], policyOnly: [] });
});

test('200 deployment files build in well under the view budget', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    files[`d${i}/lse-values.yaml`] = `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme-${i}\n        folder: lse/\n`;
    files[`d${i}/env.list`] = `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-${i}\n`;
  }
  const start = performance.now();
  const tree = bucketTree(ws(files));
  const ms = performance.now() - start;
  assert.equal(tree.groups[0].buckets.length, 100);
  assert.ok(ms < 200, `${ms.toFixed(0)} ms`);
});
