// The StorageClient contract every provider adapter keeps, registered by each provider's test file against its own
// server: what differs between providers is only the error each one answers with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StorageClient } from '../../src/core/access/storage-client';
import { listAll, rejectsWith, sampleBytes, type ExpectedFailure } from './expect';

export interface StorageClientContract {
  /** Who the client acts as, for the test names (`owner`, `account key`), when the file tests several identities. */
  identity?: string;
  /** A client allowed everything in a bucket where the keys `round/`, `paged/` and `exists.txt` are still unused. */
  client: () => StorageClient | Promise<StorageClient>;
  /** How the provider refuses to read a deleted object. */
  getMissing: ExpectedFailure;
  /** How it refuses to delete one, for providers that do not treat that as done. */
  deleteMissing?: ExpectedFailure;
  /** How it refuses putIfAbsent on an existing key: its own code and status (a conflict or a failed precondition). */
  putExisting: ExpectedFailure & { code: string; status: number };
}

/** Registers the contract's tests (node:test) in the calling file. */
export function storageClientContract(contract: StorageClientContract): void {
  const { identity, client: makeClient, getMissing, deleteMissing, putExisting } = contract;
  const as = identity ? `${identity}: ` : '';

  test(`${as}putIfAbsent, list, get and delete round-trip the exact bytes`, async () => {
    const client = await makeClient();
    const data = sampleBytes(70_000, 1);
    await client.putIfAbsent('round/a.bin', data);
    await client.putIfAbsent('round/sub/b.txt', new TextEncoder().encode('hello'));

    const flat = await client.list({ prefix: 'round/' });
    assert.deepEqual(
      flat.objects.map((o) => [o.key, o.size]),
      [
        ['round/a.bin', 70_000],
        ['round/sub/b.txt', 5],
      ],
    );
    assert.equal(flat.nextToken, undefined);
    const folders = await client.list({ prefix: 'round/', delimiter: '/' });
    assert.deepEqual(folders.objects.map((o) => o.key), ['round/a.bin']);
    assert.deepEqual(folders.prefixes, ['round/sub/']);

    assert.deepEqual(await client.get('round/a.bin'), data);
    await client.delete('round/a.bin');
    await client.delete('round/sub/b.txt');
    assert.deepEqual((await client.list({ prefix: 'round/' })).objects, []);
    await rejectsWith(client.get('round/a.bin'), getMissing);
    if (deleteMissing) await rejectsWith(client.delete('round/a.bin'), deleteMissing);
  });

  test(`${as}putIfAbsent on an existing key is refused (${putExisting.status} ${putExisting.code}) and leaves the original`, async () => {
    const client = await makeClient();
    const original = new TextEncoder().encode('original');
    await client.putIfAbsent('exists.txt', original);
    const refused = await rejectsWith(client.putIfAbsent('exists.txt', new TextEncoder().encode('overwrite!')), putExisting);
    assert.notEqual(refused.kind, 'denied');
    assert.deepEqual(await client.get('exists.txt'), original);
  });

  test(`${as}listing pages with maxKeys returns every key once, in order`, async () => {
    const client = await makeClient();
    const keys = Array.from({ length: 7 }, (_, i) => `paged/${String(i).padStart(2, '0')}`);
    for (const key of keys) await client.putIfAbsent(key, new Uint8Array([1]));
    const { keys: listed, pages } = await listAll(client, 'paged/', 3);
    assert.deepEqual(listed, keys);
    assert.deepEqual(pages, [3, 3, 1]);
  });
}
