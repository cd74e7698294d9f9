import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StorageError } from '../../src/core/access/errors';
import type { ListOptions, ListPage } from '../../src/core/access/storage-client';
import { FolderListing, formatSize, listingProblem, listPageSize, pageEntries, storageErrorOf } from '../../src/core/bucket-listing';

/** An in-memory bucket listed like S3 (sorted keys, delimiter folders, opaque tokens), counting calls. */
function fakeBucket(keys: string[]) {
  const sorted = [...keys].sort();
  const calls: ListOptions[] = [];
  return {
    calls,
    async list(options: ListOptions): Promise<ListPage> {
      calls.push(options);
      const prefix = options.prefix ?? '';
      const rows: { key?: string; prefix?: string }[] = [];
      for (const key of sorted.filter((k) => k.startsWith(prefix))) {
        const slash = options.delimiter ? key.indexOf(options.delimiter, prefix.length) : -1;
        if (slash === -1) rows.push({ key });
        else if (rows[rows.length - 1]?.prefix !== key.slice(0, slash + 1)) rows.push({ prefix: key.slice(0, slash + 1) });
      }
      const start = options.token ? Number(options.token) : 0;
      const page = rows.slice(start, start + (options.maxKeys ?? 1000));
      const next = start + page.length;
      return {
        objects: page.filter((r) => r.key).map((r) => ({ key: r.key!, size: r.key!.length, modified: new Date(0) })),
        prefixes: page.filter((r) => r.prefix).map((r) => r.prefix!),
        ...(next < rows.length ? { nextToken: String(next) } : {}),
      };
    },
  };
}

test('a folder loads one page of 1,000 at a time, every key once and in order, with folders as prefixes', async () => {
  const keys = Array.from({ length: 2500 }, (_, i) => `lse/img-${String(i).padStart(5, '0')}.png`);
  const bucket = fakeBucket([...keys, 'lse/exports/a.json', 'lse/avatars/b.png', 'other/c.txt']);
  const listing = new FolderListing(bucket, 'lse/');
  assert.equal(listing.hasMore, true);
  assert.equal(listing.entries.length, 0, 'nothing is listed before the first load');
  const first = await listing.loadMore();
  assert.equal(first.length, listPageSize);
  assert.deepEqual(first.slice(0, 2), [
    { kind: 'folder', prefix: 'lse/avatars/', label: 'avatars/' },
    { kind: 'folder', prefix: 'lse/exports/', label: 'exports/' },
  ]);
  while (listing.hasMore) await listing.loadMore();
  assert.equal(bucket.calls.length, 3);
  assert.deepEqual(bucket.calls.map((c) => [c.prefix, c.delimiter, c.maxKeys, c.token]), [
    ['lse/', '/', 1000, undefined],
    ['lse/', '/', 1000, '1000'],
    ['lse/', '/', 1000, '2000'],
  ]);
  const objects = listing.entries.filter((e) => e.kind === 'object').map((e) => (e.kind === 'object' ? e.key : ''));
  assert.deepEqual(objects, keys);
  assert.deepEqual(await listing.loadMore(), [], 'the last page ends the listing');
});

test('the whole bucket is listed without a prefix; the folder marker object is left out', () => {
  const entries = pageEntries('lse/', { objects: [{ key: 'lse/', size: 0 }, { key: 'lse/a.txt', size: 3 }], prefixes: ['lse/x/'] });
  assert.deepEqual(entries.map((e) => e.label), ['x/', 'a.txt']);
});

test('a failed page leaves the listing as it was, so Retry loads the same page', async () => {
  let fail = true;
  const client = {
    list: async (options: ListOptions): Promise<ListPage> => {
      if (fail) throw new StorageError('ListObjectsV2', { code: 'AccessDenied', status: 403 });
      return { objects: [{ key: `k${options.token ?? ''}`, size: 1 }], prefixes: [] };
    },
  };
  const listing = new FolderListing(client, '');
  await assert.rejects(listing.loadMore(), /denied/);
  assert.equal(listing.hasMore, true);
  fail = false;
  assert.deepEqual((await listing.loadMore()).map((e) => e.label), ['k']);
  assert.equal(listing.hasMore, false);
});

test('a denied listing explains itself with the fixes that apply; errors are read by shape across bundles', () => {
  assert.deepEqual(listingProblem(new StorageError('ListObjectsV2', { code: 'AccessDenied', status: 403 })), {
    kind: 'denied',
    code: 'AccessDenied',
    fixes: ['test-access', 'pick-credentials', 'open-config'],
  });
  // A provider bundle's own StorageError class: same shape, another prototype.
  const foreign = Object.assign(new Error('x'), { name: 'StorageError', kind: 'not-found', code: 'NoSuchBucket' });
  assert.deepEqual(listingProblem(foreign), { kind: 'not-found', code: 'NoSuchBucket', fixes: ['open-config', 'pick-credentials'] });
  assert.deepEqual(listingProblem(new StorageError('ListBlobs', { code: 'ECONNREFUSED' })).fixes, ['open-config', 'retry']);
  assert.deepEqual(listingProblem(new StorageError('ListBlobs', { code: 'AuthenticationFailed', status: 403 })).kind, 'bad-credentials');
  assert.deepEqual(listingProblem(new TypeError('bundle missing')), { kind: 'error', code: 'TypeError', fixes: ['retry', 'test-access'] });
  assert.equal(storageErrorOf({ name: 'StorageError', kind: 'bogus', code: 'x' }), undefined);
});

test('sizes as people read them', () => {
  assert.deepEqual([0, 812, 1024, 14_540, 3_250_000, 5 * 1024 ** 4].map(formatSize), ['0 B', '812 B', '1.0 KB', '14.2 KB', '3.1 MB', '5.0 TB']);
});
