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

/** What to say about a key under an operator in a statement with these judged actions (a JSON list), once per question. */
const verdict = memoize((question: string) => {
  const [operatorName, key, ...patterns] = JSON.parse(question) as string[];
  const operator = parseOperator(operatorName);
  const restricts = operator && !operator.negated && !operator.ifExists && operator.family !== 'Null';
  const users = isKnownService(serviceOf(key)) ? keyUsers(key.toLowerCase()) : [];
  const meant = suggestion([...patterns.map((p) => p.toLowerCase()), key].join('\n'));
  const renamable = meant !== undefined && meant.toLowerCase() !== key.toLowerCase() ? meant : undefined;
  const shown = patterns.length > 3 ? `${patterns.slice(0, 3).join(', ')}…` : patterns.join(', ');
  const message =
    `${key} is not a condition key of ${shown}: their requests never carry it, so this condition ` +
    (restricts ? 'never holds and the statement never applies.' : 'always holds and restricts nothing.');
  const advice = users.length > 0 ? ` AWS sets it for ${users.slice(0, 3).join(', ')}${users.length > 3 ? '…' : ''}; put it in a statement for those.` : '';
  return { message, renamable, advice };
});

function mismatch(key: Located, clause: ConditionClause, patterns: readonly string[]): Report {
  const { message, renamable, advice } = verdict(JSON.stringify([clause.operator.value, key.value, ...patterns]));
  // Renaming onto a key the clause already has would write a duplicate key.
  const meant = renamable !== undefined && !clause.entries.some((e) => e.key.value === renamable) ? renamable : undefined;
  return {
    ...whole(key),
    message: message + (meant ? ` Did you mean "${meant}"?` : advice),
    fixes: meant ? [fix(`Change to "${meant}"`, [replaceString(key, meant)], true)] : [],
  };
}

/** Whether an Action entry may support any condition key: `*`, and actions of services the catalog does not know. */
const opensKeys = memoize((action: string) => action === '*' || (action.includes(':') && !isKnownService(serviceOf(action))));

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
        // Malformed actions are policy/unknown-action's.
        open ||= opensKeys(a.value);
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
