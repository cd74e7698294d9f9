// Test Bucket Access against Ceph RGW: real SigV4, real bucket policies, the SDK-backed client factory.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { probeKey } from '../../src/core/access/probe-keys';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest, type AccessTarget } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { startFaultProxy } from '../harness/fault-proxy';
import { admin, createBucket, folderPolicy, putObject, ref, results, rgw, rgwUser, row, s3Keys } from './access-fixtures';

let bucket: string;
let writer: Awaited<ReturnType<typeof rgwUser>>;
let reader: Awaited<ReturnType<typeof rgwUser>>;

before(async () => {
  [writer, reader] = await Promise.all([rgwUser('writer'), rgwUser('reader')]);
  bucket = await createBucket('bd-access', (b) => folderPolicy(b, 'media', { writer: [writer.arn], reader: [reader.arn] }));
  await putObject(bucket, 'media/cat.jpg', 'JPEG bytes of a cat');
});

const target = (keys = writer.keys, extra: Partial<AccessTarget['ref']> = {}): AccessTarget => ({
  ref: ref('s3', bucket, { endpoint: rgw.endpoint, region: rgw.region, ...extra }),
  credentials: s3Keys(keys),
});

async function keysUnder(prefix: string): Promise<string[]> {
  const out = await admin.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key ?? '');
}

test('a user with the lse-persistence policy passes every required check and leaves nothing behind', async () => {
  const streamed: string[] = [];
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs: 10_000, onRow: (r) => streamed.push(r.operation) });
  assert.deepEqual(results(report), {
    identity: 'skipped',
    // The policy Label Studio's docs recommend grants no s3:GetBucketLocation: an optional row, reported.
    location: 'denied',
    list: 'passed',
    cors: 'skipped',
    encryption: 'passed',
    put: 'passed',
    get: 'passed',
    'presigned-get': 'passed',
    delete: 'passed',
  });
  assert.equal(row(report, 'location').required, false);
  assert.ok(reportPassed(report));
  assert.deepEqual(report.leftovers, []);
  assert.deepEqual(streamed.sort(), report.checks.map((c) => c.operation).sort());
  // RGW has no STS: the identity is the credentials' source, and the row says why.
  assert.equal(report.identity, 'test keys');
  assert.match(row(report, 'identity').hint ?? '', /does not offer/);
  assert.match(row(report, 'delete').hint ?? '', /confirmed it is gone/);
  assert.deepEqual(await keysUnder('media/'), ['media/cat.jpg']);
});

test('a user with List+Get only is denied on write and delete, and the rows name the missing actions', async () => {
  const report = await runAccessTest(target(reader.keys), createAccessClient, { timeoutMs: 10_000 });
  assert.equal(reportPassed(report), false);
  const put = row(report, 'put');
  assert.deepEqual([put.result, put.code, put.action], ['denied', 'AccessDenied', 's3:PutObject']);
  assert.match(put.hint ?? '', new RegExp(`Grant s3:PutObject on arn:aws:s3:::${bucket}/media/\\*`));
  const del = row(report, 'delete');
  assert.deepEqual([del.result, del.code, del.action], ['denied', 'AccessDenied', 's3:DeleteObject']);
  assert.equal(row(report, 'get').result, 'skipped');
  assert.equal(row(report, 'list').result, 'passed');
  assert.deepEqual(report.leftovers, []);
  assert.deepEqual(await keysUnder('media/'), ['media/cat.jpg']);
});

test('a wrong secret is bad credentials, a missing bucket not found', async () => {
  const wrong = { ...writer.keys, secretAccessKey: `${writer.keys.secretAccessKey.slice(0, -1)}${writer.keys.secretAccessKey.endsWith('A') ? 'B' : 'A'}` };
  const bad = await runAccessTest(target(wrong), createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(bad, 'list').result, row(bad, 'list').code], ['bad-credentials', 'SignatureDoesNotMatch']);
  assert.deepEqual([row(bad, 'put').result, row(bad, 'put').code], ['bad-credentials', 'SignatureDoesNotMatch']);
  assert.equal(reportPassed(bad), false);

  const missing = await runAccessTest({ ...target(), ref: { ...target().ref, name: `${bucket}-missing` } }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(missing, 'list').result, row(missing, 'list').code], ['not-found', 'NoSuchBucket']);
  assert.match(row(missing, 'list').hint ?? '', /No bucket .*-missing here/);
});

test('an object already at the probe key is never overwritten and never deleted', async () => {
  const key = probeKey('media', 'planted0000000001');
  await putObject(bucket, key, 'someone else’s data');
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs: 10_000, probeId: 'planted0000000001' });
  const put = row(report, 'put');
  assert.deepEqual([put.result, put.code], ['error', 'PreconditionFailed']);
  assert.match(put.hint ?? '', /neither overwritten nor deleted/);
  assert.equal(row(report, 'delete').result, 'skipped');
  assert.deepEqual(report.leftovers, []);
  const kept = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  assert.equal(await kept.Body?.transformToString(), 'someone else’s data');
  await admin.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
});

test('a read-only profile reads a HEAD and one byte of one listed object and sends no write or delete', async () => {
  const proxy = await startFaultProxy(rgw.endpoint);
  try {
    const report = await runAccessTest(target(reader.keys, { profile: 'ls-source-storage', endpoint: proxy.endpoint }), createAccessClient, { timeoutMs: 10_000, corsOrigin: 'https://label.example.com' });
    assert.equal(row(report, 'read-existing').result, 'passed');
    assert.match(row(report, 'read-existing').hint ?? '', /media\/cat\.jpg/);
    assert.equal(row(report, 'presigned-get').result, 'passed');
    assert.ok(!report.checks.some((c) => ['put', 'delete', 'get'].includes(c.operation)));
    assert.ok(report.notes.some((n) => /only reads/.test(n)));
    // Nothing but reads (the one POST is STS GetCallerIdentity, which RGW refuses).
    const writes = proxy.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !(r.method === 'POST' && r.url === '/'));
    assert.deepEqual(writes, []);
    // Of the object: one HEAD, one ranged GET through the SDK and one through the presigned URL.
    const objectGets = proxy.requests.filter((r) => r.method === 'GET' && r.url.includes('cat.jpg'));
    assert.deepEqual(objectGets.map((r) => r.range), ['bytes=0-0', 'bytes=0-0']);
    assert.equal(proxy.requests.filter((r) => r.method === 'HEAD').length, 1);
  } finally {
    await proxy.stop();
  }
});

test('CORS: a rule for the Label Studio origin passes, another origin is reported', async () => {
  await admin.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['https://*.example.com'], AllowedMethods: ['GET'] }] } }));
  // The bucket owner: the folder policy grants the writer no s3:GetBucketCORS.
  const allowed = await runAccessTest(target(rgw.owner), createAccessClient, { timeoutMs: 10_000, corsOrigin: 'https://label.example.com' });
  assert.equal(row(allowed, 'cors').result, 'passed');
  const other = await runAccessTest(target(rgw.owner), createAccessClient, { timeoutMs: 10_000, corsOrigin: 'https://label.other.org' });
  assert.deepEqual([row(other, 'cors').result, row(other, 'cors').code, row(other, 'cors').required], ['error', 'CorsOriginNotAllowed', false]);
  // CORS is not required: the run still passes.
  assert.ok(reportPassed(other));
});

test('arraylake: multipart create+abort and the probe ACL are checked too', async () => {
  const report = await runAccessTest(target(rgw.owner, { profile: 'arraylake' }), createAccessClient, { timeoutMs: 10_000 });
  assert.equal(row(report, 'multipart').result, 'passed');
  assert.equal(row(report, 'acl').result, 'passed');
  assert.equal(row(report, 'location').result, 'passed');
  assert.ok(!report.checks.some((c) => c.operation === 'presigned-get'));
  assert.deepEqual(report.leftovers, []);
  assert.deepEqual(await keysUnder('media/'), ['media/cat.jpg']);
});

test('an endpoint on a metadata address is refused before any request', async () => {
  let made = 0;
  const report = await runAccessTest(target(writer.keys, { endpoint: 'http://169.254.169.254/latest' }), () => {
    made++;
    return createAccessClient(target(), { timeoutMs: 1000 });
  });
  assert.equal(made, 0);
  assert.deepEqual([row(report, 'endpoint').result, row(report, 'endpoint').code], ['error', 'RefusedEndpoint']);
  assert.equal(reportPassed(report), false);
});

test('GCS with HMAC keys is tested through the S3-interoperable endpoint (RGW standing in for it)', async () => {
  const report = await runAccessTest(
    { ref: ref('gcs', bucket, { endpoint: rgw.endpoint, auth: 'hmac' }), credentials: { provider: 'gcs', kind: 'hmac', accessKeyId: writer.keys.accessKeyId, secret: writer.keys.secretAccessKey, source: { kind: 'user-entered', description: 'HMAC keys' } } },
    createAccessClient,
    { timeoutMs: 10_000 },
  );
  assert.equal(report.provider, 'gcs');
  assert.deepEqual([row(report, 'put').result, row(report, 'put').action, row(report, 'delete').result], ['passed', 's3:PutObject', 'passed']);
  assert.ok(!report.checks.some((c) => c.operation === 'identity' || c.operation === 'test-permissions'));
  assert.ok(report.notes.some((n) => /S3-interoperable endpoint with HMAC keys/.test(n)));
  assert.deepEqual(report.leftovers, []);
});
