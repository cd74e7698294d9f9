import { bucketArn, folderObjectsArn } from '../../iam/arn';
import type { Located, Statement } from '../../iam/policy';
import { arnLocation, bucketsOfPolicy, statementNamesBucket, type BucketTarget } from '../../iam/policy-buckets';
import type { Profile } from '../../iam/profiles';
import type { Fix, TextEdit } from '../../model';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { listText, targetLabel } from './bucket-checks';
import { whole } from './located';
import { jsonList, memberOf, replaceValue } from './statement-edits';

const broadActions: Readonly<Record<string, string>> = { '*': 'every action of every AWS service', 's3:*': 'every S3 action (deleting objects and the bucket, changing its policy)' };

/** The ARNs a profile's S3 needs name on the target: the bucket, the objects under the folder. */
function neededArns(profile: Profile, target: BucketTarget): string[] {
  return [...new Set(profile.s3.map((n) => (n.on === 'bucket' ? bucketArn(target.bucket) : folderObjectsArn(target.bucket, target.prefix))))];
}

/** Narrows Action and Resource to the profile's needs, when the statement is only about this bucket's S3 access. */
function narrowFix(statement: Statement, target: BucketTarget, profile: Profile): Fix | undefined {
  const s3Only = (statement.action ?? []).every((a) => a.value === '*' || a.value.toLowerCase().startsWith('s3:'));
  const thisBucket = (statement.resource ?? []).every((r) => r.value === '*' || arnLocation(r.value)?.bucket === target.bucket);
  const action = memberOf(statement, 'Action');
  const resource = memberOf(statement, 'Resource');
  if (!s3Only || !thisBucket || !action || !resource || statement.notAction || statement.notResource) return undefined;
  const edits = [replaceValue(action, jsonList(profile.s3.map((n) => n.action))), replaceValue(resource, jsonList(neededArns(profile, target)))];
  if (edits.some((e) => e === undefined)) return undefined;
  return fix(`Narrow to what ${profile.title} needs on ${target.bucket}`, edits as TextEdit[], true);
}

export const overlyBroad: Rule = {
  id: 'policy/overly-broad',
  title: 'Grants far more than the bucket platform needs',
  severity: 'info',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    if (policy.kind === 'trust') return;
    const targets = bucketsOfPolicy(workspace, file).filter((t) => t.profile);
    if (targets.length === 0) return;
    for (const statement of policy.statements) {
      if (statement.effect?.value !== 'Allow') continue;
      const broad: { at: Located; what: string }[] = [];
      for (const action of statement.action ?? []) {
        // Both broad actions are at most four characters long: longer ones need no lower-cased copy.
        const what = action.value.length <= 4 ? broadActions[action.value.toLowerCase()] : undefined;
        if (what) broad.push({ at: action, what: `"${action.value}" allows ${what}` });
      }
      for (const resource of statement.resource ?? []) {
        if (resource.value === '*') broad.push({ at: resource, what: '"Resource": "*" applies to every bucket and object in the account' });
      }
      // Which buckets the statement is about is asked only of broad statements: most are not.
      const named = broad.length > 0 ? targets.filter((t) => statementNamesBucket(statement, t.bucket)) : [];
      if (named.length === 0) continue;
      const needs = named.map((t) => `${listText(t.profile!.s3.map((n) => n.action))} on ${targetLabel(t)}`);
      const only = named.length === 1 ? named[0] : undefined;
      const fixes = only ? [narrowFix(statement, only, only.profile!)].filter((f): f is Fix => f !== undefined) : [];
      for (const { at, what } of broad) {
        const names = named.map((t) => t.profile!.title);
        report({
          ...whole(at),
          message: `${what}; ${listText([...new Set(names)])} ${names.length === 1 ? 'needs' : 'need'} only ${needs.join('; ')}. Narrow it: a leaked credential or a bug then reaches only that.`,
          fixes,
        });
      }
    }
  },
};
