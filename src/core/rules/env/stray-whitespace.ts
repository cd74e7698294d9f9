import type { EnvEntry } from '../../sources/env-file';
import { fix, replace } from '../fixes';
import type { Rule, RuleContext } from '../rule';
import { envView, type EnvView } from './env-view';

/** "a space", "2 tabs", "3 blanks" for the run of spaces and tabs `run`. */
function blanks(run: string): string {
  const kind = /^ +$/.test(run) ? 'space' : /^\t+$/.test(run) ? 'tab' : 'blank';
  return run.length === 1 ? `a ${kind}` : `${run.length} ${kind}s`;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function reportRun(context: RuleContext, view: EnvView, entry: EnvEntry, from: number, to: number, where: (blanks: string) => string): void {
  const run = entry.raw.slice(from, to);
  const one = run.length === 1;
  const breaks = view.breakage(entry);
  const start = entry.rawOffset + from;
  const end = entry.rawOffset + to;
  context.report({
    start,
    end,
    ...(breaks ? { severity: 'error' as const } : {}),
    message:
      `${entry.name} ${where(blanks(run))}: docker run --env-file keeps ${one ? 'it' : 'them'} as part of the value` +
      `${breaks ? `, and ${breaks}` : `, where ${one ? 'it is' : 'they are'} easy to miss`}. Remove ${one ? 'it' : 'them'}.`,
    fixes: [fix(`Remove the ${one ? 'blank' : 'blanks'}`, [replace(start, end, '')], true)],
  });
}

export const strayWhitespace: Rule = {
  id: 'env/stray-whitespace',
  title: 'Blanks around a value that docker run --env-file keeps',
  severity: 'warning',
  kinds: ['env'],
  check(context) {
    const view = envView(context.workspace, context.file);
    // Compose trims unquoted values and ignores blanks outside quotes; docker run passes every character on.
    if (view.reader !== 'docker-run') return;
    for (const entry of view.padded) {
      const raw = entry.raw;
      let lead = 0;
      while (isBlank(raw[lead])) lead++;
      let trail = 0;
      while (trail < raw.length && isBlank(raw[raw.length - 1 - trail])) trail++;
      if (lead === raw.length) {
        if (lead > 0) reportRun(context, view, entry, 0, lead, (b) => `is only ${b}`);
        continue;
      }
      // Blanks before a `#` belong to an inline comment (env/inline-comment).
      if (lead > 0 && raw[lead] !== '#') reportRun(context, view, entry, 0, lead, (b) => `has ${b} right after "="`);
      if (trail > 0) reportRun(context, view, entry, raw.length - trail, raw.length, (b) => `ends with ${b} after its value`);
    }
  },
};
