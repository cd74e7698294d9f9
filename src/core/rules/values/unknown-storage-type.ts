import type { Node } from 'yaml';
import { didYouMean } from '../../did-you-mean';
import { storageTypes } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { spanOf } from '../../sources/yaml-file';
import { fix, replaceScalar } from '../fixes';
import type { Rule } from '../rule';

/** Names people give the backends (other tools, provider and product names) mapped to the chart's type. */
const typeAliases: Readonly<Record<string, string>> = {
  aws: 's3',
  amazon: 's3',
  amazons3: 's3',
  minio: 's3',
  ceph: 's3',
  r2: 's3',
  wasabi: 's3',
  google: 'gcs',
  gcp: 'gcs',
  gs: 'gcs',
  googlecloudstorage: 'gcs',
  blob: 'azure',
  azureblob: 'azure',
  abs: 'azure',
  wasb: 'azure',
  local: 'volume',
  disk: 'volume',
  pvc: 'volume',
  filesystem: 'volume',
};

/** S3-compatible servers work through the s3 type plus an endpoint, which the message points out. */
const s3Compatible = new Set(['minio', 'ceph', 'r2', 'wasabi']);

/** The type `value` evidently means: other case, stray quotes or blanks, an alias, or a close typo. */
function suggestType(value: string): string | undefined {
  const bare = value.trim().replace(/^(["'])(.*)\1$/, '$2').trim().toLowerCase();
  const squashed = bare.replace(/[^a-z0-9]/g, '');
  if ((storageTypes as readonly string[]).includes(bare)) return bare;
  return typeAliases[squashed] ?? (bare ? didYouMean(bare, storageTypes) : undefined);
}

export const unknownStorageType: Rule = {
  id: 'values/unknown-storage-type',
  title: 'Storage type the chart does not act on',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const { typePair, type } = readLseValues(workspace.yaml(file));
    if (!typePair?.value || type === undefined || (storageTypes as readonly string[]).includes(type)) return;
    const [start, end] = spanOf(typePair.value as Node);
    const suggestion = suggestType(type);
    const hint = s3Compatible.has(type.trim().toLowerCase()) ? ' S3-compatible servers use "s3" with config.s3.endpointUrl set to the server.' : '';
    report({
      start,
      end,
      message:
        `global.persistence.type is ${JSON.stringify(type)}; the chart and Label Studio compare it exactly with s3, gcs, azure and volume, ` +
        `so no storage setting is rendered and Label Studio writes media to an emptyDir inside each pod, lost whenever the pod is replaced. ` +
        `${suggestion ? `Use "${suggestion}".` : 'Use one of them.'}${hint}`,
      fixes: suggestion ? [fix(`Use "${suggestion}"`, [replaceScalar(typePair.value as Node, suggestion)], true)] : [],
    });
  },
};
