import { currentPolicyVersion } from '../../iam/policy';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { insertMember, jsonString, keyStart, replaceString } from './json-edits';
import { whole } from './located';

const legacyVersion = '2008-10-17';
const useCurrent = `Use "${currentPolicyVersion}".`;

export const version: Rule = {
  id: 'policy/version',
  title: 'Policy Version missing or not 2012-10-17',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    const member = policy.members.find((m) => m.name === 'Version');
    const value = policy.version;
    if (value?.type === 'string' && value.value === currentPolicyVersion) return;
    const set = fix(`Set Version to "${currentPolicyVersion}"`, [], true);
    if (value) {
      set.edits.push(replaceString(value, currentPolicyVersion));
      const legacy = value.type === 'string' && value.value === legacyVersion;
      report({
        ...whole(value),
        severity: legacy ? 'warning' : 'error',
        message: legacy
          ? `Version ${legacyVersion} is the legacy policy language: policy variables such as \${aws:username} are read as literal text there, so statements that use them match nothing. ${useCurrent}`
          : `Version ${jsonString(value.value)} is not a policy language version (only "${currentPolicyVersion}" and "${legacyVersion}" exist): AWS rejects the policy. ${useCurrent}`,
        fixes: [set],
      });
      return;
    }
    if (member) {
      if (member.value) set.edits.push(replace(member.value.offset, member.value.offset + member.value.length, jsonString(currentPolicyVersion)));
      report({ ...whole(member), severity: 'error', message: `Version must be the string "${currentPolicyVersion}": AWS rejects any other value.`, fixes: set.edits.length ? [set] : [] });
      return;
    }
    const statement = policy.members.find((m) => m.name === 'Statement');
    const first = policy.members[0];
    if (!statement || !first) return;
    const open = file.text.lastIndexOf('{', keyStart(first));
    const edit = open === -1 ? undefined : insertMember(file, { offset: open, length: 1 }, policy.members, 'Version', jsonString(currentPolicyVersion), 'first');
    if (edit) set.edits.push(edit);
    report({
      ...whole(statement),
      message: `The policy has no Version, so AWS reads it with the legacy ${legacyVersion} language: policy variables such as \${aws:username} stay literal text. Add "Version": "${currentPolicyVersion}".`,
      fixes: edit ? [set] : [],
    });
  },
};
