import { fix } from '../fixes';
import type { Rule } from '../rule';
import { memberOf } from './statement-edits';
import { jsonString, replaceString } from './json-edits';
import { whole } from './located';
import { memoize } from './memo';
import { didYouMean } from '../../did-you-mean';

const effects = ['Allow', 'Deny'];
const effectMeant = memoize((value: string) => didYouMean(value, effects));

export const invalidEffect: Rule = {
  id: 'policy/invalid-effect',
  title: 'Effect other than Allow or Deny',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    for (const statement of workspace.policy(file).statements) {
      const member = memberOf(statement, 'Effect');
      const effect = statement.effect;
      if (!member || (effect?.type === 'string' && effects.includes(effect.value))) continue;
      const suggestion = effect ? effectMeant(effect.value) : undefined;
      const shown = effect ? `Effect ${effect.type === 'string' ? jsonString(effect.value) : effect.value}` : 'Effect';
      report({
        ...whole(effect ?? member),
        message: `${shown} is not "Allow" or "Deny": AWS rejects the policy (the value is case-sensitive).${suggestion ? ` Use "${suggestion}".` : ''}`,
        fixes: effect && suggestion ? [fix(`Change to "${suggestion}"`, [replaceString(effect, suggestion)], true)] : [],
      });
    }
  },
};
