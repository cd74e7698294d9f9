import { arnLocation, bucketTargets, type BucketTarget } from '../../iam/policy-buckets';
import type { Located } from '../../iam/policy';
import { hasWildcard } from '../../iam/wildcard';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { spanIn } from './located';
import { didYouMean } from '../../did-you-mean';

/** Where the bucket name sits in an S3 ARN string (`arn:aws:s3:::` then the name). */
function bucketIndex(arn: string): number {
  return arn.indexOf(':::') + 3;
}

/** `my-bucket` inside `my-bucket-prod`: one name is the other plus a `-`, `.` or `_` separated part. */
const extends_ = (long: string, short: string) => long.length > short.length && ((long.startsWith(short) && /[-._]/.test(long[short.length])) || (long.endsWith(short) && /[-._]/.test(long[long.length - short.length - 1])));

/** Numbered siblings (`acme-bucket-3`, `acme-bucket-4`) are different buckets, not misspellings of each other. */
const siblings = (a: string, b: string) => a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#');

/** The configured bucket `name` probably meant: a near spelling, one name inside the other, or (when asked) the only one. */
function meant(name: string, targets: readonly BucketTarget[], onlyOne: boolean): BucketTarget | undefined {
  const names = [...new Set(targets.map((t) => t.bucket))].filter((n) => !siblings(n, name));
  const close = didYouMean(name, names) ?? names.find((n) => extends_(n, name) || extends_(name, n));
  const chosen = close ?? (onlyOne && names.length === 1 && targets.every((t) => t.bucket === names[0]) ? names[0] : undefined);
  return chosen === undefined ? undefined : targets.find((t) => t.bucket === chosen);
}

export const bucketMismatch: Rule = {
  id: 'policy/bucket-mismatch',
  title: 'Policy names a bucket the deployment does not use',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const targets = bucketTargets(workspace);
    if (targets.length === 0) return;
    const configured = new Set(targets.map((t) => t.bucket));
    const { statements } = workspace.policy(file);
    // The string ARNs by value: a policy names the same few buckets in many statements, each asked about once.
    const byValue = new Map<string, Located[]>();
    for (const s of statements) {
      for (const list of [s.resource, s.notResource]) {
        for (const arn of list ?? []) {
          if (arn.type !== 'string') continue;
          const same = byValue.get(arn.value);
          if (same) same.push(arn);
          else byValue.set(arn.value, [arn]);
        }
      }
    }
    const named = new Map([...byValue.keys()].map((value) => [value, arnLocation(value)?.bucket]));
    // "The only configured bucket" is a guess worth offering only when the policy names none of the configured ones.
    const namesNone = ![...named.values()].some((b) => b !== undefined && configured.has(b));
    const guesses = new Map<string, BucketTarget | undefined>();
    for (const [value, arns] of byValue) {
      const bucket = named.get(value);
      if (bucket === undefined || configured.has(bucket)) continue;
      if (!guesses.has(bucket)) guesses.set(bucket, hasWildcard(bucket) || !/^[A-Za-z0-9._-]+$/.test(bucket) ? undefined : meant(bucket, targets, namesNone));
      const target = guesses.get(bucket);
      if (!target) continue;
      for (const arn of arns) {
        const span = spanIn(arn, bucketIndex(arn.value), bucket.length);
        report({
          ...span,
          message: `"${bucket}" is not a bucket the deployment uses: ${target.ref.file} configures "${target.bucket}", so this grants nothing on the bucket the platform reads and writes. Use "${target.bucket}".`,
          fixes: arn.length === arn.value.length ? [fix(`Use bucket ${target.bucket} (from ${target.ref.file})`, [replace(span.start, span.end, target.bucket)], true)] : [],
        });
      }
    }
  },
};
