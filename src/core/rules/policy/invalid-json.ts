import type { PolicySyntaxError } from '../../iam/policy';
import type { Fix } from '../../model';
import type { SourceFile } from '../../workspace';
import { fix, replace } from '../fixes';
import type { Rule } from '../rule';

/** Removes a comment; a comment alone on its lines goes with its lines, so no blank line is left. */
function removeComment(file: SourceFile, error: PolicySyntaxError): Fix {
  const end = error.offset + error.length;
  const first = file.lines.position(error.offset).line;
  const last = file.lines.position(end).line;
  const before = file.text.slice(file.lines.lineStart(first), error.offset);
  const after = file.text.slice(end, file.lines.lineEnd(last));
  if (before.trim() === '' && after.trim() === '' && last < file.lines.lineCount) {
    return fix('Remove the comment', [replace(file.lines.lineStart(first), file.lines.lineStart(last + 1), '')], true);
  }
  // Otherwise the comment and the blanks before it on its line.
  return fix('Remove the comment', [replace(error.offset - (before.length - before.trimEnd().length), end, '')], true);
}

function fixOf(file: SourceFile, error: PolicySyntaxError): Fix | undefined {
  switch (error.kind) {
    case 'comment':
      return removeComment(file, error);
    case 'trailing-comma':
      return fix('Remove the trailing comma', [replace(error.offset, error.offset + 1, '')], true);
    case 'single-quote': {
      const close = error.offset + error.length - 1;
      return fix('Use double quotes', [replace(error.offset, error.offset + 1, '"'), replace(close, close + 1, '"')], true);
    }
    default:
      return undefined;
  }
}

const advice: Record<PolicySyntaxError['kind'], string> = {
  comment: 'Remove the comment.',
  'trailing-comma': 'Remove the comma.',
  'single-quote': 'Use double quotes.',
  syntax: 'Correct the JSON here.',
};

export const invalidJson: Rule = {
  id: 'policy/invalid-json',
  title: 'Policy JSON that AWS rejects',
  severity: 'error',
  kinds: ['policy'],
  check({ file, workspace, report }) {
    for (const error of workspace.policy(file).errors) {
      const found = fixOf(file, error);
      report({
        start: error.offset,
        end: error.offset + Math.max(error.length, 1),
        message: `Not valid JSON: ${error.message}. IAM and S3 accept only strict JSON and reject the whole policy as malformed. ${advice[error.kind]}`,
        fixes: found ? [found] : [],
      });
    }
  },
};
