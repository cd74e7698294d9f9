import { actionsMatching, catalogServices, isKnownService, lookupAction, serviceActions } from '../../iam/catalog';
import { hasWildcard } from '../../iam/wildcard';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { jsonString, replaceString } from './json-edits';
import { whole } from './located';
import { didYouMean } from '../../did-you-mean';

const outcome = 'so it allows or denies nothing (and S3 rejects a bucket policy that names it)';

/** The same action name under the first catalog service that has it: `GetObject` → `s3:GetObject`. */
function withService(name: string): string | undefined {
  return catalogServices.map((service) => lookupAction(`${service}:${name}`)?.id).find((id) => id !== undefined);
}

interface Diagnosis {
  message: string;
  suggestion?: string;
}

/** What is wrong with an Action/NotAction entry; undefined when it names an action (or a service the catalog lacks). */
function diagnose(text: string): Diagnosis | undefined {
  if (text === '*') return undefined;
  const colon = text.indexOf(':');
  if (colon === -1) {
    const suggestion = hasWildcard(text) ? undefined : withService(text);
    return { message: `${jsonString(text)} is not an action: actions are written service:Action (s3:GetObject), ${outcome}.`, suggestion };
  }
  const service = text.slice(0, colon);
  if (!isKnownService(service) || actionsMatching(text).length > 0) return undefined;
  const name = text.slice(colon + 1);
  if (hasWildcard(name)) return { message: `${jsonString(text)} matches no ${service.toLowerCase()} action, ${outcome}.` };
  const match = didYouMean(name, serviceActions(service).map((a) => a.name));
  return { message: `${jsonString(text)} is not an ${service.toLowerCase()} action, ${outcome}.`, suggestion: match && `${service}:${match}` };
}

export const unknownAction: Rule = {
  id: 'policy/unknown-action',
  title: 'Action that does not exist',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    // Policies repeat their actions; each distinct one is diagnosed once.
    const seen = new Map<string, Diagnosis | undefined>();
    for (const statement of workspace.policy(file).statements) {
      for (const action of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
        if (action.type !== 'string') continue;
        if (!seen.has(action.value)) seen.set(action.value, diagnose(action.value));
        const found = seen.get(action.value);
        if (!found) continue;
        const { message, suggestion } = found;
        report({
          ...whole(action),
          message: suggestion ? `${message} Did you mean "${suggestion}"?` : message,
          fixes: suggestion ? [fix(`Change to "${suggestion}"`, [replaceString(action, suggestion)], true)] : [],
        });
      }
    }
  },
};
