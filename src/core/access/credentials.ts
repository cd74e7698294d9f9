// The credentials a live access test runs with, and where they came from. The secret fields are read only by the
// provider adapters; reports and logs name the source (`source.description`), never a value.

/** Where credentials came from, in words the report can show. */
export interface CredentialSource {
  kind: 'config-file' | 'aws-profile' | 'aws-default-chain' | 'environment' | 'gcp-application-default' | 'key-file' | 'secret-storage' | 'user-entered';
  /** `AWS profile staging`, `credentials written in lse-values.yaml`: never a secret. */
  description: string;
}

export type Credentials =
  /** The AWS SDK's default chain (env variables, shared config/credentials, SSO, web identity, instance role), or one named profile of it. */
  | { provider: 's3'; kind: 'default-chain'; awsProfile?: string; source: CredentialSource }
  | { provider: 's3'; kind: 'keys'; accessKeyId: string; secretAccessKey: string; sessionToken?: string; source: CredentialSource }
  /** Google application-default credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file, the metadata server). */
  | { provider: 'gcs'; kind: 'application-default'; projectId?: string; source: CredentialSource }
  | { provider: 'gcs'; kind: 'key-file'; keyFile: string; projectId?: string; source: CredentialSource }
  /** HMAC keys: the bucket is then tested through GCS's S3-interoperable endpoint, as Arraylake uses it. */
  | { provider: 'gcs'; kind: 'hmac'; accessKeyId: string; secret: string; source: CredentialSource }
  | { provider: 'azure'; kind: 'connection-string'; connectionString: string; source: CredentialSource }
  | { provider: 'azure'; kind: 'account-key'; accountName: string; accountKey: string; source: CredentialSource }
  /** A service or account SAS; `serviceUrl` is the blob service URL it was issued for. */
  | { provider: 'azure'; kind: 'sas'; serviceUrl: string; sas: string; source: CredentialSource };

/** Every secret value the credentials hold: what must never appear in a report, a log line or an error. */
export function secretsOf(credentials: Credentials): string[] {
  switch (credentials.kind) {
    case 'keys':
      return [credentials.secretAccessKey, ...(credentials.sessionToken ? [credentials.sessionToken] : [])];
    case 'hmac':
      return [credentials.secret];
    case 'connection-string':
      return [credentials.connectionString, ...connectionStringSecrets(credentials.connectionString)];
    case 'account-key':
      return [credentials.accountKey];
    case 'sas':
      return [credentials.sas, ...sasSignatures(credentials.sas)];
    default:
      return [];
  }
}

/** The AccountKey and SharedAccessSignature parts of an Azure connection string. */
function connectionStringSecrets(connectionString: string): string[] {
  return connectionString
    .split(';')
    .map((part) => /^(AccountKey|SharedAccessSignature)=(.+)$/i.exec(part.trim()))
    .flatMap((m) => (m ? [m[2], ...sasSignatures(m[2])] : []));
}

/** The `sig=` value of a SAS query, raw and URL-decoded. */
function sasSignatures(sas: string): string[] {
  const sig = new URLSearchParams(sas.replace(/^\?/, '')).get('sig');
  return sig ? [...new Set([sig, encodeURIComponent(sig)])] : [];
}

/** Replaces every secret value in `text` with `***` (for error messages that might echo a request). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret containing another is replaced whole.
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
