import { s3Location } from '../../iam/arn';
import type { Located, Statement } from '../../iam/policy';
import type { Fix } from '../../model';
import type { SourceFile, Workspace } from '../../workspace';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { spanIn } from './located';
import { findPlaceholders, hasPlaceholder, type PlaceholderAt } from './placeholders';

/** Calls `visit` with every string of a statement a guide may have left a placeholder in (no list: it runs for every statement). */
function forEachFillIn(statement: Statement, visit: (value: Located) => void): void {
  for (const value of statement.resource ?? []) visit(value);
  for (const value of statement.notResource ?? []) visit(value);
  for (const principal of [statement.principal, statement.notPrincipal]) {
    if (principal?.text) visit(principal.text);
    for (const entry of principal?.entries ?? []) for (const value of entry.values) visit(value);
  }
  for (const clause of statement.condition ?? []) for (const entry of clause.entries) for (const value of entry.values) visit(value);
}

/**
 * The S3 bucket configured in the workspace that this policy is for, when exactly one fits: one that lists the
 * policy file, else the only S3 bucket the workspace configures.
 */
function configuredBucket(workspace: Workspace, file: SourceFile): { name: string; file: string } | undefined {
  const s3 = workspace.buckets().filter((b) => b.provider === 's3' && !hasPlaceholder(b.name));
  const listing = s3.filter((b) => b.policies?.includes(file.path));
  const fitting = listing.length > 0 ? listing : s3;
  const names = new Set(fitting.map((b) => b.name));
  return names.size === 1 ? fitting[0] : undefined;
}

/** Where the placeholder stands for the bucket of an S3 ARN: `arn:aws:s3:::<YOUR_S3_BUCKET>/*`. */
function inBucketPart(value: string, at: PlaceholderAt): boolean {
  const bucket = s3Location(value)?.bucket;
  if (bucket === undefined) return false;
  const start = value.indexOf(bucket, value.indexOf(':::') + 3);
  return at.index >= start && at.index + at.text.length <= start + bucket.length;
}

export const placeholder: Rule = {
  id: 'policy/placeholder',
  title: 'Placeholder from a setup guide left in the policy',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    let bucket: ReturnType<typeof configuredBucket> | null = null;
    const check = (value: Located) => {
      if (value.type === 'string') {
        for (const at of findPlaceholders(value.value)) {
          const span = spanIn(value, at.index, at.text.length);
          const fixes: Fix[] = [];
          if (inBucketPart(value.value, at) && value.length === value.value.length) {
            if (bucket === null) bucket = configuredBucket(workspace, file);
            if (bucket) fixes.push(fix(`Use bucket ${bucket.name} (from ${bucket.file})`, [replace(span.start, span.end, bucket.name)], true));
          }
          report({
            ...span,
            message: `"${at.text}" is a placeholder from a setup guide: AWS takes it literally, so this policy names nothing real (or is rejected). Put in your own value.`,
            fixes,
          });
        }
      }
    };
    for (const statement of workspace.policy(file).statements) forEachFillIn(statement, check);
  },
};
