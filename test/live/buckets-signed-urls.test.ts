// Signed URLs as the Buckets view makes them (StorageClient.signedUrl of the provider adapters), fetched over plain
// HTTP from real servers: they return the object's bytes, only for reading, and stop working when the lifetime set
// has passed (Ceph RGW checks SigV4 expiry, Azurite SAS expiry).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import type { StorageClient } from '../../src/core/access/storage-client';
import { createClient as azureClient } from '../../src/providers/azure';
import { createClient as s3Client } from '../../src/providers/s3';
import { live, uniqueName } from './env';

const key = 'lse/images/cat 1+2.png';
const body = new TextEncoder().encode('not really a png, but exact bytes');

const bucket = uniqueName('bd-signed');
const container = uniqueName('bd-signed');
const region = live('s3Region');
const endpoint = live('s3Endpoint');
const owner = { accessKeyId: live('s3AccessKeyId'), secretAccessKey: live('s3SecretAccessKey') };
const s3 = s3Client({ bucket, region, endpoint, credentials: owner, timeoutMs: 10_000 });
const azure = azureClient({ container, auth: { kind: 'account-key', accountName: live('azureAccountName'), accountKey: live('azureAccountKey'), serviceUrl: live('azureBlobEndpoint') } });

before(async () => {
  const admin = new S3Client({ region, endpoint, forcePathStyle: true, credentials: owner });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  await admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const blobs = BlobServiceClient.fromConnectionString(live('azureConnectionString')).getContainerClient(container);
  await blobs.create();
  await blobs.getBlockBlobClient(key).uploadData(body);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cases: [string, StorageClient, (url: URL) => number][] = [
  ['Ceph RGW (S3 SigV4)', s3, (url) => Number(url.searchParams.get('X-Amz-Expires'))],
  ['Azurite (blob SAS)', azure, (url) => Math.round((Date.parse(url.searchParams.get('se')!) - Date.now()) / 1000)],
];

for (const [name, client, expiryOf] of cases) {
  test(`${name}: a signed URL reads the exact bytes, refuses writes, and expires as set`, async () => {
    const url = await client.signedUrl(key, 3600);
    assert.ok(Math.abs(expiryOf(new URL(url)) - 3600) <= 2, `valid for an hour: ${url.replace(/(Signature|sig)=[^&]+/, '$1=…')}`);
    const got = await fetch(url);
    assert.equal(got.status, 200);
    assert.deepEqual(new Uint8Array(await got.arrayBuffer()), body);
    const put = await fetch(url, { method: 'PUT', body: 'overwrite', headers: { 'x-ms-blob-type': 'BlockBlob' } });
    assert.equal(put.status, 403, 'a read URL cannot write');
    await put.arrayBuffer();

    const short = await client.signedUrl(key, 2);
    const before = await fetch(short);
    assert.equal(before.status, 200, 'valid right after signing');
    await before.arrayBuffer();
    await sleep(3500);
    const after = await fetch(short);
    assert.equal(after.status, 403, 'refused once its 2 seconds have passed');
    await after.arrayBuffer();
    const again = await fetch(url);
    assert.equal(again.status, 200, 'the hour-long URL still works');
    assert.deepEqual(new Uint8Array(await again.arrayBuffer()), body, 'the write was refused: the bytes are unchanged');
  });
}
