import type { Node } from 'yaml';
import { roleAnnotations } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { spanOf } from '../../sources/yaml-file';
import type { Rule } from '../rule';
import { activeProvider, credentialSettings, setPair } from './persistence';

export const noCredentials: Rule = {
  id: 'values/no-credentials',
  title: 'S3 storage that relies on the node role',
  severity: 'info',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const values = readLseValues(workspace.yaml(file));
    if (activeProvider(values) !== 's3' || !values.typePair?.value) return;
    const block = values.block('s3');
    const given = credentialSettings(block, 's3').some((s) => s.inline || s.secretName || s.secretKey);
    if (given || values.pods.some((pod) => pod.annotation(roleAnnotations.irsa))) return;
    const [start, end] = spanOf(values.typePair.value as Node);
    const endpoint = setPair(block, 'endpointUrl')
      ? ' endpointUrl points at an S3-compatible server, which usually knows nothing of AWS roles: give it access keys through an existing Secret.'
      : '';
    report({
      start,
      end,
      message:
        'S3 storage has no access keys, no existing Secret and no eks.amazonaws.com/role-arn annotation, so the chart gives the pods no credentials: ' +
        "both app and rqworker run with the EKS node's IAM role (instance profile), which every other pod on those nodes shares. " +
        `That works only if the node role may use the bucket; for a role of their own, annotate both service accounts (IRSA).${endpoint}`,
    });
  },
};
