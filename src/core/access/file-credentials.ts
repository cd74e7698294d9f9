// Credentials written in the file that configures a bucket: read only after the user agrees (the extension asks),
// and never reported or logged. Placeholders and template markers are not credentials.
import type { BucketRef } from '../model';
import { valueOf } from '../sources/env-file';
import { readLseValues } from '../sources/lse-values';
import { nodeAt, scalarText } from '../sources/yaml-file';
import { isPlaceholder } from '../rules/values/placeholder';
import type { Workspace } from '../workspace';

export type FileCredentials =
  | { kind: 'aws-keys'; accessKeyId: string; secretAccessKey: string }
  | { kind: 'azure-key'; accountName: string; accountKey: string }
  | { kind: 'gcp-key-json'; json: string };

const usable = (value: string | undefined): value is string => value !== undefined && value.trim() !== '' && !isPlaceholder(value);

/** The credentials `ref`'s own file sets for it; undefined when it sets none (or only placeholders). */
export function fileCredentials(workspace: Workspace, ref: BucketRef): FileCredentials | undefined {
  const file = workspace.get(ref.file);
  if (!file) return undefined;
  let get: (yamlKey: string, envName: string) => string | undefined;
  if (file.kind === 'values') {
    const block = readLseValues(workspace.yaml(file)).block(ref.provider);
    get = (key) => scalarText(nodeAt(block, [key]));
  } else if (file.kind === 'env') {
    const reader = workspace.envReader(file);
    const entries = workspace.env(file).entries;
    get = (_, name) => {
      const entry = entries.filter((e) => e.name === name).at(-1);
      return entry && valueOf(entry, reader);
    };
  } else {
    return undefined;
  }
  if (ref.provider === 's3') {
    const accessKeyId = get('accessKey', 'STORAGE_AWS_ACCESS_KEY_ID');
    const secretAccessKey = get('secretKey', 'STORAGE_AWS_SECRET_ACCESS_KEY');
    return usable(accessKeyId) && usable(secretAccessKey) ? { kind: 'aws-keys', accessKeyId: accessKeyId.trim(), secretAccessKey: secretAccessKey.trim() } : undefined;
  }
  if (ref.provider === 'azure') {
    const accountName = get('storageAccountName', 'STORAGE_AZURE_ACCOUNT_NAME');
    const accountKey = get('storageAccountKey', 'STORAGE_AZURE_ACCOUNT_KEY');
    return usable(accountName) && usable(accountKey) ? { kind: 'azure-key', accountName: accountName.trim(), accountKey: accountKey.trim() } : undefined;
  }
  const json = file.kind === 'values' ? get('applicationCredentialsJSON', '') : undefined;
  return usable(json) && json.includes('"private_key"') ? { kind: 'gcp-key-json', json } : undefined;
}
