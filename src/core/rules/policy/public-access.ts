import type { Statement } from '../../iam/policy';
import type { Rule } from '../rule';
import { everyoneValue, isPositive } from './statement-scope';
import { whole } from './located';

/** Condition keys that narrow who may make the request: where from (IP, VPC, endpoint) or which account, org or identity. */
const narrowingKeys = new Set(
  [
    'aws:SourceIp',
    'aws:VpcSourceIp',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:userid',
    'aws:username',
  ].map((k) => k.toLowerCase()),
);

function narrowed(statement: Statement): boolean {
  return (statement.condition ?? []).some((clause) => isPositive(clause) && clause.entries.some((e) => narrowingKeys.has(e.key.value.toLowerCase())));
}

export const publicAccess: Rule = {
  id: 'policy/public-access',
  title: 'Allows everyone (Principal "*") without narrowing who',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    for (const statement of policy.statements) {
      const everyone = everyoneValue(statement.principal);
      if (statement.effect?.value !== 'Allow' || !everyone || narrowed(statement)) continue;
      const actions = (statement.action ?? []).map((a) => a.value).join(', ') || 'every action but those NotAction lists';
      const on = policy.kind === 'trust' ? 'this role' : (statement.resource ?? []).map((r) => r.value).join(', ') || 'this resource';
      report({
        ...whole(everyone),
        message:
          `Principal "*" with no condition on who (source IP or VPC, account, organization) lets anyone on the internet use ${actions} on ${on}. ` +
          'Name the principals, or add a condition such as "IpAddress": {"aws:SourceIp": …} or "StringEquals": {"aws:PrincipalOrgID": …}.',
      });
    }
  },
};
