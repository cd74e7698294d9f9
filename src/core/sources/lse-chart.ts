// What the Label Studio Helm chart (HumanSignal/charts, heartex/label-studio 2.0.5) accepts under global.persistence
// and the service accounts: the single source for rules, hover, completion and schemas/lse-values.schema.json.
import type { Provider } from '../model';

export interface KeySpec {
  type: 'string' | 'boolean' | 'object' | 'array';
  description: string;
  /** Holds a credential: must not be written inline in a tracked file. */
  secret?: boolean;
  /** The environment variable the chart renders it into. */
  env?: string;
}

export type StorageType = Provider | 'volume';
export const storageTypes: readonly StorageType[] = ['s3', 'gcs', 'azure', 'volume'];

export const persistenceKeys: Readonly<Record<string, KeySpec>> = {
  enabled: { type: 'boolean', description: 'Turns persistent storage on. When false the chart emits only `STORAGE_PERSISTENCE="false"`.' },
  type: { type: 'string', description: 'Storage backend: exactly `s3`, `gcs`, `azure` or `volume`. Any other value silently does nothing.', env: 'STORAGE_TYPE' },
  config: { type: 'object', description: 'One block per backend: `s3`, `gcs`, `azure`, `volume`. Only the block `type` selects is used.' },
};

const urlExpiration = (env: string): KeySpec => ({
  type: 'string',
  description: 'Lifetime in seconds of the signed URLs the labeling UI loads media through. The chart schema wants a string: quote it. S3 and GCS signatures cannot live longer than 604800 (7 days).',
  env,
});

/**
 * `<key>ExistingSecret` and `<key>ExistingSecretKey`, the pair that reads `key` from an existing Secret: the chart uses
 * it only when both are set, so each description names the other. `secret` describes the Secret, `inSecret` its key.
 */
const existingSecret = (key: string, secret: string, inSecret = ''): Record<string, KeySpec> => ({
  [`${key}ExistingSecret`]: { type: 'string', description: `${secret}. Needs \`${key}ExistingSecretKey\`.` },
  [`${key}ExistingSecretKey`]: { type: 'string', description: `Key inside \`${key}ExistingSecret\`${inSecret}.` },
});

export const configKeys: Readonly<Record<StorageType, Readonly<Record<string, KeySpec>>>> = {
  s3: {
    accessKey: { type: 'string', description: 'AWS access key ID, stored by the chart in its own Secret.', env: 'STORAGE_AWS_ACCESS_KEY_ID' },
    secretKey: { type: 'string', description: 'AWS secret access key, stored by the chart in its own Secret. Prefer `secretKeyExistingSecret`.', secret: true, env: 'STORAGE_AWS_SECRET_ACCESS_KEY' },
    ...existingSecret('accessKey', 'Name of an existing Kubernetes Secret holding the access key ID', ' holding the access key ID'),
    ...existingSecret('secretKey', 'Name of an existing Kubernetes Secret holding the secret access key', ' holding the secret access key'),
    region: { type: 'string', description: 'AWS region of the bucket, e.g. `us-east-1`. Required by the chart when `type: s3`.', env: 'STORAGE_AWS_REGION_NAME' },
    bucket: { type: 'string', description: 'S3 bucket name (bare name, no `s3://`). Required by the chart when `type: s3`.', env: 'STORAGE_AWS_BUCKET_NAME' },
    folder: { type: 'string', description: 'Key prefix inside the bucket (Django `AWS_LOCATION`).', env: 'STORAGE_AWS_FOLDER' },
    urlExpirationSecs: urlExpiration('STORAGE_AWS_X_AMZ_EXPIRES'),
    endpointUrl: { type: 'string', description: 'Custom S3 endpoint including the scheme (MinIO, Ceph, GCS interoperability).', env: 'STORAGE_AWS_ENDPOINT_URL' },
    objectParameters: { type: 'object', description: 'Extra parameters for every upload, e.g. `ServerSideEncryption: aws:kms` and `SSEKMSKeyId`.', env: 'STORAGE_AWS_OBJECT_PARAMETERS' },
  },
  gcs: {
    projectID: { type: 'string', description: 'Google Cloud project ID. Required by the chart when `type: gcs`.', env: 'STORAGE_GCS_PROJECT_ID' },
    applicationCredentialsJSON: { type: 'string', description: 'The whole service-account key JSON. Prefer `applicationCredentialsJSONExistingSecret` or Workload Identity.', secret: true },
    ...existingSecret(
      'applicationCredentialsJSON',
      'Existing Secret holding the service-account key JSON; mounted at `/opt/heartex/secrets/gcs`',
      ' (becomes the file name of `GOOGLE_APPLICATION_CREDENTIALS`)',
    ),
    bucket: { type: 'string', description: 'GCS bucket name (bare name, no `gs://`). Required by the chart when `type: gcs`.', env: 'STORAGE_GCS_BUCKET_NAME' },
    folder: { type: 'string', description: 'Object name prefix inside the bucket.', env: 'STORAGE_GCS_FOLDER' },
    urlExpirationSecs: urlExpiration('STORAGE_GCS_EXPIRATION_SECS'),
  },
  azure: {
    storageAccountName: { type: 'string', description: 'Azure storage account name.', env: 'STORAGE_AZURE_ACCOUNT_NAME' },
    storageAccountKey: { type: 'string', description: 'Azure storage account key. Prefer `storageAccountKeyExistingSecret`.', secret: true, env: 'STORAGE_AZURE_ACCOUNT_KEY' },
    ...existingSecret('storageAccountName', 'Existing Secret holding the account name'),
    ...existingSecret('storageAccountKey', 'Existing Secret holding the account key'),
    containerName: { type: 'string', description: 'Blob container name. Required by the chart when `type: azure`.', env: 'STORAGE_AZURE_CONTAINER_NAME' },
    folder: { type: 'string', description: 'Blob name prefix inside the container.', env: 'STORAGE_AZURE_FOLDER' },
    urlExpirationSecs: urlExpiration('STORAGE_AZURE_URL_EXPIRATION_SECS'),
  },
  volume: {
    storageClass: { type: 'string', description: 'StorageClass of the PersistentVolumeClaim (`-` means none).' },
    size: { type: 'string', description: 'Size of the PersistentVolumeClaim, e.g. `10Gi`.' },
    accessModes: { type: 'array', description: 'Access modes of the claim, e.g. `[ReadWriteOnce]`.' },
    annotations: { type: 'object', description: 'Annotations of the claim.' },
    existingClaim: { type: 'string', description: 'Use an existing PersistentVolumeClaim instead of creating one.' },
    resourcePolicy: { type: 'string', description: 'Helm resource policy of the claim, e.g. `keep`.' },
  },
};

export const serviceAccountKeys: Readonly<Record<string, KeySpec>> = {
  create: { type: 'boolean', description: 'Create the ServiceAccount.' },
  name: { type: 'string', description: 'ServiceAccount name; defaults to the release name.' },
  annotations: { type: 'object', description: 'Annotations such as `eks.amazonaws.com/role-arn` (IRSA) or `iam.gke.io/gcp-service-account` (GKE Workload Identity). Both `app` and `rqworker` use storage: annotate both.' },
};

/** Names people write for chart keys, from other tools and guides, mapped to the chart's key. */
export const keyAliases: Readonly<Record<string, string>> = {
  objectPrefix: 'folder',
  prefix: 'folder',
  path: 'folder',
  endpoint: 'endpointUrl',
  endpointURL: 'endpointUrl',
  accessKeyId: 'accessKey',
  accessKeyID: 'accessKey',
  secretAccessKey: 'secretKey',
  bucketName: 'bucket',
  projectId: 'projectID',
  project: 'projectID',
  container: 'containerName',
  accountName: 'storageAccountName',
  accountKey: 'storageAccountKey',
};

/** The storage-relevant role annotations on the service accounts. */
export const roleAnnotations = {
  irsa: 'eks.amazonaws.com/role-arn',
  gke: 'iam.gke.io/gcp-service-account',
} as const;

/** The pods that use storage; both need the same identity. */
export const storagePods = ['app', 'rqworker'] as const;
