// Hover and completion in IAM policy files: what an action does and where it applies, and the names to write.
import { getLocation, type Location } from 'jsonc-parser';
import type { Completion } from './explain';
import { actionMarkdown, actionSummary } from './iam/action-docs';
import { actionsMatching, catalogServices, conditionKeysOf, conditionKeyType, isConditionKeyTemplate, isGlobalConditionKey, lookupAction, serviceActions, supportsConditionKey, type CatalogAction } from './iam/catalog';
import { globalConditionKeys } from './iam/global-keys';
import { parsePolicy, type Located, type Statement } from './iam/policy';
import { hasWildcard } from './iam/wildcard';
import type { SourceFile } from './workspace';

/** Whether `offset` is on the string `value` (its quotes included). */
const on = (value: Located, offset: number) => value.type === 'string' && offset >= value.offset - 1 && offset <= value.offset + value.length + 1;

/** A wildcard action pattern: how many actions of each access level it names, and their names. */
function patternMarkdown(pattern: string, actions: readonly CatalogAction[]): string {
  const levels = new Map<string, number>();
  for (const a of actions) levels.set(a.accessLevel, (levels.get(a.accessLevel) ?? 0) + 1);
  const names = actions.slice(0, 80).map((a) => `\`${a.id}\``);
  const more = actions.length > 80 ? ` … and ${actions.length - 80} more` : '';
  return `**${pattern}** matches ${actions.length} action${actions.length === 1 ? '' : 's'} (${[...levels].map(([level, n]) => `${level} ${n}`).join(', ')}):\n\n${names.join(', ')}${more}`;
}

function keyMarkdown(key: string, statement: Statement): string | undefined {
  const type = conditionKeyType(key);
  if (!type) return undefined;
  if (isGlobalConditionKey(key)) return `**${key}** (${type}) — a global condition key: any request may carry it.`;
  const actions = (statement.action ?? []).flatMap((a) => (a.value === '*' ? [] : actionsMatching(a.value)));
  const using = actions.filter((a) => supportsConditionKey(a, key)).map((a) => `\`${a.id}\``);
  return `**${key}** (${type})${using.length > 0 ? `\n\nSet for this statement's ${using.slice(0, 10).join(', ')}${using.length > 10 ? '…' : ''}.` : ''}`;
}

/** Markdown for the action or condition key at `offset` of a policy file. */
export function policyHover(file: SourceFile, offset: number): string | undefined {
  for (const statement of parsePolicy(file.text).statements) {
    if (offset < statement.offset || offset > statement.offset + statement.length) continue;
    const action = [...(statement.action ?? []), ...(statement.notAction ?? [])].find((a) => on(a, offset));
    if (action) {
      const known = lookupAction(action.value);
      if (known) return actionMarkdown(known);
      const matched = hasWildcard(action.value) ? actionsMatching(action.value) : [];
      return matched.length > 0 ? patternMarkdown(action.value, matched) : undefined;
    }
    const entry = (statement.condition ?? []).flatMap((c) => c.entries).find((e) => on(e.key, offset));
    if (entry) return keyMarkdown(entry.key.value, statement);
  }
  return undefined;
}

/** Where the cursor is in the JSON, or undefined when the document is too deeply nested to tell. */
function locate(file: SourceFile, offset: number): Location | undefined {
  try {
    return getLocation(file.text, offset);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Text to insert: the bare name inside a string being typed, else the name as a JSON string. */
function inserted(location: Location, offset: number, name: string): string {
  const node = location.previousNode;
  const inString = node?.type === 'string' && offset > node.offset && offset < node.offset + node.length;
  return inString ? name : JSON.stringify(name);
}

/** The statement the path points into (`['Statement', 2, 'Action', 0]` → statement 2). */
function statementAt(file: SourceFile, path: readonly (string | number)[]): Statement | undefined {
  const index = typeof path[1] === 'number' ? path[1] : 0;
  return parsePolicy(file.text).statements.find((s) => s.index === index);
}

/** Action names in Action/NotAction lists, condition keys as keys of an operator block. */
export function policyCompletions(file: SourceFile, offset: number): Completion[] {
  const location = locate(file, offset);
  if (!location || location.path[0] !== 'Statement') return [];
  const path = location.path;
  const at = typeof path[1] === 'number' ? 2 : 1;
  const element = path[at];
  if ((element === 'Action' || element === 'NotAction') && !location.isAtPropertyKey) {
    return catalogServices.flatMap((service) =>
      serviceActions(service).map((a): Completion => ({ label: a.id, detail: actionSummary(a), documentation: actionMarkdown(a), insertText: inserted(location, offset, a.id), kind: 'value' })),
    );
  }
  if (element === 'Condition' && path.length === at + 3 && location.isAtPropertyKey) {
    const statement = statementAt(file, path);
    const actions = (statement?.action ?? []).flatMap((a) => (a.value === '*' ? [] : actionsMatching(a.value)));
    const keys = new Set([...Object.keys(globalConditionKeys), ...actions.flatMap((a) => conditionKeysOf(a))].filter((k) => !isConditionKeyTemplate(k)));
    return [...keys].sort().map((key): Completion => {
      const type = conditionKeyType(key) ?? 'String';
      return { label: key, detail: `${type} condition key`, documentation: `**${key}** (${type})`, insertText: inserted(location, offset, key), kind: 'key' };
    });
  }
  return [];
}
