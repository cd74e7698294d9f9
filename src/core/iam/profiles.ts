// What each platform needs on its bucket, one entry per platform mode, each from the guide (../shared/seeds/) that
// states it; and the check of a set of policies against a profile for one bucket and folder: the matrix that
// `bucket-doctor explain` prints and the editor's CodeLens summarizes.
import { bucketArn, folderKeyPrefix, folderObjectsArn } from './arn';
import { evaluate, type DecisionValue, type PolicyInput, type RequestContext, type StatementRef } from './evaluate';

export type ProfileId = 'lse-persistence' | 'ls-source-storage' | 'lightly-input' | 'lightly-output' | 'arraylake' | 'labelbox-signed-urls';

export interface Guide {
  /** File under ../shared/seeds/. */
  seed: string;
  title: string;
}

export interface S3Need {
  action: string;
  /** The bucket ARN, or the objects under the folder. */
  on: 'bucket' | 'objects';
  /** False for what the platform can do without (the check still reports it). */
  required: boolean;
  why: string;
}

/** One Azure Blob operation: the service-SAS permission letter and the RBAC data action that allow it. */
export interface AzureNeed {
  operation: 'list' | 'read' | 'create' | 'write' | 'delete';
  sas: string;
  dataAction: string;
}

/** The trust policy a vendor's guide asks for when the vendor assumes a role in the customer's account. */
export interface TrustNeed {
  vendor: string;
  /** The vendor's AWS account. */
  account: string;
  /** The vendor identity that assumes the role, when the guide names it (else the account root stands in). */
  principalArn?: string;
  /** The guide requires an sts:ExternalId condition. */
  externalId: boolean;
  actions: readonly string[];
}

export interface Profile {
  id: ProfileId;
  title: string;
  guide: Guide;
  s3: readonly S3Need[];
  /** KMS actions on the bucket's key when objects are encrypted with SSE-KMS. */
  kms: { actions: readonly string[]; source: string };
  /** GCS permissions, when the guide covers GCS. */
  gcs?: readonly string[];
  /** Azure Blob operations, when the guide covers Azure. */
  azure?: readonly AzureNeed[];
  trust?: TrustNeed;
}

const guides = {
  lsePersistence: { seed: '000_c62fe385a6001e85.txt', title: 'Label Studio Enterprise: Set up persistent storage' },
  lsSecurity: { seed: '001_0c3aede02b281adf.txt', title: 'Label Studio: Secure access to cloud storages (source storage behind your VPC)' },
  lightly: { seed: '002_0a9002c8ee3ff4d3.txt', title: 'LightlyOne: AWS S3 datasource' },
  arraylake: { seed: '003_cbe500f48bceec88.txt', title: 'Arraylake: Managing storage (role-based access delegation)' },
  labelbox: { seed: '004_4fa620d6e53c7731.txt', title: 'Labelbox: Make URLs private (signed URLs, IP allow policy)' },
} satisfies Record<string, Guide>;

const need = (action: string, on: S3Need['on'], why: string, required = true): S3Need => ({ action, on, required, why });

// SSE-KMS: reading an encrypted object needs kms:Decrypt, writing one kms:GenerateDataKey (AWS S3 behaviour; the
// project's notes mark it general knowledge, domain.md §3.4).
const sseKms = (reads: boolean, writes: boolean) => ({
  actions: [...(reads ? ['kms:Decrypt'] : []), ...(writes ? ['kms:GenerateDataKey'] : [])],
  source: 'S3 server-side encryption with KMS: reads need kms:Decrypt, writes kms:GenerateDataKey',
});

const blobs = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs';
const azure = {
  list: { operation: 'list', sas: 'l', dataAction: `${blobs}/read` },
  read: { operation: 'read', sas: 'r', dataAction: `${blobs}/read` },
  create: { operation: 'create', sas: 'c', dataAction: `${blobs}/add/action` },
  write: { operation: 'write', sas: 'w', dataAction: `${blobs}/write` },
  delete: { operation: 'delete', sas: 'd', dataAction: `${blobs}/delete` },
} satisfies Record<string, AzureNeed>;

const lightlyTrust: TrustNeed = { vendor: 'LightlyOne', account: '916419735646', externalId: true, actions: ['sts:AssumeRole'] };

export const profiles: Readonly<Record<ProfileId, Profile>> = {
  'lse-persistence': {
    id: 'lse-persistence',
    title: 'Label Studio Enterprise persistence',
    guide: guides.lsePersistence,
    s3: [
      need('s3:ListBucket', 'bucket', 'lists the files under the folder'),
      need('s3:GetObject', 'objects', 'reads uploads, avatars and exports'),
      need('s3:PutObject', 'objects', 'stores uploads, avatars and exports'),
      need('s3:DeleteObject', 'objects', 'removes deleted uploads and exports'),
    ],
    kms: sseKms(true, true),
    gcs: ['storage.objects.list', 'storage.objects.get', 'storage.objects.create', 'storage.objects.delete'],
    azure: [azure.list, azure.read, azure.create, azure.write, azure.delete],
  },
  'ls-source-storage': {
    id: 'ls-source-storage',
    title: 'Label Studio source storage',
    guide: guides.lsSecurity,
    s3: [need('s3:ListBucket', 'bucket', 'storage sync lists the files to create tasks'), need('s3:GetObject', 'objects', 'reads JSON tasks and signs the media URLs browsers load')],
    kms: sseKms(true, false),
    gcs: ['storage.objects.list', 'storage.objects.get'],
    azure: [azure.list, azure.read],
    trust: { vendor: 'Label Studio (HumanSignal SaaS)', account: '490065312183', principalArn: 'arn:aws:iam::490065312183:user/rw_bucket', externalId: true, actions: ['sts:AssumeRole'] },
  },
  'lightly-input': {
    id: 'lightly-input',
    title: 'LightlyOne input bucket',
    guide: guides.lightly,
    s3: [need('s3:ListBucket', 'bucket', 'lists the input files (the one hard requirement)'), need('s3:GetObject', 'objects', 'reads the input files (the Worker may read them inside your network instead)')],
    kms: sseKms(true, false),
    trust: lightlyTrust,
  },
  'lightly-output': {
    id: 'lightly-output',
    title: 'LightlyOne bucket (predictions, metadata, thumbnails)',
    guide: guides.lightly,
    s3: [
      need('s3:ListBucket', 'bucket', 'lists its artifacts'),
      need('s3:GetObject', 'objects', 'reads its artifacts'),
      need('s3:PutObject', 'objects', 'writes crops, frames, thumbnails and metadata'),
      need('s3:DeleteObject', 'objects', 'replaces and removes its artifacts'),
    ],
    kms: { actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], source: 'the LightlyOne guide, "Server-Side Encryption with KMS"' },
    trust: lightlyTrust,
  },
  arraylake: {
    id: 'arraylake',
    title: 'Arraylake (role-based access delegation)',
    guide: guides.arraylake,
    s3: [
      need('s3:ListBucket', 'bucket', 'lists chunks and manifests'),
      need('s3:GetBucketLocation', 'bucket', 'finds the bucket region'),
      need('s3:GetBucketNotification', 'bucket', 'reads the bucket notifications'),
      need('s3:PutBucketNotification', 'bucket', 'sets up the bucket notifications'),
      need('s3:PutObject', 'objects', 'writes chunks'),
      need('s3:GetObject', 'objects', 'reads chunks'),
      need('s3:DeleteObject', 'objects', 'garbage-collects chunks'),
      need('s3:PutObjectAcl', 'objects', 'sets object ACLs'),
      need('s3:AbortMultipartUpload', 'objects', 'cleans up interrupted uploads'),
    ],
    kms: sseKms(true, true),
    trust: {
      vendor: 'Earthmover (Arraylake)',
      account: '842143331303',
      principalArn: 'arn:aws:iam::842143331303:role/EarthmoverSignerServiceRole-production',
      externalId: true,
      actions: ['sts:AssumeRole', 'sts:TagSession'],
    },
  },
  'labelbox-signed-urls': {
    id: 'labelbox-signed-urls',
    title: 'Labelbox signed URLs',
    guide: guides.labelbox,
    s3: [need('s3:GetObject', 'objects', 'the signed URLs read the files'), need('s3:ListBucket', 'bucket', 'lists the files to sign (not needed when the list comes from elsewhere)', false)],
    kms: sseKms(true, false),
  },
};

export const profileIds = Object.keys(profiles) as ProfileId[];

export function findProfile(id: string): Profile | undefined {
  return Object.hasOwn(profiles, id) ? profiles[id as ProfileId] : undefined;
}

/** The vendor accounts the guides name, for trust-policy checks (`916419735646` → LightlyOne). */
export const vendorAccounts: readonly TrustNeed[] = [...new Set(Object.values(profiles).flatMap((p) => p.trust ?? []))];

export interface ProfileTarget {
  bucket: string;
  /** The folder the platform uses ("" or omitted: the whole bucket). */
  prefix?: string;
  /** The bucket's SSE-KMS key: adds the profile's KMS actions on it. */
  kmsKeyArn?: string;
  /** The role a vendor assumes: adds the trust checks, evaluated on this ARN. */
  roleArn?: string;
  partition?: string;
}

export interface ProfileCheck {
  kind: 's3' | 'kms' | 'trust';
  action: string;
  resource: string;
  required: boolean;
  /** Context the platform's own request carries (s3:prefix when listing a folder). */
  context: RequestContext;
  /** The caller, for trust checks: the vendor identity. */
  principal?: string;
}

/**
 * The (action, resource) checks a profile needs on a bucket and folder: bucket-level actions on the bucket ARN
 * (ListBucket with `s3:prefix` = the folder, as Label Studio lists it), object actions on every object under the
 * folder, KMS actions on the key, and with `trust` the vendor's sts actions on the role.
 */
export function expandProfile(profile: Profile, target: ProfileTarget, trust = false): ProfileCheck[] {
  const folder = folderKeyPrefix(target.prefix ?? '');
  const checks: ProfileCheck[] = profile.s3.map((n) => {
    const onBucket = n.on === 'bucket';
    const resource = onBucket ? bucketArn(target.bucket, target.partition) : folderObjectsArn(target.bucket, folder, target.partition);
    const context: RequestContext = n.action === 's3:ListBucket' ? { 's3:prefix': folder === '' ? null : folder } : {};
    return { kind: 's3', action: n.action, resource, required: n.required, context };
  });
  if (target.kmsKeyArn) {
    for (const action of profile.kms.actions) checks.push({ kind: 'kms', action, resource: target.kmsKeyArn, required: true, context: {} });
  }
  if (trust && profile.trust) {
    const principal = profile.trust.principalArn ?? `arn:aws:iam::${profile.trust.account}:root`;
    for (const action of profile.trust.actions) checks.push({ kind: 'trust', action, resource: target.roleArn ?? '*', required: true, context: {}, principal });
  }
  return checks;
}

/** One cell of the matrix: `explain --format json` prints these (decidedBy as file, line, sid). */
export interface ProfileRow {
  kind: ProfileCheck['kind'];
  action: string;
  resource: string;
  required: boolean;
  decision: DecisionValue;
  conditionKeys: string[];
  /** The first deciding statement; null for an implicit deny. */
  decidedBy: StatementRef | null;
}

export interface CheckOptions {
  kmsKeyArn?: string;
  roleArn?: string;
  /** The caller for bucket policies (the deployment's role or user). */
  principal?: string;
  partition?: string;
}

// The platforms reach S3 over HTTPS, so a Deny on aws:SecureTransport = false does not apply to them.
const platformContext: RequestContext = { 'aws:SecureTransport': 'true' };

/**
 * Evaluates what `profile` needs on `bucket`/`prefix` against `policies` (identity, bucket and trust policies of
 * one account). `context` is the request context the caller knows (`aws:SourceIp`, `sts:ExternalId`…); keys it
 * leaves out make the rows that depend on them `conditional`. Trust rows appear when a trust policy is given.
 */
export function checkProfile(profile: Profile, bucket: string, prefix: string, policies: readonly PolicyInput[], context: RequestContext = {}, options: CheckOptions = {}): ProfileRow[] {
  const trust = policies.some((p) => (p.kind ?? p.policy.kind) === 'trust');
  const target: ProfileTarget = { bucket, prefix, ...options };
  return expandProfile(profile, target, trust).map((check) => {
    const principal = check.principal ?? options.principal;
    const request = { action: check.action, resource: check.resource, context: { ...platformContext, ...check.context, ...context }, ...(principal ? { principal } : {}) };
    const decision = evaluate(request, policies);
    return {
      kind: check.kind,
      action: check.action,
      resource: check.resource,
      required: check.required,
      decision: decision.decision,
      conditionKeys: decision.conditionKeys,
      decidedBy: decision.decidedBy[0] ?? null,
    };
  });
}
