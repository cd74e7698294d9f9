import { conditionOperatorNames, parseOperator } from '../../iam/operators';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { jsonString, replaceString } from './json-edits';
import { whole } from './located';
import { memoize } from './memo';
import { didYouMean } from '../../did-you-mean';

const qualifiers = ['ForAnyValue', 'ForAllValues'];
const ifExists = 'IfExists';

/** The operator `name` was likely meant to be: qualifier, base operator and IfExists each corrected on their own. */
const corrected = memoize((name: string): string | undefined => {
  const colon = name.indexOf(':');
  const qualifier = colon === -1 ? undefined : didYouMean(name.slice(0, colon), qualifiers);
  if (colon !== -1 && !qualifier) return undefined;
  let rest = name.slice(colon + 1);
  // `IfExists` with its case or its last letter wrong still means IfExists.
  const suffix = /IfExists?$/i.exec(rest);
  const exists = suffix !== null;
  if (suffix) rest = rest.slice(0, suffix.index);
  const base = didYouMean(rest, conditionOperatorNames);
  if (!base) return undefined;
  // Null tests whether the key is present, so it has no IfExists form.
  const suggestion = `${qualifier ? `${qualifier}:` : ''}${base}${exists && base !== 'Null' ? ifExists : ''}`;
  return parseOperator(suggestion) && suggestion !== name ? suggestion : undefined;
});

export const unknownConditionOperator: Rule = {
  id: 'policy/unknown-condition-operator',
  title: 'Condition operator AWS does not know',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    for (const statement of workspace.policy(file).statements) {
      const clauses = statement.condition ?? [];
      for (const { operator } of clauses) {
        if (parseOperator(operator.value)) continue;
        const suggestion = corrected(operator.value);
        const nullIfExists = /^Null\s*IfExists$/i.test(operator.value) ? ' Null has no IfExists form: it already tests whether the key is present.' : '';
        // Renaming onto an operator the block already has would write a duplicate key.
        const renamable = suggestion !== undefined && !clauses.some((c) => c.operator.value === suggestion);
        report({
          ...whole(operator),
          message: `${jsonString(operator.value)} is not a condition operator: AWS rejects the policy (operator names are case-sensitive).${nullIfExists}${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          fixes: renamable ? [fix(`Change to "${suggestion}"`, [replaceString(operator, suggestion)], true)] : [],
        });
      }
    }
  },
};
