import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionLabel, matrixMarkdown, matrixText, placeLabel, summaryLine } from '../../../src/core/iam/profile-summary';
import { checkProfile, profiles, type ProfileRow } from '../../../src/core/iam/profiles';
import { parsePolicy } from '../../../src/core/iam/policy';

const policy = parsePolicy(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' },
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/media/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
    ],
  }),
);
const rows = checkProfile(profiles['lse-persistence'], 'my-bucket', 'media', [{ policy, file: 'iam/p.json' }]);

test('the CodeLens line: profile title, bucket/folder, a mark per need (✓ allowed, ✗ denied, ? depends on context)', () => {
  assert.equal(summaryLine(profiles['lse-persistence'], 'my-bucket', 'media', rows), 'Label Studio Enterprise persistence on my-bucket/media/: List ✓ Get ? Put ✗ Delete ✗');
  const optional: ProfileRow[] = checkProfile(profiles['labelbox-signed-urls'], 'my-bucket', '', [{ policy, file: 'iam/p.json' }]);
  assert.equal(summaryLine(profiles['labelbox-signed-urls'], 'my-bucket', '', optional), 'Labelbox signed URLs on my-bucket: Get ✗ (List ✓)');
  assert.deepEqual(['s3:GetBucketLocation', 'kms:Decrypt', 'sts:TagSession'].map(actionLabel), ['GetBucketLocation', 'kms:Decrypt', 'sts:TagSession']);
  assert.deepEqual([placeLabel('b', ''), placeLabel('b', '/media'), placeLabel('b', 'a/b/')], ['b', 'b/media/', 'b/a/b/']);
});

test('the matrix: each need with its resource, decision (and the keys it waits on) and the deciding statement', () => {
  const markdown = matrixMarkdown(profiles['lse-persistence'], 'my-bucket', 'media', ['iam/p.json'], rows).split('\n');
  assert.equal(markdown[0], '# Label Studio Enterprise persistence on my-bucket/media/');
  assert.ok(markdown.includes('| `s3:GetObject` | `arn:aws:s3:::my-bucket/media/*` | yes | ? conditional on aws:SourceIp | Allow iam/p.json:1 (Read) |'), markdown.join('\n'));
  assert.ok(markdown.includes('| `s3:PutObject` | `arn:aws:s3:::my-bucket/media/*` | yes | ✗ denied | no statement allows it (implicit deny) |'));
  const text = matrixText(rows).split('\n');
  assert.match(text[0], /^s3:ListBucket +arn:aws:s3:::my-bucket +required +✓ allowed +Allow iam\/p\.json:1 \(List\)$/);
});
