// Reads IAM policy JSON (identity, bucket/resource and trust policies) into statements whose every element key and
// value keeps its offsets, so rules can point at the exact string. Tolerant: jsonc-parser builds a tree from broken
// JSON, and single-quoted strings are read as if double-quoted; every departure from strict JSON (which is all AWS
// accepts) is kept in `errors`.
import { ParseErrorCode, parseTree, printParseErrorCode, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text';

export type PolicyKind = 'identity' | 'resource' | 'trust';

/** A scalar JSON value and where it is written. */
export interface Located {
  /** The value as text: strings decoded, numbers, booleans and null as JSON writes them. */
  value: string;
  /**
   * For strings, the characters between the quotes (when `length === value.length` there are no escapes and
   * `offset + i` is where `value[i]` is); for numbers, booleans and null, the token.
   */
  offset: number;
  length: number;
  /** As written: Bool conditions accept `true` and `"true"`. */
  type: 'string' | 'number' | 'boolean' | 'null';
}

/** A key of an object in the policy (a top-level element or a statement element). */
export interface Member {
  name: string;
  /** The key's characters between its quotes. */
  offset: number;
  length: number;
  /** The value's node (jsonc-parser), for shape checks; undefined when the JSON breaks off after the key. */
  value: Node | undefined;
  /** JSON path of the value, for jsonc-parser's `modify`. */
  path: JSONPath;
}

/** `"AWS": ["arn:…", "123456789012"]` inside a Principal. */
export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated` or `CanonicalUser` (the key as written). */
  type: Located;
  values: Located[];
}

export interface Principal {
  /** A bare string principal (only `"*"` is valid: everyone). */
  text?: Located;
  entries: PrincipalEntry[];
  node: Node;
}

/** One condition key of an operator block and its values (any one value may match). */
export interface ConditionEntry {
  key: Located;
  values: Located[];
  node: Node;
}

/** `"StringEquals": { "aws:SourceVpc": "vpc-1", … }`: every entry must hold. */
export interface ConditionClause {
  operator: Located;
  entries: ConditionEntry[];
  node: Node;
}

export interface Statement {
  /** Position in the Statement array (0 for a single statement object). */
  index: number;
  path: JSONPath;
  node: Node;
  offset: number;
  length: number;
  /** 1-based line of the statement's `{`. */
  line: number;
  /** Every key of the statement, including unknown and repeated ones. */
  members: Member[];
  sid?: Located;
  effect?: Located;
  action?: Located[];
  notAction?: Located[];
  resource?: Located[];
  notResource?: Located[];
  principal?: Principal;
  notPrincipal?: Principal;
  condition?: ConditionClause[];
}

export interface PolicySyntaxError {
  /** jsonc-parser's code name (`CommaExpected`, `InvalidCommentToken`…), or `SingleQuotedString`. */
  code: string;
  kind: 'comment' | 'trailing-comma' | 'single-quote' | 'syntax';
  /** For a trailing comma, the comma itself; for a comment, the whole comment. */
  offset: number;
  length: number;
  message: string;
}

export interface Policy {
  kind: PolicyKind;
  version?: Located;
  id?: Located;
  /** The top-level keys, including unknown ones. */
  members: Member[];
  statements: Statement[];
  errors: PolicySyntaxError[];
  root: Node | undefined;
}

/** The policy language version that replaces `${…}` policy variables; any other version keeps them as text. */
export const currentPolicyVersion = '2012-10-17';

// Strict options: the tree comes out the same as with allowTrailingComma, and the errors name what AWS rejects.
const strict = { allowTrailingComma: false, disallowComments: true };

export function parsePolicy(text: string): Policy {
  let source = text;
  let parseErrors: ParseError[] = [];
  const extra: PolicySyntaxError[] = [];
  let root = parseDeep(source, parseErrors, extra);
  if (text.includes("'") && parseErrors.some((e) => e.error === ParseErrorCode.InvalidSymbol)) {
    const repaired = doubleQuoted(source);
    if (repaired.spans.length > 0) {
      source = repaired.text;
      parseErrors = [];
      extra.length = 0;
      root = parseDeep(source, parseErrors, extra);
      extra.push(...repaired.spans.map((s): PolicySyntaxError => ({ code: 'SingleQuotedString', kind: 'single-quote', offset: s.offset, length: s.length, message: 'single-quoted string (JSON strings use double quotes)' })));
    }
  }
  const errors = [...syntaxErrors(source, parseErrors), ...extra].sort((a, b) => a.offset - b.offset);
  const reader = new Reader(text);
  const members = reader.members(root, []);
  const field = (name: string) => lastMember(members, name);
  const statementMember = field('Statement');
  const statements = statementMember?.value ? reader.statements(statementMember.value) : [];
  const policy: Policy = { kind: policyKind(statements), members, statements, errors, root };
  const version = reader.scalar(field('Version')?.value);
  if (version) policy.version = version;
  const id = reader.scalar(field('Id')?.value);
  if (id) policy.id = id;
  return policy;
}

/** Whether `${…}` policy variables are replaced in this policy (Version 2012-10-17) rather than read literally. */
export function usesPolicyVariables(policy: Policy): boolean {
  return policy.version?.value === currentPolicyVersion;
}

const trustAction = /^sts:(?:AssumeRole\w*|TagSession|SetSourceIdentity|SetContext)$/i;
const assumeAction = /^sts:AssumeRole/i;

/** Trust: principal statements grant only sts:AssumeRole* (and the session actions that go with it); resource: some statement has a Principal. */
function policyKind(statements: readonly Statement[]): PolicyKind {
  const withPrincipal = statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const actions = withPrincipal.flatMap((s) => s.action ?? []);
  const trust = actions.length > 0 && actions.every((a) => trustAction.test(a.value)) && actions.some((a) => assumeAction.test(a.value));
  return trust ? 'trust' : 'resource';
}

/** JSON lets a key repeat; like JSON.parse (and AWS's reader), the last one counts. */
function lastMember(members: readonly Member[], name: string): Member | undefined {
  for (let i = members.length - 1; i >= 0; i--) if (members[i].name === name) return members[i];
  return undefined;
}

class Reader {
  private lines?: LineIndex;

  constructor(private readonly text: string) {}

  line(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset).line;
  }

  members(node: Node | undefined, path: JSONPath): Member[] {
    if (node?.type !== 'object') return [];
    const out: Member[] = [];
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.type !== 'string') continue;
      out.push({ name: key.value as string, offset: key.offset + 1, length: Math.max(0, key.length - 2), value, path: [...path, key.value as string] });
    }
    return out;
  }

  scalar(node: Node | undefined): Located | undefined {
    if (!node) return undefined;
    switch (node.type) {
      case 'string':
        return { value: node.value as string, offset: node.offset + 1, length: Math.max(0, node.length - 2), type: 'string' };
      case 'number':
      case 'boolean':
        return { value: String(node.value), offset: node.offset, length: node.length, type: node.type };
      case 'null':
        return { value: 'null', offset: node.offset, length: node.length, type: 'null' };
      default:
        return undefined;
    }
  }

  /** A value that may be one scalar or an array of them; other items are left to shape checks. */
  scalars(node: Node | undefined): Located[] {
    if (node?.type === 'array') return (node.children ?? []).flatMap((item) => this.scalar(item) ?? []);
    const one = this.scalar(node);
    return one ? [one] : [];
  }

  statements(node: Node): Statement[] {
    if (node.type === 'object') return [this.statement(node, 0, ['Statement'])];
    if (node.type !== 'array') return [];
    const out: Statement[] = [];
    (node.children ?? []).forEach((item, index) => {
      if (item.type === 'object') out.push(this.statement(item, index, ['Statement', index]));
    });
    return out;
  }

  private statement(node: Node, index: number, path: JSONPath): Statement {
    const members = this.members(node, path);
    const statement: Statement = { index, path, node, offset: node.offset, length: node.length, line: this.line(node.offset), members };
    const value = (name: string) => lastMember(members, name)?.value;
    const sid = this.scalar(value('Sid'));
    if (sid) statement.sid = sid;
    const effect = this.scalar(value('Effect'));
    if (effect) statement.effect = effect;
    const lists = { Action: 'action', NotAction: 'notAction', Resource: 'resource', NotResource: 'notResource' } as const;
    for (const [name, field] of Object.entries(lists)) {
      const node = value(name);
      if (node) statement[field] = this.scalars(node);
    }
    const principal = value('Principal');
    if (principal) statement.principal = this.principal(principal);
    const notPrincipal = value('NotPrincipal');
    if (notPrincipal) statement.notPrincipal = this.principal(notPrincipal);
    const condition = value('Condition');
    if (condition) statement.condition = this.condition(condition);
    return statement;
  }

  private principal(node: Node): Principal {
    const principal: Principal = { entries: [], node };
    const text = this.scalar(node);
    if (text) principal.text = text;
    for (const property of node.type === 'object' ? (node.children ?? []) : []) {
      const type = this.scalar(property.children?.[0]);
      if (type) principal.entries.push({ type, values: this.scalars(property.children?.[1]) });
    }
    return principal;
  }

  private condition(node: Node): ConditionClause[] {
    if (node.type !== 'object') return [];
    return (node.children ?? []).flatMap((property) => {
      const operator = this.scalar(property.children?.[0]);
      const block = property.children?.[1];
      if (!operator || !block) return [];
      const entries = (block.type === 'object' ? (block.children ?? []) : []).flatMap((entry) => {
        const key = this.scalar(entry.children?.[0]);
        return key ? [{ key, values: this.scalars(entry.children?.[1]), node: entry }] : [];
      });
      return [{ operator, entries, node: property }];
    });
  }
}

interface Span {
  offset: number;
  length: number;
}

/** Policies nest a handful of levels; jsonc-parser recurses per level and overflows the stack near ten thousand. */
const maxDepth = 64;

/** parseTree, and for JSON nested past `maxDepth`, the same with the too-deep values blanked out (offsets kept). */
function parseDeep(text: string, errors: ParseError[], extra: PolicySyntaxError[]): Node | undefined {
  try {
    return parseTree(text, errors, strict);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    errors.length = 0;
    const flat = flattened(text);
    extra.push({ code: 'NestingTooDeep', kind: 'syntax', offset: flat.offset, length: 1, message: `nested deeper than ${maxDepth} levels` });
    return parseTree(flat.text, errors, strict);
  }
}

/** The index just past the string or comment that starts at `i`, or `i` when none starts there. */
function skipStringOrComment(text: string, i: number): number {
  if (text[i] === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, text.length);
  }
  if (text[i] === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (text[i] === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? text.length : end + 2;
  }
  return i;
}

/** `text` with every value that opens past `maxDepth` replaced by `0` and spaces (line breaks kept). */
function flattened(text: string): { text: string; offset: number } {
  let depth = 0;
  let out = '';
  let at = 0;
  let first = -1;
  for (let i = 0; i < text.length; ) {
    const next = skipStringOrComment(text, i);
    if (next !== i) {
      i = next;
      continue;
    }
    const ch = text[i];
    if ((ch === '[' || ch === '{') && depth === maxDepth) {
      let end = i + 1;
      for (let inner = 1; end < text.length && inner > 0; ) {
        const after = skipStringOrComment(text, end);
        if (after !== end) {
          end = after;
          continue;
        }
        if (text[end] === '[' || text[end] === '{') inner++;
        else if (text[end] === ']' || text[end] === '}') inner--;
        end++;
      }
      if (first === -1) first = i;
      out += `${text.slice(at, i)}0${text.slice(i + 1, end).replace(/[^\n]/g, ' ')}`;
      at = i = end;
      continue;
    }
    if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    i++;
  }
  return { text: out + text.slice(at), offset: Math.max(first, 0) };
}

/**
 * `text` with each single-quoted string on one line that holds no `"` or `\` rewritten with double quotes (same
 * length, so offsets stay), and where those strings are. Double-quoted strings and comments are skipped.
 */
function doubleQuoted(text: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  for (let i = 0; i < text.length; ) {
    const next = skipStringOrComment(text, i);
    if (next !== i) {
      i = next;
    } else if (text[i] === "'") {
      let end = i + 1;
      while (end < text.length && !"'\"\\\n".includes(text[end])) end++;
      if (text[end] === "'") spans.push({ offset: i, length: end - i + 1 });
      i = text[end] === "'" ? end + 1 : i + 1;
    } else {
      i++;
    }
  }
  if (spans.length === 0) return { text, spans };
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.offset)}"${text.slice(span.offset + 1, span.offset + span.length - 1)}"`;
    at = span.offset + span.length;
  }
  return { text: out + text.slice(at), spans };
}

const words = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** jsonc-parser's errors, with comments and trailing commas told apart (a trailing comma becomes one error at the comma). */
function syntaxErrors(text: string, errors: readonly ParseError[]): PolicySyntaxError[] {
  const commentStart = new Map<number, number>();
  for (const e of errors) if (e.error === ParseErrorCode.InvalidCommentToken) commentStart.set(e.offset + e.length, e.offset);
  /** The comma right before `offset`, across whitespace and comments, or -1. */
  const commaBefore = (offset: number): number => {
    let i = offset;
    for (;;) {
      while (i > 0 && /\s/.test(text[i - 1])) i--;
      const start = commentStart.get(i);
      if (start === undefined) break;
      i = start;
    }
    return i > 0 && text[i - 1] === ',' ? i - 1 : -1;
  };
  const out: PolicySyntaxError[] = [];
  const commas = new Set<number>();
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    const closer = text[e.offset] === '}' || text[e.offset] === ']';
    const comma = closer && (e.error === ParseErrorCode.ValueExpected || e.error === ParseErrorCode.PropertyNameExpected) ? commaBefore(e.offset) : -1;
    if (comma !== -1) {
      if (!commas.has(comma)) out.push({ code, kind: 'trailing-comma', offset: comma, length: 1, message: `trailing comma before "${text[e.offset]}"` });
      commas.add(comma);
    } else if (e.error === ParseErrorCode.InvalidCommentToken) {
      out.push({ code, kind: 'comment', offset: e.offset, length: e.length, message: 'comment (JSON has no comments)' });
    } else {
      out.push({ code, kind: 'syntax', offset: e.offset, length: e.length, message: words(code) });
    }
  }
  return out;
}
