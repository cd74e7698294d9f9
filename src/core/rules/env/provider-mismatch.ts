import { bareEnvName, storageEnv } from '../../sources/ls-env';
import { fix, removeLine } from '../fixes';
import type { Rule } from '../rule';
import { envView } from './env-view';
import { providerLabel } from './value-checks';

export const providerMismatch: Rule = {
  id: 'env/provider-mismatch',
  title: 'Setting of another provider than STORAGE_TYPE',
  severity: 'warning',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    const type = view.storageType();
    const provider = type?.provider;
    if (!type || !provider) return;
    for (const entry of view.known) {
      const bare = bareEnvName(entry.name);
      const owner = Object.hasOwn(storageEnv, bare) ? storageEnv[bare].provider : undefined;
      if (!owner || owner === provider) continue;
      report({
        start: entry.nameOffset,
        end: entry.nameOffset + entry.name.length,
        message:
          `${entry.name} is for ${providerLabel[owner]}, but ${type.entry.name} is ${provider}: Label Studio reads ` +
          `only the ${providerLabel[provider]} settings, so this line is ignored. Remove it, or set ${type.entry.name} ` +
          `to ${owner} if ${providerLabel[owner]} is meant.`,
        fixes: [fix(`Remove this ${entry.name} line`, [removeLine(file, entry.line)])],
      });
    }
  },
};
