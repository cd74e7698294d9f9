// Test Bucket Access on GCS through the JSON-API double: testIamPermissions first, then the probe, and a V4 signed
// URL signed with the service account's key and fetched over the XML API path.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Credentials } from '../../src/core/access/credentials';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { createGcsDoubleBucket, registerGcsDoubleServiceAccount } from '../harness/gcs-double';
import { ref, results, row } from './access-fixtures';
import { live, uniqueName } from './env';

const endpoint = live('gcsEndpoint');
const projectId = live('gcsProject');
const email = 'lse-storage@bucket-doctor-live.iam.gserviceaccount.com';
let keyFile: string;
let strangerKeyFile: string;

function writeKey(dir: string, name: string): { file: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = join(dir, name);
  const key = { type: 'service_account', project_id: projectId, private_key_id: 'EXAMPLE', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }), client_email: email };
  writeFileSync(file, JSON.stringify(key));
  return { file, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-gcs-'));
  const key = writeKey(dir, 'key.json');
  keyFile = key.file;
  // The same account name with a key the double does not know: its signatures must not verify.
  strangerKeyFile = writeKey(dir, 'stranger.json').file;
  await registerGcsDoubleServiceAccount(endpoint, email, key.publicKey);
});

const fromKeyFile = (file = keyFile): Credentials => ({ provider: 'gcs', kind: 'key-file', keyFile: file, projectId, source: { kind: 'key-file', description: 'the key file' } });

async function bucket(grants?: string[]): Promise<string> {
  const name = uniqueName('bd-gcs');
  await createGcsDoubleBucket(endpoint, name, grants);
  return name;
}

test('all permissions: testIamPermissions, probe write/read/delete with hash-checked upload, and a V4 signed URL pass', async () => {
  const name = await bucket();
  const report = await runAccessTest({ ref: ref('gcs', name, { endpoint }), credentials: fromKeyFile() }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual(results(report), {
    identity: 'passed',
    'test-permissions storage.objects.list': 'passed',
    'test-permissions storage.objects.get': 'passed',
    'test-permissions storage.objects.create': 'passed',
    'test-permissions storage.objects.delete': 'passed',
    list: 'passed',
    put: 'passed',
    get: 'passed',
    'presigned-get': 'passed',
    delete: 'passed',
  });
  assert.equal(report.identity, email);
  assert.match(row(report, 'get').hint ?? '', /same bytes/);
  assert.ok(reportPassed(report));
  assert.deepEqual(report.leftovers, []);
});

test('a testIamPermissions subset gives denied rows, and the denied write and delete agree', async () => {
  const name = await bucket(['storage.objects.list', 'storage.objects.get']);
  const report = await runAccessTest({ ref: ref('gcs', name, { endpoint }), credentials: fromKeyFile() }, createAccessClient, { timeoutMs: 10_000 });
  const tested = report.checks.filter((c) => c.operation === 'test-permissions');
  assert.deepEqual(
    tested.map((c) => [c.action, c.result]),
    [
      ['storage.objects.list', 'passed'],
      ['storage.objects.get', 'passed'],
      ['storage.objects.create', 'denied'],
      ['storage.objects.delete', 'denied'],
    ],
  );
  assert.match(tested[2].hint ?? '', new RegExp(`Grant storage.objects.create on bucket ${name} to ${email}`));
  assert.deepEqual([row(report, 'put').result, row(report, 'put').code, row(report, 'put').action], ['denied', 'forbidden', 'storage.objects.create']);
  assert.deepEqual([row(report, 'delete').result, row(report, 'delete').code], ['denied', 'forbidden']);
  assert.equal(reportPassed(report), false);
});

test('a URL signed with a key the service does not know fails; credentials that cannot sign skip the check', async () => {
  const name = await bucket();
  const stranger = await runAccessTest({ ref: ref('gcs', name, { endpoint }), credentials: fromKeyFile(strangerKeyFile) }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(stranger, 'presigned-get').result, row(stranger, 'presigned-get').code], ['bad-credentials', 'SignatureDoesNotMatch']);
  assert.deepEqual(stranger.leftovers, []);

  const adc: Credentials = { provider: 'gcs', kind: 'application-default', projectId, source: { kind: 'gcp-application-default', description: 'Google application-default credentials' } };
  const unsigned = await runAccessTest({ ref: ref('gcs', name, { endpoint }), credentials: adc }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(unsigned, 'presigned-get').result, row(unsigned, 'presigned-get').code], ['skipped', 'NoSigningKey']);
  assert.ok(!unsigned.checks.some((c) => c.operation === 'identity'));
  assert.equal(unsigned.identity, 'Google application-default credentials');
  assert.equal(row(unsigned, 'put').result, 'passed');
});

test('a read-only profile reads the size and first byte of one object, and signs a ranged GET', async () => {
  const readable = await bucket();
  const upload = await fetch(`${endpoint}/upload/storage/v1/b/${readable}/o?uploadType=media&name=media%2Fimage.png`, { method: 'POST', body: 'PNG-DATA' });
  assert.equal(upload.status, 200);
  const report = await runAccessTest({ ref: ref('gcs', readable, { endpoint, profile: 'ls-source-storage' }), credentials: fromKeyFile() }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(report, 'read-existing').result, row(report, 'presigned-get').result], ['passed', 'passed']);
  assert.match(row(report, 'read-existing').hint ?? '', /size \(8 bytes\) and the first byte of media\/image\.png/);
  assert.ok(!report.checks.some((c) => c.operation === 'put'));
});
