// Credentials for a CI run, only from each ecosystem's own conventions: the AWS default chain (environment,
// shared config/credentials, AWS_PROFILE), Google application-default credentials (GOOGLE_APPLICATION_CREDENTIALS),
// and Azure's AZURE_STORAGE_* variables. Nothing is read from the deployment files.
import type { BucketRef } from '../model';
import type { Credentials } from './credentials';

export type Environment = Readonly<Record<string, string | undefined>>;

const set = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/** The AWS SDK's default chain, or one named profile of it; the source says which convention supplies the keys. */
export function awsChainCredentials(awsProfile: string | undefined, env: Environment): Credentials {
  if (awsProfile) return { provider: 's3', kind: 'default-chain', awsProfile, source: { kind: 'aws-profile', description: `AWS profile ${awsProfile}` } };
  const profile = set(env, 'AWS_PROFILE');
  const description = set(env, 'AWS_ACCESS_KEY_ID') ? 'AWS credentials from the environment (AWS_ACCESS_KEY_ID)' : profile ? `AWS profile ${profile} (AWS_PROFILE)` : 'the AWS default credential chain';
  return { provider: 's3', kind: 'default-chain', source: { kind: 'aws-default-chain', description } };
}

/** The Google Cloud project the environment names, where gcloud and the client libraries look for it. */
export function gcpProject(env: Environment): { projectId?: string } {
  const projectId = set(env, 'GOOGLE_CLOUD_PROJECT') ?? set(env, 'GCLOUD_PROJECT');
  return projectId ? { projectId } : {};
}

/** The credentials to test `ref` with, or why there are none (a sentence naming the variables to set). */
export function environmentCredentials(ref: BucketRef, env: Environment): Credentials | { missing: string } {
  switch (ref.provider) {
    case 's3':
      return awsChainCredentials(ref.awsProfile, env);
    case 'gcs': {
      const project = gcpProject(env);
      const keyFile = set(env, 'GOOGLE_APPLICATION_CREDENTIALS');
      if (keyFile) return { provider: 'gcs', kind: 'key-file', keyFile, ...project, source: { kind: 'environment', description: 'the key file GOOGLE_APPLICATION_CREDENTIALS names' } };
      return { provider: 'gcs', kind: 'application-default', ...project, source: { kind: 'gcp-application-default', description: 'Google application-default credentials' } };
    }
    case 'azure': {
      const connectionString = set(env, 'AZURE_STORAGE_CONNECTION_STRING');
      if (connectionString) return { provider: 'azure', kind: 'connection-string', connectionString, source: { kind: 'environment', description: 'AZURE_STORAGE_CONNECTION_STRING' } };
      const accountName = set(env, 'AZURE_STORAGE_ACCOUNT') ?? ref.account;
      const accountKey = set(env, 'AZURE_STORAGE_KEY');
      const sas = set(env, 'AZURE_STORAGE_SAS_TOKEN');
      if (accountName && accountKey) return { provider: 'azure', kind: 'account-key', accountName, accountKey, source: { kind: 'environment', description: `storage account ${accountName} with AZURE_STORAGE_KEY` } };
      if (accountName && sas) {
        const serviceUrl = ref.endpoint ?? `https://${accountName}.blob.core.windows.net`;
        return { provider: 'azure', kind: 'sas', serviceUrl, sas, source: { kind: 'environment', description: `storage account ${accountName} with AZURE_STORAGE_SAS_TOKEN` } };
      }
      return { missing: 'No Azure credentials: set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN.' };
    }
  }
}
