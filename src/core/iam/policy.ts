// Reads IAM policy JSON (identity, bucket/resource and trust policies) into statements whose every element key and
// value keeps its offsets, so rules can point at the exact string. One pass builds only this model (no generic
// tree): a walk of strict JSON (strict-json.ts), or, when the text departs from it, jsonc-parser's visitor.
// Tolerant: broken JSON still yields its statements, single-quoted strings are read as if double-quoted, and every
// departure from strict JSON (which is all AWS accepts) is kept in `errors`.
import { ParseErrorCode, parseTree, printParseErrorCode, visit, type JSONPath, type Node, type NodeType, type ParseError } from 'jsonc-parser';
import { walkStrictJson, type JsonEvents } from './strict-json';

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

/** Where a JSON value is written and what it is. */
export interface Span {
  offset: number;
  length: number;
}

export interface MemberValue extends Span {
  type: NodeType;
}

/** A key of an object in the policy (a top-level element or a statement element). */
export interface Member {
  name: string;
  /** The key's characters between its quotes. */
  offset: number;
  length: number;
  /**
   * The value (the whole JSON value: quotes, brackets); undefined when the JSON breaks off after the key. Its JSON
   * path, for jsonc-parser's `modify`, is `[name]` at the top level and `[...statement.path, name]` in a statement.
   */
  value?: MemberValue;
}

/** `"AWS": ["arn:…", "123456789012"]` inside a Principal. */
export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated` or `CanonicalUser` (the key as written). */
  type: Located;
  values: Located[];
}

export interface Principal extends Span {
  /** A bare string principal (only `"*"` is valid: everyone). */
  text?: Located;
  entries: PrincipalEntry[];
}

/** One condition key of an operator block and its values (any one value may match); the span runs from key to value. */
export interface ConditionEntry extends Span {
  key: Located;
  values: Located[];
}

/** `"StringEquals": { "aws:SourceVpc": "vpc-1", … }`: every entry must hold. The span runs from operator to block end. */
export interface ConditionClause extends Span {
  operator: Located;
  entries: ConditionEntry[];
}

export interface Statement extends Span {
  /** Position in the Statement array (0 for a single statement object). */
  index: number;
  path: JSONPath;
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

export interface PolicySyntaxError extends Span {
  /** jsonc-parser's code name (`CommaExpected`, `InvalidCommentToken`…), `SingleQuotedString` or `NestingTooDeep`. */
  code: string;
  /** For a trailing comma the span is the comma; for a comment, the whole comment. */
  kind: 'comment' | 'trailing-comma' | 'single-quote' | 'syntax';
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
  /** jsonc-parser's tree of the document, built on first use (the model above answers most questions without it). */
  readonly root: Node | undefined;
}

/** The policy language version that replaces `${…}` policy variables; any other version keeps them as text. */
export const currentPolicyVersion = '2012-10-17';

// Strict options: the values read are the same as with allowTrailingComma, and the errors name what AWS rejects.
const strict = { allowTrailingComma: false, disallowComments: true };

export function parsePolicy(text: string): Policy {
  let read = readDeep(text);
  let quoted: Span[] = [];
  if (text.includes("'") && read.errors.some((e) => e.error === ParseErrorCode.InvalidSymbol)) {
    const repaired = doubleQuoted(text);
    if (repaired.spans.length > 0) {
      read = readDeep(repaired.text);
      quoted = repaired.spans;
    }
  }
  const { model } = read;
  const errors = [
    ...syntaxErrors(read.text, read.errors),
    ...read.extra,
    ...quoted.map((s): PolicySyntaxError => ({ code: 'SingleQuotedString', kind: 'single-quote', offset: s.offset, length: s.length, message: 'single-quoted string (JSON strings use double quotes)' })),
  ].sort((a, b) => a.offset - b.offset);
  let root: Node | undefined | null = null;
  const policy: Policy = {
    kind: policyKind(model.statements),
    members: model.members,
    statements: model.statements,
    errors,
    get root() {
      root ??= parseTree(read.text, [], strict);
      return root;
    },
  };
  if (model.version) policy.version = model.version;
  if (model.id) policy.id = model.id;
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

interface Model {
  members: Member[];
  statements: Statement[];
  version?: Located;
  id?: Located;
}

type FrameKind = 'root' | 'skip' | 'statements' | 'statement' | 'scalars' | 'principal' | 'condition' | 'clause';

/** What the visitor is inside of (one shape for every kind keeps property access fast; reused per depth, see `reset`). */
class Frame {
  kind: FrameKind = 'skip';
  /** Where this container's spans start in the builder's `unsized` stack (their length is known when it ends). */
  sized = 0;
  /** The object key waiting for its value (-1 offset: none). */
  keyName = '';
  keyOffset = -1;
  keyLength = 0;
  member: Member | undefined = undefined;
  statement: Statement | undefined = undefined;
  into: Located[] | undefined = undefined;
  principal: Principal | undefined = undefined;
  clauses: ConditionClause[] | undefined = undefined;
  clause: ConditionClause | undefined = undefined;

  reset(kind: FrameKind, sized: number): this {
    this.kind = kind;
    this.sized = sized;
    this.keyName = '';
    this.keyOffset = -1;
    this.keyLength = 0;
    this.member = this.statement = this.into = this.principal = this.clauses = this.clause = undefined;
    return this;
  }
}

/** An object key (its token: quotes included) as a located string. */
const keyOf = (name: string, offset: number, length: number): Located => ({ value: name, offset: offset + 1, length: Math.max(0, length - 2), type: 'string' });

const lists = { Action: 'action', NotAction: 'notAction', Resource: 'resource', NotResource: 'notResource' } as const;

/** Builds the model from visitor events; every container pushes a frame, whose spans get their length at its end. */
class Builder implements JsonEvents {
  readonly model: Model = { members: [], statements: [] };
  private readonly stack: Frame[] = [];
  /** The spans of the open containers, innermost last (one stack: an array per container costs more than the parse). */
  private readonly unsized: Span[] = [];
  /** A frame per depth, reused: a frame is done with when its container closes, and the parse then allocates only the model. */
  private readonly frames: Frame[] = [];
  private readonly strings = new Map<string, string>();
  private statementCount = 0;

  open(type: 'object' | 'array', offset: number, line: number): void {
    const parent = this.stack[this.stack.length - 1];
    const frame = parent ? this.place(parent, type, offset, 0, line) : this.container(type === 'object' ? 'root' : 'skip', this.unsized.length);
    this.stack.push(frame ?? this.container('skip', this.unsized.length));
  }

  close(end: number): void {
    const frame = this.stack.pop();
    if (!frame) return;
    for (let i = frame.sized; i < this.unsized.length; i++) this.unsized[i].length = end - this.unsized[i].offset;
    this.unsized.length = frame.sized;
  }

  /**
   * One string object per distinct value: policies repeat the same actions, ARNs and condition values thousands of
   * times, and the rules' lookups by an interned string find it by identity and keep one copy alive, not thousands.
   */
  private intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** The frame of the container about to be opened (it goes on top of the stack). */
  private container(kind: FrameKind, sized: number): Frame {
    return (this.frames[this.stack.length] ??= new Frame()).reset(kind, sized);
  }

  /** The frame of a value: a container's, none for a literal (`sized` undefined). */
  private frameOf(kind: FrameKind, sized: number | undefined): Frame | undefined {
    return sized === undefined ? undefined : this.container(kind, sized);
  }

  /** Adds a span to the container being opened (`sized` defined), to be measured when it closes. */
  private measure(sized: number | undefined, span: Span): void {
    if (sized !== undefined) this.unsized.push(span);
  }

  property(name: string, offset: number, length: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return;
    frame.keyName = name;
    frame.keyOffset = offset;
    frame.keyLength = length;
    const members = frame.statement?.members ?? (frame.kind === 'root' ? this.model.members : undefined);
    if (members) {
      frame.member = { name, offset: offset + 1, length: Math.max(0, length - 2) };
      members.push(frame.member);
    }
  }

  literal(value: unknown, offset: number, length: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return;
    const type = value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
    const located: Located = type === 'string' ? { value: this.intern(value as string), offset: offset + 1, length: Math.max(0, length - 2), type } : { value: String(value), offset, length, type };
    this.place(frame, type, offset, length, 0, located);
  }

  /** Records a value (a literal, or a container starting at `offset`) under `parent`; returns the container's frame. */
  private place(parent: Frame, type: NodeType, offset: number, length: number, line: number, literal?: Located): Frame | undefined {
    const { keyName: name, keyOffset, keyLength, member } = parent;
    const hasKey = keyOffset !== -1;
    parent.keyOffset = -1;
    parent.member = undefined;
    // A literal needs no frame; a container gets one, and its spans are measured when it closes.
    const sized = literal ? undefined : this.unsized.length;
    if (member) {
      member.value = { type, offset, length };
      this.measure(sized, member.value);
    }
    switch (parent.kind) {
      case 'root':
        if (hasKey && name === 'Statement') {
          this.model.statements = [];
          this.statementCount = 0;
          if (type === 'object') return this.statement(0, ['Statement'], offset, line, sized);
          if (type === 'array') return this.frameOf('statements', sized);
        }
        if (literal && hasKey && name === 'Version') this.model.version = literal;
        if (literal && hasKey && name === 'Id') this.model.id = literal;
        return this.frameOf('skip', sized);
      case 'statements': {
        const index = this.statementCount++;
        return type === 'object' ? this.statement(index, ['Statement', index], offset, line, sized) : this.frameOf('skip', sized);
      }
      case 'statement':
        return hasKey ? this.element(parent.statement!, name, type, offset, length, literal, sized) : this.frameOf('skip', sized);
      case 'scalars':
        if (literal) parent.into!.push(literal);
        return this.frameOf('skip', sized);
      case 'principal': {
        if (!hasKey) return this.frameOf('skip', sized);
        const entry: PrincipalEntry = { type: keyOf(this.intern(name), keyOffset, keyLength), values: [] };
        parent.principal!.entries.push(entry);
        if (literal) entry.values.push(literal);
        return type === 'array' ? this.scalars(entry.values, sized) : this.frameOf('skip', sized);
      }
      case 'condition': {
        if (!hasKey) return this.frameOf('skip', sized);
        const clause: ConditionClause = { operator: keyOf(this.intern(name), keyOffset, keyLength), entries: [], offset: keyOffset, length: offset + length - keyOffset };
        parent.clauses!.push(clause);
        this.measure(sized, clause);
        const f = this.frameOf(type === 'object' ? 'clause' : 'skip', sized);
        if (f) f.clause = clause;
        return f;
      }
      case 'clause': {
        if (!hasKey) return this.frameOf('skip', sized);
        const entry: ConditionEntry = { key: keyOf(this.intern(name), keyOffset, keyLength), values: [], offset: keyOffset, length: offset + length - keyOffset };
        parent.clause!.entries.push(entry);
        if (literal) entry.values.push(literal);
        this.measure(sized, entry);
        return type === 'array' ? this.scalars(entry.values, sized) : this.frameOf('skip', sized);
      }
      default:
        return this.frameOf('skip', sized);
    }
  }

  /** A statement element's value. */
  private element(s: Statement, name: string, type: NodeType, offset: number, length: number, literal: Located | undefined, sized: number | undefined): Frame | undefined {
    if (name === 'Sid' || name === 'Effect') {
      if (literal) s[name === 'Sid' ? 'sid' : 'effect'] = literal;
    } else if (Object.hasOwn(lists, name)) {
      const into: Located[] = (s[lists[name as keyof typeof lists]] = []);
      if (literal) into.push(literal);
      if (type === 'array') return this.scalars(into, sized);
    } else if (name === 'Principal' || name === 'NotPrincipal') {
      const principal: Principal = { entries: [], offset, length };
      s[name === 'Principal' ? 'principal' : 'notPrincipal'] = principal;
      if (literal) principal.text = literal;
      this.measure(sized, principal);
      if (type === 'object') {
        const frame = this.container('principal', sized!);
        frame.principal = principal;
        return frame;
      }
    } else if (name === 'Condition') {
      const clauses: ConditionClause[] = (s.condition = []);
      if (type === 'object') {
        const frame = this.container('condition', sized!);
        frame.clauses = clauses;
        return frame;
      }
    }
    return this.frameOf('skip', sized);
  }

  private scalars(into: Located[], sized: number | undefined): Frame | undefined {
    if (sized === undefined) return undefined;
    const frame = this.container('scalars', sized);
    frame.into = into;
    return frame;
  }

  private statement(index: number, path: JSONPath, offset: number, line: number, sized: number | undefined): Frame {
    const statement: Statement = { index, path, offset, length: 0, line: line + 1, members: [] };
    this.model.statements.push(statement);
    const frame = this.container('statement', sized ?? this.unsized.length);
    this.unsized.push(statement);
    frame.statement = statement;
    return frame;
  }
}

function read(text: string): { model: Model; errors: ParseError[] } {
  const strictly = new Builder();
  if (walkStrictJson(text, strictly)) return { model: strictly.model, errors: [] };
  const errors: ParseError[] = [];
  const builder = new Builder();
  visit(
    text,
    {
      onObjectBegin: (offset, _length, line) => builder.open('object', offset, line),
      onArrayBegin: (offset, _length, line) => builder.open('array', offset, line),
      onObjectEnd: (offset, length) => builder.close(offset + length),
      onArrayEnd: (offset, length) => builder.close(offset + length),
      onObjectProperty: (name, offset, length) => builder.property(name, offset, length),
      onLiteralValue: (value: unknown, offset, length) => builder.literal(value, offset, length),
      onError: (error, offset, length) => errors.push({ error, offset, length }),
    },
    strict,
  );
  return { model: builder.model, errors };
}

/** Policies nest a handful of levels; jsonc-parser recurses per level and overflows the stack near ten thousand. */
const maxDepth = 64;

/** `read`, and for JSON nested past `maxDepth`, the same with the too-deep values blanked out (offsets kept). */
function readDeep(text: string): { model: Model; errors: ParseError[]; extra: PolicySyntaxError[]; text: string } {
  try {
    return { ...read(text), extra: [], text };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const flat = flattened(text);
    const extra: PolicySyntaxError[] = [{ code: 'NestingTooDeep', kind: 'syntax', offset: flat.offset, length: 1, message: `nested deeper than ${maxDepth} levels` }];
    return { ...read(flat.text), extra, text: flat.text };
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
