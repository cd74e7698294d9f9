import type { Rule } from '../rule';

export const yamlSyntax: Rule = {
  id: 'yaml/syntax',
  title: 'YAML syntax error',
  severity: 'error',
  kinds: ['values', 'compose'],
  check({ file, workspace, report }) {
    const tool = file.kind === 'values' ? 'Helm' : 'Docker Compose';
    for (const problem of workspace.yaml(file).problems) {
      report({
        start: problem.offset,
        end: problem.offset + problem.length,
        message: `YAML syntax error: ${problem.message}. ${tool} refuses the whole file, so no storage setting in it takes effect.`,
      });
    }
  },
};
