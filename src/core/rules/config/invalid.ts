import type { Rule } from '../rule';

export const invalidConfig: Rule = {
  id: 'config/invalid',
  title: 'Invalid .bucket-doctor.json',
  severity: 'error',
  kinds: ['config'],
  check({ file, workspace, report }) {
    for (const problem of workspace.bucketConfig(file).problems) {
      report({
        start: problem.offset,
        end: problem.offset + problem.length,
        message: `.bucket-doctor.json: ${problem.message}. Bucket Doctor ignores this entry, so its profile, prefix and policies are not checked.`,
      });
    }
  },
};
