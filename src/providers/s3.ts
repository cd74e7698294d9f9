// S3 adapter (AWS and S3-compatible endpoints) behind StorageClient; bundled apart, loaded only for live work.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { StorageError } from '../core/access/errors';
import type { CallOptions, ListOptions, ListPage, StorageClient } from '../core/access/storage-client';
import { failureOf } from './failure';

export interface S3Options {
  bucket: string;
  region: string;
  /** S3-compatible endpoint (MinIO, Ceph, GCS interop); path-style addressing is used with it. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  timeoutMs?: number;
}

export function createClient(options: S3Options): StorageClient {
  const config: S3ClientConfig = {
    region: options.region,
    maxAttempts: 3,
    // Stream uploads without a length fail on some S3-compatible servers when checksums are always on.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { requestTimeout: options.timeoutMs ?? 30_000, connectionTimeout: 10_000 },
  };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
  }
  if (options.credentials) config.credentials = options.credentials;
  const s3 = new S3Client(config);
  const Bucket = options.bucket;

  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StorageError(operation, failureOf(error));
    }
  }

  return {
    provider: 's3',
    bucket: Bucket,
    list: (list: ListOptions, call?: CallOptions): Promise<ListPage> =>
      send('ListObjectsV2', async () => {
        const out = await s3.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix: list.prefix,
            Delimiter: list.delimiter,
            MaxKeys: list.maxKeys,
            ContinuationToken: list.token,
          }),
          { abortSignal: call?.signal },
        );
        return {
          objects: (out.Contents ?? []).map((o) => ({ key: o.Key ?? '', size: o.Size ?? 0, modified: o.LastModified })),
          prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
          nextToken: out.IsTruncated ? out.NextContinuationToken : undefined,
        };
      }),
    putIfAbsent: (key, body, call) =>
      send('PutObject', async () => {
        await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: body, IfNoneMatch: '*' }), {
          abortSignal: call?.signal,
        });
      }),
    get: (key, call) =>
      send('GetObject', async () => {
        const out = await s3.send(new GetObjectCommand({ Bucket, Key: key }), { abortSignal: call?.signal });
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      }),
    delete: (key, call) =>
      send('DeleteObject', async () => {
        await s3.send(new DeleteObjectCommand({ Bucket, Key: key }), { abortSignal: call?.signal });
      }),
  };
}
