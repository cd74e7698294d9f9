// What the chart's templates make of global.persistence: the type they act on, the keys its configuration check
// requires, and the credentials, each an inline value or an existing Secret (`<key>ExistingSecret` + `…Key`).
import type { Node } from 'yaml';
import type { Provider } from '../../model';
import type { LseValues } from '../../sources/lse-values';
import { isScalar, isSeq, nodeAt, pairIn, pairsOf, type YamlPair } from '../../sources/yaml-file';

export const providers: readonly Provider[] = ['s3', 'gcs', 'azure'];

export const isProvider = (type: string | undefined): type is Provider => (providers as readonly (string | undefined)[]).includes(type);

/** The type the templates branch on: `type` as written, or the chart's default `volume` when it is unset. */
export const effectiveType = (values: LseValues): string => values.type ?? 'volume';

/** With `enabled: false` the chart renders no storage setting at all. */
const persistenceEnabled = (values: LseValues): boolean => {
  const enabled = nodeAt(values.persistence?.value, ['enabled']);
  return !(isScalar(enabled) && enabled.value === false);
};

/** The provider whose block the pods run with, when persistence is on and `type` names one. */
export function activeProvider(values: LseValues): Provider | undefined {
  const type = effectiveType(values);
  return persistenceEnabled(values) && isProvider(type) ? type : undefined;
}

/** Whether the templates' `if` takes the value as given: not empty, null, false or 0. */
export function isSet(node: unknown): boolean {
  if (isScalar(node)) return !(node.value === null || node.value === '' || node.value === false || node.value === 0);
  return pairsOf(node).length > 0 || (isSeq(node) && node.items.length > 0);
}

/** The pair `key` of `block` when its value is set. */
export function setPair(block: Node | undefined, key: string): YamlPair | undefined {
  const pair = pairIn(block, key);
  return pair && isSet(pair.value) ? pair : undefined;
}

/** Keys the chart's configuration check (_checkConfig.tpl) requires per type: helm stops without them. */
export const requiredKeys: Readonly<Record<Provider, readonly string[]>> = {
  s3: ['bucket', 'region'],
  gcs: ['bucket', 'projectID'],
  azure: ['containerName'],
};

/** The placeholder a fix writes for a key the author must fill in. */
export const keyPlaceholders: Readonly<Record<string, string>> = {
  bucket: '<YOUR_BUCKET_NAME>',
  region: '<YOUR_BUCKET_REGION>',
  projectID: '<YOUR_PROJECT_ID>',
  containerName: '<YOUR_CONTAINER_NAME>',
  storageAccountName: '<YOUR_STORAGE_ACCOUNT>',
  storageAccountKey: '<YOUR_STORAGE_ACCOUNT_KEY>',
};

export interface Credential {
  provider: Provider;
  /** The inline key; `<key>ExistingSecret` and `<key>ExistingSecretKey` name an existing Secret instead. */
  key: string;
  /** What it holds, for messages. */
  label: string;
  /** The key inside the Secret `lse-storage` that the setup guide and the snippets use. */
  secretKeyName: string;
  /** What the author puts into the Secret: a literal value, or a file. */
  source: { literal: string } | { file: string };
  /** Where the pods get it: the environment variable, or the file the chart mounts. */
  delivery: string;
  /** The key of the chart's own Secret the templates fall back to when the existing-Secret pair is incomplete. */
  chartSecretKey: string;
}

/** Where the chart mounts the GCS key Secret (GOOGLE_APPLICATION_CREDENTIALS points at a file in it). */
export const gcsSecretDir = '/opt/heartex/secrets/gcs';

export const credentials: readonly Credential[] = [
  {
    provider: 's3',
    key: 'accessKey',
    label: 'access key ID',
    secretKeyName: 'accesskey',
    source: { literal: '<YOUR_ACCESS_KEY_ID>' },
    delivery: 'STORAGE_AWS_ACCESS_KEY_ID',
    chartSecretKey: 'storage-aws-access-key-id',
  },
  {
    provider: 's3',
    key: 'secretKey',
    label: 'secret access key',
    secretKeyName: 'secretkey',
    source: { literal: '<YOUR_SECRET_ACCESS_KEY>' },
    delivery: 'STORAGE_AWS_SECRET_ACCESS_KEY',
    chartSecretKey: 'storage-aws-secret-access-key',
  },
  {
    provider: 'gcs',
    key: 'applicationCredentialsJSON',
    label: 'service-account key JSON',
    secretKeyName: 'key_json',
    source: { file: '<PATH_TO_JSON>' },
    delivery: `${gcsSecretDir}/key.json`,
    chartSecretKey: 'key.json',
  },
  {
    provider: 'azure',
    key: 'storageAccountName',
    label: 'storage account name',
    secretKeyName: 'accountname',
    source: { literal: '<YOUR_STORAGE_ACCOUNT>' },
    delivery: 'STORAGE_AZURE_ACCOUNT_NAME',
    chartSecretKey: 'storage-azure-account-name',
  },
  {
    provider: 'azure',
    key: 'storageAccountKey',
    label: 'storage account key',
    secretKeyName: 'accountkey',
    source: { literal: '<YOUR_STORAGE_ACCOUNT_KEY>' },
    delivery: 'STORAGE_AZURE_ACCOUNT_KEY',
    chartSecretKey: 'storage-azure-account-key',
  },
];

/** The Secret name fixes propose, as in the setup guide's examples. */
export const storageSecret = 'lse-storage';

export const secretNameKey = (credential: Credential) => `${credential.key}ExistingSecret`;
export const secretKeyKey = (credential: Credential) => `${credential.key}ExistingSecretKey`;

/** The command that creates the Secret a fix points the chart at (with a placeholder, never the real value). */
export function kubectlCommand(credential: Credential): string {
  const from = 'file' in credential.source ? `--from-file=${credential.secretKeyName}=${credential.source.file}` : `--from-literal=${credential.secretKeyName}=${credential.source.literal}`;
  return `kubectl create secret generic ${storageSecret} ${from}`;
}

/** How one credential is given in a block: each of its three keys, when set. */
export interface CredentialSetting {
  credential: Credential;
  inline?: YamlPair;
  secretName?: YamlPair;
  secretKey?: YamlPair;
}

export function credentialSettings(block: Node | undefined, provider: Provider): CredentialSetting[] {
  return credentials
    .filter((c) => c.provider === provider)
    .map((credential) => ({
      credential,
      inline: setPair(block, credential.key),
      secretName: setPair(block, secretNameKey(credential)),
      secretKey: setPair(block, secretKeyKey(credential)),
    }));
}

/** The active provider's block and how each of its credentials is given there; no settings when none is active. */
export function activeCredentialSettings(values: LseValues): { block: Node | undefined; settings: CredentialSetting[] } {
  const provider = activeProvider(values);
  if (!provider) return { block: undefined, settings: [] };
  const block = values.block(provider);
  return { block, settings: credentialSettings(block, provider) };
}

/** The templates use the existing Secret only when both its name and its key are set. */
export const completeSecret = (setting: CredentialSetting) => setting.secretName !== undefined && setting.secretKey !== undefined;

/** `global.persistence.config.s3.secretKey` */
export const settingPath = (provider: Provider, key: string) => `global.persistence.config.${provider}.${key}`;
