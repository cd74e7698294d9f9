// `bucket-doctor test-access` against RGW and Azurite: credentials only from the environment's conventions, the
// endpoint from the workspace file, the JSON shape, exit 0 / 1 / 2.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BlobServiceClient } from '@azure/storage-blob';
import { main } from '../../src/cli/main';
import { createBucket, folderPolicy, putObject, rgw, rgwUser } from './access-fixtures';
import { live, uniqueName } from './env';

let dir: string;
let bucket: string;
let writer: Awaited<ReturnType<typeof rgwUser>>;
let reader: Awaited<ReturnType<typeof rgwUser>>;
const saved = { ...process.env };

before(async () => {
  [writer, reader] = await Promise.all([rgwUser('cli-writer'), rgwUser('cli-reader')]);
  bucket = await createBucket('bd-cli', (b) => folderPolicy(b, 'media', { writer: [writer.arn], reader: [reader.arn] }));
  await putObject(bucket, 'media/a.txt', 'a');
  dir = mkdtempSync(join(tmpdir(), 'bd-cli-'));
  writeFileSync(
    join(dir, 'env.list'),
    [`STORAGE_TYPE=s3`, `STORAGE_AWS_BUCKET_NAME=${bucket}`, `STORAGE_AWS_REGION_NAME=${rgw.region}`, `STORAGE_AWS_ENDPOINT_URL=${rgw.endpoint}`, 'STORAGE_AWS_FOLDER=media', 'STORAGE_AWS_X_AMZ_EXPIRES=900', ''].join('\n'),
  );
  // No shared files or instance metadata from this machine: only what each test puts in the environment.
  process.env.AWS_CONFIG_FILE = join(dir, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
after(() => {
  process.env = saved;
});

async function cli(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AZURE_STORAGE_CONNECTION_STRING']) delete process.env[name];
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const awsEnv = (keys: { accessKeyId: string; secretAccessKey: string }) => ({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey });

test('JSON output has exactly the issue shape, exit 0 when every required check passed', async () => {
  const { code, out, err } = await cli(['test-access', dir, '--format', 'json', '--timeout', '5'], awsEnv(writer.keys));
  assert.equal(err, '');
  assert.equal(code, 0, out);
  const json = JSON.parse(out) as Record<string, unknown> & { checks: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(json), ['version', 'bucket', 'provider', 'identity', 'profile', 'checks']);
  assert.deepEqual([json.version, json.bucket, json.provider, json.profile], [1, bucket, 's3', 'lse-persistence']);
  assert.equal(json.identity, 'AWS credentials from the environment (AWS_ACCESS_KEY_ID)');
  for (const check of json.checks) assert.deepEqual(Object.keys(check), ['operation', 'required', 'result', 'code', 'latencyMs', 'hint']);
  const byOp = Object.fromEntries(json.checks.map((c) => [c.operation, c]));
  assert.equal(byOp.put.result, 'passed');
  assert.equal(byOp.delete.result, 'passed');
  // The presigned URL is signed with the lifetime env.list configures.
  assert.match(String(byOp['presigned-get'].hint), /signed for 900 s/);
});

test('text output and exit 1 when a required check fails', async () => {
  const { code, out } = await cli(['test-access', dir, '--bucket', bucket], awsEnv(reader.keys));
  assert.equal(code, 1);
  assert.match(out, new RegExp(`Test Bucket Access: ${bucket} \\(s3\\) — FAILED`));
  assert.match(out, /✗ Write probe object\s+denied\s+AccessDenied/);
  assert.match(out, /Grant s3:PutObject on arn:aws:s3:::.*\/media\/\*/);
});

test('--profile narrows to what the platform needs: the reader passes a read-only profile', async () => {
  const { code, out } = await cli(['test-access', dir, '--profile', 'ls-source-storage', '--format', 'json'], awsEnv(reader.keys));
  assert.equal(code, 0, out);
  const ops = (JSON.parse(out) as { checks: { operation: string }[] }).checks.map((c) => c.operation);
  assert.ok(ops.includes('read-existing') && !ops.includes('put'), ops.join(' '));
});

test('bad usage exits 2 and tests nothing', async () => {
  for (const argv of [
    ['test-access', dir, '--format', 'sarif'],
    ['test-access', dir, '--profile', 'nope'],
    ['test-access', dir, '--timeout', '0'],
    ['test-access', dir, '--bucket', 'not-configured'],
    ['test-access', join(dir, 'missing')],
  ]) {
    const { code, out, err } = await cli(argv, awsEnv(writer.keys));
    assert.equal(code, 2, argv.join(' '));
    assert.equal(out, '');
    assert.match(err, /^bucket-doctor test-access: /);
  }
});

test('Azure: AZURE_STORAGE_CONNECTION_STRING from the environment, container from the values file', async () => {
  const container = uniqueName('bd-cli');
  const connectionString = live('azureConnectionString');
  await BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container).create();
  const azureDir = mkdtempSync(join(tmpdir(), 'bd-cli-az-'));
  writeFileSync(
    join(azureDir, 'lse-values.yaml'),
    ['global:', '  persistence:', '    enabled: true', '    type: azure', '    config:', '      azure:', `        containerName: "${container}"`, '        folder: "media"', ''].join('\n'),
  );
  const passed = await cli(['test-access', azureDir, '--format', 'json'], { AZURE_STORAGE_CONNECTION_STRING: connectionString });
  assert.equal(passed.code, 0, passed.out + passed.err);
  assert.equal((JSON.parse(passed.out) as { provider: string }).provider, 'azure');
  const missing = await cli(['test-access', azureDir], {});
  assert.equal(missing.code, 2);
  assert.match(missing.err, /No Azure credentials: set AZURE_STORAGE_CONNECTION_STRING/);
});
