// The live tier: starts real servers on 127.0.0.1, runs out/test/live/*.test.js against them, always stops them.
// Run from anywhere after `node scripts/build.mjs --tests`: `node out/test/live/run.js [words…]` (only the test files
// whose names contain one of the words, e.g. `access-`).
//
// Environment the test files receive (read them through ./env.ts):
//   BD_LIVE_S3_ENDPOINT             Ceph RADOS Gateway, http://127.0.0.1:PORT (path-style addressing)
//   BD_LIVE_S3_REGION               region to sign requests with (RGW accepts any)
//   BD_LIVE_S3_ACCESS_KEY_ID        the gateway's owner user (caps user-policy=*;users=*)
//   BD_LIVE_S3_SECRET_ACCESS_KEY    its secret
//   BD_LIVE_RGW_CONF                the throwaway cluster's ceph.conf, for createRgwUser() (radosgw-admin)
//   BD_LIVE_AZURE_BLOB_ENDPOINT     Azurite Blob, http://127.0.0.1:PORT/devstoreaccount1
//   BD_LIVE_AZURE_ACCOUNT_NAME      devstoreaccount1
//   BD_LIVE_AZURE_ACCOUNT_KEY       Azurite's well-known development key
//   BD_LIVE_AZURE_CONNECTION_STRING the same account as a connection string
//   BD_LIVE_GCS_ENDPOINT            the GCS JSON API double, http://127.0.0.1:PORT (apiEndpoint)
//   BD_LIVE_GCS_PROJECT             projectId to create the Storage client with
// plus AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true, which only silences the SDK's "Node 22 soon" notice.
//
// Exit code: the test run's; 1 when a server cannot start (a tier that cannot run fails, it never skips) or when a
// server process outlives stop(); 130/143 after SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite, type Azurite } from '../harness/azurite';
import { startGcsDouble, type GcsDouble } from '../harness/gcs-double';
import { startRgw, type Rgw } from '../harness/rgw';
import { liveEnvNames, type LiveEnv } from './env';

interface Server {
  name: string;
  processGroups: number[];
  /** The server's temp dir: any process still naming it (say a radosgw-admin a killed test left) is a leftover. */
  dir?: string;
  stop(): Promise<void>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Starts one server, timing it; the result keeps either the server or why it failed. */
async function timed<T>(name: string, start: () => Promise<T>): Promise<{ name: string; value?: T; error?: unknown; ms: number }> {
  const begin = Date.now();
  try {
    return { name, value: await start(), ms: Date.now() - begin };
  } catch (error) {
    return { name, error, ms: Date.now() - begin };
  }
}

/** Live (non-zombie) processes in the servers' process groups or naming their temp dirs, read from /proc. */
function survivors(servers: Server[]): { pid: number; description: string }[] {
  const wanted = new Set(servers.flatMap((s) => s.processGroups));
  const dirs = servers.flatMap((s) => (s.dir ? [s.dir] : []));
  const found: { pid: number; description: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, ppid, pgrp.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (wanted.has(Number(pgrp)) || dirs.some((d) => cmdline.includes(d))) {
        found.push({ pid: Number(entry), description: `${entry} ${cmdline}` });
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** SIGKILLs process groups (negative ids) or single processes. */
function killAll(ids: number[]): void {
  for (const id of ids) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Every *.test.js here, or those whose names contain one of the command-line words (`run.js access-`). */
function testFiles(): string[] {
  const only = process.argv.slice(2);
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && (only.length === 0 || only.some((word) => f.includes(word))))
    .sort()
    .map((f) => join(__dirname, f));
}

function serverEnv(rgw: Rgw, azurite: Azurite, gcs: GcsDouble): LiveEnv {
  return {
    s3Endpoint: rgw.endpoint,
    s3Region: rgw.region,
    s3AccessKeyId: rgw.owner.accessKeyId,
    s3SecretAccessKey: rgw.owner.secretAccessKey,
    rgwConf: rgw.conf,
    azureBlobEndpoint: azurite.blobEndpoint,
    azureAccountName: azurite.accountName,
    azureAccountKey: azurite.accountKey,
    azureConnectionString: azurite.connectionString,
    gcsEndpoint: gcs.endpoint,
    gcsProject: 'bucket-doctor-live',
  };
}

async function main(): Promise<number> {
  const servers: Server[] = [];
  let signal: NodeJS.Signals | undefined;
  let tests: ChildProcess | undefined;
  const onSignal = (received: NodeJS.Signals) => {
    if (signal !== undefined) {
      // A second signal: stop waiting for graceful shutdown.
      killAll(servers.flatMap((s) => s.processGroups).map((group) => -group));
      process.exit(received === 'SIGINT' ? 130 : 143);
    }
    signal = received;
    console.error(`\n${received}: stopping the tests and every server...`);
    tests?.kill(received);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const files = testFiles();
  let code = 1;
  const startupBegin = Date.now();
  const [rgw, azurite, gcs] = await Promise.all([
    timed('rgw', startRgw),
    timed('azurite', startAzurite),
    timed('gcs-double', startGcsDouble),
  ]);
  const startupMs = Date.now() - startupBegin;
  for (const { name, value } of [rgw, azurite, gcs]) {
    // The GCS double runs in this process: it has no process group.
    const server: { processGroups?: number[]; dir?: string; stop(): Promise<void> } | undefined = value;
    if (server) servers.push({ name, processGroups: server.processGroups ?? [], dir: server.dir, stop: () => server.stop() });
  }
  console.log(`live: startup ${seconds(startupMs)} (rgw ${seconds(rgw.ms)}, azurite ${seconds(azurite.ms)}, gcs-double ${seconds(gcs.ms)})`);

  let testMs = 0;
  try {
    const failed = [rgw, azurite, gcs].filter((s) => s.error !== undefined);
    for (const f of failed) console.error(`live: ${f.name} failed to start: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    if (files.length === 0) console.error(`live: no *.test.js files in ${__dirname}; build with \`node scripts/build.mjs --tests\``);
    if (failed.length === 0 && files.length > 0 && signal === undefined && rgw.value && azurite.value && gcs.value) {
      const values = serverEnv(rgw.value, azurite.value, gcs.value);
      const env: NodeJS.ProcessEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      for (const key of Object.keys(liveEnvNames) as (keyof LiveEnv)[]) env[liveEnvNames[key]] = values[key];
      const args = ['--enable-source-maps', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files];
      const testBegin = Date.now();
      tests = spawn(process.execPath, args, { stdio: 'inherit', env });
      code = await new Promise<number>((resolve) => {
        tests?.once('error', (error) => {
          console.error(`live: could not run the tests: ${error.message}`);
          resolve(1);
        });
        // Killed by a signal: no exit code, and a failure.
        tests?.once('exit', (exitCode) => resolve(exitCode ?? 1));
      });
      testMs = Date.now() - testBegin;
    }
  } finally {
    const stopBegin = Date.now();
    const stops = await Promise.allSettled(servers.map((s) => s.stop()));
    stops.forEach((result, i) => {
      if (result.status === 'rejected') {
        console.error(`live: stopping ${servers[i].name} failed: ${String(result.reason)}`);
        code = code || 1;
      }
    });
    const left = survivors(servers);
    if (left.length > 0) {
      console.error(`live: server processes outlived stop(), killing them:\n  ${left.map((p) => p.description).join('\n  ')}`);
      killAll([...servers.flatMap((s) => s.processGroups).map((group) => -group), ...left.map((p) => p.pid)]);
      code = code || 1;
    }
    console.log(`live: tests ${seconds(testMs)}, shutdown ${seconds(Date.now() - stopBegin)}, no server process left running: ${left.length === 0}`);
  }
  if (signal !== undefined) return signal === 'SIGINT' ? 130 : 143;
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
