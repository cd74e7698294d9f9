// The S3 provider against a real Ceph RADOS Gateway: real SigV4, real bucket-policy enforcement.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { createClient } from '../../src/providers/s3';
import { createRgwUser, type S3Credentials } from '../harness/rgw';
import { live, uniqueName } from './env';
import { rejectsWith } from './expect';
import { storageClientContract } from './storage-client-contract';

const endpoint = live('s3Endpoint');
const region = live('s3Region');
const owner: S3Credentials = { accessKeyId: live('s3AccessKeyId'), secretAccessKey: live('s3SecretAccessKey') };
const admin = new S3Client({ region, endpoint, forcePathStyle: true, credentials: owner });
const bucket = uniqueName('bd-live');

const s3 = (credentials: S3Credentials = owner, name = bucket) =>
  createClient({ bucket: name, region, endpoint, credentials, timeoutMs: 10_000 });

before(async () => {
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
});

storageClientContract({
  identity: 'owner',
  client: () => s3(),
  getMissing: { kind: 'not-found', code: 'NoSuchKey', status: 404 },
  putExisting: { code: 'PreconditionFailed', status: 412 },
});

test('a bucket policy granting reader only s3:ListBucket is enforced', async () => {
  const shared = uniqueName('bd-policy');
  await admin.send(new CreateBucketCommand({ Bucket: shared }));
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam:::user/reader'] },
        Action: ['s3:ListBucket'],
        Resource: [`arn:aws:s3:::${shared}`],
      },
    ],
  };
  await admin.send(new PutBucketPolicyCommand({ Bucket: shared, Policy: JSON.stringify(policy) }));
  await s3(owner, shared).putIfAbsent('visible.txt', new TextEncoder().encode('x'));
  const reader = s3(await createRgwUser(live('rgwConf'), 'reader'), shared);

  assert.deepEqual((await reader.list({})).objects.map((o) => o.key), ['visible.txt']);
  await rejectsWith(reader.putIfAbsent('probe.txt', new Uint8Array([1])), { kind: 'denied', code: 'AccessDenied', status: 403 });
  await rejectsWith(reader.get('visible.txt'), { kind: 'denied', code: 'AccessDenied', status: 403 });
  await rejectsWith(reader.delete('visible.txt'), { kind: 'denied', code: 'AccessDenied', status: 403 });
  // The refused write really did not happen, and the refused delete deleted nothing.
  assert.deepEqual((await s3(owner, shared).list({})).objects.map((o) => o.key), ['visible.txt']);
});

test('a wrong secret is bad-credentials (SignatureDoesNotMatch)', async () => {
  const last = owner.secretAccessKey.slice(-1);
  const client = s3({ accessKeyId: owner.accessKeyId, secretAccessKey: owner.secretAccessKey.slice(0, -1) + (last === 'A' ? 'B' : 'A') });
  await rejectsWith(client.list({}), { kind: 'bad-credentials', code: 'SignatureDoesNotMatch', status: 403 });
});

test('an unknown access key is bad-credentials (InvalidAccessKeyId)', async () => {
  const client = s3({ accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: owner.secretAccessKey });
  await rejectsWith(client.list({}), { kind: 'bad-credentials', code: 'InvalidAccessKeyId', status: 403 });
});

test('a missing bucket is not-found (NoSuchBucket)', async () => {
  await rejectsWith(s3(owner, uniqueName('bd-missing')).list({}), { kind: 'not-found', code: 'NoSuchBucket', status: 404 });
});
