// The Azure Blob provider against Azurite: shared key, connection string and a read+list container SAS.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  BlobServiceClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { createClient, type AzureAuth } from '../../src/providers/azure';
import { live, uniqueName } from './env';
import { rejectsWith } from './expect';
import { storageClientContract } from './storage-client-contract';

const serviceUrl = live('azureBlobEndpoint');
const accountName = live('azureAccountName');
const accountKey = live('azureAccountKey');
const keyAuth: AzureAuth = { kind: 'account-key', accountName, accountKey, serviceUrl };
const service = BlobServiceClient.fromConnectionString(live('azureConnectionString'));
const container = uniqueName('bd-live');

const azure = (auth: AzureAuth = keyAuth, name = container) => createClient({ container: name, auth });

/** A container SAS for `permissions` (e.g. `rl`), valid for an hour. */
function containerSas(name: string, permissions: string): string {
  const expiresOn = new Date(Date.now() + 3600_000);
  const credential = new StorageSharedKeyCredential(accountName, accountKey);
  return generateBlobSASQueryParameters(
    { containerName: name, permissions: ContainerSASPermissions.parse(permissions), expiresOn },
    credential,
  ).toString();
}

before(async () => {
  await service.getContainerClient(container).create();
});

storageClientContract({
  identity: 'account key',
  client: () => azure(),
  getMissing: { kind: 'not-found', code: 'BlobNotFound', status: 404 },
  putExisting: { code: 'BlobAlreadyExists', status: 409 },
});

test('a connection string reaches the same account', async () => {
  const client = azure({ kind: 'connection-string', connectionString: live('azureConnectionString') });
  await azure().putIfAbsent('via-key.txt', new TextEncoder().encode('k'));
  assert.deepEqual(await client.get('via-key.txt'), new TextEncoder().encode('k'));
});

test('a read+list container SAS can list and read, but its upload and delete are denied', async () => {
  const name = uniqueName('bd-sas');
  await service.getContainerClient(name).create();
  await azure(keyAuth, name).putIfAbsent('visible.txt', new TextEncoder().encode('x'));
  const reader = azure({ kind: 'sas', serviceUrl, sas: containerSas(name, 'rl') }, name);

  assert.deepEqual((await reader.list({})).objects.map((o) => o.key), ['visible.txt']);
  assert.deepEqual(await reader.get('visible.txt'), new TextEncoder().encode('x'));
  await rejectsWith(reader.putIfAbsent('probe.txt', new Uint8Array([1])), {
    kind: 'denied',
    code: 'AuthorizationPermissionMismatch',
    status: 403,
  });
  await rejectsWith(reader.delete('visible.txt'), { kind: 'denied', code: 'AuthorizationPermissionMismatch', status: 403 });
  assert.deepEqual((await azure(keyAuth, name).list({})).objects.map((o) => o.key), ['visible.txt']);
});

test('a wrong account key is bad-credentials', async () => {
  const wrongKey = Buffer.alloc(64, 7).toString('base64');
  const client = azure({ kind: 'account-key', accountName, accountKey: wrongKey, serviceUrl });
  // Azurite says AuthorizationFailure where Azure says AuthenticationFailed.
  await rejectsWith(client.list({}), { kind: 'bad-credentials', code: ['AuthorizationFailure', 'AuthenticationFailed'], status: 403 });
});

test('a missing container is not-found (ContainerNotFound)', async () => {
  await rejectsWith(azure(keyAuth, uniqueName('bd-missing')).list({}), { kind: 'not-found', code: 'ContainerNotFound', status: 404 });
});
