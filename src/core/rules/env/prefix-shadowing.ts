import { bareEnvName, envPrefixes, knownEnv } from '../../sources/ls-env';
import { fix, removeLine } from '../fixes';
import type { Rule } from '../rule';
import { envView } from './env-view';

export const prefixShadowing: Rule = {
  id: 'env/prefix-shadowing',
  title: 'Variable hidden by its LABEL_STUDIO_ or HEARTEX_ form',
  severity: 'warning',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    const done = new Set<string>();
    // Shadowing needs a prefixed line: start from those.
    for (const entry of view.prefixed) {
      const bare = bareEnvName(entry.name);
      if (done.has(bare)) continue;
      done.add(bare);
      // Paths are read by libraries and the entrypoint under their own name only, not through get_env.
      if (Object.hasOwn(knownEnv, bare) && knownEnv[bare].parse === 'path') continue;
      const [winner, ...losers] = view.lookup(bare);
      // A bare `NAME` line takes the host's value: which one wins then depends on the host.
      if (losers.length === 0 || !winner.hasEquals) continue;
      const order = `${envPrefixes.map((p) => p + bare).join(', then ')}, then ${bare}`;
      for (const loser of losers) {
        if (!loser.hasEquals || view.delivered(loser) === view.delivered(winner)) continue;
        report({
          start: loser.nameOffset,
          end: loser.nameOffset + loser.name.length,
          message:
            `${loser.name} is ignored: Label Studio looks up ${order}, and uses the first that is set, so ${winner.name} ` +
            `(line ${winner.line}) wins with a different value. Keep only the one you mean.`,
          fixes: [fix(`Remove this ${loser.name} line`, [removeLine(file, loser.line)])],
        });
      }
    }
  },
};
