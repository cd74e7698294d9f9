import type { Node } from 'yaml';
import { storagePods } from '../../sources/lse-chart';
import { readLseValues } from '../../sources/lse-values';
import { isSeq, nodeAt, scalarText, spanOf } from '../../sources/yaml-file';
import type { Rule } from '../rule';

/** The `mountPath`s of a pod's `extraVolumeMounts`, without trailing slashes. */
function mountPaths(root: Node | null, pod: string): string[] {
  const mounts = nodeAt(root, [pod, 'extraVolumeMounts']);
  if (!isSeq(mounts)) return [];
  return mounts.items.flatMap((item) => {
    const path = scalarText(nodeAt(item, ['mountPath']));
    return path ? [path.replace(/\/+$/, '') || '/'] : [];
  });
}

/** A file is in the container when a mount is the file itself (subPath) or one of its directories. */
const covers = (mount: string, file: string) => file === mount || file.startsWith(mount === '/' ? '/' : `${mount}/`);

export const customCaNotMounted: Rule = {
  id: 'values/custom-ca-not-mounted',
  title: 'Custom CA certificate that no volume mounts',
  severity: 'warning',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const { root } = readLseValues(workspace.yaml(file));
    const certs = nodeAt(root, ['global', 'customCaCerts']);
    if (!isSeq(certs)) return;
    const mounts = storagePods.map((pod) => ({ pod, paths: mountPaths(root, pod) }));
    for (const item of certs.items) {
      const path = scalarText(item)?.trim();
      if (!path) continue;
      const lacking = mounts.filter((m) => !m.paths.some((mount) => covers(mount, path))).map((m) => m.pod);
      if (lacking.length === 0) continue;
      const [start, end] = spanOf(item as Node);
      const pods = lacking.map((pod) => `${pod}.extraVolumeMounts`).join(' or ');
      report({
        start,
        end,
        message:
          `global.customCaCerts lists ${path}, but no ${pods} mounts it: unless the image already has that file, the entrypoint logs ` +
          `"Missing certificate file" and leaves it out of the CA bundle, so TLS to a storage endpoint signed by that CA fails ` +
          `(CERTIFICATE_VERIFY_FAILED)${lacking.length < storagePods.length ? ` in ${lacking.join(' and ')}` : ''}. ` +
          `Mount it from a Secret or ConfigMap through ${lacking.map((pod) => `${pod}.extraVolumes/extraVolumeMounts`).join(' and ')}.`,
      });
    }
  },
};
