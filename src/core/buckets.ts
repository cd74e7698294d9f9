// The buckets a workspace configures: from Helm values, env files and `.bucket-doctor.json`, each located.
import type { Node } from 'yaml';
import type { AuthMode, BucketRef, Provider } from './model';
import { valueOf, type EnvEntry } from './sources/env-file';
import { roleAnnotations } from './sources/lse-chart';
import { bareEnvName } from './sources/ls-env';
import { readLseValues } from './sources/lse-values';
import { nodeAt, scalarText, spanOf } from './sources/yaml-file';
import type { SourceFile, Workspace } from './workspace';

/** Profile of buckets found in Label Studio files unless `.bucket-doctor.json` says otherwise. */
export const defaultProfile = 'lse-persistence';

const nameKeys: Record<Provider, string> = { s3: 'bucket', gcs: 'bucket', azure: 'containerName' };

function has(block: Node | undefined, key: string): boolean {
  return (scalarText(nodeAt(block, [key])) ?? '') !== '';
}

function valuesAuth(provider: Provider, block: Node | undefined, annotation: (name: string) => string | undefined): AuthMode {
  if (provider === 's3') {
    if (has(block, 'accessKeyExistingSecret') || has(block, 'secretKeyExistingSecret')) return 'existing-secret';
    if (has(block, 'accessKey') || has(block, 'secretKey')) return 'access-keys';
    return annotation(roleAnnotations.irsa) ? 'irsa-role' : 'node-role';
  }
  if (provider === 'gcs') {
    if (has(block, 'applicationCredentialsJSONExistingSecret')) return 'existing-secret';
    if (has(block, 'applicationCredentialsJSON')) return 'key-json';
    return annotation(roleAnnotations.gke) ? 'workload-identity' : 'node-role';
  }
  return has(block, 'storageAccountKeyExistingSecret') ? 'existing-secret' : has(block, 'storageAccountKey') ? 'account-key' : 'unknown';
}

function fromValues(workspace: Workspace, file: SourceFile): BucketRef[] {
  const values = readLseValues(workspace.yaml(file));
  const provider = values.type as Provider | undefined;
  if (provider !== 's3' && provider !== 'gcs' && provider !== 'azure') return [];
  const block = values.block(provider);
  const nameNode = nodeAt(block, [nameKeys[provider]]) ?? undefined;
  const name = scalarText(nameNode);
  if (!name) return [];
  const annotation = (key: string) => scalarText(values.pods[0].annotation(key)?.value);
  const [start, end] = spanOf(nameNode);
  const ref: BucketRef = {
    provider,
    name,
    folder: scalarText(nodeAt(block, ['folder'])) ?? '',
    auth: valuesAuth(provider, block, annotation),
    profile: defaultProfile,
    file: file.path,
    range: file.lines.range(start, end),
  };
  const region = scalarText(nodeAt(block, ['region']));
  const endpoint = scalarText(nodeAt(block, ['endpointUrl']));
  const roleArn = annotation(roleAnnotations.irsa);
  const kmsKeyArn = scalarText(nodeAt(block, ['objectParameters', 'SSEKMSKeyId']));
  const account = scalarText(nodeAt(block, ['storageAccountName']));
  if (region) ref.region = region;
  if (endpoint) ref.endpoint = endpoint;
  if (roleArn && provider === 's3') ref.roleArn = roleArn;
  if (kmsKeyArn) ref.kmsKeyArn = kmsKeyArn;
  if (account) ref.account = account;
  return [ref];
}

const envNames: Record<Provider, { name: string; folder: string }> = {
  s3: { name: 'STORAGE_AWS_BUCKET_NAME', folder: 'STORAGE_AWS_FOLDER' },
  gcs: { name: 'STORAGE_GCS_BUCKET_NAME', folder: 'STORAGE_GCS_FOLDER' },
  azure: { name: 'STORAGE_AZURE_CONTAINER_NAME', folder: 'STORAGE_AZURE_FOLDER' },
};

function fromEnv(workspace: Workspace, file: SourceFile): BucketRef[] {
  const reader = workspace.envReader(file);
  // Label Studio's get_env: LABEL_STUDIO_X, then HEARTEX_X, then X; the first one set wins. Later lines override.
  const rank = (name: string) => (name.startsWith('LABEL_STUDIO_') ? 2 : name.startsWith('HEARTEX_') ? 1 : 0);
  const winners = new Map<string, { entry: EnvEntry; rank: number }>();
  for (const entry of workspace.env(file).entries) {
    const bare = bareEnvName(entry.name);
    const current = winners.get(bare);
    if (!current || rank(entry.name) >= current.rank) winners.set(bare, { entry, rank: rank(entry.name) });
  }
  const get = (name: string) => {
    const entry = winners.get(name)?.entry;
    return entry ? { entry, value: valueOf(entry, reader) } : undefined;
  };
  const provider = get('STORAGE_TYPE')?.value as Provider | undefined;
  if (provider !== 's3' && provider !== 'gcs' && provider !== 'azure') return [];
  const name = get(envNames[provider].name);
  if (!name?.value) return [];
  const auth: AuthMode =
    provider === 's3' ? (get('STORAGE_AWS_ACCESS_KEY_ID')?.value ? 'access-keys' : 'node-role') : provider === 'gcs' ? (get('GOOGLE_APPLICATION_CREDENTIALS')?.value ? 'key-json' : 'node-role') : 'account-key';
  const ref: BucketRef = {
    provider,
    name: name.value,
    folder: get(envNames[provider].folder)?.value ?? '',
    auth,
    profile: defaultProfile,
    file: file.path,
    range: file.lines.range(name.entry.rawOffset, name.entry.rawOffset + name.entry.raw.length),
  };
  const region = get('STORAGE_AWS_REGION_NAME')?.value;
  const endpoint = get('STORAGE_AWS_ENDPOINT_URL')?.value;
  const account = get('STORAGE_AZURE_ACCOUNT_NAME')?.value;
  if (region && provider === 's3') ref.region = region;
  if (endpoint && provider === 's3') ref.endpoint = endpoint;
  if (account && provider === 'azure') ref.account = account;
  return [ref];
}

function fromConfig(workspace: Workspace, file: SourceFile): BucketRef[] {
  return workspace.bucketConfig(file).buckets.map((b) => {
    const ref: BucketRef = {
      provider: b.provider,
      name: b.name,
      folder: b.prefix ?? '',
      auth: 'unknown',
      profile: b.profile ?? defaultProfile,
      file: file.path,
      range: file.lines.range(b.offset, b.offset + b.length),
    };
    for (const key of ['region', 'endpoint', 'roleArn', 'kmsKeyArn', 'awsProfile', 'policies'] as const) {
      if (b[key] !== undefined) Object.assign(ref, { [key]: b[key] });
    }
    return ref;
  });
}

/**
 * Every bucket definition in the workspace, in file order. `.bucket-doctor.json` entries come last and
 * complete (profile, prefix, policies, role) the definitions of the same provider and name in other files.
 */
export function workspaceBuckets(workspace: Workspace): BucketRef[] {
  const found = workspace.files.flatMap((file) => (file.kind === 'values' ? fromValues(workspace, file) : file.kind === 'env' ? fromEnv(workspace, file) : []));
  const configured = workspace.files.filter((f) => f.kind === 'config').flatMap((file) => fromConfig(workspace, file));
  for (const config of configured) {
    for (const ref of found.filter((r) => r.provider === config.provider && r.name === config.name)) {
      ref.profile = config.profile;
      if (config.folder) ref.folder = config.folder;
      for (const key of ['region', 'endpoint', 'roleArn', 'kmsKeyArn', 'awsProfile', 'policies'] as const) {
        if (config[key] !== undefined) Object.assign(ref, { [key]: config[key] });
      }
    }
  }
  return [...found, ...configured];
}
