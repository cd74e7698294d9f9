// The demo's buckets show both outcomes of Test Bucket Access: one passes lse-persistence, one is denied on writes,
// and the Azure container passes with the account key; also when every setting comes from the files of the demo
// workspace (.bucket-doctor.json, env.list, the AWS shared files) read by Bucket Doctor's own parsers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { staticProfileKeys } from '../../src/core/access/aws-profiles';
import type { Credentials } from '../../src/core/access/credentials';
import { labelStudioOrigin } from '../../src/core/access/cors-origin';
import { fileCredentials } from '../../src/core/access/file-credentials';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import type { BucketRef } from '../../src/core/model';
import { Workspace } from '../../src/core/workspace';
import { demoLabelStudioOrigin, seedDemoBuckets } from '../harness/demo-buckets';
import { demoFiles } from '../harness/demo-workspace';
import { createRgwUser } from '../harness/rgw';
import { ref, row, s3Keys } from './access-fixtures';
import { live, uniqueName } from './env';

/** The demo buckets, users, policies and container on the tier's servers, under names of this test. */
function seed(base: string) {
  const suffix = uniqueName(base);
  return seedDemoBuckets(
    {
      s3: { endpoint: live('s3Endpoint'), region: live('s3Region'), owner: { accessKeyId: live('s3AccessKeyId'), secretAccessKey: live('s3SecretAccessKey') }, createUser: (uid) => createRgwUser(live('rgwConf'), uid) },
      azure: { blobEndpoint: live('azureBlobEndpoint'), accountName: live('azureAccountName'), accountKey: live('azureAccountKey'), connectionString: live('azureConnectionString') },
    },
    { passing: `${suffix}-ok`, deniedWrites: `${suffix}-ro`, container: `${suffix}-az`, folder: 'lse' },
  );
}

test('demo buckets: one passes, one is denied on write and delete, the container passes', async () => {
  const demo = await seed('demo');
  const s3Target = (b: typeof demo.s3.passing) => ({ ref: ref('s3', b.name, { folder: b.folder, endpoint: demo.s3.endpoint, region: demo.s3.region }), credentials: s3Keys(b.credentials) });
  const passing = await runAccessTest(s3Target(demo.s3.passing), createAccessClient);
  assert.ok(reportPassed(passing), JSON.stringify(passing.checks));
  // Not even an optional check is denied: the demo's passing bucket shows no warning either.
  assert.deepEqual(passing.checks.filter((c) => c.result !== 'passed' && c.result !== 'skipped'), []);
  assert.equal(row(passing, 'location').result, 'passed');
  const denied = await runAccessTest(s3Target(demo.s3.deniedWrites), createAccessClient);
  assert.deepEqual([row(denied, 'list').result, row(denied, 'put').result, row(denied, 'delete').result], ['passed', 'denied', 'denied']);
  const azure = await runAccessTest(
    { ref: ref('azure', demo.azure.container, { folder: demo.azure.folder, endpoint: demo.azure.endpoint }), credentials: { provider: 'azure', kind: 'connection-string', connectionString: demo.azure.connectionString, source: { kind: 'user-entered', description: 'demo' } } },
    createAccessClient,
  );
  assert.ok(reportPassed(azure), JSON.stringify(azure.checks));
  assert.match(row(azure, 'list').hint ?? '', /it holds objects/);
});

test('demo workspace: its files, read as the editor reads them, test the demo buckets with the same outcomes', async () => {
  const demo = await seed('demows');
  const files = demoFiles(demo);
  const workspace = new Workspace(Object.entries(files.workspace).map(([path, text]) => ({ path, text })));
  // The editor tests the first definition of each bucket, which .bucket-doctor.json completes.
  const refOf = (provider: BucketRef['provider'], name: string) => {
    const found = workspace.buckets().find((b) => b.provider === provider && b.name === name);
    assert.ok(found, `the demo workspace configures ${provider}:${name}`);
    return found;
  };
  // As the extension does for a bucket with `awsProfile`: the profile's keys from the AWS shared files.
  const s3Credentials = (ref: BucketRef): Credentials => {
    const keys = staticProfileKeys(files.awsConfig, files.awsCredentials, ref.awsProfile ?? '');
    assert.ok(keys, `AWS profile ${ref.awsProfile} holds keys`);
    return { provider: 's3', kind: 'keys', ...keys, source: { kind: 'aws-profile', description: `AWS profile ${ref.awsProfile}` } };
  };
  const writerRef = refOf('s3', demo.s3.passing.name);
  // The Label Studio origin comes from the demo's env.list, as the editor finds it.
  const corsOrigin = labelStudioOrigin(workspace);
  assert.equal(corsOrigin, demoLabelStudioOrigin);
  const writer = await runAccessTest({ ref: writerRef, credentials: s3Credentials(writerRef) }, createAccessClient, { corsOrigin });
  assert.ok(reportPassed(writer), JSON.stringify(writer.checks));
  assert.deepEqual(writer.checks.filter((c) => c.result !== 'passed' && c.result !== 'skipped'), [], 'every check of the passing bucket passes, CORS included');
  assert.equal(row(writer, 'cors').result, 'passed');
  const readerRef = refOf('s3', demo.s3.deniedWrites.name);
  const reader = await runAccessTest({ ref: readerRef, credentials: s3Credentials(readerRef) }, createAccessClient, { corsOrigin });
  assert.notEqual(row(reader, 'cors').result, 'passed', 'no CORS rule of the read-only bucket lets Label Studio in');
  assert.ok(!reportPassed(reader));
  assert.deepEqual([row(reader, 'list').result, row(reader, 'put').result, row(reader, 'put').code], ['passed', 'denied', 'AccessDenied']);
  // Azure: the account key written in env.list (the user agrees to use it), at the endpoint .bucket-doctor.json gives.
  const containerRef = refOf('azure', demo.azure.container);
  const key = fileCredentials(workspace, containerRef);
  assert.equal(key?.kind, 'azure-key');
  const azure = await runAccessTest(
    { ref: containerRef, credentials: { provider: 'azure', kind: 'account-key', accountName: key.accountName, accountKey: key.accountKey, source: { kind: 'config-file', description: `credentials written in ${containerRef.file}` } } },
    createAccessClient,
  );
  assert.ok(reportPassed(azure), JSON.stringify(azure.checks));
});
