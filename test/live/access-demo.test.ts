// The demo's buckets show both outcomes of Test Bucket Access: one passes lse-persistence, one is denied on writes,
// and the Azure container passes with the account key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { seedDemoBuckets } from '../harness/demo-buckets';
import { createRgwUser } from '../harness/rgw';
import { ref, row, s3Keys } from './access-fixtures';
import { live, uniqueName } from './env';

test('demo buckets: one passes, one is denied on write and delete, the container passes', async () => {
  const suffix = uniqueName('demo');
  const demo = await seedDemoBuckets(
    {
      s3: { endpoint: live('s3Endpoint'), region: live('s3Region'), owner: { accessKeyId: live('s3AccessKeyId'), secretAccessKey: live('s3SecretAccessKey') }, createUser: (uid) => createRgwUser(live('rgwConf'), uid) },
      azure: { blobEndpoint: live('azureBlobEndpoint'), accountName: live('azureAccountName'), accountKey: live('azureAccountKey'), connectionString: live('azureConnectionString') },
    },
    { passing: `${suffix}-ok`, deniedWrites: `${suffix}-ro`, container: `${suffix}-az`, folder: 'lse' },
  );
  const s3Target = (b: typeof demo.s3.passing) => ({ ref: ref('s3', b.name, { folder: b.folder, endpoint: demo.s3.endpoint, region: demo.s3.region }), credentials: s3Keys(b.credentials) });
  const passing = await runAccessTest(s3Target(demo.s3.passing), createAccessClient);
  assert.ok(reportPassed(passing), JSON.stringify(passing.checks));
  const denied = await runAccessTest(s3Target(demo.s3.deniedWrites), createAccessClient);
  assert.deepEqual([row(denied, 'list').result, row(denied, 'put').result, row(denied, 'delete').result], ['passed', 'denied', 'denied']);
  const azure = await runAccessTest(
    { ref: ref('azure', demo.azure.container, { folder: demo.azure.folder, endpoint: demo.azure.endpoint }), credentials: { provider: 'azure', kind: 'connection-string', connectionString: demo.azure.connectionString, source: { kind: 'user-entered', description: 'demo' } } },
    createAccessClient,
  );
  assert.ok(reportPassed(azure), JSON.stringify(azure.checks));
  assert.match(row(azure, 'list').hint ?? '', /it holds objects/);
});
