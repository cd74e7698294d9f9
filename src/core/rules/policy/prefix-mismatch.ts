import { bucketArn, folderKeyPrefix, folderObjectsArn } from '../../iam/arn';
import type { Located, Policy, Statement } from '../../iam/policy';
import { actionAppliesTo } from '../../iam/catalog';
import { arnLocation, bucketsOfPolicy } from '../../iam/policy-buckets';
import { hasWildcard, Wildcard } from '../../iam/wildcard';
import type { Fix, TextEdit } from '../../model';
import type { SourceFile, Workspace } from '../../workspace';
import { fix, replace } from '../fixes';
import type { Report, Rule } from '../rule';
import { targetLabel } from './bucket-checks';
import { jsonString } from './json-edits';
import { whole } from './located';
import { actionsNamed, memoize } from './memo';
import { addConditionEntry, memberOf, replaceValue } from './statement-edits';

// Listing actions that take the bucket ARN and narrow to a folder with s3:prefix.
const listActions = new Set(['s3:listbucket', 's3:listbucketversions']);

/** Whether an Action entry is a listing action (IAM compares actions case-insensitively). */
const isListing = memoize((action: string) => listActions.has(action.toLowerCase()));

/** The folder an object ARN's key names before its first wildcard (`projects/cats/*` → `projects/cats/`); "" for none. */
function keyFolder(key: string): string {
  const cut = key.search(/[*?]/);
  return cut === -1 ? key : key.slice(0, cut);
}

const isAllow = (s: Statement) => s.effect?.value === 'Allow';

/** Whether the statement grants some object action the profile needs (its object ARNs are then about the folder). */
function grantsObjectNeeds(statement: Statement, needs: readonly string[]): boolean {
  return (statement.action ?? []).some((a) => actionsNamed(a.value).some((action) => needs.includes(action.id)));
}

/** Object ARNs of `bucket` in Allow statements that grant object needs, none of which covers the folder. */
function folderProblems(workspace: Workspace, file: SourceFile, policy: Policy, report: (r: Report) => void): void {
  for (const target of bucketsOfPolicy(workspace, file)) {
    const needs = target.profile?.s3.filter((n) => n.on === 'objects').map((n) => n.action) ?? [];
    const folder = folderKeyPrefix(target.prefix);
    const wanted = new Wildcard(folderObjectsArn(target.bucket, folder));
    const arns: Located[] = [];
    for (const s of policy.statements) {
      if (!isAllow(s)) continue;
      const mine = (s.resource ?? []).filter((r) => {
        const location = r.type === 'string' ? arnLocation(r.value) : undefined;
        return location?.bucket === target.bucket && location.key !== undefined;
      });
      // Resources first: most statements are about other buckets, and asking about their actions costs more.
      if (mine.length > 0 && grantsObjectNeeds(s, needs)) arns.push(...mine);
    }
    if (arns.length === 0 || arns.some((r) => new Wildcard(r.value).covers(wanted))) continue;
    const right = folderObjectsArn(target.bucket, folder);
    for (const arn of arns) {
      const covered = keyFolder(arnLocation(arn.value)!.key!);
      report({
        ...whole(arn),
        message: `${arn.value} covers ${covered ? `objects under ${covered}` : 'only the objects it names'}, but the platform keeps its files under ${folder || 'the whole bucket'} (${targetLabel(target)}): its reads and writes there are denied. Use ${right}.`,
        fixes: arn.length === arn.value.length ? [fix(`Use ${right}`, [replace(arn.offset, arn.offset + arn.length, right)], true)] : [],
      });
    }
  }
}

/** Listing on a folder's object ARN grants nothing; the fix lists on the bucket ARN, narrowed by s3:prefix. */
function listingFix(file: SourceFile, statement: Statement, bucket: string, folders: readonly string[]): Fix | undefined {
  const onlyListing = (statement.action ?? []).every((a) => isListing(a.value));
  const buckets = new Set((statement.resource ?? []).map((r) => arnLocation(r.value)?.bucket));
  const resource = memberOf(statement, 'Resource');
  if (!onlyListing || statement.condition || buckets.size !== 1 || !resource) return undefined;
  const edits = [replaceValue(resource, jsonString(bucketArn(bucket))), addConditionEntry(file, statement, 'StringLike', 's3:prefix', `[${folders.map((f) => jsonString(`${f}*`)).join(', ')}]`)];
  if (edits.some((e) => e === undefined)) return undefined;
  return fix(`List on ${bucketArn(bucket)} with an s3:prefix condition`, edits as TextEdit[], true);
}

/** Whether an action of the statement other than listing can apply to `arn`. */
function servesOtherActions(statement: Statement, arn: string): boolean {
  return (statement.action ?? []).some((a) => !isListing(a.value) && actionsNamed(a.value).some((action) => actionAppliesTo(action, arn)));
}

function listingProblems(file: SourceFile, policy: Policy, report: (r: Report) => void): void {
  for (const statement of policy.statements.filter(isAllow)) {
    const listing = (statement.action ?? []).find((a) => a.type === 'string' && !hasWildcard(a.value) && isListing(a.value));
    if (!listing) continue;
    const onFolders: { arn: Located; bucket: string; folder: string }[] = [];
    for (const r of statement.resource ?? []) {
      const location = arnLocation(r.value);
      const folder = location?.key === undefined ? '' : keyFolder(location.key);
      // A folder ARN that serves the statement's object actions is no listing mistake (action-resource-mismatch covers the listing).
      if (location && folder !== '' && !hasWildcard(location.bucket) && !servesOtherActions(statement, r.value)) onFolders.push({ arn: r, bucket: location.bucket, folder });
    }
    const folders = [...new Set(onFolders.map((f) => f.folder))];
    for (const { arn, bucket, folder } of onFolders) {
      const condition = `"Resource": "${bucketArn(bucket)}", "Condition": {"StringLike": {"s3:prefix": ["${folder}*"]}}`;
      const fixed = listingFix(file, statement, bucket, folders);
      report({
        ...whole(arn),
        message: `${listing.value} never applies to an object ARN such as ${arn.value}, so this grants no listing of ${folder}. A folder's listing is granted on the bucket ARN and narrowed by prefix: ${condition}.`,
        fixes: fixed ? [fixed] : [],
      });
    }
  }
}

export const prefixMismatch: Rule = {
  id: 'policy/prefix-mismatch',
  title: 'Object ARNs miss the configured folder, or listing is granted on a folder ARN',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    if (policy.kind === 'trust') return;
    folderProblems(workspace, file, policy, report);
    listingProblems(file, policy, report);
  },
};
