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
  /** Effect and principal as written (whitespace dropped): only statements of the same group can cover each other. */
  group: string;
  /** The Condition as written (whitespace dropped); "" for none. */
  condition: string;
  actions: Wildcard[];
  resources: Wildcard[];
}

const compact = (file: SourceFile, member: Member | undefined) => (member?.value ? file.text.slice(member.value.offset, member.value.offset + member.value.length).replace(/\s+/g, '') : '');

/** Statements with plain Action and Resource lists, no policy variables (their patterns depend on the request). */
function shapes(file: SourceFile, policy: Policy): Shape[] {
  return policy.statements.flatMap((statement) => {
    const { effect, action, resource } = statement;
    if (!effect || !action?.length || !resource?.length || statement.notAction || statement.notResource) return [];
    if (resource.some((r) => r.value.includes('${'))) return [];
    const member = (name: string) => statement.members.find((m) => m.name === name);
    return [
      {
        statement,
        group: `${effect.value}\n${compact(file, member('Principal'))}\n${compact(file, member('NotPrincipal'))}`,
        condition: compact(file, member('Condition')),
        actions: action.map((a) => new Wildcard(a.value, { ignoreCase: true })),
        resources: resource.map((r) => new Wildcard(r.value)),
      },
    ];
  });
}

const literalPrefix = (text: string) => {
  const cut = text.search(/[*?]/);
  return cut === -1 ? text : text.slice(0, cut);
};

const coversAll = (by: readonly Wildcard[], items: readonly Wildcard[]) => items.every((item) => by.some((b) => b.covers(item)));

/**
 * Statements that may cover `shape`: a statement covering its first resource has a resource whose literal prefix
 * starts that resource's literal prefix, so an index by prefix finds them without comparing every pair.
 */
function candidates(index: Map<string, Set<Shape>>, shape: Shape, first: string): Set<Shape> {
  const found = new Set<Shape>();
  const prefix = literalPrefix(first);
  for (let i = 0; i <= prefix.length; i++) for (const other of index.get(prefix.slice(0, i)) ?? []) if (other !== shape) found.add(other);
  return found;
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
    const index = new Map<string, Set<Shape>>();
    for (const shape of all) {
      for (const r of shape.statement.resource!) {
        const key = literalPrefix(r.value);
        const set = index.get(key) ?? new Set<Shape>();
        set.add(shape);
        index.set(key, set);
      }
    }
    for (const shape of all) {
      const { statement } = shape;
      const actions = statement.action!;
      /** Whether `other` comes first when two statements cover each other (only the later one is reported). */
      const first = (other: Shape) => other.statement.index < statement.index;
      const covering = [...candidates(index, shape, statement.resource![0].value)].filter(
        (o) => o.group === shape.group && (o.condition === '' || o.condition === shape.condition) && coversAll(o.resources, shape.resources),
      );
      const cover = covering.find((o) => coversAll(o.actions, shape.actions) && (first(o) || !(coversAll(shape.actions, o.actions) && coversAll(shape.resources, o.resources) && shape.condition === o.condition)));
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
        const sibling = shape.actions.findIndex((other, j) => j !== i && other.covers(pattern) && (j < i || !pattern.covers(other)));
        const mutual = (o: Shape) => coversAll(shape.resources, o.resources) && shape.condition === o.condition;
        const elsewhere = sibling === -1 ? covering.find((o) => o.actions.some((a) => a.covers(pattern) && (first(o) || !mutual(o) || !pattern.covers(a)))) : undefined;
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
