// Test Bucket Access on Azure Blob through Azurite: account key, a read-and-list SAS, a wrong key.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BlobServiceClient, ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import type { Credentials } from '../../src/core/access/credentials';
import { isProbeKey } from '../../src/core/access/probe-keys';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { ref, results, row } from './access-fixtures';
import { live, uniqueName } from './env';

const endpoint = live('azureBlobEndpoint');
const accountName = live('azureAccountName');
const accountKey = live('azureAccountKey');
const container = uniqueName('bd-access');
let containerClient: ContainerClient;

before(async () => {
  containerClient = BlobServiceClient.fromConnectionString(live('azureConnectionString')).getContainerClient(container);
  await containerClient.create();
  await containerClient.getBlockBlobClient('media/a.txt').uploadData(Buffer.from('first line\n'));
});

const azureRef = (profile = 'lse-persistence') => ref('azure', container, { endpoint, profile });
const keyCredentials = (key = accountKey): Credentials => ({ provider: 'azure', kind: 'account-key', accountName, accountKey: key, source: { kind: 'user-entered', description: 'the account key' } });

function containerSas(permissions: string): string {
  return generateBlobSASQueryParameters(
    { containerName: container, permissions: ContainerSASPermissions.parse(permissions), expiresOn: new Date(Date.now() + 3600_000) },
    new StorageSharedKeyCredential(accountName, accountKey),
  ).toString();
}

async function blobs(): Promise<string[]> {
  const names: string[] = [];
  for await (const b of containerClient.listBlobsFlat()) names.push(b.name);
  return names;
}

test('the account key passes every check, the SAS URL included, and leaves no probe', async () => {
  const report = await runAccessTest({ ref: azureRef(), credentials: keyCredentials() }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual(results(report), { identity: 'passed', list: 'passed', put: 'passed', get: 'passed', 'presigned-get': 'passed', delete: 'passed' });
  assert.equal(report.identity, `storage account ${accountName} (account key)`);
  assert.ok(reportPassed(report));
  assert.deepEqual(report.leftovers, []);
  assert.deepEqual((await blobs()).filter(isProbeKey), []);
});

test('an rl SAS is denied on write and delete (AuthorizationPermissionMismatch)', async () => {
  const credentials: Credentials = { provider: 'azure', kind: 'sas', serviceUrl: endpoint, sas: containerSas('rl'), source: { kind: 'user-entered', description: 'the SAS you entered' } };
  const report = await runAccessTest({ ref: azureRef(), credentials }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(report, 'list').result, row(report, 'put').result, row(report, 'put').code], ['passed', 'denied', 'AuthorizationPermissionMismatch']);
  assert.deepEqual([row(report, 'delete').result, row(report, 'delete').code], ['denied', 'AuthorizationPermissionMismatch']);
  assert.match(row(report, 'put').hint ?? '', /may not write blobs.*permission letter/);
  assert.equal(reportPassed(report), false);
  assert.deepEqual(await blobs(), ['media/a.txt']);

  // The same SAS is enough for a read-only profile: one HEAD, the first byte, and a GET through the SAS URL.
  const readOnly = await runAccessTest({ ref: azureRef('ls-source-storage'), credentials }, createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual(results(readOnly), { identity: 'passed', list: 'passed', 'read-existing': 'passed', 'presigned-get': 'passed' });
  assert.match(row(readOnly, 'read-existing').hint ?? '', /size \(11 bytes\)/);
});

test('a wrong account key is bad credentials', async () => {
  const wrong = Buffer.from(Buffer.from(accountKey, 'base64').map((b) => b ^ 0xff)).toString('base64');
  const report = await runAccessTest({ ref: azureRef(), credentials: keyCredentials(wrong) }, createAccessClient, { timeoutMs: 10_000 });
  assert.equal(row(report, 'list').result, 'bad-credentials');
  assert.match(row(report, 'list').code ?? '', /^(AuthorizationFailure|AuthenticationFailed)$/);
  assert.equal(row(report, 'put').result, 'bad-credentials');
  assert.match(row(report, 'put').hint ?? '', /rejected the account key/);
});
