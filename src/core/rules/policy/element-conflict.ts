import type { Statement } from '../../iam/policy';
import type { Rule } from '../rule';
import { statementHead, statementName, whole } from './located';

/** Elements of which a statement may have only one. */
const exclusive: readonly [string, string][] = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

const has = (statement: Statement, name: string) => statement.members.some((m) => m.name === name);

export const elementConflict: Rule = {
  id: 'policy/element-conflict',
  title: 'Statement with conflicting or missing elements',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    for (const statement of policy.statements) {
      const name = statementName(statement);
      const missing = (message: string) => report({ ...statementHead(statement), message: `${name} ${message}` });
      for (const [element, negated] of exclusive) {
        const second = statement.members.find((m) => m.name === negated);
        if (second && has(statement, element)) {
          report({ ...whole(second), message: `${name} has both ${element} and ${negated}: AWS rejects a statement with both. Keep one of them.` });
        }
      }
      if (!has(statement, 'Effect')) missing('has no Effect: AWS rejects the policy. Add "Effect": "Allow" or "Deny".');
      if (!has(statement, 'Action') && !has(statement, 'NotAction')) missing('has no Action (or NotAction): AWS rejects the policy. Add the actions it allows or denies.');
      const principal = has(statement, 'Principal') || has(statement, 'NotPrincipal');
      if (policy.kind === 'identity' && !has(statement, 'Resource') && !has(statement, 'NotResource')) {
        missing('has no Resource: an identity policy statement must name its resources, or IAM rejects the policy. Add the bucket and object ARNs (or "*").');
      } else if (policy.kind !== 'identity' && !principal) {
        missing(`has no Principal, while other statements do: a ${policy.kind === 'trust' ? 'trust' : 'bucket'} policy statement must say whom it applies to, or AWS rejects the policy.`);
      }
    }
  },
};
