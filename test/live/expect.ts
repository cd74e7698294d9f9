// Assertions shared by the live test files.
import assert from 'node:assert/strict';
import type { ErrorClass } from '../../src/core/access/errors';
import { StorageError } from '../../src/core/access/errors';
import type { StorageClient } from '../../src/core/access/storage-client';

export interface ExpectedFailure {
  kind?: ErrorClass;
  /** The provider's own code; an array accepts any of them (servers that differ from the cloud in wording). */
  code?: string | string[];
  status?: number;
}

/** Awaits `promise` and checks it failed with a classified StorageError of that kind, code and status. */
export async function rejectsWith(promise: Promise<unknown>, expected: ExpectedFailure): Promise<StorageError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected a failure ${JSON.stringify(expected)}, but the call succeeded`);
  assert.ok(caught instanceof StorageError, `expected a StorageError, got ${String(caught)}`);
  const actual = { kind: caught.kind, code: caught.code, status: caught.status };
  const context = `${caught.message} (status ${caught.status})`;
  if (expected.kind !== undefined) assert.equal(actual.kind, expected.kind, context);
  if (typeof expected.code === 'string') assert.equal(actual.code, expected.code, context);
  if (Array.isArray(expected.code)) assert.ok(expected.code.includes(actual.code), `${context}: expected one of ${expected.code.join(', ')}`);
  if (expected.status !== undefined) assert.equal(actual.status, expected.status, context);
  return caught;
}

/** Every key under `prefix`, following continuation tokens, with the size of each page. */
export async function listAll(client: StorageClient, prefix: string, maxKeys: number): Promise<{ keys: string[]; pages: number[] }> {
  const keys: string[] = [];
  const pages: number[] = [];
  let token: string | undefined;
  do {
    const page = await client.list({ prefix, maxKeys, token });
    keys.push(...page.objects.map((o) => o.key));
    pages.push(page.objects.length);
    token = page.nextToken;
    assert.ok(pages.length <= 100, 'listing does not end');
  } while (token !== undefined);
  return { keys, pages };
}

/** Deterministic bytes spanning all 256 values (not valid UTF-8), so a transcoding bug shows. */
export function sampleBytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 131 + seed * 17 + (i >> 3)) & 0xff);
}
