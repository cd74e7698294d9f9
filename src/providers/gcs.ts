// Google Cloud Storage adapter (JSON API) behind StorageClient; bundled apart, loaded only for live work.
import { readFileSync } from 'node:fs';
import { Storage, type StorageOptions } from '@google-cloud/storage';
import { StorageError } from '../core/access/errors';
import type { CallOptions, StorageClient } from '../core/access/storage-client';
import { signedUrl } from '../core/signed-urls';
import { failureOf } from './failure';
import { fetchSigned } from './signed-fetch';

export interface GcsOptions {
  bucket: string;
  projectId?: string;
  /** Service-account key file; without it application-default credentials are used. */
  keyFilename?: string;
  /** Alternative API endpoint (private endpoints, test doubles). */
  apiEndpoint?: string;
  timeoutMs?: number;
  /** The SDK's own retries (on by default); the access runner retries itself and turns them off. */
  autoRetry?: boolean;
}

interface ServiceAccountKey {
  client_email?: string;
  private_key?: string;
}

/** The email and private key of a service-account key file, read locally (signing needs no request). */
function readKey(keyFilename: string | undefined): ServiceAccountKey {
  if (!keyFilename) return {};
  try {
    return JSON.parse(readFileSync(keyFilename, 'utf8')) as ServiceAccountKey;
  } catch {
    throw new StorageError('read key file', { code: 'InvalidKeyFile' });
  }
}

/** Rejects once `call.signal` aborts: the SDK's object calls take no signal. */
function withSignal<T>(promise: Promise<T>, call?: CallOptions): Promise<T> {
  const signal = call?.signal;
  if (!signal) return promise;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    }),
  ]);
}

export function createClient(options: GcsOptions): StorageClient {
  const autoRetry = options.autoRetry ?? true;
  const config: StorageOptions = {
    retryOptions: autoRetry ? { autoRetry: true, maxRetries: 2 } : { autoRetry: false },
    timeout: options.timeoutMs ?? 30_000,
  };
  if (options.projectId) config.projectId = options.projectId;
  if (options.keyFilename) config.keyFilename = options.keyFilename;
  if (options.apiEndpoint) config.apiEndpoint = options.apiEndpoint;
  const bucket = new Storage(config).bucket(options.bucket);
  const key = readKey(options.keyFilename);

  async function send<T>(operation: string, run: () => Promise<T>, call?: CallOptions): Promise<T> {
    try {
      return await withSignal(run(), call);
    } catch (error) {
      throw new StorageError(operation, failureOf(error));
    }
  }

  const client: StorageClient = {
    provider: 'gcs',
    bucket: options.bucket,
    list: (list, call) =>
      send(
        'objects.list',
        async () => {
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
        },
        call,
      ),
    putIfAbsent: (name, body, call) =>
      send(
        'objects.insert',
        async () => {
          await bucket.file(name).save(Buffer.from(body), { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } });
        },
        call,
      ),
    get: (name, call) => send('objects.get', async () => new Uint8Array((await bucket.file(name).download())[0]), call),
    delete: (name, call) =>
      send(
        'objects.delete',
        async () => {
          await bucket.file(name).delete();
        },
        call,
      ),
    signedUrl: async (name, expiresSeconds) => {
      // V4 signing needs the service account's private key; application-default user credentials have none.
      if (!key.client_email || !key.private_key) throw new StorageError('sign URL', { code: 'NoSigningKey' });
      return signedUrl({ provider: 'gcs', bucket: options.bucket, clientEmail: key.client_email, privateKey: key.private_key, endpoint: options.apiEndpoint }, name, expiresSeconds);
    },
    fetchSigned,
    testPermissions: (permissions, call) =>
      send(
        'testIamPermissions',
        async () => {
          const [granted] = await bucket.iam.testPermissions([...permissions]);
          return Object.entries(granted).flatMap(([permission, ok]) => (ok ? [permission] : []));
        },
        call,
      ),
    peek: (name, call) =>
      send(
        'objects.get',
        async () => {
          const [metadata] = await bucket.file(name).getMetadata();
          const [bytes] = await bucket.file(name).download({ start: 0, end: 0 });
          return { size: Number(metadata.size ?? 0), firstBytes: new Uint8Array(bytes) };
        },
        call,
      ),
  };
  // Who the requests run as is known locally only from a key file; ADC would ask the network.
  if (key.client_email) {
    const email = key.client_email;
    client.identity = async () => email;
  }
  return client;
}
