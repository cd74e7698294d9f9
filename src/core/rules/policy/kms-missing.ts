import type { Fix } from '../../model';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { bucketChecks, listText, policyHead, targetLabel } from './bucket-checks';
import { jsonString, sidsOf, unusedSid } from './json-edits';
import { appendStatements, jsonList } from './statement-edits';

export const kmsMissing: Rule = {
  id: 'policy/kms-missing',
  title: 'SSE-KMS bucket without the KMS permissions on its key',
  severity: 'warning',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    const policy = workspace.policy(file);
    // A bucket policy cannot grant use of a KMS key; the role's identity policy (or the key policy) does.
    if (policy.kind !== 'identity') return;
    for (const check of bucketChecks(workspace, file)) {
      const missing = check.rows.filter((r) => r.kind === 'kms' && r.required && r.decision === 'denied');
      if (missing.length === 0) continue;
      const key = missing[0].resource;
      const actions = missing.map((r) => r.action);
      const fixes: Fix[] = [];
      const entries: [string, string][] = [
        ['Sid', jsonString(unusedSid(sidsOf(policy.statements), 'UseBucketKey'))],
        ['Effect', jsonString('Allow')],
        ['Action', jsonList(actions)],
        ['Resource', jsonString(key)],
      ];
      const edits = appendStatements(file, policy, [entries]);
      if (edits.length > 0) fixes.push(fix(`Allow ${listText(actions)} on the bucket's KMS key`, edits, true));
      report({
        ...policyHead(policy),
        message:
          `${check.target.kmsSource ?? check.target.ref.file} encrypts the objects of ${targetLabel(check.target)} with KMS key ${key} (SSE-KMS), and this policy allows no ${listText(actions)} on it: ` +
          `S3 then refuses reads and writes of encrypted objects with AccessDenied even though the s3 actions are allowed. Allow them on the key (or grant them in the key policy).`,
        fixes,
      });
    }
  },
};
