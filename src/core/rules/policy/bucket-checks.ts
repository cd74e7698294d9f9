// What the access rules share: the profile check of a policy (with the policies judged beside it) on each
// configured bucket it applies to, computed once per workspace snapshot, and how messages name the bucket.
import type { Policy } from '../../iam/policy';
import { bucketsOfPolicy, policySet, type BucketTarget } from '../../iam/policy-buckets';
import { placeLabel } from '../../iam/profile-summary';
import { checkProfile, type Profile, type ProfileRow } from '../../iam/profiles';
import type { SourceFile, Workspace } from '../../workspace';
import { whole, type Where } from './located';

export interface BucketCheck {
  target: BucketTarget;
  profile: Profile;
  /** Workspace-relative paths of the policies judged together. */
  files: string[];
  rows: ProfileRow[];
}

/** The profile check of `file` on every configured bucket it applies to whose profile is known. */
export function bucketChecks(workspace: Workspace, file: SourceFile): BucketCheck[] {
  return workspace.memo(`policy-access:${file.path}`, () => {
    if (workspace.policy(file).kind === 'trust') return [];
    return bucketsOfPolicy(workspace, file).flatMap((target) => {
      const { profile } = target;
      if (!profile) return [];
      const inputs = policySet(workspace, file, target);
      // A KMS key that is no ARN (a bare key id) cannot be matched against policy resources.
      const kmsKeyArn = target.kmsKeyArn?.startsWith('arn:') ? target.kmsKeyArn : undefined;
      const rows = checkProfile(profile, target.bucket, target.prefix, inputs, {}, { ...(kmsKeyArn ? { kmsKeyArn } : {}), ...(target.roleArn ? { principal: target.roleArn } : {}) });
      return [{ target, profile, files: inputs.map((i) => i.file), rows }];
    });
  });
}

/** `acme-labeling-prod/lse/ (lse-values.yaml)`. */
export function targetLabel(target: BucketTarget): string {
  return `${placeLabel(target.bucket, target.prefix)} (${target.ref.file})`;
}

/** Where findings about the policy as a whole go: its `Statement` key (else the start of the file). */
export function policyHead(policy: Policy): Where {
  const statement = policy.members.find((m) => m.name === 'Statement');
  return statement ? whole(statement) : { start: 0, end: 1 };
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
