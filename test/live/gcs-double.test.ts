// The GCS provider against the GCS JSON API double, and the double itself against the official SDK.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { Storage } from '@google-cloud/storage';
import { createClient } from '../../src/providers/gcs';
import { crc32c, crc32cBase64, createGcsDoubleBucket, gcsPermissions } from '../harness/gcs-double';
import { live, uniqueName } from './env';
import { listAll, rejectsWith, sampleBytes } from './expect';
import { storageClientContract } from './storage-client-contract';

const apiEndpoint = live('gcsEndpoint');
const projectId = live('gcsProject');
const gcs = (bucket: string) => createClient({ bucket, projectId, apiEndpoint, timeoutMs: 10_000 });
const sdk = new Storage({ apiEndpoint, projectId, retryOptions: { autoRetry: false } });

/** A fresh bucket in the double whose caller holds `grants` (all permissions by default). */
async function bucket(grants?: readonly string[]): Promise<string> {
  const name = uniqueName('bd-live');
  await createGcsDoubleBucket(apiEndpoint, name, grants);
  return name;
}

const allBut = (permission: string) => gcsPermissions.filter((p) => p !== permission);

test('the double computes CRC-32C (Castagnoli) like GCS', () => {
  // The standard check value of CRC-32C over the ASCII digits 1..9.
  assert.equal(crc32c(new TextEncoder().encode('123456789')), 0xe3069283);
  assert.equal(crc32c(new Uint8Array()), 0);
  assert.equal(crc32cBase64(new TextEncoder().encode('123456789')), Buffer.from('e3069283', 'hex').toString('base64'));
});

// Each test gets a bucket of its own.
storageClientContract({
  client: async () => gcs(await bucket()),
  getMissing: { kind: 'not-found', status: 404 },
  deleteMissing: { kind: 'not-found', code: 'notFound', status: 404 },
  putExisting: { code: 'conditionNotMet', status: 412 },
});

test('a bucket without storage.objects.create refuses uploads as denied (forbidden)', async () => {
  const name = await bucket(allBut('storage.objects.create'));
  const client = gcs(name);
  assert.deepEqual((await client.list({})).objects, []);
  await rejectsWith(client.putIfAbsent('probe.txt', new Uint8Array([1])), { kind: 'denied', code: 'forbidden', status: 403 });
  assert.deepEqual((await client.list({})).objects, []);
});

test('each missing object permission refuses exactly its operation', async () => {
  const seeded = await bucket();
  await gcs(seeded).putIfAbsent('a.txt', new Uint8Array([1]));
  const noList = gcs(await bucket(allBut('storage.objects.list')));
  await rejectsWith(noList.list({}), { kind: 'denied', code: 'forbidden', status: 403 });
  const noGet = await bucket(allBut('storage.objects.get'));
  await gcs(noGet).putIfAbsent('a.txt', new Uint8Array([1]));
  await rejectsWith(gcs(noGet).get('a.txt'), { kind: 'denied', status: 403 });
  const noDelete = await bucket(allBut('storage.objects.delete'));
  await gcs(noDelete).putIfAbsent('a.txt', new Uint8Array([1]));
  await rejectsWith(gcs(noDelete).delete('a.txt'), { kind: 'denied', code: 'forbidden', status: 403 });
  assert.deepEqual((await gcs(noDelete).list({})).objects.map((o) => o.key), ['a.txt']);
});

// For downloads the SDK leaves `errors` empty and puts the JSON error body in `message`.
test('a refused or missing download keeps the GCS reason code', async () => {
  const noGet = await bucket(allBut('storage.objects.get'));
  await gcs(noGet).putIfAbsent('a.txt', new Uint8Array([1]));
  await rejectsWith(gcs(noGet).get('a.txt'), { kind: 'denied', code: 'forbidden', status: 403 });
  await rejectsWith(gcs(await bucket()).get('missing.txt'), { kind: 'not-found', code: 'notFound', status: 404 });
});

test('paging 25 objects by 10 returns every key once, in byte order', async () => {
  const client = gcs(await bucket());
  // Inserted out of order; 'Z' sorts before 'a' in byte order.
  const keys = Array.from({ length: 25 }, (_, i) => `paged/${String((i * 7) % 25).padStart(2, '0')}`);
  keys.push('paged/Z', 'paged/a');
  for (const key of keys) await client.putIfAbsent(key, new Uint8Array([1]));
  const { keys: listed, pages } = await listAll(client, 'paged/', 10);
  assert.deepEqual(listed, [...keys].sort());
  assert.deepEqual(pages, [10, 10, 7]);
});

test('delimiter listings page over items and prefixes together', async () => {
  const client = gcs(await bucket());
  for (const key of ['d/1', 'd/2', 'd/x/1', 'd/x/2', 'd/y/1', 'd/z']) await client.putIfAbsent(key, new Uint8Array([1]));
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.list({ prefix: 'd/', delimiter: '/', maxKeys: 2, token });
    assert.ok(page.objects.length + page.prefixes.length <= 2);
    seen.push(...page.objects.map((o) => o.key), ...page.prefixes);
    token = page.nextToken;
  } while (token !== undefined);
  assert.deepEqual(seen.sort(), ['d/1', 'd/2', 'd/x/', 'd/y/', 'd/z']);
});

test('a missing bucket is not-found (notFound)', async () => {
  await rejectsWith(gcs(uniqueName('bd-missing')).list({}), { kind: 'not-found', code: 'notFound', status: 404 });
});

test('the SDK sees bucket metadata and the granted subset of permissions', async () => {
  const name = await bucket(['storage.buckets.get', 'storage.objects.list']);
  const [metadata] = await sdk.bucket(name).getMetadata();
  assert.equal(metadata.name, name);
  const [granted] = await sdk.bucket(name).iam.testPermissions(['storage.objects.list', 'storage.objects.create']);
  assert.deepEqual(granted, { 'storage.objects.list': true, 'storage.objects.create': false });
});

test('a resumable upload (POST, then PUT to Location) stores the data, and the SDK validates the download', async () => {
  const file = sdk.bucket(await bucket()).file('resumable.bin');
  const data = Buffer.from(sampleBytes(300_000, 4));
  await file.save(data, { resumable: true, preconditionOpts: { ifGenerationMatch: 0 } });
  const [metadata] = await file.getMetadata();
  assert.equal(metadata.size, '300000');
  assert.equal(metadata.md5Hash, createHash('md5').update(data).digest('base64'));
  const [downloaded] = await file.download();
  assert.ok(downloaded.equals(data));
  // The session request itself is refused when the precondition already fails.
  await assert.rejects(
    file.save(Buffer.from('again'), { resumable: true, preconditionOpts: { ifGenerationMatch: 0 } }),
    (e: { response?: { status?: unknown } }) => e.response?.status === 412,
  );
  assert.ok((await file.download())[0].equals(data));
});

test('a chunked resumable upload continues after 308 Resume Incomplete', async () => {
  const file = sdk.bucket(await bucket()).file('chunked.bin');
  const data = Buffer.from(sampleBytes(600_000, 5));
  await file.save(data, { resumable: true, chunkSize: 256 * 1024 });
  const [downloaded] = await file.download();
  assert.ok(downloaded.equals(data));
});
