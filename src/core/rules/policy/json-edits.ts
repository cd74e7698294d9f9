// Minimal edits to policy JSON, placed by the offsets the policy reader keeps (src/core/iam/policy.ts) and laid out
// like the text around them (line breaks, indentation, one-line or one-per-line lists), so fixes keep formatting.
import type { Located, Member, Span, Statement } from '../../iam/policy';
import type { TextEdit } from '../../model';
import type { SourceFile } from '../../workspace';
import { replace } from '../fixes';

/** `value` as a JSON string literal (quotes included). */
export function jsonString(value: string): string {
  return JSON.stringify(value);
}

/** Where the token of a located value starts and ends in the text (a string's quotes included). */
export function tokenSpan(value: Located): { start: number; end: number } {
  return value.type === 'string' ? { start: value.offset - 1, end: value.offset + value.length + 1 } : { start: value.offset, end: value.offset + value.length };
}

/** Where a member's key token (its quotes included) starts. */
export function keyStart(member: Member): number {
  return member.offset - 1;
}

/** Where a member ends: after its value, or after its key when the JSON breaks off there. */
export function memberEnd(member: Member): number {
  return member.value ? member.value.offset + member.value.length : member.offset + member.length + 1;
}

/** Replaces a string value or key between its quotes (the quotes stay); other tokens are replaced whole. */
export function replaceString(at: Located | Member, value: string): TextEdit {
  if ('type' in at && at.type !== 'string') return replace(at.offset, at.offset + at.length, jsonString(value));
  return replace(at.offset, at.offset + at.length, jsonString(value).slice(1, -1));
}

/** The leading whitespace of the line that holds `offset`. */
export function lineIndent(file: SourceFile, offset: number): string {
  const text = file.lines.lineText(file.lines.position(offset).line);
  return text.slice(0, text.length - text.trimStart().length);
}

const sameLine = (file: SourceFile, a: number, b: number) => file.lines.position(a).line === file.lines.position(b).line;

/** What goes between two entries of a list or object: a line break and the entry's indentation, or a space. */
function separator(file: SourceFile, container: Span, firstEntry: number): string {
  return sameLine(file, container.offset, firstEntry) ? ' ' : `${file.lines.eol}${lineIndent(file, firstEntry)}`;
}

/** The text the value of `member` is written as (for copying an element into another statement as is). */
export function valueText(file: SourceFile, member: Member): string | undefined {
  return member.value ? file.text.slice(member.value.offset, member.value.offset + member.value.length) : undefined;
}

/**
 * Adds `item` (JSON text) to a list element such as Action or Resource: after the last entry, one per line when the
 * list is written one per line; a single string becomes a one-line list `["old", item]`.
 */
export function appendToList(file: SourceFile, member: Member, items: readonly Located[], item: string): TextEdit[] {
  const value = member.value;
  if (!value) return [];
  if (value.type === 'string' && items.length === 1) {
    const { start, end } = tokenSpan(items[0]);
    return [replace(start, start, '['), replace(end, end, `, ${item}]`)];
  }
  if (value.type !== 'array') return [];
  const last = items[items.length - 1];
  if (!last) {
    const close = value.offset + value.length - 1;
    return file.text[close] === ']' ? [replace(value.offset + 1, close, item)] : [];
  }
  const at = tokenSpan(last).end;
  return [replace(at, at, `,${separator(file, value, tokenSpan(items[0]).start)}${item}`)];
}

/** Removes entry `index` of a list element with its comma; undefined when it is the only entry (the list would be empty). */
export function removeFromList(items: readonly Located[], index: number): TextEdit | undefined {
  if (items.length < 2 || index < 0 || index >= items.length) return undefined;
  const item = tokenSpan(items[index]);
  // The entry and what separates it from the next one; the last entry takes the separator before it instead.
  if (index < items.length - 1) return replace(item.start, tokenSpan(items[index + 1]).start, '');
  return replace(tokenSpan(items[index - 1]).end, item.end, '');
}

/**
 * Adds `"key": value` (value as JSON text) to the object at `object` whose members are `members`: as its first member
 * (`Version` goes before `Statement`) or after its last one, laid out like its other members.
 */
export function insertMember(file: SourceFile, object: Span, members: readonly Member[], key: string, value: string, where: 'first' | 'last'): TextEdit | undefined {
  const entry = `${jsonString(key)}: ${value}`;
  const first = members[0];
  if (!first) {
    const close = object.offset + object.length - 1;
    return file.text[object.offset] === '{' && file.text[close] === '}' ? replace(object.offset + 1, close, entry) : undefined;
  }
  const sep = separator(file, object, keyStart(first));
  if (where === 'first') return replace(keyStart(first), keyStart(first), `${entry},${sep}`);
  const at = memberEnd(members[members.length - 1]);
  return replace(at, at, `,${sep}${entry}`);
}

/**
 * A statement object whose members are `entries` (key and JSON text), laid out like `like`: one member per line at
 * its members' indentation, or on one line. Copied values (a Condition block) keep their own line breaks, which
 * fit because the new statement sits at the same depth as `like`.
 */
export function statementText(file: SourceFile, like: Statement, entries: readonly (readonly [string, string])[]): string {
  const first = like.members[0];
  const close = like.offset + like.length - 1;
  if (!first || sameLine(file, like.offset, keyStart(first))) return `{${entries.map(([k, v]) => `${jsonString(k)}: ${v}`).join(', ')}}`;
  const eol = file.lines.eol;
  const memberIndent = lineIndent(file, keyStart(first));
  const closeIndent = sameLine(file, close, keyStart(first)) ? lineIndent(file, like.offset) : lineIndent(file, close);
  return `{${eol}${entries.map(([k, v]) => `${memberIndent}${jsonString(k)}: ${v}`).join(`,${eol}`)}${eol}${closeIndent}}`;
}

/**
 * Adds a statement (its JSON text, e.g. from `statementText`) right after `after`. A single statement object
 * (`"Statement": {…}`) becomes a list of both.
 */
export function insertStatementAfter(file: SourceFile, after: Statement, text: string): TextEdit[] {
  const end = after.offset + after.length;
  const sep = sameLine(file, after.offset, end - 1) ? ' ' : `${file.lines.eol}${lineIndent(file, after.offset)}`;
  if (after.path.length === 1) return [replace(after.offset, after.offset, '['), replace(end, end, `,${sep}${text}]`)];
  return [replace(end, end, `,${sep}${text}`)];
}

/** The Sids a policy's statements use. */
export function sidsOf(statements: readonly Statement[]): Set<string> {
  const sids = new Set<string>();
  for (const s of statements) if (s.sid) sids.add(s.sid.value);
  return sids;
}

/** A Sid not in `taken`, made from `base` (`ListBucket`, `ListBucket2`, …); it is added to `taken`, so the next differs. */
export function unusedSid(taken: Set<string>, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9]/g, '') || 'Statement';
  let sid = clean;
  for (let n = 2; taken.has(sid); n++) sid = `${clean}${n}`;
  taken.add(sid);
  return sid;
}
