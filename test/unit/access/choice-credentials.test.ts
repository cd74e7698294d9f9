import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awsProfileNames } from '../../../src/core/access/aws-profiles';
import { choiceCredentials, isUnusable, type ChoiceContext } from '../../../src/core/access/choice-credentials';
import { secretsOf, type Credentials } from '../../../src/core/access/credentials';
import { accessTarget } from '../../../src/core/access/target';
import type { BucketRef, Provider } from '../../../src/core/model';
import { Workspace } from '../../../src/core/workspace';

const ref = (provider: Provider, extra: Partial<BucketRef> = {}): BucketRef => ({ provider, name: 'b', folder: 'lse/', auth: 'unknown', profile: 'lse-persistence', file: 'lse-values.yaml', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, ...extra });
const context = (extra: Partial<ChoiceContext> = {}): ChoiceContext => ({ file: undefined, awsProfiles: [], env: {}, ...extra });

/** The credentials, failing the test when the choice is unusable. */
function usable(result: ReturnType<typeof choiceCredentials>): Credentials {
  assert.ok(!isUnusable(result), `usable credentials (got ${JSON.stringify(result)})`);
  return result;
}

/** No secret of the credentials appears in what a report shows of them. */
function assertNamesNoSecret(credentials: Credentials): void {
  const shown = JSON.stringify(credentials.source);
  assert.ok(secretsOf(credentials).length > 0, 'the credentials hold a secret to look for');
  for (const secret of secretsOf(credentials)) assert.ok(!shown.includes(secret), `${shown} shows a secret`);
}

test('config file: keys written in the file become static keys, described by the file, never by a value', () => {
  const file = { kind: 'aws-keys' as const, accessKeyId: 'AKIAFILEEXAMPLE', secretAccessKey: 'fileSecretExample' };
  const credentials = usable(choiceCredentials(ref('s3'), { kind: 'config-file', file: 'lse-values.yaml' }, context({ file })));
  assert.deepEqual(credentials, { provider: 's3', kind: 'keys', accessKeyId: 'AKIAFILEEXAMPLE', secretAccessKey: 'fileSecretExample', source: { kind: 'config-file', description: 'credentials written in lse-values.yaml' } });
  assertNamesNoSecret(credentials);
  const azure = usable(choiceCredentials(ref('azure', { file: 'env.list' }), { kind: 'config-file', file: 'env.list' }, context({ file: { kind: 'azure-key', accountName: 'acct', accountKey: 'a2V5RXhhbXBsZQ==' } })));
  assert.deepEqual([azure.kind, azure.source.description], ['account-key', 'credentials written in env.list']);
  assertNamesNoSecret(azure);
});

test('config file: a file edited since the consent, inline GCP key JSON, and keys of another provider are unusable', () => {
  assert.deepEqual(choiceCredentials(ref('s3'), { kind: 'config-file', file: 'lse-values.yaml' }, context()), { unusable: 'no-file-credentials' });
  assert.deepEqual(choiceCredentials(ref('gcs'), { kind: 'config-file', file: 'lse-values.yaml' }, context({ file: { kind: 'gcp-key-json', json: '{"private_key":"x"}' } })), { unusable: 'gcp-key-json' });
  assert.deepEqual(choiceCredentials(ref('azure'), { kind: 'config-file', file: 'lse-values.yaml' }, context({ file: { kind: 'aws-keys', accessKeyId: 'A', secretAccessKey: 'S' } })), { unusable: 'other-provider' });
  assert.deepEqual(choiceCredentials(ref('gcs'), { kind: 'aws' }, context()), { unusable: 'other-provider' });
});

test('AWS: a named profile goes to the SDK (SSO and role profiles too), but only one the shared files name', () => {
  const config = ['[default]', 'region = us-east-1', '[profile sso-dev]', 'sso_session = corp', 'sso_account_id = 123456789012', '[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start'].join('\n');
  const awsProfiles = awsProfileNames(config, '[staging]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = EXAMPLE\n');
  assert.deepEqual(usable(choiceCredentials(ref('s3'), { kind: 'aws', profile: 'sso-dev' }, context({ awsProfiles }))), {
    provider: 's3',
    kind: 'default-chain',
    awsProfile: 'sso-dev',
    source: { kind: 'aws-profile', description: 'AWS profile sso-dev' },
  });
  assert.equal(usable(choiceCredentials(ref('s3'), { kind: 'aws', profile: 'staging' }, context({ awsProfiles }))).kind, 'default-chain');
  assert.deepEqual(choiceCredentials(ref('s3'), { kind: 'aws', profile: 'bd-no-such-profile' }, context({ awsProfiles })), { unusable: 'unknown-aws-profile', profile: 'bd-no-such-profile' });
  // `[sso-session corp]` is not a profile.
  assert.deepEqual(choiceCredentials(ref('s3'), { kind: 'aws', profile: 'corp' }, context({ awsProfiles })), { unusable: 'unknown-aws-profile', profile: 'corp' });
});

test('AWS default chain: the description says which convention supplies the keys, as the CLI’s does', () => {
  const chain = (env: ChoiceContext['env']) => usable(choiceCredentials(ref('s3'), { kind: 'aws' }, context({ env })));
  assert.deepEqual(chain({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'SECRETEXAMPLE' }), { provider: 's3', kind: 'default-chain', source: { kind: 'aws-default-chain', description: 'AWS credentials from the environment (AWS_ACCESS_KEY_ID)' } });
  assert.equal(chain({ AWS_PROFILE: 'ci' }).source.description, 'AWS profile ci (AWS_PROFILE)');
  assert.equal(chain({}).source.description, 'the AWS default credential chain');
  assert.ok(!JSON.stringify(chain({ AWS_SECRET_ACCESS_KEY: 'SECRETEXAMPLE' })).includes('SECRETEXAMPLE'));
});

test('GCP: a picked key file is named without its folder; application-default otherwise; the project from the environment', () => {
  assert.deepEqual(usable(choiceCredentials(ref('gcs'), { kind: 'gcp', keyFile: '/home/dana/keys/sa-lse.json' }, context({ env: { GOOGLE_CLOUD_PROJECT: 'p' } }))), {
    provider: 'gcs',
    kind: 'key-file',
    keyFile: '/home/dana/keys/sa-lse.json',
    projectId: 'p',
    source: { kind: 'key-file', description: 'the service-account key file sa-lse.json' },
  });
  assert.deepEqual(usable(choiceCredentials(ref('gcs'), { kind: 'gcp' }, context())), { provider: 'gcs', kind: 'application-default', source: { kind: 'gcp-application-default', description: 'Google application-default credentials' } });
});

test('Azure: a connection string names its account, a SAS its service URL; neither shows the key or signature', () => {
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;
  const cs = usable(choiceCredentials(ref('azure'), { kind: 'azure', secret: { kind: 'connection-string', connectionString } }, context()));
  assert.deepEqual(cs.source, { kind: 'secret-storage', description: 'storage account devstoreaccount1 with the connection string you entered' });
  assertNamesNoSecret(cs);
  const sas = usable(choiceCredentials(ref('azure'), { kind: 'azure', secret: { kind: 'sas', serviceUrl: 'https://acct.blob.core.windows.net', sas: 'sv=2024-01-01&sp=rl&sig=c2lnRXhhbXBsZQ%3D%3D' } }, context()));
  assert.deepEqual([sas.kind, sas.source.description], ['sas', 'the SAS you entered for https://acct.blob.core.windows.net']);
  assertNamesNoSecret(sas);
});

test('the target: Restricted Mode drops the endpoint a workspace file names; the presigned lifetime comes from the file', () => {
  const values = ['global:', '  persistence:', '    type: s3', '    config:', '      s3:', '        bucket: "b"', '        endpointUrl: "http://127.0.0.1:7480"', '        urlExpirationSecs: "900"', ''].join('\n');
  const workspace = new Workspace([{ path: 'lse-values.yaml', text: values }]);
  const [bucket] = workspace.buckets();
  assert.equal(bucket.endpoint, 'http://127.0.0.1:7480');
  const credentials = usable(choiceCredentials(bucket, { kind: 'aws' }, context()));
  const trusted = accessTarget(workspace, bucket, credentials, { fileEndpoints: true });
  assert.deepEqual(trusted, { ref: bucket, credentials, urlExpirationSecs: 900 });
  const restricted = accessTarget(workspace, bucket, credentials, { fileEndpoints: false });
  assert.equal(restricted.ref.endpoint, undefined);
  assert.ok(!('endpoint' in restricted.ref));
  assert.deepEqual({ ...restricted.ref, endpoint: bucket.endpoint }, bucket, 'only the endpoint is dropped');
  assert.equal(restricted.urlExpirationSecs, 900);
  const plain = new Workspace([{ path: 'env.list', text: 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=o\n' }]);
  assert.ok(!('urlExpirationSecs' in accessTarget(plain, plain.buckets()[0], credentials, { fileEndpoints: false })));
});
