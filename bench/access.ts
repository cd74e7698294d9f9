// Test Bucket Access timings against a local Ceph RGW: a full lse-persistence test with 100 ms injected per request
// against its longest chain of dependent requests, and the same operations done by Debian's `aws` CLI (one process
// per call, as a shell script would) against the engine without injected latency.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { accessPlan, longestChain } from '../src/core/access/plan';
import { reportPassed } from '../src/core/access/report';
import { runAccessTest, type AccessTarget } from '../src/core/access/runner';
import { profiles } from '../src/core/iam/profiles';
import { createAccessClient } from '../src/providers/access';
import { startFaultProxy } from '../test/harness/fault-proxy';
import { startRgw } from '../test/harness/rgw';
import { medianAsync, type BenchResult } from './measure';

const run = promisify(execFile);
const latencyMs = 100;

export async function accessBench(): Promise<BenchResult[]> {
  // scripts/lib/deps.mjs lists these under `bench`; `npm run bench` installs them.
  if (!existsSync('/usr/bin/aws')) throw new Error("the access bench needs Debian's aws CLI: apt-get install -y awscli");
  const rgw = await startRgw();
  const proxy = await startFaultProxy(rgw.endpoint, latencyMs);
  try {
    const bucket = 'bd-bench';
    const admin = new S3Client({ region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true, credentials: rgw.owner });
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    const target = (endpoint: string): AccessTarget => ({
      ref: { provider: 's3', name: bucket, folder: 'media', region: rgw.region, endpoint, auth: 'access-keys', profile: 'lse-persistence', file: 'lse-values.yaml', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } },
      credentials: { provider: 's3', kind: 'keys', ...rgw.owner, source: { kind: 'user-entered', description: 'bench' } },
    });
    const test = async (endpoint: string) => {
      const report = await runAccessTest(target(endpoint), createAccessClient, { timeoutMs: 10_000, corsOrigin: 'https://label.example.com' });
      if (!reportPassed(report)) throw new Error(`the bench's access test failed: ${JSON.stringify(report.checks)}`);
    };

    // One request through the proxy: the unit every dependent step costs at least.
    const probe = new S3Client({ region: rgw.region, endpoint: proxy.endpoint, forcePathStyle: true, credentials: rgw.owner });
    const roundTrip = await medianAsync(() => probe.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 })), 7, 1);
    const chain = longestChain(accessPlan({ protocol: 's3', profile: profiles['lse-persistence'], identity: true, corsOrigin: 'https://label.example.com' }));
    const withLatency = await medianAsync(() => test(proxy.endpoint), 5, 1);
    const chainMs = chain * roundTrip;

    // The same operations with Debian's aws CLI, one process per call, straight to RGW.
    const env = { ...process.env, AWS_ACCESS_KEY_ID: rgw.owner.accessKeyId, AWS_SECRET_ACCESS_KEY: rgw.owner.secretAccessKey, AWS_DEFAULT_REGION: rgw.region, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '' };
    const aws = (...args: string[]) => run('/usr/bin/aws', ['--endpoint-url', rgw.endpoint, 's3api', ...args], { env });
    // Missing CORS or encryption settings, and the deleted key, answer an error, as for the engine: the call was made.
    const awsRefused = (...args: string[]) =>
      aws(...args).catch((error: { code?: unknown }) => {
        if (typeof error.code !== 'number') throw error;
      });
    const key = 'media/.bucket-doctor-probe-awscli';
    const cli = async () => {
      await aws('get-bucket-location', '--bucket', bucket);
      await aws('list-objects-v2', '--bucket', bucket, '--prefix', 'media/', '--max-keys', '1');
      await awsRefused('get-bucket-cors', '--bucket', bucket);
      await awsRefused('get-bucket-encryption', '--bucket', bucket);
      await aws('put-object', '--bucket', bucket, '--key', key, '--body', '/etc/hostname');
      await aws('get-object', '--bucket', bucket, '--key', key, '/dev/null');
      await aws('delete-object', '--bucket', bucket, '--key', key);
      await awsRefused('head-object', '--bucket', bucket, '--key', key);
    };
    const direct = await medianAsync(() => test(rgw.endpoint), 5, 1);
    const awsCli = await medianAsync(cli, 3, 0);

    return [
      { name: `access: lse-persistence test, ${latencyMs} ms injected per request`, value: withLatency, unit: 'ms', goal: 'context', pass: true },
      { name: `access: longest dependent chain (${chain} requests x ${roundTrip.toFixed(0)} ms)`, value: chainMs, unit: 'ms', goal: 'context', pass: true },
      { name: 'access: full test / longest chain', value: withLatency / chainMs, unit: 'x', goal: '<= 1.5', pass: withLatency / chainMs <= 1.5 },
      { name: 'access: lse-persistence test, local RGW', value: direct, unit: 'ms', goal: 'context', pass: true },
      { name: 'access: same operations, aws CLI (one process per call)', value: awsCli, unit: 'ms', goal: 'context', pass: true },
      { name: 'access: aws CLI / Bucket Doctor', value: awsCli / direct, unit: 'x', goal: 'context (> 1: faster)', pass: true },
    ];
  } finally {
    await proxy.stop();
    await rgw.stop();
  }
}
