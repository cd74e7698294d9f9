// Which configured S3 buckets a policy file is for, and which policies are judged together for a bucket: the one
// place the access rules, the CodeLens and the CLI learn it from. A policy applies to the configured buckets its
// Resource ARNs name, or that list it under `policies` in .bucket-doctor.json (paths relative to that file).
import { posix } from 'node:path';
import { defaultProfile } from '../buckets';
import type { BucketRef } from '../model';
import { valueOf } from '../sources/env-file';
import type { SourceFile, Workspace } from '../workspace';
import { bucketArn, folderKeyPrefix, objectArn, s3Location, type S3Location } from './arn';
import { actionAppliesTo, actionsMatching } from './catalog';
import type { PolicyInput } from './evaluate';
import type { Policy, Statement } from './policy';
import { findProfile, type Profile } from './profiles';
import { hasWildcard, wildcardMatch } from './wildcard';

/** A configured S3 bucket and folder with the profile it is judged by. */
export interface BucketTarget {
  bucket: string;
  /** The folder as configured ("" for the whole bucket). */
  prefix: string;
  profileId: string;
  /** Undefined when the profile id is unknown (the config rules report it). */
  profile?: Profile;
  /** The first definition (values, env or .bucket-doctor.json). */
  ref: BucketRef;
  roleArn?: string;
  kmsKeyArn?: string;
  /** Where the KMS key is configured, for messages (`lse-values.yaml`). */
  kmsSource?: string;
}

// Bucket names with fill-in markers or spaces name nothing real yet.
const usableName = /^[A-Za-z0-9._-]+$/;

/** The Lightly Worker's SSE-KMS key variable (LightlyOne guide, "Server-Side Encryption with KMS"). */
const lightlyKmsVariable = 'LIGHTLY_S3_SSE_KMS_KEY';

/** The key LIGHTLY_S3_SSE_KMS_KEY names in an env file of the workspace, if any. */
function lightlyKmsKey(workspace: Workspace): { arn: string; file: string } | undefined {
  for (const file of workspace.files.filter((f) => f.kind === 'env')) {
    const entry = workspace.env(file).entries.find((e) => e.name === lightlyKmsVariable);
    const value = entry && valueOf(entry, workspace.envReader(file)).trim();
    if (value) return { arn: value, file: file.path };
  }
  return undefined;
}

/** The configured S3 buckets, once per bucket, folder and profile (a later definition only completes an earlier one). */
export function bucketTargets(workspace: Workspace): BucketTarget[] {
  return workspace.memo('policy-buckets:targets', () => {
    const lightlyKey = lightlyKmsKey(workspace);
    const seen = new Set<string>();
    const targets: BucketTarget[] = [];
    const refs = workspace.buckets();
    // A .bucket-doctor.json entry for a bucket other files define has completed those definitions already.
    const isConfig = (ref: BucketRef) => workspace.get(ref.file)?.kind === 'config';
    const defined = new Set(refs.filter((r) => !isConfig(r)).map((r) => `${r.provider}:${r.name}`));
    for (const ref of refs) {
      if (ref.provider !== 's3' || !usableName.test(ref.name) || (isConfig(ref) && defined.has(`s3:${ref.name}`))) continue;
      const key = `${ref.name}\n${folderKeyPrefix(ref.folder)}\n${ref.profile}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target: BucketTarget = { bucket: ref.name, prefix: ref.folder, profileId: ref.profile || defaultProfile, ref };
      const profile = findProfile(target.profileId);
      if (profile) target.profile = profile;
      if (ref.roleArn) target.roleArn = ref.roleArn;
      if (ref.kmsKeyArn) Object.assign(target, { kmsKeyArn: ref.kmsKeyArn, kmsSource: ref.file });
      else if (lightlyKey && target.profileId.startsWith('lightly-')) Object.assign(target, { kmsKeyArn: lightlyKey.arn, kmsSource: lightlyKey.file });
      targets.push(target);
    }
    return targets;
  });
}

/** Policy paths each bucket name lists in .bucket-doctor.json, resolved against the config file's folder. */
function listedPolicies(workspace: Workspace): Map<string, Set<string>> {
  return workspace.memo('policy-buckets:listed', () => {
    const listed = new Map<string, Set<string>>();
    for (const file of workspace.files.filter((f) => f.kind === 'config')) {
      const dir = posix.dirname(file.path);
      for (const bucket of workspace.bucketConfig(file).buckets) {
        if (bucket.provider !== 's3') continue;
        const paths = listed.get(bucket.name) ?? new Set<string>();
        for (const path of bucket.policies ?? []) paths.add(posix.normalize(posix.join(dir, path)));
        listed.set(bucket.name, paths);
      }
    }
    return listed;
  });
}

/** Whether `.bucket-doctor.json` lists `file` under the policies of `bucket`. */
export function listsPolicy(workspace: Workspace, bucket: string, file: SourceFile): boolean {
  return listedPolicies(workspace).get(bucket)?.has(file.path) ?? false;
}

const reaches = new Map<string, boolean>();

/** Whether some action of the entry can apply to a bucket or object ARN (so `"Resource": "*"` reaches buckets). */
function reachesBuckets(pattern: string): boolean {
  let answer = reaches.get(pattern);
  if (answer === undefined) {
    answer = actionsMatching(pattern).some((a) => actionAppliesTo(a, bucketArn('b')) || actionAppliesTo(a, objectArn('b', 'k')));
    if (reaches.size < 10_000) reaches.set(pattern, answer);
  }
  return answer;
}

const locations = new Map<string, S3Location | null>();

/** `s3Location` remembered per ARN string: policies repeat the same few ARNs across thousands of statements. */
export function arnLocation(arn: string): S3Location | undefined {
  let location = locations.get(arn);
  if (location === undefined) {
    location = s3Location(arn) ?? null;
    if (locations.size >= 10_000) locations.clear();
    locations.set(arn, location);
  }
  return location ?? undefined;
}

/** Whether the statement's Resource names `bucket` (its ARN or its objects), or is `*` with S3 bucket or object actions. */
export function statementNamesBucket(statement: Statement, bucket: string): boolean {
  return (statement.resource ?? []).some((r) => {
    if (r.value === '*') return (statement.action ?? []).some((a) => reachesBuckets(a.value));
    const location = arnLocation(r.value);
    return location !== undefined && (location.bucket === bucket || (hasWildcard(location.bucket) && wildcardMatch(location.bucket, bucket)));
  });
}

/** The configured buckets `file` applies to. */
export function bucketsOfPolicy(workspace: Workspace, file: SourceFile): BucketTarget[] {
  return workspace.memo(`policy-buckets:of:${file.path}`, () => {
    const targets = bucketTargets(workspace);
    if (targets.length === 0) return [];
    const policy = workspace.policy(file);
    return targets.filter((t) => listsPolicy(workspace, t.bucket, file) || policy.statements.some((s) => statementNamesBucket(s, t.bucket)));
  });
}

interface PolicyFile {
  file: SourceFile;
  policy: Policy;
}

function policyFiles(workspace: Workspace): PolicyFile[] {
  return workspace.files.filter((f) => f.kind === 'policy').map((file) => ({ file, policy: workspace.policy(file) }));
}

const input = ({ file, policy }: PolicyFile): PolicyInput => ({ file: file.path, policy });

/**
 * The identity and bucket policies judged together with `file` for `target`: the file itself, the bucket policies
 * naming the bucket, and the identity policies .bucket-doctor.json lists beside it. Identity policies that only name
 * the bucket are alternatives as far as Bucket Doctor knows, so an identity policy is judged without them; a bucket
 * policy is judged with them (it can only add denies to what they grant).
 */
export function policySet(workspace: Workspace, file: SourceFile, target: BucketTarget): PolicyInput[] {
  const all = policyFiles(workspace).filter((p) => p.policy.kind !== 'trust');
  const listed = all.filter((p) => listsPolicy(workspace, target.bucket, p.file));
  const applies = (p: PolicyFile) => listsPolicy(workspace, target.bucket, p.file) || p.policy.statements.some((s) => statementNamesBucket(s, target.bucket));
  const bucketPolicies = all.filter((p) => p.policy.kind === 'resource' && applies(p));
  const self = all.find((p) => p.file === file);
  if (!self) return [];
  let identities: PolicyFile[];
  if (self.policy.kind === 'identity') identities = listed.some((p) => p.file === file) ? listed.filter((p) => p.policy.kind === 'identity') : [self];
  else identities = listed.some((p) => p.policy.kind === 'identity') ? listed.filter((p) => p.policy.kind === 'identity') : all.filter((p) => p.policy.kind === 'identity' && applies(p));
  return [...new Set([...identities, ...bucketPolicies])].map(input);
}

/**
 * The bucket a policy is shown against when the workspace configures none it applies to: the first bucket its S3
 * ARNs name literally, judged by the default profile on the whole bucket.
 */
export function namedTarget(workspace: Workspace, file: SourceFile): BucketTarget | undefined {
  for (const statement of workspace.policy(file).statements) {
    for (const r of statement.resource ?? []) {
      const bucket = s3Location(r.value)?.bucket;
      if (!bucket || !usableName.test(bucket)) continue;
      const ref: BucketRef = { provider: 's3', name: bucket, folder: '', auth: 'unknown', profile: defaultProfile, file: file.path, range: file.lines.range(r.offset, r.offset + r.length) };
      const profile = findProfile(defaultProfile);
      return { bucket, prefix: '', profileId: defaultProfile, ...(profile ? { profile } : {}), ref };
    }
  }
  return undefined;
}
