// Azure Blob adapter behind StorageClient; bundled apart, loaded only for live work.
import {
  AnonymousCredential,
  BlobServiceClient,
  StorageSharedKeyCredential,
  type BlobItem,
  type BlobPrefix,
  type ContainerClient,
  type StoragePipelineOptions,
} from '@azure/storage-blob';
import { StorageError } from '../core/access/errors';
import type { StorageClient } from '../core/access/storage-client';
import { connectionStringAccount, signedUrl } from '../core/signed-urls';
import { failureOf } from './failure';
import { fetchSigned } from './signed-fetch';

export type AzureAuth =
  | { kind: 'account-key'; accountName: string; accountKey: string; serviceUrl?: string }
  | { kind: 'sas'; serviceUrl: string; sas: string }
  | { kind: 'connection-string'; connectionString: string };

export interface AzureOptions {
  container: string;
  auth: AzureAuth;
  /** The SDK's attempts per request (its default policy when omitted); the access runner retries itself and passes 1. */
  maxTries?: number;
  timeoutMs?: number;
}

function containerClient({ container, auth, maxTries, timeoutMs }: AzureOptions): ContainerClient {
  const pipeline: StoragePipelineOptions = maxTries === undefined ? {} : { retryOptions: { maxTries, ...(timeoutMs ? { tryTimeoutInMs: timeoutMs } : {}) } };
  switch (auth.kind) {
    case 'connection-string':
      return BlobServiceClient.fromConnectionString(auth.connectionString, pipeline).getContainerClient(container);
    case 'account-key': {
      const url = auth.serviceUrl ?? `https://${auth.accountName}.blob.core.windows.net`;
      const credential = new StorageSharedKeyCredential(auth.accountName, auth.accountKey);
      return new BlobServiceClient(url, credential, pipeline).getContainerClient(container);
    }
    case 'sas': {
      const sas = auth.sas.startsWith('?') ? auth.sas : `?${auth.sas}`;
      return new BlobServiceClient(`${auth.serviceUrl}${sas}`, new AnonymousCredential(), pipeline).getContainerClient(container);
    }
  }
}

/** The account key the auth carries (directly or in its connection string), to sign SAS URLs locally. */
function accountKeyOf(auth: AzureAuth): { accountName: string; accountKey: string; serviceUrl?: string } | undefined {
  if (auth.kind === 'account-key') return auth;
  if (auth.kind === 'connection-string') return connectionStringAccount(auth.connectionString);
  return undefined;
}

export function createClient(options: AzureOptions): StorageClient {
  const container = containerClient(options);
  const signer = accountKeyOf(options.auth);

  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StorageError(operation, failureOf(error));
    }
  }

  return {
    provider: 'azure',
    bucket: options.container,
    list: (list, call) =>
      send('ListBlobs', async () => {
        const listOptions = { prefix: list.prefix, abortSignal: call?.signal };
        const settings = { maxPageSize: list.maxKeys, continuationToken: list.token };
        const page = list.delimiter
          ? (await container.listBlobsByHierarchy(list.delimiter, listOptions).byPage(settings).next()).value
          : (await container.listBlobsFlat(listOptions).byPage(settings).next()).value;
        const segment: { blobItems: BlobItem[]; blobPrefixes?: BlobPrefix[] } | undefined = page?.segment;
        return {
          objects: (segment?.blobItems ?? []).map((b) => ({
            key: b.name,
            size: b.properties.contentLength ?? 0,
            modified: b.properties.lastModified,
          })),
          prefixes: (segment?.blobPrefixes ?? []).map((p) => p.name),
          nextToken: page?.continuationToken || undefined,
        };
      }),
    putIfAbsent: (key, body, call) =>
      send('PutBlob', async () => {
        await container.getBlockBlobClient(key).uploadData(body, {
          conditions: { ifNoneMatch: '*' },
          abortSignal: call?.signal,
        });
      }),
    get: (key, call) =>
      send('GetBlob', async () => new Uint8Array(await container.getBlockBlobClient(key).downloadToBuffer(0, undefined, { abortSignal: call?.signal }))),
    delete: (key, call) =>
      send('DeleteBlob', async () => {
        await container.getBlockBlobClient(key).delete({ abortSignal: call?.signal });
      }),
    signedUrl: async (key, expiresSeconds) => {
      // A SAS client's own URL already carries the SAS it was given; a key signs a read-only one for this blob.
      if (!signer) return container.getBlockBlobClient(key).url;
      return signedUrl({ provider: 'azure', container: options.container, ...signer }, key, expiresSeconds);
    },
    fetchSigned,
    identity: async () => `storage account ${container.accountName} (${options.auth.kind === 'sas' ? 'SAS' : 'account key'})`,
    peek: (key, call) =>
      send('GetBlobProperties', async () => {
        const blob = container.getBlockBlobClient(key);
        const properties = await blob.getProperties({ abortSignal: call?.signal });
        const first = await blob.downloadToBuffer(0, 1, { abortSignal: call?.signal });
        return { size: properties.contentLength ?? 0, firstBytes: new Uint8Array(first) };
      }),
  };
}
