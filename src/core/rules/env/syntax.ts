import type { Rule } from '../rule';

export const envSyntax: Rule = {
  id: 'env/syntax',
  title: 'Env file line docker refuses',
  severity: 'error',
  kinds: ['env'],
  check({ file, workspace, report }) {
    for (const problem of workspace.env(file).problems) {
      report({
        start: problem.offset,
        end: problem.offset + problem.length,
        message: `${problem.message}: docker refuses the whole env file, so the container does not start.`,
      });
    }
  },
};
