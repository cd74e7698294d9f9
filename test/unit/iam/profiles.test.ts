// Requirement profiles: consistent with the catalog, expanded for a bucket and folder, and checked against the
// guides' own policies (the matrix `bucket-doctor explain` prints).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { actionAppliesTo, lookupAction } from '../../../src/core/iam/catalog';
import type { PolicyInput } from '../../../src/core/iam/evaluate';
import { parsePolicy } from '../../../src/core/iam/policy';
import { checkProfile, expandProfile, findProfile, profileIds, profiles, vendorAccounts, type ProfileRow } from '../../../src/core/iam/profiles';

/** A guide's policy with its placeholder bucket replaced. */
const guide = (name: string, placeholder?: string, bucket = 'acme-data'): PolicyInput => {
  let text = readFileSync(`test/fixtures/iam/guides/${name}.json`, 'utf8');
  if (placeholder) text = text.split(placeholder).join(bucket);
  return { policy: parsePolicy(text), file: `${name}.json` };
};

const summary = (rows: ProfileRow[]) => rows.map((r) => `${r.action} ${r.resource} ${r.decision}${r.conditionKeys.length ? ` [${r.conditionKeys.join(',')}]` : ''}`);

test('every profile cites its guide and names catalog actions on resources they apply to', () => {
  assert.deepEqual(profileIds, ['lse-persistence', 'ls-source-storage', 'lightly-input', 'lightly-output', 'arraylake', 'labelbox-signed-urls']);
  for (const profile of Object.values(profiles)) {
    assert.match(profile.guide.seed, /^00[0-4]_[0-9a-f]{16}\.txt$/);
    for (const check of expandProfile(profile, { bucket: 'b', prefix: 'f', kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k', roleArn: 'arn:aws:iam::123456789012:role/r' }, true)) {
      const action = lookupAction(check.action);
      assert.ok(action, check.action);
      assert.ok(actionAppliesTo(action, check.resource), `${profile.id}: ${check.action} on ${check.resource}`);
    }
  }
  assert.equal(findProfile('arraylake')?.s3.length, 9);
  assert.equal(findProfile('nope'), undefined);
  assert.equal(findProfile('toString'), undefined);
  assert.deepEqual(vendorAccounts.map((v) => v.account), ['490065312183', '916419735646', '842143331303']);
});

test('expandProfile: bucket ARN with s3:prefix for listing, the folder for objects, KMS and trust on request', () => {
  const checks = expandProfile(profiles['lse-persistence'], { bucket: 'acme', prefix: '/media' });
  assert.deepEqual(
    checks.map((c) => [c.action, c.resource, c.context]),
    [
      ['s3:ListBucket', 'arn:aws:s3:::acme', { 's3:prefix': 'media/' }],
      ['s3:GetObject', 'arn:aws:s3:::acme/media/*', {}],
      ['s3:PutObject', 'arn:aws:s3:::acme/media/*', {}],
      ['s3:DeleteObject', 'arn:aws:s3:::acme/media/*', {}],
    ],
  );
  assert.deepEqual(expandProfile(profiles['lse-persistence'], { bucket: 'acme' })[0].context, { 's3:prefix': null });
  const lightly = expandProfile(profiles['lightly-output'], { bucket: 'l', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k' });
  assert.deepEqual(lightly.filter((c) => c.kind === 'kms').map((c) => c.action), ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']);
  const arraylake = expandProfile(profiles.arraylake, { bucket: 'a', roleArn: 'arn:aws:iam::111122223333:role/al' }, true);
  assert.deepEqual(
    arraylake.filter((c) => c.kind === 'trust').map((c) => [c.action, c.resource, c.principal]),
    [
      ['sts:AssumeRole', 'arn:aws:iam::111122223333:role/al', 'arn:aws:iam::842143331303:role/EarthmoverSignerServiceRole-production'],
      ['sts:TagSession', 'arn:aws:iam::111122223333:role/al', 'arn:aws:iam::842143331303:role/EarthmoverSignerServiceRole-production'],
    ],
  );
  assert.equal(expandProfile(profiles['labelbox-signed-urls'], { bucket: 'x' }).find((c) => c.action === 's3:ListBucket')?.required, false);
});

test('the LSE guide policy grants the lse-persistence profile on its bucket and folder', () => {
  const rows = checkProfile(profiles['lse-persistence'], 'acme-data', 'media', [guide('lse-persistence', '<YOUR_S3_BUCKET>')]);
  assert.ok(rows.every((r) => r.decision === 'allowed' && r.required));
  assert.equal(rows[0].decidedBy?.file, 'lse-persistence.json');
  assert.equal(rows[0].decidedBy?.index, 0);
  assert.equal(rows[1].decidedBy?.index, 1);
  // The same policy for another bucket grants nothing here.
  const other = checkProfile(profiles['lse-persistence'], 'acme-data-prod', 'media', [guide('lse-persistence', '<YOUR_S3_BUCKET>')]);
  assert.ok(other.every((r) => r.decision === 'denied' && r.decidedBy === null));
});

test('lightly-input on the IP-restricted policy: listing allowed, reading conditional on the source address', () => {
  const policies = [guide('lightly-restrict-ip')];
  assert.deepEqual(summary(checkProfile(profiles['lightly-input'], 'datalake', 'projects/farm-animals', policies)), [
    's3:ListBucket arn:aws:s3:::datalake allowed',
    's3:GetObject arn:aws:s3:::datalake/projects/farm-animals/* conditional [aws:SourceIp]',
  ]);
  assert.deepEqual(summary(checkProfile(profiles['lightly-input'], 'datalake', 'projects/farm-animals', policies, { 'aws:SourceIp': '21.21.21.4' })).map((s) => s.split(' ').pop()), ['allowed', 'allowed']);
  // Outside the shared folder only listing works.
  const outside = checkProfile(profiles['lightly-output'], 'datalake', 'other', policies, { 'aws:SourceIp': '21.21.21.4' });
  assert.deepEqual(outside.map((r) => r.decision), ['allowed', 'denied', 'denied', 'denied']);
});

test('ListBucket with an s3:prefix condition: allowed for the folder Label Studio lists, denied for another', () => {
  const policy: PolicyInput = {
    policy: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': ['media/*'] } } }] })),
    file: 'p.json',
  };
  assert.equal(checkProfile(profiles['lse-persistence'], 'b', 'media', [policy])[0].decision, 'allowed');
  assert.equal(checkProfile(profiles['lse-persistence'], 'b', 'other', [policy])[0].decision, 'denied');
  assert.equal(checkProfile(profiles['lse-persistence'], 'b', '', [policy])[0].decision, 'denied');
});

test('arraylake: permissions and trust policy together; the trust rows wait on the external id', () => {
  const policies = [guide('arraylake-permissions', '<my-arraylake-bucket>', 'zarr-store'), guide('arraylake-trust')];
  const rows = checkProfile(profiles.arraylake, 'zarr-store', '', policies, {}, { roleArn: 'arn:aws:iam::111122223333:role/arraylake' });
  assert.equal(rows.length, 11);
  assert.ok(rows.filter((r) => r.kind === 's3').every((r) => r.decision === 'allowed'));
  assert.deepEqual(summary(rows.filter((r) => r.kind === 'trust')), [
    'sts:AssumeRole arn:aws:iam::111122223333:role/arraylake conditional [sts:ExternalId]',
    'sts:TagSession arn:aws:iam::111122223333:role/arraylake allowed',
  ]);
  const withSecret = checkProfile(profiles.arraylake, 'zarr-store', '', policies, { 'sts:ExternalId': '<my-shared-secret>' });
  assert.ok(withSecret.every((r) => r.decision === 'allowed'));
  // Without a trust policy there are no trust rows.
  assert.equal(checkProfile(profiles.arraylake, 'zarr-store', '', [policies[0]]).length, 9);
});

test('lightly-output with a KMS key: the KMS rows are denied until a policy grants them', () => {
  const key = 'arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const s3 = guide('lightly-delegated', '{YOUR_BUCKET}', 'lightly-out');
  const rows = checkProfile(profiles['lightly-output'], 'lightly-out', '', [s3], {}, { kmsKeyArn: key });
  assert.deepEqual(rows.map((r) => `${r.kind} ${r.decision}`), ['s3 allowed', 's3 allowed', 's3 allowed', 's3 allowed', 'kms denied', 'kms denied', 'kms denied']);
  const kms: PolicyInput = { policy: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], Resource: key }] })), file: 'kms.json' };
  assert.ok(checkProfile(profiles['lightly-output'], 'lightly-out', '', [s3, kms], {}, { kmsKeyArn: key }).every((r) => r.decision === 'allowed'));
});

test('a bucket policy that denies insecure transport does not make the platform rows conditional', () => {
  const deny: PolicyInput = {
    policy: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] })),
    file: 'bucket.json',
  };
  const rows = checkProfile(profiles['ls-source-storage'], 'b', '', [guide('lightly-delegated', '{YOUR_BUCKET}', 'b'), deny]);
  assert.deepEqual(rows.map((r) => r.decision), ['allowed', 'allowed']);
});
