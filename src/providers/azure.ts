// Azure Blob adapter behind StorageClient; bundled apart, loaded only for live work.
import {
  AnonymousCredential,
  BlobServiceClient,
  StorageSharedKeyCredential,
  type BlobItem,
  type BlobPrefix,
  type ContainerClient,
} from '@azure/storage-blob';
import { StorageError } from '../core/access/errors';
import type { StorageClient } from '../core/access/storage-client';
import { failureOf } from './failure';

export type AzureAuth =
  | { kind: 'account-key'; accountName: string; accountKey: string; serviceUrl?: string }
  | { kind: 'sas'; serviceUrl: string; sas: string }
  | { kind: 'connection-string'; connectionString: string };

export interface AzureOptions {
  container: string;
  auth: AzureAuth;
}

function containerClient({ container, auth }: AzureOptions): ContainerClient {
  switch (auth.kind) {
    case 'connection-string':
      return BlobServiceClient.fromConnectionString(auth.connectionString).getContainerClient(container);
    case 'account-key': {
      const url = auth.serviceUrl ?? `https://${auth.accountName}.blob.core.windows.net`;
      const credential = new StorageSharedKeyCredential(auth.accountName, auth.accountKey);
      return new BlobServiceClient(url, credential).getContainerClient(container);
    }
    case 'sas': {
      const sas = auth.sas.startsWith('?') ? auth.sas : `?${auth.sas}`;
      return new BlobServiceClient(`${auth.serviceUrl}${sas}`, new AnonymousCredential()).getContainerClient(container);
    }
  }
}

export function createClient(options: AzureOptions): StorageClient {
  const container = containerClient(options);

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
  };
}
