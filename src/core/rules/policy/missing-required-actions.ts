import { bucketArn, folderKeyPrefix, folderObjectsArn } from '../../iam/arn';
import type { Policy } from '../../iam/policy';
import type { Fix } from '../../model';
import type { SourceFile } from '../../workspace';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { bucketChecks, listText, policyHead, targetLabel, type BucketCheck } from './bucket-checks';
import { jsonString, sidsOf, unusedSid } from './json-edits';
import { hasPlaceholder } from './placeholders';
import { appendStatements, jsonList } from './statement-edits';

/**
 * One new statement per ARN the missing actions apply to (the bucket, the objects under the folder); listing limited
 * to the folder with `s3:prefix` when listing is all the bucket statement grants. A bucket policy needs the
 * deployment's role as Principal, so without one there is no fix.
 */
function addFix(file: SourceFile, policy: Policy, check: BucketCheck, missing: readonly string[]): Fix | undefined {
  const { target } = check;
  const principal = policy.kind === 'resource' ? target.roleArn : undefined;
  if (policy.kind === 'resource' && !principal) return undefined;
  const needs = check.profile.s3.filter((n) => missing.includes(n.action));
  const folder = folderKeyPrefix(target.prefix);
  const taken = sidsOf(policy.statements);
  const statements = (['bucket', 'objects'] as const).flatMap((on) => {
    const actions = needs.filter((n) => n.on === on).map((n) => n.action);
    if (actions.length === 0) return [];
    const entries: [string, string][] = [
      ['Sid', jsonString(unusedSid(taken, on === 'bucket' ? 'BucketAccess' : 'ObjectAccess'))],
      ['Effect', jsonString('Allow')],
      ...(principal ? [['Principal', `{"AWS": ${jsonString(principal)}}`] as [string, string]] : []),
      ['Action', jsonList(actions)],
      ['Resource', jsonString(on === 'bucket' ? bucketArn(target.bucket) : folderObjectsArn(target.bucket, folder))],
    ];
    if (on === 'bucket' && folder && actions.length === 1 && actions[0] === 's3:ListBucket') entries.push(['Condition', `{"StringLike": {"s3:prefix": [${jsonString(`${folder}*`)}]}}`]);
    return [entries];
  });
  const edits = appendStatements(file, policy, statements);
  return edits.length > 0 ? fix(`Add a statement allowing ${listText(missing)}`, edits, true) : undefined;
}

export const missingRequiredActions: Rule = {
  id: 'policy/missing-required-actions',
  title: 'Policy does not allow what the platform needs on its bucket',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    const checks = bucketChecks(workspace, file);
    // A guide placeholder left in an ARN (the placeholder rule reports it) means the policy is not finished yet.
    if (checks.length === 0 || policy.statements.some((s) => (s.resource ?? []).some((r) => hasPlaceholder(r.value)))) return;
    for (const check of checks) {
      // A bucket policy beside no known identity policy is not where the platform's grants are expected.
      const isIdentity = (path: string) => workspace.policy(workspace.get(path)!).kind === 'identity';
      if (policy.kind === 'resource' && !check.files.some(isIdentity)) continue;
      const needed = check.rows.filter((r) => r.kind === 's3' && r.required && r.decision === 'denied');
      const missing = needed.filter((r) => r.decidedBy === null).map((r) => r.action);
      const denied = needed.filter((r) => r.decidedBy !== null);
      if (needed.length === 0) continue;
      const why = (action: string) => check.profile.s3.find((n) => n.action === action)?.why;
      const others = check.files.filter((f) => f !== file.path);
      const judged = others.length > 0 ? `this policy (with ${listText(others)})` : 'this policy';
      const parts: string[] = [];
      if (missing.length > 0) parts.push(`${judged} allows no ${listText(missing.map((a) => `${a} (${why(a)})`))}`);
      for (const row of denied) parts.push(`${row.action} is denied by ${row.decidedBy!.file}:${row.decidedBy!.line}${row.decidedBy!.sid ? ` (${row.decidedBy!.sid})` : ''}`);
      const arns = (['bucket', 'objects'] as const)
        .filter((on) => missing.some((a) => check.profile.s3.find((n) => n.action === a)?.on === on))
        .map((on) => (on === 'bucket' ? bucketArn(check.target.bucket) : folderObjectsArn(check.target.bucket, check.target.prefix)));
      const remedy = missing.length > 0 ? ` Allow ${missing.length === 1 ? 'it' : 'them'} on ${listText(arns)}.` : '';
      const fixes = missing.length > 0 ? [addFix(file, policy, check, missing)].filter((f): f is Fix => f !== undefined) : [];
      report({
        ...policyHead(policy),
        message: `${check.profile.title} on ${targetLabel(check.target)}: ${parts.join('; ')}. The platform gets AccessDenied (403) for these at runtime.${remedy}`,
        fixes,
      });
    }
  },
};
