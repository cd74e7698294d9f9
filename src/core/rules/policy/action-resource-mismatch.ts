import { actionAppliesTo, applicableS3Arn, resourceTypesOf, type CatalogAction } from '../../iam/catalog';
import type { Located, Member, Statement } from '../../iam/policy';
import type { Fix } from '../../model';
import type { SourceFile } from '../../workspace';
import { fix } from '../fixes';
import type { Report, Rule } from '../rule';
import { appendToList, insertStatementAfter, jsonString, removeFromList, sidsOf, statementText, unusedSid, valueText } from './json-edits';
import { whole } from './located';
import { actionsNamed, memoize2 } from './memo';
import { memberOf } from './statement-edits';

/** Whether some action the entry names can apply to `resource`. */
const applies = memoize2((pattern: string, resource: string) => actionsNamed(pattern).some((action) => actionAppliesTo(action, resource)));

/** Whether the entry applies to one of the resources. */
function appliesToSome(pattern: string, resources: readonly string[]): boolean {
  for (const resource of resources) if (applies(pattern, resource)) return true;
  return false;
}

/** What the action applies to, for messages: `bucket ARNs`, `only "*"`; with the ARN pattern when asked. */
function appliesToText(action: CatalogAction, withPattern: boolean): string {
  const types = resourceTypesOf(action);
  if (types.length === 0) return 'only "*"';
  const names = `${types.map((t) => t.name).join(' or ')} ARNs`;
  return withPattern ? `${names} (${types[types.length - 1].arn})` : names;
}

/** The ARN of the statement's own bucket that the action would apply to, if its resources name an S3 bucket. */
function targetArn(actions: readonly CatalogAction[], resources: readonly string[]): string | undefined {
  for (const action of actions) {
    for (const resource of resources) {
      const arn = applicableS3Arn(action, resource);
      if (arn) return arn;
    }
  }
  return undefined;
}

interface Place {
  file: SourceFile;
  sids: () => Set<string>;
  statement: Statement;
  resourceMember: Member;
}

/** The elements copied as written into the split-off statement. */
const copied = ['Effect', 'Principal', 'NotPrincipal', 'Condition'];

function splitFix({ file, sids, statement }: Place, index: number, arn: string): Fix | undefined {
  const actions = statement.action!;
  const removal = removeFromList(actions, index);
  if (!removal) return undefined;
  const action = actions[index].value;
  // The statement's own elements in its own order: its Sid made unique, this action, the ARN, the rest as written.
  const text = (member: Member): string | undefined => {
    if (member.name === 'Sid') return statement.sid && jsonString(unusedSid(sids(), `${statement.sid.value}${action.slice(action.indexOf(':') + 1)}`));
    if (member.name === 'Action') return jsonString(action);
    if (member.name === 'Resource') return jsonString(arn);
    return copied.includes(member.name) ? valueText(file, member) : undefined;
  };
  const entries = statement.members.flatMap((member): [string, string][] => {
    const value = text(member);
    return value === undefined ? [] : [[member.name, value]];
  });
  return fix(`Move ${action} to its own statement on ${arn}`, [removal, ...insertStatementAfter(file, statement, statementText(file, statement, entries))]);
}

export const actionResourceMismatch: Rule = {
  id: 'policy/action-resource-mismatch',
  title: 'Action that cannot apply to the statement resources',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const { statements } = workspace.policy(file);
    // The Sids in use, gathered only when a split statement needs a new one.
    let taken: Set<string> | undefined;
    const sids = () => (taken ??= sidsOf(statements));
    for (const statement of statements) {
      if (!statement.action || !statement.resource) continue;
      const resources: string[] = [];
      for (const r of statement.resource) if (r.type === 'string') resources.push(r.value);
      if (resources.length === 0 || resources.includes('*')) continue;
      // The actions the catalog knows, and those that apply to none of the resources (a list only when one fails).
      let judged = 0;
      let failing: Located[] | undefined;
      for (const a of statement.action) {
        if (a.type !== 'string' || actionsNamed(a.value).length === 0) continue;
        judged++;
        if (!appliesToSome(a.value, resources)) (failing ??= []).push(a);
      }
      if (!failing) continue;
      const all = failing.length === judged;
      const verb = statement.effect?.value === 'Deny' ? 'denies' : 'allows';
      const place: Place = { file, sids, statement, resourceMember: memberOf(statement, 'Resource')! };
      for (const action of failing) report(mismatch(place, action, all, verb, resources));
    }
  },
};

function mismatch(place: Place, action: Located, all: boolean, verb: string, resources: readonly string[]): Report {
  const actions = actionsNamed(action.value);
  const arn = targetArn(actions, resources);
  const named = resources.length === 1 ? resources[0] : `any of its ${resources.length} resources`;
  const subject = actions.length === 1 ? `${action.value} applies to ${appliesToText(actions[0], !arn)}, not to ${named}` : `None of the ${actions.length} actions ${action.value} matches applies to ${named}`;
  const consequence = all ? `the statement ${verb} nothing` : `the statement ${verb} ${action.value} nowhere`;
  const remedy = arn ? `Add ${arn}${all ? '' : `, or move ${action.value} to its own statement on it`}.` : 'Name such a resource, in a statement of its own.';
  const fixes: Fix[] = [];
  const { file, statement, resourceMember } = place;
  if (arn) {
    fixes.push(fix(`Add ${arn} to Resource`, appendToList(file, resourceMember, statement.resource!, jsonString(arn)), true));
    const split = all ? undefined : splitFix(place, statement.action!.indexOf(action), arn);
    if (split) fixes.push(split);
  }
  return { ...whole(action), severity: all ? 'error' : 'warning', message: `${subject}: ${consequence}. ${remedy}`, fixes };
}
