// Addresses of a bucket and its objects: the URI each platform writes (`s3://`, `gs://`, Azure blob URLs, Label
// Studio's `azure-blob://`) and the provider's web console page.
import { regionPartition } from './aws-regions';
import type { BucketRef } from './model';

/** The bucket fields an address needs. */
export type BucketAddress = Pick<BucketRef, 'provider' | 'name' | 'region' | 'endpoint' | 'account'>;

/** Each path segment percent-encoded, the slashes kept: object keys in URLs. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** The blob service URL of an Azure container: its endpoint (Azurite, sovereign clouds) or the public account host. */
function azureContainerUrl(bucket: BucketAddress): string {
  const service = bucket.endpoint ? bucket.endpoint.replace(/\/+$/, '') : `https://${bucket.account || '<account>'}.blob.core.windows.net`;
  return `${service}/${encodeURIComponent(bucket.name)}`;
}

/**
 * The URI of a folder (`key` ending in `/`, or "" for the bucket) or object, as the tools of each provider write it:
 * `s3://b/folder/`, `gs://b/folder/`, `https://account.blob.core.windows.net/container/folder/`.
 */
export function storageUri(bucket: BucketAddress, key = ''): string {
  switch (bucket.provider) {
    case 's3':
      return `s3://${bucket.name}/${key}`;
    case 'gcs':
      return `gs://${bucket.name}/${key}`;
    case 'azure':
      return `${azureContainerUrl(bucket)}/${encodeKey(key)}`;
  }
}

/** The URI Label Studio resolves through its storage connections and presigns itself (`azure-blob://` for Azure). */
export function labelStudioUri(bucket: BucketAddress, key: string): string {
  return bucket.provider === 'azure' ? `azure-blob://${bucket.name}/${key}` : storageUri(bucket, key);
}

const awsConsoleHosts: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/**
 * The provider's console page of the bucket at `key` (a folder ending in `/`, or an object); undefined where there
 * is none to link: an S3-compatible endpoint, or an Azure container without its storage account. Azure's portal
 * addresses a container only by subscription and resource group, which no deployment file names: the link opens the
 * list of storage accounts, where the account is one click away.
 */
export function consoleUrl(bucket: BucketAddress, key = ''): string | undefined {
  const isObject = key !== '' && !key.endsWith('/');
  switch (bucket.provider) {
    case 's3': {
      if (bucket.endpoint && !/\.amazonaws\.com(?:\.cn)?(?::\d+)?(?:\/|$)/.test(bucket.endpoint)) return undefined;
      const region = bucket.region || 'us-east-1';
      const host = awsConsoleHosts[regionPartition(region) ?? 'aws'] ?? awsConsoleHosts.aws;
      const query = new URLSearchParams({ region, ...(key ? { prefix: key } : {}) });
      return `https://${host}/s3/${isObject ? 'object' : 'buckets'}/${encodeURIComponent(bucket.name)}?${query}`;
    }
    case 'gcs':
      return `https://console.cloud.google.com/storage/browser/${isObject ? '_details/' : ''}${encodeURIComponent(bucket.name)}/${encodeKey(key)}`;
    case 'azure':
      if (!bucket.account || bucket.endpoint) return undefined;
      return 'https://portal.azure.com/#browse/Microsoft.Storage%2FStorageAccounts';
  }
}
