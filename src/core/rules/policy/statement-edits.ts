// Edits the access rules make to whole statements and conditions, built on the shared JSON edits (json-edits.ts):
// add a statement, remove one, replace an element's value, add a condition entry.
import type { ConditionClause, ConditionEntry, Located, Member, MemberValue, Policy, Span, Statement } from '../../iam/policy';
import type { TextEdit } from '../../model';
import type { SourceFile } from '../../workspace';
import { replace } from '../fixes';
import { insertMember, insertStatementAfter, jsonString, removeFromList, statementText } from './json-edits';

/** `"a"` for one value, `["a", "b"]` for several. */
export function jsonList(values: readonly string[]): string {
  return values.length === 1 ? jsonString(values[0]) : `[${values.map(jsonString).join(', ')}]`;
}

/** New statements (each as key/JSON-text pairs) after the policy's last one, laid out like it. */
export function appendStatements(file: SourceFile, policy: Policy, statements: readonly (readonly (readonly [string, string])[])[]): TextEdit[] {
  const last = policy.statements[policy.statements.length - 1];
  if (!last || statements.length === 0) return [];
  const texts = statements.map((entries) => statementText(file, last, entries));
  // One insertion: several edits at the same offset would be applied in an order editors do not promise.
  if (last.path.length === 1) return insertStatementAfter(file, last, texts.join(', '));
  const [edit] = insertStatementAfter(file, last, texts[0]);
  const sep = edit.text.slice(1, edit.text.length - texts[0].length);
  return [{ ...edit, text: `,${texts.map((t) => `${sep}${t}`).join(',')}` }];
}

/** Removes statement `index` of a Statement list (undefined for the only statement: a policy needs one). */
export function removeStatement(policy: Policy, index: number): TextEdit | undefined {
  if (policy.statements.some((s) => s.path.length === 1)) return undefined;
  // Statements are list entries like strings are: spans the list edit can remove with their commas.
  const entries: Located[] = policy.statements.map((s) => ({ value: '', offset: s.offset, length: s.length, type: 'null' }));
  return removeFromList(entries, index);
}

/** Replaces the whole value of an element (`"Action": …`) with JSON text. */
export function replaceValue(member: Member, json: string): TextEdit | undefined {
  return member.value ? replace(member.value.offset, member.value.offset + member.value.length, json) : undefined;
}

export function memberOf(statement: Statement, name: string): Member | undefined {
  // A loop, not `find`: asked several times per statement by rules that walk every statement.
  for (const member of statement.members) if (member.name === name) return member;
  return undefined;
}

/** The JSON value written after the key that ends at `keyEnd` and runs to `end`. */
function valueAfter(file: SourceFile, keyEnd: number, end: number): MemberValue {
  let at = keyEnd;
  while (at < end && /[\s:]/.test(file.text[at])) at++;
  const type = file.text[at] === '{' ? 'object' : file.text[at] === '[' ? 'array' : 'string';
  return { type, offset: at, length: end - at };
}

/** A condition entry (`"aws:SourceIp": […]`) as an element, for the list edits. */
export function entryMember(file: SourceFile, entry: ConditionEntry): Member {
  const { key } = entry;
  return { name: key.value, offset: key.offset, length: key.length, value: valueAfter(file, key.offset + key.length + 1, entry.offset + entry.length) };
}

function clauseMember(file: SourceFile, clause: ConditionClause): Member {
  const { operator } = clause;
  return { name: operator.value, offset: operator.offset, length: operator.length, value: valueAfter(file, operator.offset + operator.length + 1, clause.offset + clause.length) };
}

const asSpan = (value: MemberValue | undefined): Span | undefined => (value?.type === 'object' ? value : undefined);

/** Adds `"key": value` under the statement's `operator` clause, creating the clause or the Condition element as needed. */
export function addConditionEntry(file: SourceFile, statement: Statement, operator: string, key: string, value: string): TextEdit | undefined {
  const clause = statement.condition?.find((c) => c.operator.value === operator);
  if (clause) {
    const block = asSpan(clauseMember(file, clause).value);
    return block && insertMember(file, block, clause.entries.map((e) => entryMember(file, e)), key, value, 'last');
  }
  const entry = `{${jsonString(key)}: ${value}}`;
  const condition = memberOf(statement, 'Condition');
  if (condition) {
    const block = asSpan(condition.value);
    return block && insertMember(file, block, (statement.condition ?? []).map((c) => clauseMember(file, c)), operator, entry, 'last');
  }
  return insertMember(file, statement, statement.members, 'Condition', `{${jsonString(operator)}: ${entry}}`, 'last');
}
