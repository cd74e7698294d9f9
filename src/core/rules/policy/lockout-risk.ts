import { bucketArn } from '../../iam/arn';
import { actionAppliesTo } from '../../iam/catalog';
import type { ConditionEntry, Statement } from '../../iam/policy';
import type { Rule } from '../rule';
import { listText } from './bucket-checks';
import { whole } from './located';
import { actionsNamed } from './memo';
import { everyoneValue, isNegated } from './statement-scope';

/** Keys a negated condition turns into "unless the request comes from this network". */
const networkKeys = new Set(['aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:vpcsourceip']);
/** Keys a negated condition uses to exempt named identities (the usual way to keep administrators in). */
const exemptionKeys = new Set(['aws:principalarn', 'aws:userid', 'aws:username', 'aws:principalaccount', 'aws:principaltag/role']);

const bucketLevel = (pattern: string) => actionsNamed(pattern).some((a) => a.service === 's3' && actionAppliesTo(a, bucketArn('b')));

function negatedEntries(statement: Statement, keys: ReadonlySet<string>): ConditionEntry[] {
  return (statement.condition ?? []).filter(isNegated).flatMap((c) => c.entries.filter((e) => keys.has(e.key.value.toLowerCase())));
}

export const lockoutRisk: Rule = {
  id: 'policy/lockout-risk',
  title: 'Deny for everyone outside a network also locks out administrators',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    for (const statement of workspace.policy(file).statements) {
      if (statement.effect?.value !== 'Deny') continue;
      const everyone = everyoneValue(statement.principal) !== undefined || statement.notPrincipal !== undefined;
      const network = negatedEntries(statement, networkKeys);
      if (!everyone || network.length === 0 || negatedEntries(statement, exemptionKeys).length > 0) continue;
      const actions = (statement.action ?? []).filter((a) => bucketLevel(a.value)).map((a) => a.value);
      // NotAction denies everything it does not list: bucket-level actions are among them unless it lists s3:*.
      const notAction = statement.notAction && !statement.notAction.some((a) => a.value === '*' || a.value.toLowerCase() === 's3:*');
      if (actions.length === 0 && !notAction) continue;
      const outside = network.map((e) => `${e.key.value} ${e.values.map((v) => v.value).join(', ')}`);
      const who = statement.notPrincipal ? 'everyone but the NotPrincipal list' : 'everyone (Principal "*")';
      report({
        ...whole(statement.effect),
        message:
          `This Deny of ${actions.length > 0 ? listText(actions) : 'every action but those NotAction lists'} applies to ${who}, administrators included, whenever a request does not match ${listText(outside)}: ` +
          'people and pipelines outside that network lose the bucket too, and cannot change this policy to fix it. ' +
          "If that happens, the account's root user can still delete the bucket policy. Exempt your administrator roles, e.g. \"ArnNotLike\": {\"aws:PrincipalArn\": …}.",
      });
    }
  },
};
