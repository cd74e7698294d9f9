import { parseArn } from '../../iam/arn';
import type { Located, Policy, Statement } from '../../iam/policy';
import { vendorAccounts, type TrustNeed } from '../../iam/profiles';
import type { SourceFile, Workspace } from '../../workspace';
import { fix } from '../fixes';
import type { Report, Rule } from '../rule';
import { whole } from './located';
import { actionsNamed } from './memo';
import { jsonString } from './json-edits';
import { addConditionEntry, appendStatements } from './statement-edits';
import { isPositive } from './statement-scope';

const accountOf = (principal: string): string | undefined => (/^\d{12}$/.test(principal) ? principal : parseArn(principal)?.account || undefined);

const allows = (statement: Statement, action: string) => statement.effect?.value === 'Allow' && (statement.action ?? []).some((a) => actionsNamed(a.value).some((x) => x.id === action));

/** The accounts the workspace's own roles live in (a principal of these is no other party). */
function ownAccounts(workspace: Workspace): Set<string> {
  return new Set(workspace.buckets().flatMap((b) => (b.roleArn ? [parseArn(b.roleArn)?.account ?? ''] : [])));
}

function hasKey(statement: Statement, key: string): boolean {
  return (statement.condition ?? []).some((c) => isPositive(c) && c.entries.some((e) => e.key.value.toLowerCase() === key.toLowerCase()));
}

/** The AWS principals of the statement, each with its account. */
function awsPrincipals(statement: Statement): { value: Located; account: string }[] {
  return (statement.principal?.entries ?? []).filter((e) => e.type.value === 'AWS').flatMap((e) => e.values.flatMap((value) => {
    const account = accountOf(value.value);
    return account ? [{ value, account }] : [];
  }));
}

/** The guide's trust shape beyond the external id: the vendor's signing role as aws:PrincipalArn, and sts:TagSession. */
function shapeProblems(file: SourceFile, policy: Policy, statement: Statement, at: Located, vendor: TrustNeed, report: (r: Report) => void): void {
  const principalArn = vendor.principalArn;
  if (!principalArn || !vendor.actions.includes('sts:TagSession')) return;
  const pinned = at.value === principalArn || hasKey(statement, 'aws:PrincipalArn');
  if (!pinned) {
    const edit = addConditionEntry(file, statement, 'ArnLike', 'aws:PrincipalArn', jsonString(principalArn));
    report({
      ...whole(at),
      severity: 'error',
      message: `${vendor.vendor}'s guide limits this trust to its signing role with "ArnLike": {"aws:PrincipalArn": "${principalArn}"}; without it any identity in account ${vendor.account} may assume the role. Add the condition.`,
      fixes: edit ? [fix('Add the aws:PrincipalArn condition of the guide', [edit], true)] : [],
    });
  }
  const tagging = policy.statements.some((s) => allows(s, 'sts:TagSession') && awsPrincipals(s).some((p) => p.account === vendor.account));
  if (!tagging) {
    const entries: [string, string][] = [
      ['Effect', jsonString('Allow')],
      ['Principal', `{"AWS": ${jsonString(`arn:aws:iam::${vendor.account}:root`)}}`],
      ['Action', jsonString('sts:TagSession')],
      ['Condition', `{"ArnLike": {"aws:PrincipalArn": ${jsonString(principalArn)}}}`],
    ];
    const edits = appendStatements(file, policy, [entries]);
    report({
      ...whole(statement.action?.find((a) => actionsNamed(a.value).some((x) => x.id === 'sts:AssumeRole')) ?? at),
      severity: 'error',
      message: `${vendor.vendor} tags the sessions it starts, and no statement allows it sts:TagSession: assuming the role with session tags fails with AccessDenied. Add the guide's sts:TagSession statement.`,
      fixes: edits.length > 0 ? [fix(`Allow ${vendor.vendor} sts:TagSession`, edits, true)] : [],
    });
  }
}

export const trustExternalId: Rule = {
  id: 'policy/trust-external-id',
  title: 'Cross-account trust without an external id',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    if (policy.kind !== 'trust') return;
    const own = ownAccounts(workspace);
    for (const statement of policy.statements) {
      if (!allows(statement, 'sts:AssumeRole')) continue;
      for (const { value, account } of awsPrincipals(statement)) {
        if (own.has(account)) continue;
        const vendor = vendorAccounts.find((v) => v.account === account);
        if (!hasKey(statement, 'sts:ExternalId')) {
          report({
            ...whole(value),
            ...(vendor ? { severity: 'error' as const } : {}),
            message: vendor
              ? `${vendor.vendor} (account ${account}) may assume this role without an sts:ExternalId condition: any ${vendor.vendor} customer who learns the role ARN could have ${vendor.vendor} act on it (confused deputy), and the guide requires the external id it gives you. Add "StringEquals": {"sts:ExternalId": …}.`
              : `Account ${account} may assume this role without an sts:ExternalId condition. If it is another company's account, anyone they work for who learns the role ARN could have them act on it (confused deputy). Add "StringEquals": {"sts:ExternalId": …} with an id you agree on.`,
          });
        }
        if (vendor) shapeProblems(file, policy, statement, value, vendor, report);
      }
    }
  },
};
