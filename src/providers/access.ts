// The client factory Test Bucket Access runs with, in the CLI and in the extension (dist/providers/access.js):
// the provider adapter for the target's credentials, with SDK retries off (the runner retries, bounded) unless the
// caller browses (the Buckets view), where the SDKs' own bounded retries apply.
import type { ClientFactory } from '../core/access/runner';
import type { StorageClient } from '../core/access/storage-client';
import { createClient as azureClient } from './azure';
import { createClient as gcsClient } from './gcs';
import { createClient as s3Client } from './s3';

/** GCS's S3-interoperable endpoint (XML API), for HMAC keys. */
const gcsInteropEndpoint = 'https://storage.googleapis.com';

export const createAccessClient: ClientFactory = (target, { timeoutMs, sdkRetries }): StorageClient => {
  const { ref, credentials } = target;
  const common = { timeoutMs };
  // Undefined leaves each SDK its default policy.
  const maxAttempts = sdkRetries ? undefined : 1;
  switch (credentials.kind) {
    case 'default-chain':
    case 'keys':
      return s3Client({
        ...common,
        bucket: ref.name,
        region: ref.region || 'us-east-1',
        endpoint: ref.endpoint,
        ...(credentials.kind === 'keys'
          ? { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) } }
          : { awsProfile: credentials.awsProfile }),
        maxAttempts,
        stsEndpoint: target.stsEndpoint,
        iamEndpoint: target.iamEndpoint,
      });
    case 'hmac': {
      const client = s3Client({ ...common, bucket: ref.name, region: 'auto', endpoint: ref.endpoint ?? gcsInteropEndpoint, credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secret }, maxAttempts });
      // Neither STS nor IAM speaks for an HMAC key: no identity or simulation through it.
      return { ...client, provider: 'gcs', identity: undefined, simulate: undefined, bucketPolicy: undefined };
    }
    case 'application-default':
    case 'key-file':
      return gcsClient({
        ...common,
        bucket: ref.name,
        apiEndpoint: ref.endpoint,
        ...(credentials.kind === 'key-file' ? { keyFilename: credentials.keyFile } : {}),
        ...(credentials.projectId ? { projectId: credentials.projectId } : {}),
        autoRetry: Boolean(sdkRetries),
      });
    case 'connection-string':
      return azureClient({ ...common, container: ref.name, auth: { kind: 'connection-string', connectionString: credentials.connectionString }, maxTries: maxAttempts });
    case 'account-key':
      return azureClient({ ...common, container: ref.name, auth: { kind: 'account-key', accountName: credentials.accountName, accountKey: credentials.accountKey, ...(ref.endpoint ? { serviceUrl: ref.endpoint } : {}) }, maxTries: maxAttempts });
    case 'sas':
      return azureClient({ ...common, container: ref.name, auth: { kind: 'sas', serviceUrl: credentials.serviceUrl, sas: credentials.sas }, maxTries: maxAttempts });
  }
};
