import { fix, removeLine } from '../fixes';
import type { Rule } from '../rule';
import { envView } from './env-view';

export const duplicateKey: Rule = {
  id: 'env/duplicate-key',
  title: 'Variable set twice',
  severity: 'warning',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    // A bare `NAME` line takes the host's value, or nothing when the host has none: only `NAME=value` lines surely win.
    for (const entry of view.overridden) {
      const winner = view.lastSet(entry.name);
      if (!winner) continue;
      const same = view.delivered(entry) === view.delivered(winner);
      report({
        start: entry.nameOffset,
        end: entry.nameOffset + entry.name.length,
        message:
          `${entry.name} is set again on line ${winner.line}, and the last line wins: this line has no effect` +
          `${same ? ' (both set the same value)' : ', although its value differs'}. Remove it so the file shows what the container gets.`,
        fixes: [fix(`Remove this ${entry.name} line`, [removeLine(file, entry.line)], true)],
      });
    }
  },
};
