// The editor's credentials choice (the config file, an AWS profile or the default chain, a GCP key file or ADC, an
// Azure secret) as the `Credentials` the engine runs with, so the editor and the CLI test through one runner.
import type { BucketRef } from '../model';
import type { AzureSecret } from './azure-secret';
import type { Credentials } from './credentials';
import { awsChainCredentials, gcpProject, type Environment } from './environment-credentials';
import type { FileCredentials } from './file-credentials';

export type CredentialChoice =
  /** The credentials written in the config file the bucket is defined in. */
  | { kind: 'config-file'; file: string }
  /** A named AWS profile; undefined for the SDK's default chain (environment, default profile, SSO, instance role). */
  | { kind: 'aws'; profile?: string }
  /** Application-default credentials, or a service-account key file. */
  | { kind: 'gcp'; keyFile?: string }
  | { kind: 'azure'; secret: AzureSecret };

export interface ChoiceContext {
  /** What the bucket's own file holds, read at run time (the user may have edited it since agreeing). */
  file: FileCredentials | undefined;
  /** Profiles the AWS shared config and credentials files name. */
  awsProfiles: readonly string[];
  /** The environment the SDKs read (the extension host's). */
  env: Environment;
}

/** Why a choice cannot be used; the extension says it in the user's language. */
export type Unusable =
  | { unusable: 'no-file-credentials' }
  | { unusable: 'gcp-key-json' }
  | { unusable: 'unknown-aws-profile'; profile: string }
  | { unusable: 'other-provider' };

/** The last path segment: a key file's name says which one without the user's home folder. */
const baseName = (path: string) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

/** The account an Azure connection string names (not a secret), if any. */
const accountOf = (connectionString: string) => /(?:^|;)\s*AccountName\s*=\s*([^;]+)/i.exec(connectionString)?.[1].trim();

function azureCredentials(secret: AzureSecret): Credentials {
  if (secret.kind === 'sas') return { provider: 'azure', kind: 'sas', serviceUrl: secret.serviceUrl, sas: secret.sas, source: { kind: 'secret-storage', description: `the SAS you entered for ${secret.serviceUrl}` } };
  const account = accountOf(secret.connectionString);
  const description = account ? `storage account ${account} with the connection string you entered` : 'the connection string you entered';
  return { provider: 'azure', kind: 'connection-string', connectionString: secret.connectionString, source: { kind: 'secret-storage', description } };
}

function fileCredentialsOf(ref: BucketRef, file: FileCredentials | undefined): Credentials | Unusable {
  const source = { kind: 'config-file' as const, description: `credentials written in ${ref.file}` };
  switch (file?.kind) {
    case undefined:
      return { unusable: 'no-file-credentials' };
    case 'aws-keys':
      return ref.provider === 's3' ? { provider: 's3', kind: 'keys', accessKeyId: file.accessKeyId, secretAccessKey: file.secretAccessKey, source } : { unusable: 'other-provider' };
    case 'azure-key':
      return ref.provider === 'azure' ? { provider: 'azure', kind: 'account-key', accountName: file.accountName, accountKey: file.accountKey, source } : { unusable: 'other-provider' };
    case 'gcp-key-json':
      // The GCS adapter reads a key file; the JSON inline in values would have to be written to disk first.
      return { unusable: 'gcp-key-json' };
  }
}

/** The credentials `choice` stands for on `ref`; source descriptions name where they come from, never a value. */
export function choiceCredentials(ref: BucketRef, choice: CredentialChoice, context: ChoiceContext): Credentials | Unusable {
  const fits = { 'config-file': ref.provider, aws: 's3', gcp: 'gcs', azure: 'azure' }[choice.kind] === ref.provider;
  if (!fits) return { unusable: 'other-provider' };
  switch (choice.kind) {
    case 'config-file':
      return fileCredentialsOf(ref, context.file);
    case 'aws':
      // The SDK resolves a named profile itself (keys, SSO, role assumption, credential_process), but only one that exists.
      if (choice.profile && !context.awsProfiles.includes(choice.profile)) return { unusable: 'unknown-aws-profile', profile: choice.profile };
      return awsChainCredentials(choice.profile, context.env);
    case 'gcp':
      if (choice.keyFile) return { provider: 'gcs', kind: 'key-file', keyFile: choice.keyFile, ...gcpProject(context.env), source: { kind: 'key-file', description: `the service-account key file ${baseName(choice.keyFile)}` } };
      return { provider: 'gcs', kind: 'application-default', ...gcpProject(context.env), source: { kind: 'gcp-application-default', description: 'Google application-default credentials' } };
    case 'azure':
      return azureCredentials(choice.secret);
  }
}

/** Whether a result of `choiceCredentials` is unusable. */
export function isUnusable(result: Credentials | Unusable): result is Unusable {
  return 'unusable' in result;
}
