import type { Node } from 'yaml';
import type { Fix, Provider } from '../../model';
import { storageTypes } from '../../sources/lse-chart';
import { readLseValues, type LseValues } from '../../sources/lse-values';
import { isScalar, keyOf, pairIn, pairsOf, scalarText, spanOf } from '../../sources/yaml-file';
import type { SourceFile } from '../../workspace';
import { fix, replaceScalar } from '../fixes';
import type { Rule } from '../rule';
import { effectiveType, isSet, providers, requiredKeys, setPair } from './persistence';
import { fillValue, insertAt } from './yaml-edits';

/** Values the chart's own values.yaml gives: a copied default is not a sign the block is meant. */
const chartDefaults: Readonly<Record<string, string>> = { urlExpirationSecs: '86400' };

/** Whether a block holds any setting of its own (not empty, not the chart's default). */
function filled(block: Node | undefined): boolean {
  return pairsOf(block).some((p) => isSet(p.value) && scalarText(p.value) !== chartDefaults[keyOf(p) ?? '']);
}

/** Switching `type` to `provider` is safe when the current block is unused and the other one is complete. */
function switchType(file: SourceFile, values: LseValues, provider: Provider): Fix | undefined {
  const current = effectiveType(values);
  if ((providers as readonly string[]).includes(current) && filled(values.block(current))) return undefined;
  if (!requiredKeys[provider].every((key) => setPair(values.block(provider), key))) return undefined;
  const { typePair } = values;
  const written = typePair?.value && spanOf(typePair.value)[1] > spanOf(typePair.value)[0];
  const edit = typePair
    ? written
      ? replaceScalar(typePair.value as Node, provider)
      : fillValue(file, typePair, { yaml: provider })
    : insertAt(file, values.root, ['global', 'persistence'], [{ key: 'type', value: { yaml: provider } }]);
  return edit ? fix(`Set type to "${provider}"`, [edit], true) : undefined;
}

export const typeConfigMismatch: Rule = {
  id: 'values/type-config-mismatch',
  title: 'Config block that type does not select',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    // An unknown type is values/unknown-storage-type's finding.
    if (!values.config || (values.type !== undefined && !(storageTypes as readonly string[]).includes(values.type))) return;
    // A mapping or list as type is not a storage type at all; the chart's schema refuses it.
    if (values.typePair?.value && !isScalar(values.typePair.value)) return;
    const type = effectiveType(values);
    const stated = values.type === undefined ? 'type is not set, so the chart uses its default "volume"' : `type is "${type}"`;
    for (const provider of providers) {
      const block = values.block(provider);
      if (provider === type || !filled(block)) continue;
      const [start, end] = spanOf(pairIn(values.config, provider)?.key as Node);
      const switched = switchType(file, values, provider);
      report({
        start,
        end,
        message:
          `config.${provider} is filled in but ${stated}: the chart renders only the block type selects, so these settings are ignored ` +
          `and media ${type === 'volume' ? 'goes to the volume' : `goes to ${type}`}, not to this ${provider === 'azure' ? 'container' : 'bucket'}. ` +
          `Set type to "${provider}" if ${provider} is meant, or remove the block.`,
        fixes: switched ? [switched] : [],
      });
    }
  },
};
