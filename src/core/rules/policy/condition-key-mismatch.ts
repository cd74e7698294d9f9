import { conditionKeysOf, isCatalogedConditionKey, isConditionKeyTemplate, isGlobalConditionKey, isKnownService, serviceActions, supportsConditionKey } from '../../iam/catalog';
import { parseOperator } from '../../iam/operators';
import type { ConditionClause, Located } from '../../iam/policy';
import { fix } from '../fixes';
import type { Report, Rule } from '../rule';
import { replaceString } from './json-edits';
import { whole } from './located';
import { actionsNamed, memoize, memoize2 } from './memo';
import { didYouMean } from '../../did-you-mean';

const serviceOf = (name: string) => name.slice(0, Math.max(0, name.indexOf(':'))).toLowerCase();

/** Whether the catalog can tell which actions support `key`: keys of its services and non-global `aws:` keys. */
const judgeable = memoize((key: string) => isCatalogedConditionKey(key) && !isGlobalConditionKey(key));

/** Whether some action an Action entry names supports a condition key. */
const entrySupports = memoize2((pattern: string, key: string) => actionsNamed(pattern).some((action) => supportsConditionKey(action, key)));

/** The actions of the key's own service that support it, for the message (`s3:prefix` → s3:ListBucket…). */
const keyUsers = memoize((key: string) =>
  serviceActions(serviceOf(key))
    .filter((action) => supportsConditionKey(action, key))
    .map((action) => action.id),
);

/** The key the statement's actions support that `key` misspells (`lower-cased patterns, one per line\nkey`). */
const suggestion = memoize((question: string) => {
  const lines = question.split('\n');
  const key = lines.pop()!;
  const keys = new Set<string>();
  for (const pattern of lines) for (const action of actionsNamed(pattern)) for (const k of conditionKeysOf(action)) if (!isConditionKeyTemplate(k)) keys.add(k);
  return didYouMean(key, [...keys]);
});

function mismatch(key: Located, clause: ConditionClause, patterns: readonly string[]): Report {
  const operator = parseOperator(clause.operator.value);
  const restricts = operator && !operator.negated && !operator.ifExists && operator.family !== 'Null';
  const users = isKnownService(serviceOf(key.value)) ? keyUsers(key.value.toLowerCase()) : [];
  const meant = suggestion([...patterns.map((p) => p.toLowerCase()), key.value].join('\n'));
  const renamable = meant !== undefined && meant.toLowerCase() !== key.value.toLowerCase() && !clause.entries.some((e) => e.key.value === meant);
  const shown = patterns.length > 3 ? `${patterns.slice(0, 3).join(', ')}…` : patterns.join(', ');
  return {
    ...whole(key),
    message:
      `${key.value} is not a condition key of ${shown}: their requests never carry it, so this condition ` +
      (restricts ? 'never holds and the statement never applies.' : 'always holds and restricts nothing.') +
      (renamable ? ` Did you mean "${meant}"?` : users.length > 0 ? ` AWS sets it for ${users.slice(0, 3).join(', ')}${users.length > 3 ? '…' : ''}; put it in a statement for those.` : ''),
    fixes: renamable ? [fix(`Change to "${meant}"`, [replaceString(key, meant)], true)] : [],
  };
}

export const conditionKeyMismatch: Rule = {
  id: 'policy/condition-key-mismatch',
  title: 'Condition key no action of the statement supports',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    for (const statement of workspace.policy(file).statements) {
      if (!statement.action || statement.notAction || !statement.condition?.length) continue;
      const judged: string[] = [];
      let open = false;
      for (const a of statement.action) {
        if (a.type !== 'string') continue;
        // `*` and actions of other services may support any key; malformed actions are policy/unknown-action's.
        open ||= a.value === '*' || (a.value.includes(':') && !isKnownService(serviceOf(a.value)));
        if (actionsNamed(a.value).length > 0) judged.push(a.value);
      }
      if (open || judged.length === 0) continue;
      for (const clause of statement.condition) {
        for (const entry of clause.entries) {
          const key = entry.key.value;
          if (!judgeable(key)) continue;
          if (judged.some((p) => entrySupports(p, key))) continue;
          report(mismatch(entry.key, clause, judged));
        }
      }
    }
  },
};
