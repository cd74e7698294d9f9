// What the Buckets view shows before anything is listed: the workspace's buckets grouped by provider, each with every
// place that defines or references it, conflicts between the files of one deployment folder, and the buckets only
// policies name. Built from the files alone: no network.
import { posix } from 'node:path';
import { bucketKey } from './access/report-view';
import { arnLocation } from './iam/policy-buckets';
import type { AuthMode, BucketRef, Provider } from './model';
import { nameViolations } from './naming';
import type { Workspace } from './workspace';

/** How a place has to do with the bucket: a deployment file sets it, `.bucket-doctor.json` completes it, a policy names it. */
export type PlaceRole = 'defines' | 'completes' | 'policy';

export interface BucketPlace {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  role: PlaceRole;
}

export interface TreeBucket {
  /** Stable across rescans while the bucket keeps its provider and name: `bucket:s3:acme`. */
  id: string;
  /** The definition actions use: the first in file order, completed by `.bucket-doctor.json`. */
  ref: BucketRef;
  places: BucketPlace[];
}

export interface ConflictingBucket {
  provider: Provider;
  name: string;
  file: string;
  line: number;
}

/** Two files of one deployment folder configure different buckets. */
export interface TreeConflict {
  id: string;
  /** The deployment folder ("" for the workspace root). */
  folder: string;
  buckets: ConflictingBucket[];
}

/** An S3 bucket some policy names that no deployment file or `.bucket-doctor.json` configures. */
export interface PolicyOnlyBucket {
  id: string;
  name: string;
  places: BucketPlace[];
}

export interface ProviderGroup {
  provider: Provider;
  buckets: TreeBucket[];
}

export interface BucketTree {
  groups: ProviderGroup[];
  conflicts: TreeConflict[];
  policyOnly: PolicyOnlyBucket[];
}

const providerOrder: readonly Provider[] = ['s3', 'gcs', 'azure'];

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every S3 bucket a policy's Resource ARNs name literally, with where (placeholders and wildcards name none). */
function policyBuckets(workspace: Workspace): Map<string, BucketPlace[]> {
  const named = new Map<string, BucketPlace[]>();
  for (const file of workspace.files.filter((f) => f.kind === 'policy')) {
    for (const statement of workspace.policy(file).statements) {
      for (const resource of statement.resource ?? []) {
        const name = arnLocation(resource.value)?.bucket;
        if (!name || nameViolations('s3', 'bucket', name).length > 0) continue;
        const { line, column } = file.lines.position(resource.offset);
        const places = named.get(name) ?? [];
        // One place per statement line is enough for a tooltip; a policy repeats its bucket in many ARNs.
        if (!places.some((p) => p.file === file.path && p.line === line)) places.push({ file: file.path, line, column, role: 'policy' });
        named.set(name, places);
      }
    }
  }
  return named;
}

/** Definitions in one folder's values and env files that name different buckets. */
function conflicts(workspace: Workspace, refs: readonly BucketRef[]): TreeConflict[] {
  const byFolder = new Map<string, BucketRef[]>();
  for (const ref of refs) {
    if (workspace.get(ref.file)?.kind === 'config') continue;
    const folder = posix.dirname(ref.file) === '.' ? '' : posix.dirname(ref.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ref]);
  }
  const found: TreeConflict[] = [];
  for (const [folder, defined] of byFolder) {
    if (new Set(defined.map((r) => bucketKey(r.provider, r.name))).size < 2) continue;
    const buckets = defined.map((r) => ({ provider: r.provider, name: r.name, file: r.file, line: r.range.start.line })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    found.push({ id: `conflict:${folder}`, folder, buckets });
  }
  return found.sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

export function bucketTree(workspace: Workspace): BucketTree {
  const refs = workspace.buckets();
  const buckets = new Map<string, TreeBucket>();
  for (const ref of refs) {
    const key = bucketKey(ref.provider, ref.name);
    const role: PlaceRole = workspace.get(ref.file)?.kind === 'config' ? 'completes' : 'defines';
    const place = { file: ref.file, line: ref.range.start.line, column: ref.range.start.column, role };
    const known = buckets.get(key);
    if (!known) {
      buckets.set(key, { id: `bucket:${key}`, ref, places: [place] });
      continue;
    }
    known.places.push(place);
    // A later definition that knows how the deployment authenticates is better than one that does not.
    if (known.ref.auth === 'unknown' && ref.auth !== 'unknown') known.ref = { ...ref };
  }
  const policyOnly: PolicyOnlyBucket[] = [];
  for (const [name, places] of policyBuckets(workspace)) {
    const configured = buckets.get(bucketKey('s3', name));
    if (configured) configured.places.push(...places);
    else policyOnly.push({ id: `policy-bucket:${name}`, name, places });
  }
  const groups = providerOrder
    .map((provider) => ({ provider, buckets: [...buckets.values()].filter((b) => b.ref.provider === provider).sort((a, b) => byName(a.ref, b.ref)) }))
    .filter((g) => g.buckets.length > 0);
  return { groups, conflicts: conflicts(workspace, refs), policyOnly: policyOnly.sort(byName) };
}

/** The words a bucket node is described with; English here, the extension passes its translations. */
export interface BucketLabels {
  providers: Readonly<Record<Provider, string>>;
  auth: Readonly<Record<AuthMode, string>>;
  roles: Readonly<Record<PlaceRole, string>>;
  /** `{0}` is the AWS profile live checks use, shown when no deployment file says how the bucket authenticates. */
  awsProfile: string;
  /** `{0}` is the folder path, `{1}` the bucket names with their files. */
  conflict: string;
}

export const englishBucketLabels: BucketLabels = {
  providers: { s3: 'Amazon S3', gcs: 'Google Cloud Storage', azure: 'Azure Blob Storage' },
  auth: {
    'irsa-role': 'IRSA role',
    'access-keys': 'access keys',
    'existing-secret': 'existing secret',
    'node-role': 'node role',
    'workload-identity': 'workload identity',
    'key-json': 'key JSON',
    'account-key': 'account key',
    sas: 'SAS',
    'connection-string': 'connection string',
    hmac: 'HMAC keys',
    unknown: 'auth not set',
  },
  roles: { defines: 'defines', completes: 'completes', policy: 'policy names it' },
  awsProfile: 'AWS profile {0}',
  conflict: 'The deployment in {0} configures different buckets: {1}',
};

/** Where the bucket lives: the endpoint's host for S3-compatible services, else the region. */
export function bucketWhere(ref: BucketRef): string | undefined {
  if (ref.endpoint) {
    try {
      return new URL(ref.endpoint).host;
    } catch {
      return ref.endpoint;
    }
  }
  return ref.region ?? ref.account;
}

/**
 * The node's description: folder, region or endpoint, auth mode and requirement profile. A bucket only
 * `.bucket-doctor.json` names has no auth mode; the AWS profile it gives for live checks says more than "auth not set".
 */
export function bucketDescription(ref: BucketRef, labels: BucketLabels = englishBucketLabels): string {
  const auth = ref.auth === 'unknown' && ref.provider === 's3' && ref.awsProfile ? labels.awsProfile.replace('{0}', ref.awsProfile) : labels.auth[ref.auth];
  return [ref.folder, bucketWhere(ref), auth, ref.profile].filter(Boolean).join(' · ');
}

/** A place as one line: `lse-values.yaml:14 (defines)`. */
export function placeText(place: BucketPlace, labels: BucketLabels = englishBucketLabels): string {
  return `${place.file}:${place.line} (${labels.roles[place.role]})`;
}

export function conflictText(conflict: TreeConflict, labels: BucketLabels = englishBucketLabels): string {
  const names = conflict.buckets.map((b) => `${b.name} (${b.file}:${b.line})`).join(', ');
  return labels.conflict.replace('{0}', conflict.folder || '.').replace('{1}', names);
}
