// The environment variables Label Studio reads for persistent storage and security, and how it parses each
// (label_studio/core/settings/base.py and core/utils/params.py): the source for env rules and hover.
import type { Provider } from '../model';

/**
 * How Label Studio parses the value; a value the parser rejects stops the process at startup.
 * `bool`: get_bool_env (true/yes/on/1, false/no/not/off/0, any case); `int-bool`: bool(int(v));
 * `int`: int(v); `json`: json.loads(v); `path`: a file inside the container; `string`: as is.
 */
export type EnvParse = 'string' | 'bool' | 'int' | 'int-bool' | 'json' | 'path';

export interface EnvSpec {
  parse: EnvParse;
  description: string;
  provider?: Provider;
  secret?: boolean;
}

export const storageEnv: Readonly<Record<string, EnvSpec>> = {
  STORAGE_TYPE: { parse: 'string', description: 'Persistent storage backend. Compared exactly with `s3`, `gcs`, `azure`; anything else (including `S3` or `"s3"` with literal quotes) silently uses local disk.' },
  STORAGE_AWS_ACCESS_KEY_ID: { parse: 'string', provider: 's3', description: 'AWS access key ID (`AWS_ACCESS_KEY_ID`). Omit to use the pod or node role.' },
  STORAGE_AWS_SECRET_ACCESS_KEY: { parse: 'string', provider: 's3', secret: true, description: 'AWS secret access key (`AWS_SECRET_ACCESS_KEY`).' },
  STORAGE_AWS_BUCKET_NAME: { parse: 'string', provider: 's3', description: 'S3 bucket name (`AWS_STORAGE_BUCKET_NAME`).' },
  STORAGE_AWS_REGION_NAME: { parse: 'string', provider: 's3', description: 'AWS region of the bucket (`AWS_S3_REGION_NAME`).' },
  STORAGE_AWS_ENDPOINT_URL: { parse: 'string', provider: 's3', description: 'Custom S3 endpoint with scheme (`AWS_S3_ENDPOINT_URL`).' },
  STORAGE_AWS_OBJECT_PARAMETERS: { parse: 'json', provider: 's3', description: 'JSON object of upload parameters (`AWS_S3_OBJECT_PARAMETERS`), e.g. `{"ServerSideEncryption":"aws:kms"}`. Invalid JSON stops Label Studio at startup.' },
  STORAGE_AWS_X_AMZ_EXPIRES: { parse: 'int', provider: 's3', description: 'Presigned URL lifetime in seconds (`AWS_QUERYSTRING_EXPIRE`, default 86400, at most 604800).' },
  STORAGE_AWS_FOLDER: { parse: 'string', provider: 's3', description: 'Key prefix inside the bucket (`AWS_LOCATION`).' },
  STORAGE_AWS_S3_USE_SSL: { parse: 'bool', provider: 's3', description: 'Use HTTPS to the S3 endpoint (default true).' },
  STORAGE_AWS_S3_VERIFY: { parse: 'string', provider: 's3', description: '`false`/`0` turns TLS verification off; any other value is a CA bundle path.' },
  STORAGE_AWS_S3_SIGNATURE_VERSION: { parse: 'string', provider: 's3', description: 'Signature version, e.g. `s3v4`.' },
  STORAGE_GCS_PROJECT_ID: { parse: 'string', provider: 'gcs', description: 'Google Cloud project ID (`GS_PROJECT_ID`).' },
  STORAGE_GCS_BUCKET_NAME: { parse: 'string', provider: 'gcs', description: 'GCS bucket name (`GS_BUCKET_NAME`).' },
  STORAGE_GCS_EXPIRATION_SECS: { parse: 'int', provider: 'gcs', description: 'Signed URL lifetime in seconds (`GS_EXPIRATION`, default 86400, at most 604800).' },
  STORAGE_GCS_FOLDER: { parse: 'string', provider: 'gcs', description: 'Object name prefix inside the bucket (`GS_LOCATION`).' },
  STORAGE_GCS_ENDPOINT: { parse: 'string', provider: 'gcs', description: 'Custom GCS endpoint (`GS_CUSTOM_ENDPOINT`).' },
  STORAGE_AZURE_ACCOUNT_NAME: { parse: 'string', provider: 'azure', description: 'Azure storage account name (`AZURE_ACCOUNT_NAME`).' },
  STORAGE_AZURE_ACCOUNT_KEY: { parse: 'string', provider: 'azure', secret: true, description: 'Azure storage account key (`AZURE_ACCOUNT_KEY`).' },
  STORAGE_AZURE_CONTAINER_NAME: { parse: 'string', provider: 'azure', description: 'Blob container name (`AZURE_CONTAINER`).' },
  STORAGE_AZURE_URL_EXPIRATION_SECS: { parse: 'int', provider: 'azure', description: 'SAS URL lifetime in seconds (`AZURE_URL_EXPIRATION_SECS`, default 86400).' },
  STORAGE_AZURE_FOLDER: { parse: 'string', provider: 'azure', description: 'Blob name prefix inside the container (`AZURE_LOCATION`).' },
  STORAGE_PERSISTENCE: { parse: 'string', description: 'Emitted by the Helm chart; not read by Label Studio open source settings.' },
};

export const otherEnv: Readonly<Record<string, EnvSpec>> = {
  GOOGLE_APPLICATION_CREDENTIALS: { parse: 'path', provider: 'gcs', description: 'Path inside the container of the service-account key JSON; the file must be mounted there.' },
  AWS_CA_BUNDLE: { parse: 'path', provider: 's3', description: 'CA bundle botocore uses for S3 TLS; the file must be mounted there.' },
  CUSTOM_CA_CERTS: { parse: 'path', description: 'Comma-separated certificate files appended to the CA bundle at startup; each must be mounted.' },
  SSRF_PROTECTION_ENABLED: { parse: 'bool', description: 'Blocks requests to private networks from imports and ML backends. The security guide says production must set it to true.' },
  USE_DEFAULT_BANNED_SUBNETS: { parse: 'bool', description: 'Ban private subnets when SSRF protection is on (default true).' },
  VERIFY_SSL_CERTS: { parse: 'bool', description: 'Verify TLS certificates of outgoing requests (default true).' },
  DEBUG: { parse: 'bool', description: 'Django debug mode; never in production.' },
  ENABLE_CSP: { parse: 'bool', description: 'Content-Security-Policy header (default true).' },
  LOCAL_FILES_SERVING_ENABLED: { parse: 'bool', description: 'Serve local files (default false).' },
  DISABLE_SIGNUP_WITHOUT_LINK: { parse: 'bool', description: 'Only invited users can sign up (default false).' },
  SESSION_COOKIE_SECURE: { parse: 'int-bool', description: 'Parsed with `bool(int(...))`: use `1` or `0`, not `true`.' },
  CSRF_COOKIE_SECURE: { parse: 'int-bool', description: 'Parsed with `bool(int(...))`: use `1` or `0`, not `true`.' },
  CSRF_COOKIE_HTTPONLY: { parse: 'int-bool', description: 'Parsed with `bool(int(...))`: use `1` or `0`, not `true`.' },
  INACTIVITY_SESSION_TIMEOUT_ENABLED: { parse: 'int-bool', description: 'Parsed with `bool(int(...))`: use `1` or `0`, not `true`.' },
  CSRF_COOKIE_AGE: { parse: 'int', description: 'CSRF cookie age in seconds.' },
  MAX_SESSION_AGE: { parse: 'int', description: 'Maximum session age in seconds.' },
  MAX_TIME_BETWEEN_ACTIVITY: { parse: 'int', description: 'Inactivity timeout in seconds.' },
  POSTGRE_PORT: { parse: 'int', description: 'PostgreSQL port.' },
};

/** Every variable Bucket Doctor knows, storage first. */
export const knownEnv: Readonly<Record<string, EnvSpec>> = { ...storageEnv, ...otherEnv };

/** Prefixes Label Studio tries before the bare name; the first one set wins (`get_env`). */
export const envPrefixes = ['LABEL_STUDIO_', 'HEARTEX_'] as const;

/** The bare name Label Studio resolves `name` to (`LABEL_STUDIO_STORAGE_TYPE` → `STORAGE_TYPE`). */
export function bareEnvName(name: string): string {
  for (const prefix of envPrefixes) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

/** Accepted by `cast_bool_from_str`, compared case-insensitively. */
export const boolValues = ['true', 'yes', 'on', '1', 'false', 'no', 'not', 'off', '0'] as const;

/** What STORAGE_TYPE requires, per provider; `warn` ones are recommended, not fatal. */
export const requiredEnv: Readonly<Record<Provider, { name: string; warn?: boolean }[]>> = {
  s3: [{ name: 'STORAGE_AWS_BUCKET_NAME' }, { name: 'STORAGE_AWS_REGION_NAME', warn: true }],
  gcs: [{ name: 'STORAGE_GCS_BUCKET_NAME' }, { name: 'STORAGE_GCS_PROJECT_ID' }],
  azure: [{ name: 'STORAGE_AZURE_ACCOUNT_NAME' }, { name: 'STORAGE_AZURE_ACCOUNT_KEY' }, { name: 'STORAGE_AZURE_CONTAINER_NAME' }],
};
