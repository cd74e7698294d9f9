import type { Member, Policy, Statement } from '../../iam/policy';
import { Wildcard } from '../../iam/wildcard';
import type { SourceFile } from '../../workspace';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { removeFromList } from './json-edits';
import { memoize } from './memo';
import { statementHead, statementName, whole } from './located';
import { removeStatement } from './statement-edits';

/** A statement as the comparison needs it: who and under which condition it applies, its action and resource patterns. */
interface Shape {
  statement: Statement;
  /** Effect, and principal as written: only statements with the same ones can cover each other. */
  effect: string;
  principal: string;
  /** The Condition as written; "" for none. */
  condition: string;
  /** The last candidate search that found this statement (so each is listed once). */
  mark: number;
  actions: Wildcard[];
  resources: Wildcard[];
}

/**
 * One pattern object per distinct string (and case rule), kept across checks: statements repeat the same actions and
 * ARNs, and so do the snapshots of a policy being edited.
 */
const actionPattern = memoize((text: string) => new Wildcard(text, { ignoreCase: true }));
const arnPattern = memoize((text: string) => new Wildcard(text));

/** `by.covers(item)`, answered without the pattern-vs-pattern table when either side is a plain string (its prefix is all of it). */
function covers(by: Wildcard, item: Wildcard): boolean {
  if (by === item) return true;
  if (!item.hasWildcards) return by.matches(item.prefix);
  return by.hasWildcards && by.covers(item);
}

/** An element as written (conditions written differently are treated as different: the rule only ever under-reports). */
const written = (file: SourceFile, member: Member | undefined) => (member?.value ? file.text.slice(member.value.offset, member.value.offset + member.value.length) : '');

/** Statements with plain Action and Resource lists, no policy variables (their patterns depend on the request). */
function shapes(file: SourceFile, policy: Policy): Shape[] {
  const all: Shape[] = [];
  for (const statement of policy.statements) {
    const { effect, resource } = statement;
    if (!effect || !statement.action?.length || !resource?.length || statement.notAction || statement.notResource) continue;
    if (resource.some((r) => r.value.includes('${'))) continue;
    let principal = '';
    let condition = '';
    for (const m of statement.members) {
      if (m.name === 'Principal' || m.name === 'NotPrincipal') principal += `${m.name}${written(file, m)}`;
      else if (m.name === 'Condition') condition = written(file, m);
    }
    all.push({ statement, effect: effect.value, principal, condition, mark: 0, actions: statement.action.map((a) => actionPattern(a.value)), resources: resource.map((r) => arnPattern(r.value)) });
  }
  return all;
}

const coversAll = (by: readonly Wildcard[], items: readonly Wildcard[]) => items.every((item) => by.some((b) => covers(b, item)));

/** Whether `other` is written for the same principal and either unconditionally or under the same Condition. */
const mayCover = (other: Shape, shape: Shape) => other.principal === shape.principal && (other.condition === '' || other.condition === shape.condition);

/** No statements (shared: most statements have no candidate cover). */
const none: readonly Shape[] = [];

/** An Effect's statements by resource: plain ARNs by their text, patterns by their literal prefix. */
interface Entries {
  plain: Map<string, Shape[]>;
  patterns: Map<string, Shape[]>;
  /** What a distinct resource looks up (statements repeat resources). */
  lookups: Map<Wildcard, Lookup>;
}

/** The lists that may hold statements covering a resource, and how many statements they hold. */
interface Lookup {
  lists: Shape[][];
  count: number;
}

const add = (map: Map<string, Shape[]>, key: string, shape: Shape) => {
  const list = map.get(key);
  if (list) list.push(shape);
  else map.set(key, [shape]);
};

/**
 * Statements by Effect and resource. A statement covering another has its Effect, and for each of the other's
 * resources either the same plain ARN or a pattern whose literal prefix starts the resource's: the index finds those
 * without comparing every pair, looking them up for the resource that has fewest.
 */
class CoverIndex {
  private readonly entries = new Map<string, Entries>();
  /** The lengths the patterns' prefixes have (few distinct ones), shortest first. */
  private readonly lengths: number[];
  private readonly startsOf = new Map<Wildcard, string[]>();
  private stamp = 0;

  constructor(shapes: readonly Shape[]) {
    const lengths = new Set<number>();
    for (const shape of shapes) {
      let entries = this.entries.get(shape.effect);
      if (!entries) this.entries.set(shape.effect, (entries = { plain: new Map(), patterns: new Map(), lookups: new Map() }));
      for (const pattern of shape.resources) {
        add(pattern.hasWildcards ? entries.patterns : entries.plain, pattern.prefix, shape);
        if (pattern.hasWildcards) lengths.add(pattern.prefix.length);
      }
    }
    this.lengths = [...lengths].sort((a, b) => a - b);
  }

  /** The starts of a resource's prefix that a covering pattern's prefix can be, once per distinct resource. */
  private starts(pattern: Wildcard): string[] {
    const { prefix } = pattern;
    let starts = this.startsOf.get(pattern);
    if (!starts) this.startsOf.set(pattern, (starts = this.lengths.filter((n) => n <= prefix.length).map((n) => (n === prefix.length ? prefix : prefix.slice(0, n)))));
    return starts;
  }

  /** The lists that may hold statements covering `pattern`, a resource of a statement with these entries' Effect. */
  private lookup(entries: Entries, pattern: Wildcard): Lookup {
    let found = entries.lookups.get(pattern);
    if (found) return found;
    found = { lists: [], count: 0 };
    const same = pattern.hasWildcards ? undefined : entries.plain.get(pattern.prefix);
    if (same) found.lists.push(same);
    for (const start of this.starts(pattern)) {
      const list = entries.patterns.get(start);
      if (list) found.lists.push(list);
    }
    for (const list of found.lists) found.count += list.length;
    entries.lookups.set(pattern, found);
    return found;
  }

  /** The statements that may cover `shape`: those the index lists for its most selective resource. */
  candidates(shape: Shape): readonly Shape[] {
    const entries = this.entries.get(shape.effect)!;
    let best = this.lookup(entries, shape.resources[0]);
    for (let i = 1; i < shape.resources.length && best.count > 0; i++) {
      const found = this.lookup(entries, shape.resources[i]);
      if (found.count < best.count) best = found;
    }
    if (best.count === 0) return none;
    const stamp = ++this.stamp;
    const found: Shape[] = [];
    for (const list of best.lists) {
      for (const other of list) {
        if (other === shape || other.mark === stamp || !mayCover(other, shape)) continue;
        other.mark = stamp;
        found.push(other);
      }
    }
    return found;
  }
}

/**
 * The statements covering all of `shape`'s resources, broadest first: no Condition, then the shortest resource
 * prefix that starts its first resource's, then file order.
 */
function covering(shape: Shape, candidates: readonly Shape[]): readonly Shape[] {
  if (candidates.length === 0) return none;
  const found = candidates.filter((o) => coversAll(o.resources, shape.resources));
  if (found.length < 2) return found;
  const first = shape.resources[0].prefix;
  const breadth = (other: Shape) => Math.min(...other.resources.filter((r) => first.startsWith(r.prefix)).map((r) => r.prefix.length));
  const conditional = (other: Shape) => (other.condition === '' ? 0 : 1);
  return found.sort((a, b) => conditional(a) - conditional(b) || breadth(a) - breadth(b) || a.statement.index - b.statement.index);
}

/** Whether `other` comes first when two statements cover each other (only the later one is reported). */
const first = (other: Shape, shape: Shape) => other.statement.index < shape.statement.index;

/** Whether `shape` covers `other`'s resources too, under the same Condition. */
const mutual = (other: Shape, shape: Shape) => coversAll(shape.resources, other.resources) && shape.condition === other.condition;

const ref = (statement: Statement) => `${statementName(statement)} (line ${statement.line})`;

export const redundant: Rule = {
  id: 'policy/redundant',
  title: 'Statement or action already covered by another',
  severity: 'info',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    const all = shapes(file, policy);
    const index = new CoverIndex(all);
    for (const shape of all) {
      const { statement } = shape;
      const coverers = covering(shape, index.candidates(shape));
      const cover = coverers.find((o) => coversAll(o.actions, shape.actions) && (first(o, shape) || !(coversAll(shape.actions, o.actions) && coversAll(shape.resources, o.resources) && shape.condition === o.condition)));
      if (cover) {
        const removal = removeStatement(policy, statement.index);
        report({
          ...statementHead(statement),
          message: `This statement adds nothing: ${ref(cover.statement)} already ${statement.effect!.value === 'Deny' ? 'denies' : 'allows'} all of its actions on all of its resources${cover.condition ? ' under the same condition' : ''}. Remove it, so a later edit of one of the two does not silently leave the other in force.`,
          fixes: removal ? [fix(`Remove ${statementName(statement)}`, [removal], true)] : [],
        });
        continue;
      }
      const actions = statement.action!;
      for (let i = 0; i < actions.length; i++) {
        const pattern = shape.actions[i];
        const sibling = shape.actions.findIndex((other, j) => j !== i && covers(other, pattern) && (j < i || !covers(pattern, other)));
        const elsewhere = sibling === -1 && coverers.length > 0 ? coverers.find((o) => o.actions.some((a) => covers(a, pattern) && (first(o, shape) || !mutual(o, shape) || !covers(pattern, a)))) : undefined;
        if (sibling === -1 && !elsewhere) continue;
        const action = actions[i];
        const by = sibling !== -1 ? `"${actions[sibling].value}" in the same statement` : `${ref(elsewhere!.statement)}, on all of this statement's resources`;
        const removal = removeFromList(actions, i);
        report({
          ...whole(action),
          message: `${action.value} is already covered by ${by}. Remove it.`,
          fixes: removal ? [fix(`Remove ${action.value}`, [removal], true)] : [],
        });
      }
    }
  },
};
