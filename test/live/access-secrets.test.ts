// Sentinel secrets: recognisable fake keys, secrets, tokens and signatures planted in every kind of credentials must
// appear nowhere — not in the report, its rows as they stream, the CLI's text or JSON output, stdout/stderr of the
// process, or any error thrown.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli/main';
import type { Credentials } from '../../src/core/access/credentials';
import type { CheckRow } from '../../src/core/access/report';
import { reportMarkdown } from '../../src/core/access/report-markdown';
import { reportText } from '../../src/core/access/report-text';
import { runAccessTest, type AccessTarget } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { createBucket, ref, rgw, rgwUser } from './access-fixtures';
import { live } from './env';

const sentinels = {
  s3Secret: 'SENTINELs3secretEXAMPLEnotArealKeyAtAll01',
  s3Token: 'SENTINELsessionTokenEXAMPLE0123456789',
  azureKey: Buffer.from('SENTINEL-azure-account-key-EXAMPLE-0123456789-abcdefghijklmnopqrstu').toString('base64'),
  sasSig: 'SENTINELsasSignatureEXAMPLE0123456789',
  gcsKey: 'SENTINELgcsPrivateKeyEXAMPLE',
};
const all = Object.values(sentinels);

let bucket: string;
let writerKeyId: string;
let captured = '';
const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

before(async () => {
  const writer = await rgwUser('sentinel');
  writerKeyId = writer.keys.accessKeyId;
  bucket = await createBucket('bd-sentinel');
  // Everything the process prints from here on is searched too.
  const tee = (original: typeof writes.out) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stdout.write = tee(writes.out);
  process.stderr.write = tee(writes.err);
});
after(() => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
});

function assertClean(what: string, text: string): void {
  for (const secret of all) assert.ok(!text.includes(secret), `${what} contains a sentinel secret`);
  // Base64 and URL-encoded forms of the sentinels, too.
  for (const secret of all) assert.ok(!text.includes(encodeURIComponent(secret)), `${what} contains an encoded sentinel`);
  assert.ok(!/SENTINEL/.test(text), `${what} mentions a sentinel`);
}

async function runClean(target: AccessTarget): Promise<void> {
  const rows: CheckRow[] = [];
  const report = await runAccessTest(target, createAccessClient, { timeoutMs: 5000, onRow: (r) => rows.push(r) });
  assertClean('report', JSON.stringify(report));
  assertClean('streamed rows', JSON.stringify(rows));
  assertClean('text', reportText(report));
  assertClean('markdown', reportMarkdown(report));
  assert.ok(report.checks.some((c) => c.result === 'bad-credentials' || c.result === 'denied' || c.result === 'skipped' || c.result === 'error'), 'the sentinel credentials failed somewhere');
}

const source = { kind: 'user-entered' as const, description: 'planted credentials' };

test('S3: a sentinel secret and session token appear nowhere', async () => {
  const credentials: Credentials = { provider: 's3', kind: 'keys', accessKeyId: writerKeyId, secretAccessKey: sentinels.s3Secret, sessionToken: sentinels.s3Token, source };
  await runClean({ ref: ref('s3', bucket, { endpoint: rgw.endpoint, region: rgw.region, roleArn: 'arn:aws:iam::123456789012:role/app' }), credentials });
});

test('Azure: a sentinel account key, SAS signature and connection string appear nowhere', async () => {
  const endpoint = live('azureBlobEndpoint');
  const accountName = live('azureAccountName');
  const azure = ref('azure', 'sentinel-container', { endpoint });
  await runClean({ ref: azure, credentials: { provider: 'azure', kind: 'account-key', accountName, accountKey: sentinels.azureKey, source } });
  const sas = `sv=2023-11-03&sr=c&sp=rl&se=2099-01-01T00:00:00Z&sig=${sentinels.sasSig}`;
  await runClean({ ref: azure, credentials: { provider: 'azure', kind: 'sas', serviceUrl: endpoint, sas, source } });
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${accountName};AccountKey=${sentinels.azureKey};BlobEndpoint=${endpoint};`;
  await runClean({ ref: azure, credentials: { provider: 'azure', kind: 'connection-string', connectionString, source } });
});

test('GCS: a key file with a sentinel private key appears nowhere', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-sentinel-'));
  const keyFile = join(dir, 'key.json');
  writeFileSync(keyFile, JSON.stringify({ type: 'service_account', client_email: 'sentinel@example.iam.gserviceaccount.com', private_key: `-----BEGIN PRIVATE KEY-----\n${sentinels.gcsKey}\n-----END PRIVATE KEY-----\n` }));
  await runClean({ ref: ref('gcs', 'sentinel-bucket', { endpoint: live('gcsEndpoint') }), credentials: { provider: 'gcs', kind: 'key-file', keyFile, projectId: live('gcsProject'), source } });
});

test('a client that cannot be made throws an error without the secret', async () => {
  const connectionString = `AccountKey=${sentinels.azureKey};SharedAccessSignature=sig=${sentinels.sasSig};NoAccountName=1`;
  let thrown: unknown;
  try {
    await runAccessTest({ ref: ref('azure', 'c'), credentials: { provider: 'azure', kind: 'connection-string', connectionString, source } }, createAccessClient);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof Error, 'the malformed connection string is refused');
  assertClean('thrown error', `${thrown.message}\n${thrown.stack ?? ''}`);

  // A key file that is no JSON: the parser's message would quote its start.
  const keyFile = join(mkdtempSync(join(tmpdir(), 'bd-sentinel-')), 'key.json');
  writeFileSync(keyFile, `${sentinels.gcsKey} is not JSON`);
  thrown = undefined;
  try {
    await runAccessTest({ ref: ref('gcs', 'b', { endpoint: live('gcsEndpoint') }), credentials: { provider: 'gcs', kind: 'key-file', keyFile, source } }, createAccessClient);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof Error, 'the broken key file is refused');
  assert.match(thrown.message, /InvalidKeyFile/);
  assertClean('thrown error', `${thrown.message}\n${thrown.stack ?? ''}`);
});

test('the CLI prints no sentinel in text or JSON, on stdout or stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-sentinel-cli-'));
  writeFileSync(join(dir, 'env.list'), `STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=${bucket}\nSTORAGE_AWS_ENDPOINT_URL=${rgw.endpoint}\nSTORAGE_AWS_REGION_NAME=${rgw.region}\n`);
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: writerKeyId, AWS_SECRET_ACCESS_KEY: sentinels.s3Secret, AWS_SESSION_TOKEN: sentinels.s3Token, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') });
  try {
    for (const format of ['text', 'json']) {
      let out = '';
      let err = '';
      const code = await main(['test-access', dir, '--format', format, '--timeout', '5'], (s) => (out += s), (s) => (err += s));
      assert.equal(code, 1);
      assertClean(`CLI ${format} stdout`, out);
      assertClean(`CLI ${format} stderr`, err);
    }
  } finally {
    process.env = saved;
  }
  assertClean('process output', captured);
});
