// Where policy rules point: a part of a string value, or the head of a statement.
import type { Located, Statement } from '../../iam/policy';

export interface Where {
  start: number;
  end: number;
}

/**
 * The characters `value.value[index … index + length]` cover in the text; the whole string when it holds escapes
 * (then its characters and the text's no longer line up).
 */
export function spanIn(value: Located, index: number, length: number): Where {
  if (value.length !== value.value.length) return { start: value.offset, end: value.offset + value.length };
  return { start: value.offset + index, end: value.offset + index + length };
}

/** The whole of a located value (a string's characters between its quotes). */
export function whole(value: Located | { offset: number; length: number }): Where {
  return { start: value.offset, end: value.offset + value.length };
}

/** What identifies a statement on screen: its Sid, else its opening brace. */
export function statementHead(statement: Statement): Where {
  return statement.sid ? whole(statement.sid) : { start: statement.offset, end: statement.offset + 1 };
}

/** How messages name a statement: by Sid, else by position. */
export function statementName(statement: Statement): string {
  return statement.sid ? `Statement "${statement.sid.value}"` : `Statement ${statement.index + 1}`;
}
