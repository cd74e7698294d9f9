import { fix, replace } from '../fixes';
import type { Rule } from '../rule';
import { envView } from './env-view';

export const inlineComment: Rule = {
  id: 'env/inline-comment',
  title: 'Inline comment that docker run --env-file keeps in the value',
  severity: 'warning',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    // Compose drops ` # comment` after an unquoted value; docker run has no inline comments at all.
    if (view.reader !== 'docker-run') return;
    for (const entry of view.entriesContaining(' #', '\t#')) {
      // A ` #` inside matching quotes is part of a quoted value, which env/quoted-value reports.
      const hash = entry.quote ? -1 : entry.raw.search(/[ \t]#/);
      if (hash === -1) continue;
      let at = hash;
      while (at > 0 && (entry.raw[at - 1] === ' ' || entry.raw[at - 1] === '\t')) at--;
      const start = entry.rawOffset + at;
      const end = entry.rawOffset + entry.raw.length;
      const comment = entry.raw.slice(hash + 1).trimEnd();
      const breaks = view.breakage(entry);
      const lineStart = file.lines.lineStart(entry.line);
      report({
        start,
        end,
        ...(breaks ? { severity: 'error' as const } : {}),
        message:
          `${entry.name} has a comment after its value, but docker run --env-file has no inline comments: the comment ` +
          `becomes part of the value${breaks ? `, and ${breaks}` : ''}. Move the comment to its own line.`,
        fixes: [
          fix(
            'Move the comment to its own line above',
            [replace(lineStart, lineStart, `${view.indentOf(entry)}${comment}${file.lines.eol}`), replace(start, end, '')],
            true,
          ),
        ],
      });
    }
  },
};
