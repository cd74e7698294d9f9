import assert from 'node:assert/strict';
import { createHash, createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { BlobSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import { Storage } from '@google-cloud/storage';
import { SignatureV4 } from '@smithy/signature-v4';
import { clampExpiry, formatDuration, maxSignedSeconds, parseDuration } from '../../src/core/signed-url-expiry';
import { azureSasVersion, connectionStringAccount, signedUrl } from '../../src/core/signed-urls';

test('durations as typed: seconds, units, combinations; nonsense and zero are refused', () => {
  assert.deepEqual(['3600', '90s', '15m', '12h', '7d', '1h30m', ' 2 d ', '1H'].map(parseDuration), [3600, 90, 900, 43200, 604800, 5400, 172800, 3600]);
  for (const bad of ['', '0', '-5', '1.5h', 'soon', '3w', '0m', 'h']) assert.equal(parseDuration(bad), undefined, bad);
});

test('clamped to 7 days for S3 and GCS; temporary credentials warn; a known credential expiry bounds the URL', () => {
  assert.equal(maxSignedSeconds, 604800);
  assert.deepEqual(clampExpiry(3600, { provider: 's3' }), { seconds: 3600, warnings: [] });
  assert.deepEqual(clampExpiry(30 * 86400, { provider: 's3' }), { seconds: 604800, warnings: ['clamped'] });
  assert.deepEqual(clampExpiry(8 * 86400, { provider: 'gcs' }), { seconds: 604800, warnings: ['clamped'] });
  assert.deepEqual(clampExpiry(86400, { provider: 's3', temporary: true }), { seconds: 86400, warnings: ['temporary-credentials'] });
  const now = new Date('2026-11-23T00:00:00Z');
  const credentialsExpire = new Date('2026-11-23T01:00:00Z');
  assert.deepEqual(clampExpiry(86400, { provider: 's3', temporary: true, credentialsExpire, now }), { seconds: 3600, warnings: ['credentials-expire-sooner'] });
  assert.deepEqual(clampExpiry(600, { provider: 's3', temporary: true, credentialsExpire, now }), { seconds: 600, warnings: [] });
  assert.deepEqual(clampExpiry(0.4, { provider: 'azure' }), { seconds: 1, warnings: [] });
});

test('durations as shown', () => {
  assert.deepEqual([604800, 3600, 5400, 59, 0, 90061].map(formatDuration), ['7 d', '1 h', '1 h 30 min', '59 s', '0 s', '1 d 1 h 1 min 1 s']);
});

// The signers are checked against the SDKs' own signing, offline, with generated keys.
const now = new Date('2026-11-23T01:02:03Z');
const awsKeys = { accessKeyId: `AKID${'X'.repeat(16)}`, secretAccessKey: 'S'.repeat(40) };

/** The hash constructor @smithy/signature-v4 expects, over node:crypto. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData) => (typeof data === 'string' ? data : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data));
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

test('S3 SigV4: the same URL the AWS SDK signs (path-style endpoint, escaped key, session token)', async () => {
  for (const sessionToken of [undefined, 'token/with+chars=']) {
    const credentials = sessionToken ? { ...awsKeys, sessionToken } : awsKeys;
    const sdk = new SignatureV4({ credentials, region: 'eu-west-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    const request = { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 8000, path: '/bkt/lse/a%20b%2Bc%C3%BC.png', query: {}, headers: { host: '127.0.0.1:8000', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } };
    const signed = await sdk.presign(request, { expiresIn: 900, signingDate: now, unhoistableHeaders: new Set(['x-amz-content-sha256']), unsignableHeaders: new Set(['x-amz-content-sha256']) });
    const ours = new URL(signedUrl({ provider: 's3', bucket: 'bkt', region: 'eu-west-1', endpoint: 'http://127.0.0.1:8000', ...credentials }, 'lse/a b+cü.png', 900, now));
    assert.equal(ours.pathname, '/bkt/lse/a%20b%2Bc%C3%BC.png');
    assert.deepEqual(Object.fromEntries(ours.searchParams), signed.query);
  }
});

test('S3 on AWS: virtual-hosted URLs, path-style for dotted names, the China partition host', () => {
  const host = (bucket: string, region: string) => new URL(signedUrl({ provider: 's3', bucket, region, ...awsKeys }, 'k', 60, now)).host;
  assert.equal(host('acme', 'us-east-1'), 'acme.s3.us-east-1.amazonaws.com');
  assert.equal(host('acme.data', 'eu-west-1'), 's3.eu-west-1.amazonaws.com');
  assert.equal(host('acme', 'cn-north-1'), 'acme.s3.cn-north-1.amazonaws.com.cn');
});

test('GCS V4: the same URL the Cloud Storage SDK signs with the service-account key', async (t) => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const clientEmail = 'sa@project.iam.gserviceaccount.com';
  t.mock.timers.enable({ apis: ['Date'], now });
  const storage = new Storage({ projectId: 'project', credentials: { client_email: clientEmail, private_key: pem } });
  const [sdk] = await storage.bucket('bkt').file('lse/a b+c.png').getSignedUrl({ version: 'v4', action: 'read', expires: now.getTime() + 3600_000 });
  t.mock.timers.reset();
  assert.equal(signedUrl({ provider: 'gcs', bucket: 'bkt', clientEmail, privateKey: pem }, 'lse/a b+c.png', 3600, now), sdk);
});

test('Azure blob SAS: read-only, expiring as set, signed as the Storage SDK signs it', () => {
  const accountKey = randomBytes(64).toString('base64');
  const url = new URL(signedUrl({ provider: 'azure', container: 'media', accountName: 'acct', accountKey }, 'lse/a b.png', 7200, now));
  assert.equal(url.origin + url.pathname, 'https://acct.blob.core.windows.net/media/lse/a%20b.png');
  const sdk = generateBlobSASQueryParameters(
    { containerName: 'media', blobName: 'lse/a b.png', permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(now.getTime() + 7200_000), version: azureSasVersion },
    new StorageSharedKeyCredential('acct', accountKey),
  );
  assert.deepEqual(Object.fromEntries(url.searchParams), Object.fromEntries(new URLSearchParams(sdk.toString())));
  assert.equal(url.searchParams.get('sp'), 'r');
  assert.equal(url.searchParams.get('se'), '2026-11-23T03:02:03Z');
});

test('Azure connection strings: Azurite endpoints, endpoint suffixes, none without a key', () => {
  assert.deepEqual(connectionStringAccount('DefaultEndpointsProtocol=http;AccountName=dev;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/dev;'), { accountName: 'dev', accountKey: 'a2V5', serviceUrl: 'http://127.0.0.1:10000/dev' });
  assert.deepEqual(connectionStringAccount('AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn'), { accountName: 'acct', accountKey: 'a2V5', serviceUrl: 'https://acct.blob.core.chinacloudapi.cn' });
  assert.deepEqual(connectionStringAccount('AccountName=acct;AccountKey=a2V5'), { accountName: 'acct', accountKey: 'a2V5' });
  assert.equal(connectionStringAccount('BlobEndpoint=https://x;SharedAccessSignature=sv=1&sig=2'), undefined);
});
