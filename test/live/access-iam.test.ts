// The deployment's own role, simulated: STS GetCallerIdentity and IAM SimulatePrincipalPolicy through the IAM/STS
// double (no real IAM runs locally), with the bucket policy RGW returns passed as the resource policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest, type AccessTarget } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { startIamDouble, type IamDouble } from '../harness/iam-double';
import { admin, createBucket, folderPolicy, ref, results, rgw, rgwUser, row, s3Keys } from './access-fixtures';

const roleArn = 'arn:aws:iam::123456789012:role/lse-app';
const callerArn = 'arn:aws:iam::123456789012:user/ci';
let iam: IamDouble;
let bucket: string;
let caller: Awaited<ReturnType<typeof rgwUser>>;
let bucketPolicy: string;

before(async () => {
  iam = await startIamDouble();
  caller = await rgwUser('ci');
  bucket = await createBucket('bd-iam');
  // The caller may use the bucket; the bucket policy also denies the role deletes explicitly.
  const granted = JSON.parse(folderPolicy(bucket, 'media', { writer: [caller.arn] })) as { Statement: unknown[] };
  granted.Statement.push({ Effect: 'Allow', Principal: { AWS: [caller.arn] }, Action: 's3:GetBucketPolicy', Resource: `arn:aws:s3:::${bucket}` });
  granted.Statement.push({ Sid: 'NoDeletesForTheApp', Effect: 'Deny', Principal: { AWS: [roleArn] }, Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${bucket}/*` });
  bucketPolicy = JSON.stringify(granted);
  await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: bucketPolicy }));
  iam.addCaller({ accessKeyId: caller.keys.accessKeyId, arn: callerArn, maySimulate: true });
  iam.setRolePolicies(roleArn, [
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: `arn:aws:s3:::${bucket}/media/*` },
      ],
    }),
  ]);
});
after(() => iam.stop());

const target = (keys = caller.keys): AccessTarget => ({
  ref: ref('s3', bucket, { endpoint: rgw.endpoint, region: rgw.region, auth: 'irsa-role', roleArn }),
  credentials: s3Keys(keys),
  stsEndpoint: iam.endpoint,
  iamEndpoint: iam.endpoint,
});

test('simulated rows for the role sit beside the live rows for the caller', async () => {
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs: 10_000 });
  assert.equal(report.identity, callerArn);
  assert.deepEqual([row(report, 'identity').result, row(report, 'identity').hint], ['passed', callerArn]);
  const simulated = report.checks.filter((c) => c.simulatedFor === roleArn);
  assert.deepEqual(
    simulated.map((c) => [c.action, c.result, c.code]),
    [
      ['s3:ListBucket', 'passed', 'allowed'],
      ['s3:GetObject', 'passed', 'allowed'],
      ['s3:PutObject', 'denied', 'implicitDeny'],
      ['s3:DeleteObject', 'denied', 'explicitDeny'],
    ],
  );
  assert.ok(simulated.every((c) => c.operation === 'simulate' && c.required));
  assert.match(simulated[2].hint ?? '', /no statement grants it/);
  assert.match(simulated[3].hint ?? '', /a statement denies it/);
  // The live checks ran as the caller and passed; the role's own gaps fail the report.
  assert.equal(results(report).put, 'passed');
  assert.equal(results(report).delete, 'passed');
  assert.equal(reportPassed(report), false);
  assert.ok(report.notes.some((n) => n.includes(`ran as ${callerArn}, the caller, not as the deployment (${roleArn})`)));
  // The double received the bucket policy as the resource policy, and the right ARNs.
  const calls = iam.calls.filter((c) => c.action === 'SimulatePrincipalPolicy');
  assert.equal(calls.length, 2);
  assert.ok(calls.every((c) => c.params.get('ResourcePolicy') === bucketPolicy && c.params.get('PolicySourceArn') === roleArn));
  const resources = calls.map((c) => c.params.get('ResourceArns.member.1') ?? '').sort();
  assert.equal(resources[0], `arn:aws:s3:::${bucket}`);
  assert.match(resources[1], new RegExp(`^arn:aws:s3:::${bucket}/media/\\.bucket-doctor-probe-[0-9a-f]{16}$`));
});

test('a caller without iam:SimulatePrincipalPolicy gets one optional denied row naming the permission', async () => {
  const other = await rgwUser('no-sim');
  iam.addCaller({ accessKeyId: other.keys.accessKeyId, arn: 'arn:aws:iam::123456789012:user/dev' });
  const report = await runAccessTest(target(other.keys), createAccessClient, { timeoutMs: 10_000 });
  const sim = row(report, 'simulate');
  // This caller may not read the bucket policy either: the report says what the simulation could not cover.
  assert.ok(report.notes.some((n) => /bucket policy could not be read \(AccessDenied\)/.test(n)));
  assert.deepEqual([sim.result, sim.code, sim.required, sim.simulatedFor], ['denied', 'AccessDenied', false, roleArn]);
  assert.match(sim.hint ?? '', /iam:SimulatePrincipalPolicy/);
});

test('keys STS does not know are bad credentials on the identity row', async () => {
  const stranger = await rgwUser('stranger');
  const report = await runAccessTest(target(stranger.keys), createAccessClient, { timeoutMs: 10_000 });
  assert.deepEqual([row(report, 'identity').result, row(report, 'identity').code], ['bad-credentials', 'InvalidClientTokenId']);
  assert.equal(report.identity, 'test keys');
});
