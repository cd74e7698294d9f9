// The one interface every provider adapter implements; the rest of the code never sees an SDK type.
import type { Provider } from '../model';

export interface ObjectEntry {
  key: string;
  size: number;
  modified?: Date;
}

export interface ListPage {
  objects: ObjectEntry[];
  /** Common prefixes ("folders") when a delimiter was given. */
  prefixes: string[];
  /** Pass back to get the next page; absent on the last page. */
  nextToken?: string;
}

export interface ListOptions {
  prefix?: string;
  delimiter?: string;
  maxKeys?: number;
  token?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PutOptions extends CallOptions {
  /** SSE-KMS key (ARN or id) to encrypt the object with (S3 only). */
  kmsKeyId?: string;
}

/** One CORS rule of a bucket, as the S3 API states it. */
export interface CorsRule {
  origins: string[];
  methods: string[];
}

/** A bucket's default encryption: `AES256`, `aws:kms` (with its key) or the provider's own name. */
export interface BucketEncryption {
  algorithm: string;
  kmsKeyId?: string;
}

/** What a HEAD and a one-byte ranged GET of an existing object saw. */
export interface ObjectPeek {
  size: number;
  firstBytes: Uint8Array;
}

/** One answer of an IAM policy simulation (SimulatePrincipalPolicy). */
export interface SimulationResult {
  action: string;
  resource: string;
  decision: 'allowed' | 'implicitDeny' | 'explicitDeny';
}

/**
 * Read-only or self-cleaning operations the access checks need beyond the basics. A provider offers those its
 * service has; the checks a provider lacks are not run.
 */
export interface AccessProbes {
  /** Who the requests run as (ARN, service-account email, storage account); never a secret. */
  identity?(call?: CallOptions): Promise<string>;
  /** The bucket's region as the service reports it (`''` for us-east-1 on AWS). */
  location?(call?: CallOptions): Promise<string>;
  /** The bucket's CORS rules; empty when it has none. */
  cors?(call?: CallOptions): Promise<CorsRule[]>;
  /** The bucket's default encryption; undefined when none is configured. */
  encryption?(call?: CallOptions): Promise<BucketEncryption | undefined>;
  /** HEAD then GET of the first byte of an existing object: nothing more of someone else's data is read. */
  peek?(key: string, call?: CallOptions): Promise<ObjectPeek>;
  /** Starts a multipart upload of `key`; resolves with its upload id. */
  createMultipart?(key: string, call?: CallOptions): Promise<string>;
  abortMultipart?(key: string, uploadId: string, call?: CallOptions): Promise<void>;
  /** Sets the canned ACL `bucket-owner-full-control` on `key` (only ever on a probe object). */
  putAcl?(key: string, call?: CallOptions): Promise<void>;
  /** GCS bucket.testIamPermissions: the subset of `permissions` the caller holds, without side effects. */
  testPermissions?(permissions: readonly string[], call?: CallOptions): Promise<string[]>;
  /** The bucket policy JSON; undefined when the bucket has none. */
  bucketPolicy?(call?: CallOptions): Promise<string | undefined>;
  /** GETs a signed URL over plain HTTP, as a browser would (only the first byte with `firstByteOnly`). */
  fetchSigned?(url: string, call?: CallOptions & { firstByteOnly?: boolean }): Promise<Uint8Array>;
  /** IAM SimulatePrincipalPolicy for `roleArn`, with the bucket policy as the resource policy when given. */
  simulate?(roleArn: string, actions: readonly string[], resources: readonly string[], resourcePolicy: string | undefined, call?: CallOptions): Promise<SimulationResult[]>;
}

/** Failures are thrown as `StorageError` (src/core/access/errors.ts). */
export interface StorageClient extends AccessProbes {
  readonly provider: Provider;
  readonly bucket: string;
  list(options: ListOptions, call?: CallOptions): Promise<ListPage>;
  /** Creates `key` only if nothing exists there: live checks never overwrite. */
  putIfAbsent(key: string, body: Uint8Array, call?: PutOptions): Promise<void>;
  get(key: string, call?: CallOptions): Promise<Uint8Array>;
  delete(key: string, call?: CallOptions): Promise<void>;
  /** A URL anyone can GET `key` with for `expiresSeconds` (S3 presigned, GCS V4 signed, Azure SAS); no request is made. */
  signedUrl(key: string, expiresSeconds: number): Promise<string>;
}
