// What the editor shows above a policy: the profile check of the policy on one bucket and folder (by default the
// first configured bucket it applies to, else the first bucket it names), and the choices it can switch to.
import type { SourceFile, Workspace } from '../workspace';
import { bucketsOfPolicy, bucketTargets, namedTarget, policySet, type BucketTarget } from './policy-buckets';
import { matrixMarkdown, placeLabel, summaryLine } from './profile-summary';
import { checkProfile, findProfile, profileIds, type Profile, type ProfileRow } from './profiles';

/** A bucket, folder and profile to judge the policy by. */
export interface LensChoice {
  bucket: string;
  prefix: string;
  profileId: string;
}

export interface PolicyLens {
  choice: LensChoice;
  profile: Profile;
  /** The policies judged together (workspace-relative paths). */
  files: string[];
  rows: ProfileRow[];
  /** `Label Studio Enterprise persistence on my-bucket/media/: List ✓ Get ✓ Put ✗ Delete ✗`. */
  title: string;
  /** The full matrix as Markdown. */
  markdown: string;
}

/** The buckets the lens can be pointed at: those the policy applies to first, then the other configured ones. */
function candidates(workspace: Workspace, file: SourceFile): BucketTarget[] {
  const own = bucketsOfPolicy(workspace, file);
  const others = bucketTargets(workspace).filter((t) => !own.includes(t));
  const named = own.length === 0 ? namedTarget(workspace, file) : undefined;
  return [...own, ...(named ? [named] : []), ...others];
}

/** Every (bucket, folder, profile) the lens can show, the bucket's own profile first. */
export function lensChoices(workspace: Workspace, file: SourceFile): LensChoice[] {
  return candidates(workspace, file).flatMap((t) => [t.profileId, ...profileIds.filter((id) => id !== t.profileId)].map((profileId) => ({ bucket: t.bucket, prefix: t.prefix, profileId })));
}

export function choiceLabel(choice: LensChoice): string {
  return `${findProfile(choice.profileId)?.title ?? choice.profileId} on ${placeLabel(choice.bucket, choice.prefix)}`;
}

/** The lens of an identity or bucket policy for `choice` (default: the first candidate); undefined for trust policies or when no bucket is known. */
export function policyLens(workspace: Workspace, file: SourceFile, choice?: LensChoice): PolicyLens | undefined {
  const policy = workspace.policy(file);
  if (policy.kind === 'trust' || policy.statements.length === 0) return undefined;
  const all = candidates(workspace, file);
  const picked = choice ?? (all[0] && { bucket: all[0].bucket, prefix: all[0].prefix, profileId: all[0].profileId });
  const profile = picked && findProfile(picked.profileId);
  if (!picked || !profile) return undefined;
  const target = all.find((t) => t.bucket === picked.bucket && t.prefix === picked.prefix);
  // A configured bucket is judged with the policies that go with it; any other bucket with this policy alone.
  const inputs = target && bucketTargets(workspace).includes(target) ? policySet(workspace, file, target) : [{ file: file.path, policy }];
  const roleArn = target?.roleArn;
  const rows = checkProfile(profile, picked.bucket, picked.prefix, inputs, {}, roleArn ? { principal: roleArn } : {});
  const files = inputs.map((i) => i.file);
  return { choice: picked, profile, files, rows, title: summaryLine(profile, picked.bucket, picked.prefix, rows), markdown: matrixMarkdown(profile, picked.bucket, picked.prefix, files, rows) };
}
