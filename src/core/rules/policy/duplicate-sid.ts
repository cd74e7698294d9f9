import type { Statement } from '../../iam/policy';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { replaceString, sidsOf, unusedSid } from './json-edits';
import { whole } from './located';

export const duplicateSid: Rule = {
  id: 'policy/duplicate-sid',
  title: 'Statement id used twice',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const { statements } = workspace.policy(file);
    const first = new Map<string, Statement>();
    // Ids in use, and those handed out so far: three statements named "A" become "A", "A2" and "A3". Gathered at
    // the first duplicate: most policies have none.
    let taken: Set<string> | undefined;
    for (const statement of statements) {
      const sid = statement.sid;
      if (!sid || sid.type !== 'string') continue;
      const earlier = first.get(sid.value);
      if (!earlier) {
        first.set(sid.value, statement);
        continue;
      }
      const renamed = unusedSid((taken ??= sidsOf(statements)), sid.value);
      report({
        ...whole(sid),
        message: `Sid "${sid.value}" is already the id of the statement on line ${earlier.line}: statement ids must be unique within a policy, or AWS rejects it. Rename it.`,
        fixes: [fix(`Rename to "${renamed}"`, [replaceString(sid, renamed)], true)],
      });
    }
  },
};
