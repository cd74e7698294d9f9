import type { Located, Member } from '../../iam/policy';
import { fix } from '../fixes';
import type { Report, Rule } from '../rule';
import { replaceString } from './json-edits';
import { whole } from './located';
import { memoize } from './memo';
import { didYouMean } from '../../did-you-mean';

const topElements = ['Version', 'Id', 'Statement'];
const statementElements = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const principalTypes = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

// Plurals people write because the values are lists.
const aliases: Readonly<Record<string, string>> = {
  Statements: 'Statement',
  Actions: 'Action',
  NotActions: 'NotAction',
  Resources: 'Resource',
  NotResources: 'NotResource',
  Principals: 'Principal',
  Conditions: 'Condition',
  Effects: 'Effect',
};

/** The element a name was meant to be, per list of allowed names. */
const meant = new Map<readonly string[], (name: string) => string | undefined>([topElements, statementElements, principalTypes].map((allowed) => [allowed, memoize((name: string) => didYouMean(name, allowed, aliases))]));

/** A report for a key of an object that allows only `allowed`; `siblings` are the keys the object already has. */
function unknownKey(key: Member | Located, name: string, allowed: readonly string[], siblings: readonly string[], where: string): Report | undefined {
  if (allowed.includes(name)) return undefined;
  const suggestion = meant.get(allowed)!(name);
  // Renaming onto a key the object already has would write a duplicate key.
  const renamable = suggestion !== undefined && !siblings.includes(suggestion);
  return {
    ...whole(key),
    message:
      `"${name}" is not ${where}: AWS rejects the policy (element names are case-sensitive).` +
      (suggestion ? ` Did you mean "${suggestion}"?` : ` Allowed: ${allowed.join(', ')}.`),
    fixes: renamable ? [fix(`Rename to "${suggestion}"`, [replaceString(key, suggestion)], true)] : [],
  };
}

export const unknownElement: Rule = {
  id: 'policy/unknown-element',
  title: 'Policy element AWS does not know',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    const send = (r: Report | undefined) => r && report(r);
    const topNames = policy.members.map((m) => m.name);
    for (const member of policy.members) send(unknownKey(member, member.name, topElements, topNames, 'a top-level policy element'));
    for (const statement of policy.statements) {
      const names = statement.members.map((m) => m.name);
      for (const member of statement.members) send(unknownKey(member, member.name, statementElements, names, 'a statement element'));
      for (const principal of [statement.principal, statement.notPrincipal]) {
        const types = principal?.entries.map((e) => e.type.value) ?? [];
        for (const entry of principal?.entries ?? []) send(unknownKey(entry.type, entry.type.value, principalTypes, types, 'a principal type'));
      }
    }
  },
};
