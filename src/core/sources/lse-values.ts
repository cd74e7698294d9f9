// Locates the storage-relevant parts of a Label Studio Helm values file.
import type { Node } from 'yaml';
import { storagePods } from './lse-chart';
import { isMap, nodeAt, pairIn, pairsOf, keyOf, scalarText, type YamlFile, type YamlPair } from './yaml-file';

export type Pod = (typeof storagePods)[number];

export interface PodServiceAccount {
  pod: Pod;
  /** `app.serviceAccount` mapping, when present. */
  serviceAccount: Node | undefined;
  /** `app.serviceAccount.annotations` mapping, when present. */
  annotations: Node | undefined;
  annotation(name: string): YamlPair | undefined;
}

export interface LseValues {
  root: Node | null;
  /** The `global.persistence` pair, when present. */
  persistence: YamlPair | undefined;
  /** `global.persistence.type` pair and its text. */
  typePair: YamlPair | undefined;
  type: string | undefined;
  /** `global.persistence.config` mapping. */
  config: Node | undefined;
  /** `global.persistence.config.<name>` mapping. */
  block(name: string): Node | undefined;
  pods: PodServiceAccount[];
}

export function readLseValues(yaml: YamlFile): LseValues {
  const root = yaml.doc.contents;
  const persistence = pairIn(nodeAt(root, ['global']), 'persistence');
  const typePair = pairIn(persistence?.value, 'type');
  const configNode = nodeAt(persistence?.value, ['config']);
  const config = isMap(configNode) ? configNode : undefined;
  const pods = storagePods.map((pod): PodServiceAccount => {
    const serviceAccount = nodeAt(root, [pod, 'serviceAccount']) ?? undefined;
    const annotations = nodeAt(serviceAccount, ['annotations']) ?? undefined;
    return { pod, serviceAccount, annotations, annotation: (name) => pairsOf(annotations).find((p) => keyOf(p) === name) };
  });
  return {
    root,
    persistence,
    typePair,
    type: scalarText(typePair?.value),
    config,
    block: (name) => {
      const block = nodeAt(config, [name]);
      return isMap(block) ? block : undefined;
    },
    pods,
  };
}
