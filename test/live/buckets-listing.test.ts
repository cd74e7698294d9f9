// The Buckets view's listing against real servers: 2,500 objects paged 1,000 at a time on Ceph RGW and Azurite
// (every key exactly once, in order), prefixes as folders, and a denied listing explained as the view shows it.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient, ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { StorageClient } from '../../src/core/access/storage-client';
import { FolderListing, listingProblem, listPageSize } from '../../src/core/bucket-listing';
import { createClient as azureClient } from '../../src/providers/azure';
import { createClient as s3Client } from '../../src/providers/s3';
import { createRgwUser, type S3Credentials } from '../harness/rgw';
import { live, uniqueName } from './env';

const objectCount = 2500;
const keys = Array.from({ length: objectCount }, (_, i) => `lse/img-${String(i).padStart(5, '0')}.png`);
/** Folders the listing shows as prefixes beside the objects, and an object outside the configured folder. */
const extras = ['lse/avatars/a.png', 'lse/exports/e.json', 'lse/exports/deep/f.json', 'other/x.txt'];

const region = live('s3Region');
const endpoint = live('s3Endpoint');
const owner: S3Credentials = { accessKeyId: live('s3AccessKeyId'), secretAccessKey: live('s3SecretAccessKey') };
const bucket = uniqueName('bd-view');

const serviceUrl = live('azureBlobEndpoint');
const accountName = live('azureAccountName');
const accountKey = live('azureAccountKey');
const container = uniqueName('bd-view');

/** Runs `put` over `items` with a few requests in flight. */
async function inParallel<T>(items: readonly T[], put: (item: T) => Promise<unknown>, width = 32): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await put(items[next++]);
  }));
}

before(async () => {
  const admin = new S3Client({ region, endpoint, forcePathStyle: true, credentials: owner });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  const blobs = BlobServiceClient.fromConnectionString(live('azureConnectionString')).getContainerClient(container);
  await blobs.create();
  const body = new TextEncoder().encode('x');
  await Promise.all([
    inParallel([...keys, ...extras], (Key) => admin.send(new PutObjectCommand({ Bucket: bucket, Key, Body: body }))),
    inParallel([...keys, ...extras], (key) => blobs.getBlockBlobClient(key).uploadData(body)),
  ]);
});

/** Loads every page of the configured folder as "Load more…" does, counting the requests. */
async function loadAll(client: StorageClient): Promise<{ listing: FolderListing; pages: number[] }> {
  const listing = new FolderListing(client, 'lse/');
  const pages: number[] = [];
  while (listing.hasMore) pages.push((await listing.loadMore()).length);
  return { listing, pages };
}

function assertListed(listing: FolderListing, pages: number[]): void {
  // 2,500 objects and 2 folders: 1,000 + 1,000 + 502 entries; the provider decides where the folders fall.
  assert.deepEqual(pages.slice(0, 2), [listPageSize, listPageSize]);
  assert.equal(pages.reduce((a, b) => a + b, 0), objectCount + 2);
  const objects = listing.entries.flatMap((e) => (e.kind === 'object' ? [e.key] : []));
  assert.deepEqual(objects, keys, 'every key exactly once, in order');
  assert.deepEqual(listing.entries.flatMap((e) => (e.kind === 'folder' ? [`${e.prefix}=${e.label}`] : [])), ['lse/avatars/=avatars/', 'lse/exports/=exports/']);
}

test('Ceph RGW: 2,500 objects in pages of 1,000, each key once and in order, prefixes as folders', async () => {
  const client = s3Client({ bucket, region, endpoint, credentials: owner, timeoutMs: 10_000 });
  const { listing, pages } = await loadAll(client);
  assert.equal(pages.length, 3);
  assertListed(listing, pages);
  const exports = new FolderListing(client, 'lse/exports/');
  assert.deepEqual((await exports.loadMore()).map((e) => `${e.kind}:${e.label}`), ['folder:deep/', 'object:e.json']);
  assert.equal(exports.hasMore, false);
});

test('Azurite: 2,500 blobs in pages of 1,000, each key once and in order, prefixes as folders', async () => {
  const client = azureClient({ container, auth: { kind: 'account-key', accountName, accountKey, serviceUrl } });
  const { listing, pages } = await loadAll(client);
  assert.equal(pages.length, 3);
  assertListed(listing, pages);
});

test('Ceph RGW: a user without rights on the bucket gets a denied node offering Test Bucket Access, other credentials and the config line', async () => {
  const stranger = await createRgwUser(live('rgwConf'), uniqueName('bd-view-stranger'));
  const listing = new FolderListing(s3Client({ bucket, region, endpoint, credentials: stranger, timeoutMs: 10_000 }), 'lse/');
  const error = await listing.loadMore().then(
    () => assert.fail('the listing succeeded'),
    (e: unknown) => e,
  );
  assert.deepEqual(listingProblem(error), { kind: 'denied', code: 'AccessDenied', fixes: ['test-access', 'pick-credentials', 'open-config'] });
  assert.deepEqual(listing.entries, [], 'nothing is shown from a denied listing');
  assert.equal(listing.hasMore, true, 'Retry can list again');
});

test('Azurite: a SAS without list permission gets a denied node; a missing container is not-found', async () => {
  const sas = generateBlobSASQueryParameters({ containerName: container, permissions: ContainerSASPermissions.parse('r'), expiresOn: new Date(Date.now() + 3600_000) }, new StorageSharedKeyCredential(accountName, accountKey)).toString();
  const readOnly = new FolderListing(azureClient({ container, auth: { kind: 'sas', serviceUrl, sas } }), 'lse/');
  const denied = await readOnly.loadMore().catch((e: unknown) => e);
  assert.equal(listingProblem(denied).kind, 'denied');
  assert.equal(listingProblem(denied).code, 'AuthorizationPermissionMismatch');
  const missing = new FolderListing(azureClient({ container: uniqueName('bd-missing'), auth: { kind: 'account-key', accountName, accountKey, serviceUrl } }), '');
  assert.deepEqual(listingProblem(await missing.loadMore().catch((e: unknown) => e)), { kind: 'not-found', code: 'ContainerNotFound', fixes: ['open-config', 'pick-credentials'] });
});
