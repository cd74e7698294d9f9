// S3 adapter (AWS and S3-compatible endpoints) behind StorageClient; bundled apart, loaded only for live work.
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectAclCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { StorageError } from '../core/access/errors';
import type { CallOptions, ListOptions, ListPage, StorageClient } from '../core/access/storage-client';
import { signedUrl } from '../core/signed-urls';
import { failureOf } from './failure';
import { getCallerIdentity, simulatePrincipalPolicy } from './iam';
import { fetchSigned } from './signed-fetch';

export interface S3Options {
  bucket: string;
  region: string;
  /** S3-compatible endpoint (MinIO, Ceph, GCS interop); path-style addressing is used with it. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A named profile of the shared config/credentials files, for the SDK's default chain. */
  awsProfile?: string;
  timeoutMs?: number;
  /** SDK attempts per request (3 by default); the access runner retries itself and passes 1. */
  maxAttempts?: number;
  /** STS endpoint for the identity check: AWS's own, else the S3 endpoint when one is set. */
  stsEndpoint?: string;
  /** IAM endpoint for the policy simulation: AWS's own when omitted. */
  iamEndpoint?: string;
}

/** Codes S3 answers when a bucket simply has no such setting: not a failure of the check. */
const noSetting = new Set(['NoSuchCORSConfiguration', 'ServerSideEncryptionConfigurationNotFoundError', 'NoSuchBucketPolicy']);

export function createClient(options: S3Options): StorageClient {
  const config: S3ClientConfig = {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
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
  else if (options.awsProfile) config.profile = options.awsProfile;
  const s3 = new S3Client(config);
  const Bucket = options.bucket;
  const aws = { region: options.region, credentials: options.credentials, awsProfile: options.awsProfile, maxAttempts: options.maxAttempts, timeoutMs: options.timeoutMs };

  async function send<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StorageError(operation, failureOf(error));
    }
  }

  /** Runs a read of a bucket setting; undefined when the bucket has none. */
  async function setting<T>(operation: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await send(operation, run);
    } catch (error) {
      if (error instanceof StorageError && noSetting.has(error.code)) return undefined;
      throw error;
    }
  }

  const call = (c?: CallOptions) => ({ abortSignal: c?.signal });

  return {
    provider: 's3',
    bucket: Bucket,
    list: (list: ListOptions, c?: CallOptions): Promise<ListPage> =>
      send('ListObjectsV2', async () => {
        const out = await s3.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix: list.prefix,
            Delimiter: list.delimiter,
            MaxKeys: list.maxKeys,
            ContinuationToken: list.token,
          }),
          call(c),
        );
        return {
          objects: (out.Contents ?? []).map((o) => ({ key: o.Key ?? '', size: o.Size ?? 0, modified: o.LastModified })),
          prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
          nextToken: out.IsTruncated ? out.NextContinuationToken : undefined,
        };
      }),
    putIfAbsent: (key, body, c) =>
      send('PutObject', async () => {
        const kms = c?.kmsKeyId ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: c.kmsKeyId } : {};
        await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: body, IfNoneMatch: '*', ...kms }), call(c));
      }),
    get: (key, c) =>
      send('GetObject', async () => {
        const out = await s3.send(new GetObjectCommand({ Bucket, Key: key }), call(c));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      }),
    delete: (key, c) =>
      send('DeleteObject', async () => {
        await s3.send(new DeleteObjectCommand({ Bucket, Key: key }), call(c));
      }),
    signedUrl: (key, expiresSeconds) =>
      send('presign', async () => {
        // The same signing the Buckets view uses, with whatever the default chain resolved to.
        const credentials = await s3.config.credentials();
        return signedUrl({ provider: 's3', bucket: Bucket, region: options.region, endpoint: options.endpoint, ...credentials }, key, expiresSeconds);
      }),
    fetchSigned,
    identity: async (c) => (await getCallerIdentity({ ...aws, endpoint: options.stsEndpoint ?? options.endpoint }, c)).arn,
    location: (c) => send('GetBucketLocation', async () => (await s3.send(new GetBucketLocationCommand({ Bucket }), call(c))).LocationConstraint ?? ''),
    cors: async (c) => {
      const out = await setting('GetBucketCors', () => s3.send(new GetBucketCorsCommand({ Bucket }), call(c)));
      return (out?.CORSRules ?? []).map((r) => ({ origins: r.AllowedOrigins ?? [], methods: r.AllowedMethods ?? [] }));
    },
    encryption: async (c) => {
      const out = await setting('GetBucketEncryption', () => s3.send(new GetBucketEncryptionCommand({ Bucket }), call(c)));
      const rule = out?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
      if (!rule?.SSEAlgorithm) return undefined;
      return { algorithm: rule.SSEAlgorithm, ...(rule.KMSMasterKeyID ? { kmsKeyId: rule.KMSMasterKeyID } : {}) };
    },
    peek: (key, c) =>
      send('HeadObject', async () => {
        const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }), call(c));
        const out = await s3.send(new GetObjectCommand({ Bucket, Key: key, Range: 'bytes=0-0' }), call(c));
        return { size: head.ContentLength ?? 0, firstBytes: out.Body ? await out.Body.transformToByteArray() : new Uint8Array() };
      }),
    createMultipart: (key, c) =>
      send('CreateMultipartUpload', async () => {
        const out = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: key }), call(c));
        if (!out.UploadId) throw new StorageError('CreateMultipartUpload', { code: 'NoUploadId' });
        return out.UploadId;
      }),
    abortMultipart: (key, uploadId, c) =>
      send('AbortMultipartUpload', async () => {
        await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }), call(c));
      }),
    putAcl: (key, c) =>
      send('PutObjectAcl', async () => {
        await s3.send(new PutObjectAclCommand({ Bucket, Key: key, ACL: 'bucket-owner-full-control' }), call(c));
      }),
    bucketPolicy: (c) => setting('GetBucketPolicy', async () => (await s3.send(new GetBucketPolicyCommand({ Bucket }), call(c))).Policy),
    simulate: (roleArn, actions, resources, resourcePolicy, c) => simulatePrincipalPolicy({ ...aws, endpoint: options.iamEndpoint }, { roleArn, actions, resources, resourcePolicy }, c),
  };
}
