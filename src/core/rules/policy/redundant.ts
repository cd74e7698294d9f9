import type { Member, Policy, Statement } from '../../iam/policy';
import { Wildcard } from '../../iam/wildcard';
import type { SourceFile } from '../../workspace';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { removeFromList } from './json-edits';
import { statementHead, statementName, whole } from './located';
import { removeStatement } from './statement-edits';

/** A statement as the comparison needs it: who and under which condition it applies, its action and resource patterns. */
interface Shape {
  statement: Statement;
  /** Effect and principal as written: only statements of the same group can cover each other. */
  group: string;
  /** The Condition as written; "" for none. */
  condition: string;
  /** The last candidate search that found this statement (so each is listed once). */
  mark: number;
  actions: Wildcard[];
  resources: Wildcard[];
  actionTexts: string[];
  resourceTexts: string[];
}

/** One pattern object per distinct string (and case rule): statements repeat the same actions and ARNs. */
function patterns(ignoreCase: boolean): (text: string) => Wildcard {
  const made = new Map<string, Wildcard>();
  return (text) => {
    let pattern = made.get(text);
    if (!pattern) made.set(text, (pattern = new Wildcard(text, { ignoreCase })));
    return pattern;
  };
}

/** `by.covers(item)`, answered without the pattern-vs-pattern table when either side is a plain string. */
function covers(by: Wildcard, item: Wildcard, itemText: string): boolean {
  if (by === item) return true;
  if (!item.hasWildcards) return by.matches(itemText);
  return by.hasWildcards && by.covers(item);
}

/** An element as written (conditions written differently are treated as different: the rule only ever under-reports). */
const written = (file: SourceFile, member: Member | undefined) => (member?.value ? file.text.slice(member.value.offset, member.value.offset + member.value.length) : '');

/** Statements with plain Action and Resource lists, no policy variables (their patterns depend on the request). */
function shapes(file: SourceFile, policy: Policy): Shape[] {
  const action = patterns(true);
  const arn = patterns(false);
  return policy.statements.flatMap((statement) => {
    const { effect, resource } = statement;
    if (!effect || !statement.action?.length || !resource?.length || statement.notAction || statement.notResource) return [];
    if (resource.some((r) => r.value.includes('${'))) return [];
    let principal = '';
    let condition = '';
    for (const m of statement.members) {
      if (m.name === 'Principal' || m.name === 'NotPrincipal') principal += `${m.name}${written(file, m)}`;
      else if (m.name === 'Condition') condition = written(file, m);
    }
    return [
      {
        statement,
        group: `${effect.value}\n${principal}`,
        condition,
        mark: 0,
        actions: statement.action.map((a) => action(a.value)),
        resources: resource.map((r) => arn(r.value)),
        actionTexts: statement.action.map((a) => a.value),
        resourceTexts: resource.map((r) => r.value),
      },
    ];
  });
}

const literalPrefix = (text: string) => {
  const cut = text.search(/[*?]/);
  return cut === -1 ? text : text.slice(0, cut);
};

const coversAll = (by: readonly Wildcard[], items: readonly Wildcard[], texts: readonly string[]) => items.every((item, i) => by.some((b) => covers(b, item, texts[i])));

/**
 * Statements by group, Condition and the literal prefix of each resource. A statement covering another has its
 * group, no Condition or the same one, and a resource whose literal prefix starts the literal prefix of the other's
 * first resource: the index finds those without comparing every pair.
 */
class CoverIndex {
  /** By group and Condition (as small numbers: their texts are long to hash), then by resource prefix. */
  private readonly lists = new Map<number, Map<string, Shape[]>>();
  private readonly ids = new Map<string, number>();
  /** The lengths the prefixes have (few distinct ones), shortest first. */
  private readonly lengths: number[];
  private stamp = 0;

  constructor(shapes: readonly Shape[]) {
    const lengths = new Set<number>();
    for (const shape of shapes) {
      const byPrefix = this.byPrefix(this.id(shape.group), this.id(shape.condition), true)!;
      for (const text of shape.resourceTexts) {
        const prefix = literalPrefix(text);
        const list = byPrefix.get(prefix);
        if (list) list.push(shape);
        else byPrefix.set(prefix, [shape]);
        lengths.add(prefix.length);
      }
    }
    this.lengths = [...lengths].sort((a, b) => a - b);
  }

  private id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }

  private byPrefix(group: number, condition: number, create = false): Map<string, Shape[]> | undefined {
    const key = group * 1_000_003 + condition;
    let map = this.lists.get(key);
    if (!map && create) this.lists.set(key, (map = new Map()));
    return map;
  }

  candidates(shape: Shape): Shape[] {
    const prefix = literalPrefix(shape.resourceTexts[0]);
    const stamp = ++this.stamp;
    const found: Shape[] = [];
    const group = this.id(shape.group);
    const none = this.id('');
    const maps = [this.byPrefix(group, none), shape.condition === '' ? undefined : this.byPrefix(group, this.id(shape.condition))];
    for (const map of maps) {
      if (!map) continue;
      for (const length of this.lengths) {
        if (length > prefix.length) break;
        for (const other of map.get(length === prefix.length ? prefix : prefix.slice(0, length)) ?? []) {
          if (other === shape || other.mark === stamp) continue;
          other.mark = stamp;
          found.push(other);
        }
      }
    }
    return found;
  }
}

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
      const actions = statement.action!;
      /** Whether `other` comes first when two statements cover each other (only the later one is reported). */
      const first = (other: Shape) => other.statement.index < statement.index;
      const covering = index.candidates(shape).filter((o) => coversAll(o.resources, shape.resources, shape.resourceTexts));
      const cover = covering.find((o) => coversAll(o.actions, shape.actions, shape.actionTexts) && (first(o) || !(coversAll(shape.actions, o.actions, o.actionTexts) && coversAll(shape.resources, o.resources, o.resourceTexts) && shape.condition === o.condition)));
      if (cover) {
        const removal = removeStatement(policy, statement.index);
        report({
          ...statementHead(statement),
          message: `This statement adds nothing: ${ref(cover.statement)} already ${statement.effect!.value === 'Deny' ? 'denies' : 'allows'} all of its actions on all of its resources${cover.condition ? ' under the same condition' : ''}. Remove it, so a later edit of one of the two does not silently leave the other in force.`,
          fixes: removal ? [fix(`Remove ${statementName(statement)}`, [removal], true)] : [],
        });
        continue;
      }
      actions.forEach((action, i) => {
        const pattern = shape.actions[i];
        const sibling = shape.actions.findIndex((other, j) => j !== i && covers(other, pattern, shape.actionTexts[i]) && (j < i || !covers(pattern, other, shape.actionTexts[j])));
        const mutual = (o: Shape) => coversAll(shape.resources, o.resources, o.resourceTexts) && shape.condition === o.condition;
        const elsewhere = sibling === -1 ? covering.find((o) => o.actions.some((a, j) => covers(a, pattern, shape.actionTexts[i]) && (first(o) || !mutual(o) || !covers(pattern, a, o.actionTexts[j])))) : undefined;
        if (sibling === -1 && !elsewhere) return;
        const by = sibling !== -1 ? `"${actions[sibling].value}" in the same statement` : `${ref(elsewhere!.statement)}, on all of this statement's resources`;
        const removal = removeFromList(actions, i);
        report({
          ...whole(action),
          message: `${action.value} is already covered by ${by}. Remove it.`,
          fixes: removal ? [fix(`Remove ${action.value}`, [removal], true)] : [],
        });
      });
    }
  },
};
