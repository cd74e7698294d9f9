import type { Node } from 'yaml';
import { readLseValues } from '../../sources/lse-values';
import { pairIn, scalarText, spanOf } from '../../sources/yaml-file';
import { fix } from '../fixes';
import type { Rule } from '../rule';
import { activeCredentialSettings, gcsSecretDir, secretKeyKey, secretNameKey, type CredentialSetting } from './persistence';
import { fillValue, insertAfter } from './yaml-edits';

/** What the templates do with only the Secret's name, or only its key, and no inline value to fall back on. */
function effect({ credential, secretName }: CredentialSetting): string {
  const { provider, label, delivery, chartSecretKey } = credential;
  if (provider === 'gcs') {
    return secretName
      ? `it mounts no key file and sets no GOOGLE_APPLICATION_CREDENTIALS, so Label Studio silently runs as the node's or Workload Identity's Google account instead`
      : `it sets GOOGLE_APPLICATION_CREDENTIALS to a file under ${gcsSecretDir} but mounts nothing there, so every storage request fails with "file not found"`;
  }
  // Azure always renders both references; S3 renders one when the inline key or the Secret name is set.
  if (provider === 'azure' || secretName) {
    return `it reads ${delivery} from the key "${chartSecretKey}" of its own Secret instead, which does not exist, so the pods fail with CreateContainerConfigError`;
  }
  return `it renders no ${delivery} at all, so the pods run without this ${label} and Label Studio does not authenticate the way this file says`;
}

export const incompleteExistingSecret: Rule = {
  id: 'values/incomplete-existing-secret',
  title: 'Existing Secret without its key, or key without its Secret',
  severity: 'error',
  kinds: ['values'],
  check({ file, workspace, report }) {
    const { block, settings } = activeCredentialSettings(readLseValues(workspace.yaml(file)));
    for (const setting of settings) {
      // With an inline value the templates use it, and values/conflicting-credentials says so.
      const present = setting.secretName ?? setting.secretKey;
      if (setting.inline || !present || (setting.secretName && setting.secretKey)) continue;
      const { credential } = setting;
      const has = setting.secretName ? secretNameKey(credential) : secretKeyKey(credential);
      const lacks = setting.secretName ? secretKeyKey(credential) : secretNameKey(credential);
      const [start, end] = spanOf(present.key as Node);
      const placeholder = setting.secretName ? '<KEY_IN_SECRET>' : '<SECRET_NAME>';
      // `key: ""` is unset for the templates: fill it rather than add a second one.
      const empty = pairIn(block, lacks);
      const edit = empty ? fillValue(file, empty, { placeholder }) : insertAfter(file, present, block, [{ key: lacks, value: { placeholder } }]);
      const secret = setting.secretName ? ` (the key in the Secret "${scalarText(present.value)}" that holds the ${credential.label})` : ` (the Secret that holds the key "${scalarText(present.value)}")`;
      report({
        start,
        end,
        message: `${has} is set without ${lacks}: the chart uses an existing Secret only when both are set. Here ${effect(setting)}. Add ${lacks}${secret}.`,
        fixes: edit ? [fix(`Add ${lacks}`, [edit], true)] : [],
      });
    }
  },
};
