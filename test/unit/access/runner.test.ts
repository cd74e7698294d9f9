// runAccessTest over an in-memory StorageClient: ordering, concurrency, cleanup, cancellation, timeouts, verdicts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Credentials } from '../../../src/core/access/credentials';
import { StorageError } from '../../../src/core/access/errors';
import { reportPassed, type CheckRow } from '../../../src/core/access/report';
import { deleteProbes, runAccessTest, type AccessTarget } from '../../../src/core/access/runner';
import type { StorageClient } from '../../../src/core/access/storage-client';
import type { BucketRef } from '../../../src/core/model';

const source = { kind: 'user-entered' as const, description: 'test keys' };
const keys: Credentials = { provider: 's3', kind: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'EXAMPLE', source };

function target(extra: Partial<BucketRef> = {}, credentials = keys): AccessTarget {
  return {
    ref: { provider: 's3', name: 'bucket', folder: 'media', region: 'eu-west-1', auth: 'access-keys', profile: 'lse-persistence', file: 'lse-values.yaml', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, ...extra },
    credentials,
  };
}

type Hooks = Partial<Record<'put' | 'get' | 'delete' | 'list' | 'location' | 'encryption' | 'cors', (key?: string) => Promise<unknown> | unknown>>;

/** An in-memory bucket; `hooks` may fail or delay an operation; `log` records every call in order. */
function memoryClient(hooks: Hooks = {}, objects = new Map<string, Uint8Array>()) {
  const log: string[] = [];
  const denied = () => new StorageError('op', { code: 'AccessDenied', status: 403 });
  const run = async <T>(name: keyof Hooks, key: string | undefined, body: () => T): Promise<T> => {
    log.push(key === undefined ? name : `${name} ${key}`);
    await hooks[name]?.(key);
    return body();
  };
  const client: StorageClient = {
    provider: 's3',
    bucket: 'bucket',
    list: (o) => run('list', undefined, () => ({ objects: [...objects.keys()].filter((k) => k.startsWith(o.prefix ?? '')).map((key) => ({ key, size: objects.get(key)!.length })), prefixes: [] })),
    putIfAbsent: (key, body) =>
      run('put', key, () => {
        if (objects.has(key)) throw new StorageError('put', { code: 'PreconditionFailed', status: 412 });
        objects.set(key, body);
      }),
    get: (key) =>
      run('get', key, () => {
        const body = objects.get(key);
        if (!body) throw new StorageError('get', { code: 'NoSuchKey', status: 404 });
        return body;
      }),
    delete: (key) => run('delete', key, () => void objects.delete(key)),
    signedUrl: async (key) => `memory://${key}`,
    fetchSigned: async (url) => objects.get(url.slice('memory://'.length)) ?? Promise.reject(denied()),
    location: () => run('location', undefined, () => 'eu-west-1'),
    encryption: () => run('encryption', undefined, () => undefined),
    cors: () => run('cors', undefined, () => [{ origins: ['https://label.example.com'], methods: ['GET'] }]),
  };
  return { client, log, objects };
}

const results = (rows: readonly CheckRow[]) => Object.fromEntries(rows.map((r) => [r.operation, r.result]));

test('every check passes on a cooperative bucket; rows come in plan order, the probe is gone', async () => {
  const { client, log, objects } = memoryClient();
  const streamed: string[] = [];
  const report = await runAccessTest(target(), () => client, { corsOrigin: 'https://label.example.com', onRow: (r) => streamed.push(r.operation) });
  assert.deepEqual(results(report.checks), { location: 'passed', list: 'passed', cors: 'passed', encryption: 'passed', put: 'passed', get: 'passed', 'presigned-get': 'passed', delete: 'passed' });
  assert.deepEqual(report.checks.map((c) => c.operation), ['location', 'list', 'cors', 'encryption', 'put', 'get', 'presigned-get', 'delete']);
  assert.deepEqual(new Set(streamed), new Set(report.checks.map((c) => c.operation)));
  assert.ok(reportPassed(report));
  assert.equal(objects.size, 0);
  // The probe was read back only after it was written, and deleted after both reads.
  const put = log.findIndex((l) => l.startsWith('put '));
  const del = log.findIndex((l) => l.startsWith('delete '));
  assert.ok(put < log.findIndex((l) => l.startsWith('get ')) && log.findIndex((l) => l.startsWith('get ')) < del);
  assert.match(log[put], /^put media\/\.bucket-doctor-probe-[0-9a-f]{16}$/);
  assert.equal(report.identity, 'test keys');
});

test('independent checks run at once: the run takes the longest chain, not the sum', async () => {
  const delay = () => new Promise((r) => setTimeout(r, 40));
  const { client } = memoryClient({ put: delay, get: delay, delete: delay, list: delay, location: delay, encryption: delay });
  const begin = Date.now();
  await runAccessTest(target(), () => client);
  const took = Date.now() - begin;
  // Chain: put → get → delete → confirm (4 × 40 ms, the confirmation undelayed: 3 × 40); the sum would be 7 × 40.
  assert.ok(took < 6 * 40, `took ${took} ms`);
});

test('a region the bucket is not in is a wrong-region row naming both', async () => {
  const { client } = memoryClient();
  client.location = async () => 'us-west-2';
  const report = await runAccessTest(target(), () => client);
  const row = report.checks.find((c) => c.operation === 'location')!;
  assert.deepEqual([row.result, row.code], ['wrong-region', 'RegionMismatch']);
  assert.match(row.hint ?? '', /in us-west-2, the configuration says eu-west-1/);
});

test('an unreachable service is named in the hint: the storage endpoint, or AWS IAM for the role simulation', async () => {
  const { client } = memoryClient();
  const unreachable = () => Promise.reject(new StorageError('op', { code: 'ENOTFOUND' }));
  client.simulate = unreachable;
  client.bucketPolicy = async () => undefined;
  const report = await runAccessTest(target({ roleArn: 'arn:aws:iam::123456789012:role/app' }), () => client);
  const simulated = report.checks.find((c) => c.operation === 'simulate')!;
  assert.deepEqual([simulated.result, simulated.required], ['unreachable', false]);
  assert.match(simulated.hint ?? '', /^AWS IAM could not be reached/);
  client.list = unreachable;
  const listed = (await runAccessTest(target({ endpoint: 'http://127.0.0.1:7480' }), () => client)).checks.find((c) => c.operation === 'list')!;
  assert.match(listed.hint ?? '', /^http:\/\/127\.0\.0\.1:7480 could not be reached/);
});

test('a role beside an S3-compatible endpoint is not sent to AWS IAM unless an IAM endpoint is given', async () => {
  const { client } = memoryClient();
  let simulations = 0;
  client.simulate = async () => {
    simulations++;
    return [];
  };
  client.bucketPolicy = async () => undefined;
  const roleArn = 'arn:aws:iam::123456789012:role/app';
  const report = await runAccessTest(target({ endpoint: 'http://127.0.0.1:7480', roleArn }), () => client);
  assert.deepEqual([report.checks.some((c) => c.operation === 'simulate'), simulations], [false, 0]);
  assert.ok(report.notes.some((n) => n.includes(`${roleArn} was not simulated`) && n.includes('http://127.0.0.1:7480')), report.notes.join('\n'));
  const withIam = await runAccessTest({ ...target({ endpoint: 'http://127.0.0.1:7480', roleArn }), iamEndpoint: 'http://127.0.0.1:7481' }, () => client);
  assert.ok(withIam.checks.some((c) => c.operation === 'simulate'));
  assert.ok(simulations > 0);
});

test('a failed delete leaves the probe listed by its full key after cleanup retries', async () => {
  const { client, objects } = memoryClient({ delete: () => Promise.reject(new StorageError('delete', { code: 'AccessDenied', status: 403 })) });
  const report = await runAccessTest(target(), () => client, { retry: { attempts: 2, baseDelayMs: 1 } });
  assert.equal(report.checks.find((c) => c.operation === 'delete')?.result, 'denied');
  assert.deepEqual(report.leftovers, [...objects.keys()]);
  assert.match(report.leftovers[0], /^media\/\.bucket-doctor-probe-/);
  assert.equal(reportPassed(report), false);
});

test('a request that never answers becomes a timed-out row after the timeout, even when the client ignores the signal', async () => {
  const { client } = memoryClient({ list: () => new Promise(() => undefined) });
  const begin = Date.now();
  const report = await runAccessTest(target(), () => client, { timeoutMs: 100 });
  const list = report.checks.find((c) => c.operation === 'list')!;
  assert.deepEqual([list.result, list.code], ['timed-out', 'TimeoutError']);
  assert.ok(Date.now() - begin < 1000);
});

test('cancel: checks not yet run are skipped, the written probe is deleted with a fresh signal', async () => {
  const controller = new AbortController();
  const { client, objects, log } = memoryClient({ put: () => controller.abort() });
  const report = await runAccessTest(target(), () => client, { signal: controller.signal });
  const skipped = report.checks.filter((c) => c.hint === 'Cancelled.').map((c) => c.operation);
  assert.ok(skipped.includes('get') && skipped.includes('delete'), skipped.join(' '));
  assert.equal(objects.size, 0);
  assert.ok(log.some((l) => l.startsWith('delete ')));
  assert.deepEqual(report.leftovers, []);
});

test('a taken probe key is neither overwritten nor deleted', async () => {
  const objects = new Map([['media/.bucket-doctor-probe-fixed', new TextEncoder().encode('theirs')]]);
  const { client, log } = memoryClient({}, objects);
  const report = await runAccessTest(target(), () => client, { probeId: 'fixed' });
  assert.equal(report.checks.find((c) => c.operation === 'put')?.code, 'PreconditionFailed');
  assert.ok(!log.some((l) => l.startsWith('delete ')));
  assert.equal(new TextDecoder().decode(objects.get('media/.bucket-doctor-probe-fixed')), 'theirs');
});

test('the caller, not the deployment: a note for IRSA and existing secrets, none for keys from the file', async () => {
  const irsa = await runAccessTest(target({ auth: 'irsa-role', roleArn: 'arn:aws:iam::123456789012:role/app' }), () => memoryClient().client);
  assert.ok(irsa.notes.some((n) => /ran as test keys, the caller, not as the deployment \(arn:aws:iam::123456789012:role\/app\)/.test(n)));
  const fromFile = await runAccessTest(target({ auth: 'irsa-role' }, { ...keys, source: { kind: 'config-file', description: 'credentials written in lse-values.yaml' } }), () => memoryClient().client);
  assert.ok(!fromFile.notes.some((n) => /not as the deployment/.test(n)));
});

test('a content mismatch on read-back is an error row', async () => {
  const { client } = memoryClient();
  client.get = async () => new TextEncoder().encode('other bytes');
  const report = await runAccessTest(target(), () => client);
  assert.deepEqual([report.checks.find((c) => c.operation === 'get')?.result, report.checks.find((c) => c.operation === 'get')?.code], ['error', 'ContentMismatch']);
});

test('SSE-KMS: a probe is written with the configured key (or the bucket default) and deleted; none without a key', async () => {
  const { client, objects } = memoryClient();
  const used: (string | undefined)[] = [];
  const put = client.putIfAbsent.bind(client);
  client.putIfAbsent = (key, body, call) => {
    used.push(call?.kmsKeyId);
    return put(key, body, call);
  };
  client.encryption = async () => ({ algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/default' });
  const byDefault = await runAccessTest(target(), () => client);
  const kms = byDefault.checks.find((c) => c.operation === 'kms-put');
  assert.deepEqual([kms?.result, kms?.action], ['passed', 'kms:GenerateDataKey']);
  assert.ok(used.includes('arn:aws:kms:eu-west-1:123456789012:key/default'));
  assert.equal(objects.size, 0);

  used.length = 0;
  await runAccessTest(target({ kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/configured' }), () => client);
  assert.ok(used.includes('arn:aws:kms:eu-west-1:123456789012:key/configured'));

  client.encryption = async () => ({ algorithm: 'AES256' });
  const none = await runAccessTest(target(), () => client);
  assert.ok(!none.checks.some((c) => c.operation === 'kms-put'));
});

test('deleteProbes deletes only probe keys and returns those that stay', async () => {
  const objects = new Map([
    ['media/.bucket-doctor-probe-aaaa', new Uint8Array([1])],
    ['media/.bucket-doctor-probe-bbbb', new Uint8Array([1])],
    ['media/cat.jpg', new Uint8Array([1])],
  ]);
  const { client, log } = memoryClient({ delete: (key) => (key?.endsWith('bbbb') ? Promise.reject(new StorageError('delete', { code: 'AccessDenied', status: 403 })) : undefined) }, objects);
  const left = await deleteProbes(target(), () => client, ['media/.bucket-doctor-probe-aaaa', 'media/.bucket-doctor-probe-bbbb', 'media/cat.jpg']);
  assert.deepEqual(left, ['media/.bucket-doctor-probe-bbbb']);
  assert.deepEqual([...objects.keys()].sort(), ['media/.bucket-doctor-probe-bbbb', 'media/cat.jpg']);
  assert.ok(!log.includes('delete media/cat.jpg'));
});
