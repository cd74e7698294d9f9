import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configuredUrlExpiration } from '../../../src/core/access/configured-expiry';
import { environmentCredentials } from '../../../src/core/access/environment-credentials';
import type { BucketRef, Provider } from '../../../src/core/model';
import { Workspace } from '../../../src/core/workspace';

const ref = (provider: Provider, extra: Partial<BucketRef> = {}): BucketRef => ({ provider, name: 'b', folder: '', auth: 'unknown', profile: 'lse-persistence', file: 'env.list', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, ...extra });

test('AWS: always the default chain; the source says which convention supplied it, never a value', () => {
  assert.deepEqual(environmentCredentials(ref('s3'), { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'EXAMPLE' }), {
    provider: 's3',
    kind: 'default-chain',
    source: { kind: 'aws-default-chain', description: 'AWS credentials from the environment (AWS_ACCESS_KEY_ID)' },
  });
  assert.match(JSON.stringify(environmentCredentials(ref('s3'), { AWS_PROFILE: 'ci' })), /AWS profile ci \(AWS_PROFILE\)/);
  const perBucket = environmentCredentials(ref('s3', { awsProfile: 'staging' }), { AWS_PROFILE: 'ci' });
  assert.deepEqual(perBucket, { provider: 's3', kind: 'default-chain', awsProfile: 'staging', source: { kind: 'aws-profile', description: 'AWS profile staging' } });
  assert.ok(!JSON.stringify(environmentCredentials(ref('s3'), { AWS_SECRET_ACCESS_KEY: 'SECRETEXAMPLE' })).includes('SECRETEXAMPLE'));
});

test('GCS: GOOGLE_APPLICATION_CREDENTIALS names a key file, else application-default; the project from GOOGLE_CLOUD_PROJECT', () => {
  assert.deepEqual(environmentCredentials(ref('gcs'), { GOOGLE_APPLICATION_CREDENTIALS: '/keys/sa.json', GOOGLE_CLOUD_PROJECT: 'p' }), {
    provider: 'gcs',
    kind: 'key-file',
    keyFile: '/keys/sa.json',
    projectId: 'p',
    source: { kind: 'environment', description: 'the key file GOOGLE_APPLICATION_CREDENTIALS names' },
  });
  assert.equal((environmentCredentials(ref('gcs'), {}) as { kind: string }).kind, 'application-default');
});

test('Azure: connection string first, then account + key or SAS; nothing set is a sentence naming the variables', () => {
  assert.equal((environmentCredentials(ref('azure'), { AZURE_STORAGE_CONNECTION_STRING: 'AccountName=a;AccountKey=EXAMPLE', AZURE_STORAGE_ACCOUNT: 'x', AZURE_STORAGE_KEY: 'k' }) as { kind: string }).kind, 'connection-string');
  assert.deepEqual(environmentCredentials(ref('azure'), { AZURE_STORAGE_ACCOUNT: 'acct', AZURE_STORAGE_KEY: 'EXAMPLE' }), { provider: 'azure', kind: 'account-key', accountName: 'acct', accountKey: 'EXAMPLE', source: { kind: 'environment', description: 'storage account acct with AZURE_STORAGE_KEY' } });
  const sas = environmentCredentials(ref('azure', { account: 'fromfile', endpoint: 'http://127.0.0.1:10000/fromfile' }), { AZURE_STORAGE_SAS_TOKEN: 'sv=1&sig=EXAMPLE' });
  assert.deepEqual(sas, { provider: 'azure', kind: 'sas', serviceUrl: 'http://127.0.0.1:10000/fromfile', sas: 'sv=1&sig=EXAMPLE', source: { kind: 'environment', description: 'storage account fromfile with AZURE_STORAGE_SAS_TOKEN' } });
  assert.match((environmentCredentials(ref('azure'), { AZURE_STORAGE_KEY: ' ' }) as { missing: string }).missing, /AZURE_STORAGE_CONNECTION_STRING/);
});

test('the presigned lifetime comes from the bucket’s own file, chart key or env variable', () => {
  const values = ['global:', '  persistence:', '    type: s3', '    config:', '      s3:', '        bucket: "b"', '        urlExpirationSecs: "900"', ''].join('\n');
  const workspace = new Workspace([
    { path: 'lse-values.yaml', text: values },
    { path: 'env.list', text: 'STORAGE_TYPE=gcs\nSTORAGE_GCS_BUCKET_NAME=g\nSTORAGE_GCS_EXPIRATION_SECS=120\n' },
    { path: 'other.env', text: 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=o\nSTORAGE_AWS_X_AMZ_EXPIRES=soon\n' },
  ]);
  const byName = Object.fromEntries(workspace.buckets().map((b) => [b.name, b]));
  assert.equal(configuredUrlExpiration(workspace, byName.b), 900);
  assert.equal(configuredUrlExpiration(workspace, byName.g), 120);
  assert.equal(configuredUrlExpiration(workspace, byName.o), undefined);
});
