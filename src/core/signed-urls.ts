// Read-only signed URLs for one object, computed locally from keys the user already uses (no request is made):
// S3 SigV4 query signing, GCS V4 signing with a service-account key, and an Azure blob service SAS with the account
// key. Each lets anyone holding the URL GET that object until it expires, nothing else.
import { createHash, createHmac, createSign } from 'node:crypto';
import { regionPartition } from './aws-regions';
import { encodeKey } from './bucket-uris';

export interface S3Signer {
  provider: 's3';
  bucket: string;
  region: string;
  /** S3-compatible endpoint (path-style); AWS otherwise. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface GcsSigner {
  provider: 'gcs';
  bucket: string;
  clientEmail: string;
  /** PEM of the service account key. */
  privateKey: string;
  /** Alternative host (private endpoints, test doubles): `http://127.0.0.1:4443`. */
  endpoint?: string;
}

export interface AzureSigner {
  provider: 'azure';
  container: string;
  accountName: string;
  /** Base64 account key. */
  accountKey: string;
  /** Blob service URL; `https://<account>.blob.core.windows.net` otherwise. */
  serviceUrl?: string;
}

export type UrlSigner = S3Signer | GcsSigner | AzureSigner;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** RFC 3986 encoding (unreserved characters kept), as SigV4 canonical queries need. */
function strictEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Each key segment strictly encoded, the slashes kept: the canonical URI of S3 and GCS. */
function canonicalPath(path: string): string {
  return path.split('/').map(strictEncode).join('/');
}

/** `20261123T010203Z` and `20261123`. */
function stamps(now: Date): { dateTime: string; date: string } {
  const dateTime = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { dateTime, date: dateTime.slice(0, 8) };
}

interface QuerySigning {
  /** `AWS4-HMAC-SHA256` / `GOOG4-RSA-SHA256`. */
  algorithm: string;
  /** `X-Amz` / `X-Goog`. */
  prefix: string;
  credential: string;
  scope: string;
  dateTime: string;
  seconds: number;
  sessionToken?: string;
  sign(stringToSign: string): string;
}

/** The query-string signing S3 SigV4 and GCS V4 share: canonical request over the host header, unsigned payload. */
function signQuery(url: URL, path: string, s: QuerySigning): string {
  const params: [string, string][] = [
    [`${s.prefix}-Algorithm`, s.algorithm],
    [`${s.prefix}-Credential`, `${s.credential}/${s.scope}`],
    [`${s.prefix}-Date`, s.dateTime],
    [`${s.prefix}-Expires`, String(s.seconds)],
    ...(s.sessionToken ? [[`${s.prefix}-Security-Token`, s.sessionToken] as [string, string]] : []),
    [`${s.prefix}-SignedHeaders`, 'host'],
  ];
  const query = params
    .map(([k, v]) => [strictEncode(k), strictEncode(v)])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = ['GET', canonicalPath(path), query, `host:${url.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const signature = s.sign([s.algorithm, s.dateTime, s.scope, sha256Hex(canonical)].join('\n'));
  return `${url.origin}${canonicalPath(path)}?${query}&${s.prefix}-Signature=${signature}`;
}

/** Where an S3 object is fetched: the endpoint path-style, else AWS virtual-hosted (path-style for dotted names). */
function s3Location(signer: S3Signer, key: string): { url: URL; path: string } {
  if (signer.endpoint) {
    const url = new URL(signer.endpoint);
    return { url, path: `${url.pathname.replace(/\/+$/, '')}/${signer.bucket}/${key}` };
  }
  const suffix = regionPartition(signer.region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  if (signer.bucket.includes('.')) return { url: new URL(`https://s3.${signer.region}.${suffix}`), path: `/${signer.bucket}/${key}` };
  return { url: new URL(`https://${signer.bucket}.s3.${signer.region}.${suffix}`), path: `/${key}` };
}

function signS3(signer: S3Signer, key: string, seconds: number, now: Date): string {
  const { dateTime, date } = stamps(now);
  const { url, path } = s3Location(signer, key);
  const signingKey = ['s3', 'aws4_request'].reduce((k, part) => hmac(k, part), hmac(hmac(`AWS4${signer.secretAccessKey}`, date), signer.region));
  return signQuery(url, path, {
    algorithm: 'AWS4-HMAC-SHA256',
    prefix: 'X-Amz',
    credential: signer.accessKeyId,
    scope: `${date}/${signer.region}/s3/aws4_request`,
    dateTime,
    seconds,
    ...(signer.sessionToken ? { sessionToken: signer.sessionToken } : {}),
    sign: (text) => hmac(signingKey, text).toString('hex'),
  });
}

function signGcs(signer: GcsSigner, key: string, seconds: number, now: Date): string {
  const { dateTime, date } = stamps(now);
  const url = new URL(signer.endpoint ?? 'https://storage.googleapis.com');
  return signQuery(url, `/${signer.bucket}/${key}`, {
    algorithm: 'GOOG4-RSA-SHA256',
    prefix: 'X-Goog',
    credential: signer.clientEmail,
    scope: `${date}/auto/storage/goog4_request`,
    dateTime,
    seconds,
    sign: (text) => createSign('RSA-SHA256').update(text, 'utf8').sign(signer.privateKey, 'hex'),
  });
}

/** The blob service SAS version signed (its string-to-sign has the encryption-scope line). */
export const azureSasVersion = '2020-12-06';

function signAzure(signer: AzureSigner, key: string, seconds: number, now: Date): string {
  const expiry = new Date(now.getTime() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const resource = `/blob/${signer.accountName}/${signer.container}/${key}`;
  // Permissions, start, expiry, resource, identifier, IP, protocol, version, resource kind, snapshot, encryption scope, then five response headers.
  const stringToSign = ['r', '', expiry, resource, '', '', '', azureSasVersion, 'b', '', '', '', '', '', '', ''].join('\n');
  const signature = createHmac('sha256', Buffer.from(signer.accountKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
  const query = new URLSearchParams({ sv: azureSasVersion, se: expiry, sr: 'b', sp: 'r', sig: signature });
  const service = (signer.serviceUrl ?? `https://${signer.accountName}.blob.core.windows.net`).replace(/\/+$/, '');
  return `${service}/${encodeURIComponent(signer.container)}/${encodeKey(key)}?${query}`;
}

/** A URL that lets its holder GET `key` for `seconds` from `now`. */
export function signedUrl(signer: UrlSigner, key: string, seconds: number, now = new Date()): string {
  switch (signer.provider) {
    case 's3':
      return signS3(signer, key, seconds, now);
    case 'gcs':
      return signGcs(signer, key, seconds, now);
    case 'azure':
      return signAzure(signer, key, seconds, now);
  }
}

/** Account name, key and blob endpoint of an Azure connection string (Azurite's shortcut included); undefined without a key. */
export function connectionStringAccount(connectionString: string): { accountName: string; accountKey: string; serviceUrl?: string } | undefined {
  const settings = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) settings.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const accountName = settings.get('accountname');
  const accountKey = settings.get('accountkey');
  if (!accountName || !accountKey) return undefined;
  const endpoint = settings.get('blobendpoint');
  const suffix = settings.get('endpointsuffix');
  const protocol = settings.get('defaultendpointsprotocol') ?? 'https';
  const serviceUrl = endpoint ?? (suffix ? `${protocol}://${accountName}.blob.${suffix}` : undefined);
  return serviceUrl ? { accountName, accountKey, serviceUrl } : { accountName, accountKey };
}
