import { didYouMean } from '../../did-you-mean';
import { envPrefixes, storageEnv } from '../../sources/ls-env';
import { fix, removeLine, replace } from '../fixes';
import type { Rule } from '../rule';
import { envView } from './env-view';

const storageNames = Object.keys(storageEnv);

export const unknownVariable: Rule = {
  id: 'env/unknown-variable',
  title: 'STORAGE_* variable Label Studio does not read',
  severity: 'warning',
  kinds: ['env'],
  check({ file, workspace, report }) {
    const view = envView(workspace, file);
    // Any case: environment names are case-sensitive, so `storage_type` is a typo Label Studio never reads.
    for (const entry of view.storageLike) {
      const prefix = envPrefixes.find((p) => entry.name.startsWith(p)) ?? '';
      const bare = entry.name.slice(prefix.length);
      if (Object.hasOwn(storageEnv, bare)) continue;
      const suggestion = didYouMean(bare, storageNames);
      const target = suggestion === undefined ? undefined : prefix + suggestion;
      const taken = target === undefined ? undefined : view.last(target);
      const start = entry.nameOffset;
      const end = start + entry.name.length;
      const advice =
        target === undefined
          ? 'Check the name against the storage variables Label Studio reads.'
          : taken
            ? `Did you mean ${target}? It is already set on line ${taken.line}, so remove this line.`
            : `Did you mean ${target}?`;
      report({
        start,
        end,
        message: `${entry.name} is not a variable Label Studio reads, so its value has no effect. ${advice}`,
        fixes:
          target === undefined
            ? []
            : taken
              ? [fix(`Remove this ${entry.name} line`, [removeLine(file, entry.line)])]
              : [fix(`Rename to ${target}`, [replace(start, end, target)], true)],
      });
    }
  },
};
