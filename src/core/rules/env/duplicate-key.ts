import type { EnvEntry } from '../../sources/env-file';
import { valueOf } from '../../sources/env-file';
import { fix, removeLine } from '../fixes';
import type { Rule } from '../rule';

export const duplicateKey: Rule = {
  id: 'env/duplicate-key',
  title: 'Variable set twice',
  severity: 'warning',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const reader = workspace.envReader(file);
    // A bare `NAME` line takes the host's value, or nothing when the host has none: only `NAME=value` lines surely win.
    const assignments = workspace.env(file).entries.filter((e) => e.hasEquals);
    const last = new Map<string, EnvEntry>();
    for (const entry of assignments) last.set(entry.name, entry);
    for (const entry of assignments) {
      const winner = last.get(entry.name);
      if (!winner || winner === entry) continue;
      const same = valueOf(entry, reader) === valueOf(winner, reader);
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
