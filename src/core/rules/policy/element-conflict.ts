import type { Statement } from '../../iam/policy';
import type { Rule } from '../rule';
import { statementHead, statementName, whole } from './located';
import { memberOf } from './statement-edits';

/** Elements of which a statement may have only one. */
const exclusive: readonly [string, string][] = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

const has = (statement: Statement, name: string) => memberOf(statement, name) !== undefined;

export const elementConflict: Rule = {
  id: 'policy/element-conflict',
  title: 'Statement with conflicting or missing elements',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    // Named only when reported: most statements are fine.
    const missing = (statement: Statement, message: string) => report({ ...statementHead(statement), message: `${statementName(statement)} ${message}` });
    for (const statement of policy.statements) {
      for (const [element, negated] of exclusive) {
        const second = memberOf(statement, negated);
        if (second && has(statement, element)) {
          report({ ...whole(second), message: `${statementName(statement)} has both ${element} and ${negated}: AWS rejects a statement with both. Keep one of them.` });
        }
      }
      if (!has(statement, 'Effect')) missing(statement, 'has no Effect: AWS rejects the policy. Add "Effect": "Allow" or "Deny".');
      if (!has(statement, 'Action') && !has(statement, 'NotAction')) missing(statement, 'has no Action (or NotAction): AWS rejects the policy. Add the actions it allows or denies.');
      const principal = has(statement, 'Principal') || has(statement, 'NotPrincipal');
      if (policy.kind === 'identity' && !has(statement, 'Resource') && !has(statement, 'NotResource')) {
        missing(statement, 'has no Resource: an identity policy statement must name its resources, or IAM rejects the policy. Add the bucket and object ARNs (or "*").');
      } else if (policy.kind !== 'identity' && !principal) {
        missing(statement, `has no Principal, while other statements do: a ${policy.kind === 'trust' ? 'trust' : 'bucket'} policy statement must say whom it applies to, or AWS rejects the policy.`);
      }
    }
  },
};
