// Google Cloud Storage adapter (JSON API) behind StorageClient; bundled apart, loaded only for live work.
import { Storage, type StorageOptions } from '@google-cloud/storage';
import { StorageError } from '../core/access/errors';
import type { StorageClient } from '../core/access/storage-client';
import { failureOf } from './failure';

export interface GcsOptions {
  bucket: string;
  projectId?: string;
  /** Service-account key file; without it application-default credentials are used. */
  keyFilename?: string;
  /** Alternative API endpoint (private endpoints, test doubles). */
  apiEndpoint?: string;
  timeoutMs?: number;
}

export function createClient(options: GcsOptions): StorageClient {
  const config: StorageOptions = {
    retryOptions: { autoRetry: true, maxRetries: 2 },
    timeout: options.timeoutMs ?? 30_000,
  };
  if (options.projectId) config.projectId = options.projectId;
  if (options.keyFilename) config.keyFilename = options.keyFilename;
  if (options.apiEndpoint) config.apiEndpoint = options.apiEndpoint;
  const bucket = new Storage(config).bucket(options.bucket);

  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StorageError(operation, failureOf(error));
    }
  }

  return {
    provider: 'gcs',
    bucket: options.bucket,
    list: (list) =>
      send('objects.list', async () => {
        const query: Record<string, unknown> = { autoPaginate: false, maxResults: list.maxKeys ?? 1000 };
        if (list.prefix) query.prefix = list.prefix;
        if (list.delimiter) query.delimiter = list.delimiter;
        if (list.token) query.pageToken = list.token;
        const [files, next, raw] = await bucket.getFiles(query);
        const prefixes = ((raw as { prefixes?: string[] } | undefined)?.prefixes ?? []).slice();
        return {
          objects: files.map((f) => ({
            key: f.name,
            size: Number(f.metadata.size ?? 0),
            modified: f.metadata.updated ? new Date(f.metadata.updated) : undefined,
          })),
          prefixes,
          nextToken: (next as { pageToken?: string } | null)?.pageToken,
        };
      }),
    putIfAbsent: (key, body) =>
      send('objects.insert', async () => {
        await bucket.file(key).save(Buffer.from(body), { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } });
      }),
    get: (key) => send('objects.get', async () => new Uint8Array((await bucket.file(key).download())[0])),
    delete: (key) =>
      send('objects.delete', async () => {
        await bucket.file(key).delete();
      }),
  };
}
