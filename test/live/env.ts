// How live test files learn where the tier's servers are: environment variables set by run.ts (documented there).

/** Every variable run.ts sets, by meaning; the single spelling of each name. */
export const liveEnvNames = {
  s3Endpoint: 'BD_LIVE_S3_ENDPOINT',
  s3Region: 'BD_LIVE_S3_REGION',
  s3AccessKeyId: 'BD_LIVE_S3_ACCESS_KEY_ID',
  s3SecretAccessKey: 'BD_LIVE_S3_SECRET_ACCESS_KEY',
  rgwConf: 'BD_LIVE_RGW_CONF',
  azureBlobEndpoint: 'BD_LIVE_AZURE_BLOB_ENDPOINT',
  azureAccountName: 'BD_LIVE_AZURE_ACCOUNT_NAME',
  azureAccountKey: 'BD_LIVE_AZURE_ACCOUNT_KEY',
  azureConnectionString: 'BD_LIVE_AZURE_CONNECTION_STRING',
  gcsEndpoint: 'BD_LIVE_GCS_ENDPOINT',
  gcsProject: 'BD_LIVE_GCS_PROJECT',
} as const;

export type LiveEnv = Record<keyof typeof liveEnvNames, string>;

/** Reads one value; a test run outside the tier's runner fails here instead of skipping. */
export function live(key: keyof typeof liveEnvNames): string {
  const name = liveEnvNames[key];
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: live tests run through \`node out/test/live/run.js\`, which starts the servers`);
  return value;
}

/** A name no earlier test in this run has used: buckets and containers outlive single tests. */
export function uniqueName(base: string): string {
  return `${base}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
