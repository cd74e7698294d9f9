// AWS's policy evaluation for one account, offline: an explicit Deny wins, then any Allow (identity or resource
// policy: within one account either suffices), else the implicit deny. Three-valued: when the answer depends on
// request context the caller did not supply (aws:SourceIp, s3:prefix, sts:ExternalId…), the decision is
// `conditional` and names those keys.
import { parseOperator, type ConditionOperator, type PolicyValue, type ValueTest } from './operators';
import { usesPolicyVariables, type Policy, type PolicyKind, type Principal, type Statement } from './policy';
import { hasPolicyVariable, parseTemplate, type TemplatePart } from './variables';
import { hasWildcard, Wildcard, type PatternPiece } from './wildcard';

/**
 * Request context by key (keys compare case-insensitively). A key left out is unknown: a decision that depends
 * on it is `conditional`. `null` (or `[]`) says the request does not carry the key at all.
 */
export type RequestContext = Readonly<Record<string, string | readonly string[] | null>>;

export interface Request {
  /** `s3:GetObject`. */
  action: string;
  /**
   * An ARN, or a pattern standing for every resource it names (`arn:aws:s3:::b/media/*`): a statement counts only
   * when it applies to all of them.
   */
  resource: string;
  /** The caller's ARN (or account id, or service principal), for Principal / NotPrincipal in resource and trust policies. */
  principal?: string;
  context?: RequestContext;
}

export interface PolicyInput {
  policy: Policy;
  /** Shown in `decidedBy` (workspace-relative path). */
  file: string;
  /** Defaults to the kind the reader inferred. */
  kind?: PolicyKind;
}

export type DecisionValue = 'allowed' | 'denied' | 'conditional';

export interface StatementRef {
  file: string;
  /** Position in the policy's Statement array. */
  index: number;
  sid?: string;
  /** 1-based line and offset of the statement's `{`. */
  line: number;
  offset: number;
  effect: 'Allow' | 'Deny';
}

export interface Decision {
  decision: DecisionValue;
  /** An explicit Deny decided it (denied) or may decide it (conditional). */
  explicitDeny: boolean;
  /** The context keys a conditional decision depends on, as the policy spells them. */
  conditionKeys: string[];
  /** The deciding statements: the matching Deny(s), else the matching Allow(s); for conditional, the ones in doubt first. Empty for an implicit deny. */
  decidedBy: StatementRef[];
}

/** Whether something holds: yes, no, or unknown until the listed context keys are known. */
type Tri = boolean | Unknown;

class Unknown {
  constructor(readonly keys: readonly string[]) {}
}

const unknown = (keys: readonly string[]): Unknown => new Unknown(keys);
const isUnknown = (t: unknown): t is Unknown => t instanceof Unknown;

function anyOf(items: Iterable<Tri>): Tri {
  let keys: string[] | undefined;
  for (const t of items) {
    if (t === true) return true;
    if (isUnknown(t)) (keys ??= []).push(...t.keys);
  }
  return keys ? unknown(keys) : false;
}

function allOf(items: Iterable<Tri>): Tri {
  let keys: string[] | undefined;
  for (const t of items) {
    if (t === false) return false;
    if (isUnknown(t)) (keys ??= []).push(...t.keys);
  }
  return keys ? unknown(keys) : true;
}

const not = (t: Tri): Tri => (isUnknown(t) ? t : !t);

/** Request context, lower-cased keys; `undefined` = unknown, `null` = absent. */
class Context {
  private readonly values = new Map<string, readonly string[] | null>();

  constructor(context: RequestContext, principal: string | undefined) {
    for (const [key, value] of Object.entries(context)) {
      this.values.set(key.toLowerCase(), value === null ? null : typeof value === 'string' ? [value] : value.length === 0 ? null : value);
    }
    // A known caller also fixes the principal keys AWS derives from it.
    const arn = principal?.split(':');
    if (arn && arn.length >= 6 && arn[0] === 'arn') {
      const roleSession = /^assumed-role\/([^/]+)\//.exec(arn[5]);
      this.default('aws:principalarn', roleSession ? `arn:${arn[1]}:iam::${arn[4]}:role/${roleSession[1]}` : principal!);
      this.default('aws:principalaccount', arn[4]);
      const user = /^user\/(?:.*\/)?([^/]+)$/.exec(arn[5]);
      if (user) this.default('aws:username', user[1]);
    }
  }

  private default(key: string, value: string): void {
    if (!this.values.has(key)) this.values.set(key, [value]);
  }

  get(key: string): readonly string[] | null | undefined {
    return this.values.get(key.toLowerCase());
  }
}

/** A policy string after variable substitution: pieces, unknown (keys), or unusable (a variable the request lacks). */
type Resolved = PatternPiece[] | Unknown | null;

/** A Resource or condition value: fixed, or with policy variables to substitute per request. */
interface Template {
  text: string;
  parts?: TemplatePart[];
}

function template(text: string, variables: boolean): Template {
  if (!variables || !hasPolicyVariable(text)) return { text };
  const parts = parseTemplate(text);
  return parts.some((p) => !('text' in p)) ? { text, parts } : { text };
}

function resolve(t: Template, context: Context): Resolved {
  if (!t.parts) return [t.text];
  const pieces: PatternPiece[] = [];
  for (const part of t.parts) {
    if ('text' in part) pieces.push(part.text);
    else if ('literal' in part) pieces.push({ literal: part.literal });
    else {
      const value = context.get(part.variable);
      if (value === undefined) return unknown([part.variable]);
      // A multivalued key cannot stand in for one value.
      const single = value === null || value.length !== 1 ? part.fallback : value[0];
      if (single === undefined) return null;
      pieces.push({ literal: single });
    }
  }
  return pieces;
}

interface CompiledCondition {
  /** Undefined for an operator IAM does not know (AWS rejects the policy; here the condition never holds). */
  operator?: ConditionOperator;
  key: string;
  values: { template: Template; test?: ValueTest }[];
}

/** Action names: plain ones in a set (lower-cased), wildcard ones as patterns. */
interface ActionSet {
  names: Set<string>;
  patterns: Wildcard[];
}

function actionSet(values: Statement['action']): ActionSet | undefined {
  if (!values) return undefined;
  const set: ActionSet = { names: new Set(), patterns: [] };
  for (const { value } of values) {
    if (hasWildcard(value)) set.patterns.push(new Wildcard(value, { ignoreCase: true }));
    else set.names.add(value.toLowerCase());
  }
  return set;
}

const inSet = (set: ActionSet, action: string) => set.names.has(action) || set.patterns.some((p) => p.matches(action));

/** A Resource or NotResource value: its pattern when it has no policy variables. */
interface CompiledResource {
  template: Template;
  pattern?: Wildcard;
}

interface CompiledStatement {
  statement: Statement;
  effect?: 'Allow' | 'Deny';
  actions?: ActionSet;
  notActions?: ActionSet;
  resources?: CompiledResource[];
  notResources?: CompiledResource[];
  principal?: Principal;
  notPrincipal?: Principal;
  conditions: CompiledCondition[];
}

// Only valid names are kept, so the cache stays as small as the operator grammar (162 names).
const operators = new Map<string, ConditionOperator>();

function operatorNamed(name: string): ConditionOperator | undefined {
  let operator = operators.get(name);
  if (!operator) {
    operator = parseOperator(name);
    if (operator) operators.set(name, operator);
  }
  return operator;
}

/**
 * A policy prepared for evaluation: its statements by the ARNs they name (a plain ARN applies to itself only, a
 * pattern only to resources starting with its literal prefix), each statement prepared when a request first reaches it.
 */
// One entry per distinct ARN (and variables mode), kept across compiles and never changed: statements repeat the
// same few ARNs, and so do the snapshots of a policy being edited. Bounded: it starts over past 10,000.
const compiledResources = [new Map<string, CompiledResource>(), new Map<string, CompiledResource>()];

function compiledResource(text: string, variables: boolean): CompiledResource {
  const cache = compiledResources[variables ? 1 : 0];
  let made = cache.get(text);
  if (!made) {
    if (cache.size >= 10_000) cache.clear();
    const t = template(text, variables);
    cache.set(text, (made = t.parts ? { template: t } : { template: t, pattern: new Wildcard(text) }));
  }
  return made;
}

export class CompiledPolicy {
  private readonly variables: boolean;
  private readonly prepared: (CompiledStatement | undefined)[] = [];
  private readonly resources: (CompiledResource[] | undefined)[] = [];
  private readonly notResources: (CompiledResource[] | undefined)[] = [];
  /** Statements (by position) under the plain ARNs they name, and under the literal prefixes of their patterns. */
  private readonly byArn = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  /** The lengths of those prefixes, shortest first. */
  private readonly lengths: number[];
  /** Statements any resource may reach: NotResource, no Resource, policy variables. */
  private readonly anyResource: number[] = [];
  private readonly reached = new Map<string, readonly number[]>();

  constructor(readonly policy: Policy) {
    this.variables = usesPolicyVariables(policy);
    const lengths = new Set<number>();
    policy.statements.forEach((statement, i) => {
      const resources = this.resourceList(statement.resource);
      this.resources.push(resources);
      this.notResources.push(this.resourceList(statement.notResource));
      if (!resources || statement.notResource || resources.some((r) => !r.pattern)) return this.anyResource.push(i);
      for (const { pattern } of resources) {
        const plain = !pattern!.hasWildcards;
        listed(plain ? this.byArn : this.byPrefix, pattern!.prefix, i);
        if (!plain) lengths.add(pattern!.prefix.length);
      }
    });
    this.lengths = [...lengths].sort((a, b) => a - b);
  }

  private resourceList(values: Statement['resource']): CompiledResource[] | undefined {
    return values?.map((v) => compiledResource(v.value, this.variables));
  }

  /**
   * The positions of the statements that can apply to `resource`, in order. A pattern (every resource it names) is
   * covered by no plain ARN, and only by patterns whose literal prefix starts its own.
   */
  reaching(resource: string): readonly number[] {
    let found = this.reached.get(resource);
    if (!found) {
      const { prefix, hasWildcards } = new Wildcard(resource);
      const positions = new Set(this.anyResource);
      for (const i of (!hasWildcards && this.byArn.get(resource)) || []) positions.add(i);
      for (const length of this.lengths) {
        if (length > prefix.length) break;
        for (const i of this.byPrefix.get(prefix.slice(0, length)) ?? []) positions.add(i);
      }
      found = [...positions].sort((a, b) => a - b);
      this.reached.set(resource, found);
    }
    return found;
  }

  /** Statement `i` prepared for evaluation (patterns, operators, condition values), once. */
  statement(i: number): CompiledStatement {
    let c = this.prepared[i];
    if (c) return c;
    const statement = this.policy.statements[i];
    const effect = statement.effect?.value;
    c = {
      statement,
      actions: actionSet(statement.action),
      notActions: actionSet(statement.notAction),
      resources: this.resources[i],
      notResources: this.notResources[i],
      principal: statement.principal,
      notPrincipal: statement.notPrincipal,
      conditions: (statement.condition ?? []).flatMap((clause) => {
        const operator = operatorNamed(clause.operator.value);
        return clause.entries.map((entry) => ({
          operator,
          key: entry.key.value,
          values: entry.values.map((v) => ({ template: template(v.value, this.variables) })),
        }));
      }),
    };
    if (effect === 'Allow' || effect === 'Deny') c.effect = effect;
    this.prepared[i] = c;
    return c;
  }
}

/** Adds statement `i` to the list under `key` (once: a statement may name an ARN twice). */
function listed(lists: Map<string, number[]>, key: string, i: number): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

/** Prepares a policy for evaluation; cached per Policy object. */
export function compile(policy: Policy): CompiledPolicy {
  let compiled = compiledPolicies.get(policy);
  if (!compiled) compiledPolicies.set(policy, (compiled = new CompiledPolicy(policy)));
  return compiled;
}

/** Whether a resource pattern of a statement applies to every resource the request names (or, negated: to none). */
function resourceTest(request: string): (pattern: Wildcard, negated: boolean) => boolean {
  if (!hasWildcard(request)) return (pattern) => pattern.matches(request);
  const wanted = new Wildcard(request);
  return (pattern, negated) => (negated ? pattern.intersects(wanted) : pattern.covers(wanted));
}

function resourcesApply(list: NonNullable<CompiledStatement['resources']>, negated: boolean, test: ReturnType<typeof resourceTest>, context: Context): Tri {
  const any = anyOf(
    list.map(({ template: t, pattern }): Tri => {
      if (pattern) return test(pattern, negated);
      const resolved = resolve(t, context);
      if (resolved === null) return false;
      return isUnknown(resolved) ? resolved : test(new Wildcard(resolved), negated);
    }),
  );
  return negated ? not(any) : any;
}

const accountId = /^\d{12}$/;

/**
 * Whether a Principal value names `caller`: the same ARN or service; `*`; an account (id or `:root`) names every
 * principal of that account (its own policies, in the other account, are not modelled); a role names its sessions.
 */
function namesCaller(type: string, value: string, caller: string): boolean {
  if (value === caller) return true;
  if (type !== 'AWS') return false;
  if (value === '*') return true;
  const callerArn = caller.split(':');
  const callerAccount = accountId.test(caller) ? caller : callerArn[4];
  if (accountId.test(value)) return value === callerAccount;
  const named = value.split(':');
  if (named.length !== 6 || named[0] !== 'arn') return false;
  if (named[5] === 'root') return named[4] === callerAccount;
  const session = callerArn.length >= 6 ? /^assumed-role\/([^/]+)\//.exec(callerArn[5])?.[1] : undefined;
  return session !== undefined && named[2] === 'iam' && named[4] === callerArn[4] && /^role\/(?:.*\/)?([^/]+)$/.exec(named[5])?.[1] === session;
}

const everyone = (element: Principal) => element.text?.value === '*' || element.entries.some((e) => e.type.value === 'AWS' && e.values.some((v) => v.value === '*'));

function principalNames(element: Principal, caller: string): boolean {
  if (element.text) return element.text.value === '*';
  return element.entries.some((entry) => entry.values.some(({ value }) => namesCaller(entry.type.value, value, caller)));
}

const principalKey = ['aws:PrincipalArn'];

function principalApplies(s: CompiledStatement, caller: string | undefined): Tri {
  const element = s.principal ?? s.notPrincipal;
  if (!element) return false;
  const names: Tri = caller !== undefined ? principalNames(element, caller) : everyone(element) ? true : unknown(principalKey);
  return s.principal ? names : not(names);
}

/** One condition key under one operator: values OR (NOR for negated operators), set qualifiers over request values. */
function conditionHolds(c: CompiledCondition, context: Context): Tri {
  const op = c.operator;
  if (!op) return false;
  const present = context.get(c.key);
  if (present === undefined) return unknown([c.key]);
  if (op.family === 'Null') return c.values.some(({ template: t }) => (t.text.trim().toLowerCase() === 'true') === (present === null));
  if (present === null) {
    if (op.qualifier) return op.qualifier === 'ForAllValues';
    return op.ifExists || op.negated;
  }
  const tests = c.values.map((value): ValueTest | Unknown | null => {
    const t = value.template;
    // A value without variables is prepared once, the first time a request reaches it.
    if (!t.parts) return (value.test ??= op.prepare([t.text]));
    const resolved = resolve(t, context);
    return resolved === null || isUnknown(resolved) ? resolved : op.prepare(resolved as PolicyValue);
  });
  const matches = (value: string): Tri => anyOf(tests.map((t) => (t === null ? false : typeof t === 'function' ? t(value) : t)));
  const each = (value: string): Tri => (op.negated ? not(matches(value)) : matches(value));
  if (op.qualifier === 'ForAllValues') return allOf(present.map(each));
  if (op.qualifier === 'ForAnyValue') return anyOf(present.map(each));
  // Without a qualifier: some request value matches some policy value; negated, none matches any.
  const some = anyOf(present.map(matches));
  return op.negated ? not(some) : some;
}

function statementApplies(s: CompiledStatement, kind: PolicyKind, request: Request, action: string, context: Context, test: ReturnType<typeof resourceTest>): Tri {
  if (s.actions ? !inSet(s.actions, action) : !s.notActions || inSet(s.notActions, action)) return false;
  const parts: Tri[] = [];
  if (s.resources) parts.push(resourcesApply(s.resources, false, test, context));
  else if (s.notResources) parts.push(resourcesApply(s.notResources, true, test, context));
  // A trust policy (and a resource policy) may leave the resource implicit: it is the role or bucket it is attached to.
  else if (kind === 'identity') return false;
  if (kind !== 'identity') parts.push(principalApplies(s, request.principal));
  if (parts.includes(false)) return false;
  for (const c of s.conditions) {
    const holds = conditionHolds(c, context);
    if (holds === false) return false;
    parts.push(holds);
  }
  return allOf(parts);
}

/** Keys once each (case-insensitively), in first-seen order. */
function distinctKeys(unknowns: readonly Unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const u of unknowns) for (const key of u.keys) if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key);
  return [...seen.values()];
}

/** Decides `request` against every policy that applies to it (identity, bucket and trust policies of one account). */
export function evaluate(request: Request, policies: readonly PolicyInput[]): Decision {
  const context = new Context(request.context ?? {}, request.principal);
  const test = resourceTest(request.resource);
  const action = request.action.toLowerCase();
  const found = { Allow: [] as StatementRef[], Deny: [] as StatementRef[] };
  const maybe = { Allow: [] as [StatementRef, Unknown][], Deny: [] as [StatementRef, Unknown][] };
  for (const input of policies) {
    const kind = input.kind ?? input.policy.kind;
    const compiled = compile(input.policy);
    for (const i of compiled.reaching(request.resource)) {
      const s = compiled.statement(i);
      if (!s.effect) continue;
      const applies = statementApplies(s, kind, request, action, context, test);
      if (applies === false) continue;
      const { index, line, offset, sid } = s.statement;
      const ref: StatementRef = { file: input.file, index, line, offset, effect: s.effect };
      if (sid) ref.sid = sid.value;
      if (applies === true) found[s.effect].push(ref);
      else maybe[s.effect].push([ref, applies]);
    }
  }
  const refs = (list: [StatementRef, Unknown][]) => list.map(([ref]) => ref);
  const keys = (...lists: [StatementRef, Unknown][][]) => distinctKeys(lists.flat().map(([, u]) => u));
  if (found.Deny.length > 0) return { decision: 'denied', explicitDeny: true, conditionKeys: [], decidedBy: found.Deny };
  if (found.Allow.length > 0) {
    if (maybe.Deny.length === 0) return { decision: 'allowed', explicitDeny: false, conditionKeys: [], decidedBy: found.Allow };
    return { decision: 'conditional', explicitDeny: true, conditionKeys: keys(maybe.Deny), decidedBy: [...refs(maybe.Deny), ...found.Allow] };
  }
  if (maybe.Allow.length > 0) {
    return { decision: 'conditional', explicitDeny: maybe.Deny.length > 0, conditionKeys: keys(maybe.Allow, maybe.Deny), decidedBy: [...refs(maybe.Allow), ...refs(maybe.Deny)] };
  }
  return { decision: 'denied', explicitDeny: false, conditionKeys: [], decidedBy: [] };
}
