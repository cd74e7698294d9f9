// Which live checks a profile needs on a protocol, and what each must wait for. Independent checks run at once; a
// check lists in `after` the checks whose results it needs (the probe must exist before it is read back).
import type { Profile } from '../iam/profiles';

/** How the bucket is spoken to: GCS through its S3-interoperable endpoint (HMAC keys) is `s3`. */
export type Protocol = 's3' | 'gcs' | 'azure';

export interface PlannedCheck {
  /** The report's operation id (`list`, `put`, …; see CheckRow.operation). */
  operation: string;
  /** The IAM action / GCS permission / Azure data action the check exercises. */
  action: string;
  required: boolean;
  /** Operations that must have finished before this one starts. */
  after: readonly string[];
  /** Requests the check makes one after another (delete, then confirm it is gone: 2). */
  requests: number;
}

export interface PlanInput {
  protocol: Protocol;
  profile: Profile;
  /** The Label Studio origin browsers load presigned URLs from: the CORS check asks about it. */
  corsOrigin?: string;
  /** The deployment's own role (IRSA annotation, roleArn): its permissions are simulated. */
  roleArn?: string;
  /** Whether the checks may ask who they run as (STS GetCallerIdentity, the service account, the storage account). */
  identity: boolean;
}

const blobs = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs';

/** The permission or data action standing for each S3 action the profiles name, per protocol. */
const actionNames: Readonly<Record<Protocol, Readonly<Record<string, string>>>> = {
  s3: {},
  gcs: {
    's3:ListBucket': 'storage.objects.list',
    's3:GetObject': 'storage.objects.get',
    's3:PutObject': 'storage.objects.create',
    's3:DeleteObject': 'storage.objects.delete',
  },
  azure: {
    's3:ListBucket': `${blobs}/read`,
    's3:GetObject': `${blobs}/read`,
    's3:PutObject': `${blobs}/write`,
    's3:DeleteObject': `${blobs}/delete`,
  },
};

/** Profiles whose data browsers load through presigned URLs: CORS and the presigned GET matter to them. */
const servesBrowsers: ReadonlySet<string> = new Set(['lse-persistence', 'ls-source-storage', 'labelbox-signed-urls']);

/** Whether the profile writes objects (then probes are written; otherwise nothing is). */
export function profileWrites(profile: Profile): boolean {
  return profile.s3.some((n) => n.action === 's3:PutObject');
}

export function accessPlan(input: PlanInput): PlannedCheck[] {
  const { protocol, profile } = input;
  const need = (action: string) => profile.s3.find((n) => n.action === action);
  const name = (action: string) => actionNames[protocol][action] ?? action;
  const required = (action: string) => need(action)?.required ?? false;
  const check = (operation: string, action: string, req: boolean, after: readonly string[] = [], requests = 1): PlannedCheck => ({ operation, action, required: req, after, requests });
  const plan: PlannedCheck[] = [];
  const s3 = protocol === 's3';

  if (input.identity) plan.push(check('identity', s3 ? 'sts:GetCallerIdentity' : protocol === 'gcs' ? 'service account' : 'storage account', false));
  if (s3) plan.push(check('location', 's3:GetBucketLocation', required('s3:GetBucketLocation')));
  if (protocol === 'gcs') plan.push(check('test-permissions', 'storage.buckets.testIamPermissions', true));
  plan.push(check('list', name('s3:ListBucket'), need('s3:ListBucket')?.required ?? true));
  if (s3 && servesBrowsers.has(profile.id)) plan.push(check('cors', 's3:GetBucketCORS', false));
  if (s3) plan.push(check('encryption', 's3:GetEncryptionConfiguration', false));

  const presigned = servesBrowsers.has(profile.id);
  if (profileWrites(profile)) {
    plan.push(check('put', name('s3:PutObject'), required('s3:PutObject')));
    plan.push(check('get', name('s3:GetObject'), required('s3:GetObject'), ['put']));
    const beforeDelete = ['get'];
    if (presigned) {
      plan.push(check('presigned-get', name('s3:GetObject'), true, ['put']));
      beforeDelete.push('presigned-get');
    }
    if (s3 && need('s3:PutObjectAcl')) {
      plan.push(check('acl', 's3:PutObjectAcl', required('s3:PutObjectAcl'), ['put']));
      beforeDelete.push('acl');
    }
    // Delete, then confirm the probe is gone.
    plan.push(check('delete', name('s3:DeleteObject'), required('s3:DeleteObject'), beforeDelete, 2));
    if (s3 && need('s3:AbortMultipartUpload')) plan.push(check('multipart', 's3:AbortMultipartUpload', required('s3:AbortMultipartUpload'), [], 2));
    // A probe written with the KMS key (from the configuration, or the bucket's default), then deleted.
    if (s3) plan.push(check('kms-put', 'kms:GenerateDataKey', true, ['encryption'], 2));
  } else {
    // HEAD and the first byte of one object the list found: read-only profiles never write.
    plan.push(check('read-existing', name('s3:GetObject'), required('s3:GetObject'), ['list'], 2));
    if (presigned) plan.push(check('presigned-get', name('s3:GetObject'), true, ['list']));
  }
  // GetBucketPolicy, then SimulatePrincipalPolicy with it as the resource policy.
  if (s3 && input.roleArn) plan.push(check('simulate', 'iam:SimulatePrincipalPolicy', false, [], 2));
  return plan;
}

/** Requests on the longest path of dependent checks: the least time a run can take, in round trips. */
export function longestChain(plan: readonly PlannedCheck[]): number {
  const byOperation = new Map(plan.map((c) => [c.operation, c]));
  const memo = new Map<string, number>();
  const depth = (c: PlannedCheck): number => {
    const known = memo.get(c.operation);
    if (known !== undefined) return known;
    const before = Math.max(0, ...c.after.map((op) => byOperation.get(op)).filter((p): p is PlannedCheck => p !== undefined).map(depth));
    memo.set(c.operation, before + c.requests);
    return before + c.requests;
  };
  return Math.max(0, ...plan.map(depth));
}
