import { arnProblems, isS3BucketOrObjectArn, parseArn } from '../../iam/arn';
import type { Located } from '../../iam/policy';
import type { Fix } from '../../model';
import { fix } from '../fixes';
import type { Rule, RuleContext } from '../rule';
import { replaceString } from './json-edits';
import { spanIn } from './located';
import { memoize } from './memo';
import { hasPlaceholder } from './placeholders';

/** The repaired ARN for the mistakes that have one meaning: `ARN:` in capitals, an S3 ARN with region or account. */
const repaired = memoize((text: string): string | undefined => {
  const lowered = /^arn:/i.test(text) && !text.startsWith('arn:') ? `arn:${text.slice(4)}` : text;
  const arn = parseArn(lowered);
  const s3 = arn && isS3BucketOrObjectArn(arn) && (arn.region !== '' || arn.account !== '') ? `arn:${arn.partition}:s3:::${arn.resource}` : lowered;
  return s3 !== text && arnProblems(s3).length === 0 ? s3 : undefined;
});

// Policies name the same buckets and roles over and over.
const problemsOf = memoize(arnProblems);

function checkArn(context: RuleContext, value: Located, what: string) {
  // Guide placeholders are policy/placeholder's to report.
  if (value.type !== 'string' || hasPlaceholder(value.value)) return;
  const problems = problemsOf(value.value);
  if (problems.length === 0) return;
  const better = repaired(value.value);
  const fixes: Fix[] = better ? [fix(`Change to ${better}`, [replaceString(value, better)], true)] : [];
  for (const problem of problems) {
    context.report({
      ...spanIn(value, problem.offset, Math.max(problem.length, 1)),
      message: `Malformed ${what} ARN "${value.value}": ${problem.message}. AWS rejects the policy or the ARN matches nothing.${better ? ` Use ${better}.` : ''}`,
      fixes,
    });
  }
}

export const invalidArn: Rule = {
  id: 'policy/invalid-arn',
  title: 'Malformed ARN',
  severity: 'error',
  kinds: ['policy'],
  check(context) {
    for (const statement of context.workspace.policy(context.file).statements) {
      for (const resource of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) checkArn(context, resource, 'resource');
      for (const principal of [statement.principal, statement.notPrincipal]) {
        for (const entry of principal?.entries ?? []) {
          // Principals may also be account ids, service names and "*"; only what is written as an ARN is one.
          for (const value of entry.values) if (/^arn:/i.test(value.value)) checkArn(context, value, 'principal');
        }
      }
    }
  },
};
