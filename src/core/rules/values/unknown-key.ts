import type { Node } from 'yaml';
import { didYouMean } from '../../did-you-mean';
import { configKeys, keyAliases, persistenceKeys, serviceAccountKeys, storageTypes, type KeySpec } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { keyOf, pairsOf, spanOf } from '../../sources/yaml-file';
import { fix, replace } from '../fixes';
import type { Rule, RuleContext } from '../rule';

/** Reports keys of `map` that the chart's schema forbids (additionalProperties: false at `where`). */
function checkKeys(context: RuleContext, map: Node | undefined, allowed: Readonly<Record<string, KeySpec>>, where: string) {
  const names = Object.keys(allowed);
  for (const pair of pairsOf(map)) {
    const key = keyOf(pair);
    if (key === undefined || Object.hasOwn(allowed, key)) continue;
    const [start, end] = spanOf(pair.key as Node);
    const suggestion = didYouMean(key, names, keyAliases);
    // Renaming onto a key the block already has would write a duplicate key.
    const renamable = suggestion !== undefined && !pairsOf(map).some((p) => keyOf(p) === suggestion);
    context.report({
      start,
      end,
      message:
        `${where} has no key "${key}": the chart's schema forbids unknown keys here, so helm install fails.` +
        (suggestion ? ` Did you mean "${suggestion}"?` : ` Allowed: ${names.join(', ')}.`),
      fixes: renamable ? [fix(`Rename to "${suggestion}"`, [replace(start, end, suggestion)], true)] : [],
    });
  }
}

export const unknownKey: Rule = {
  id: 'values/unknown-key',
  title: 'Key the chart schema forbids',
  severity: 'error',
  kinds: ['values'],
  check(context) {
    const values = readLseValues(context.workspace.yaml(context.file));
    checkKeys(context, values.persistence?.value ?? undefined, persistenceKeys, 'global.persistence');
    checkKeys(context, values.config, Object.fromEntries(storageTypes.map((t) => [t, { type: 'object', description: '' }])), 'global.persistence.config');
    for (const type of storageTypes) checkKeys(context, values.block(type), configKeys[type], `global.persistence.config.${type}`);
    for (const pod of values.pods) checkKeys(context, pod.serviceAccount, serviceAccountKeys, `${pod.pod}.serviceAccount`);
  },
};
