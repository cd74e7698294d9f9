// A throwaway one-node Ceph cluster (monitor, memstore OSD) with a RADOS Gateway: S3 with real SigV4 and real
// policy enforcement on 127.0.0.1. Everything it writes lives in one temp dir that stop() deletes.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort, startProcess, waitForHttp, type Started } from './process';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Rgw {
  /** `http://127.0.0.1:PORT`; use path-style addressing. */
  endpoint: string;
  /** Any region signs correctly; this is the one the tier uses. */
  region: string;
  /** The cluster's ceph.conf, for `createRgwUser` from another process. */
  conf: string;
  /** The temp dir holding the whole cluster, deleted by stop(). */
  dir: string;
  /** A user with caps `user-policy=*;users=*` that owns the test buckets. */
  owner: S3Credentials;
  createUser(uid: string, caps?: string): Promise<S3Credentials>;
  /** Process groups of the monitor, OSD and gateway, to check nothing outlives stop(). */
  processGroups: number[];
  stop(): Promise<void>;
}

const packages = 'radosgw ceph-mon ceph-osd';
const binaries = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'ceph'];

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Throws, naming the install command, when a Ceph binary the gateway needs is missing. */
export function checkRgwBinaries(): void {
  const missing = binaries.filter((b) => !onPath(b));
  if (missing.length > 0) {
    throw new Error(
      `Ceph binaries not found: ${missing.join(', ')}. Install them with:\n` +
        `  apt-get install -y --no-install-recommends ${packages}`,
    );
  }
}

function run(command: string, args: string[], timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * Runs the `ceph` CLI, retrying the refusal a client gets when its first command beats the monmap (auth none makes
 * that window possible): "wrong fsid" / "problem getting command descriptions".
 */
async function ceph(conf: string, args: string[]): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run('ceph', ['-c', conf, '--connect-timeout', '30', ...args]);
    } catch (error) {
      const transient = /wrong fsid|problem getting command descriptions/.test(String(error));
      if (!transient || attempt === 5) throw error;
    }
  }
}

/** Random key material in the alphabet RGW uses for its own keys. */
function randomKey(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** Creates an S3 user in the cluster described by `conf` (usable from any process on this machine). */
export async function createRgwUser(conf: string, uid: string, caps?: string): Promise<S3Credentials> {
  const credentials = { accessKeyId: randomKey(20), secretAccessKey: randomKey(40) };
  const args = ['-c', conf, 'user', 'create', `--uid=${uid}`, `--display-name=${uid}`];
  args.push(`--access-key=${credentials.accessKeyId}`, `--secret=${credentials.secretAccessKey}`);
  if (caps) args.push(`--caps=${caps}`);
  await run('radosgw-admin', args);
  return credentials;
}

function cephConf(dir: string, fsid: string, monPort: number, rgwPort: number): string {
  return `[global]
fsid = ${fsid}
mon host = v1:127.0.0.1:${monPort}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind msgr2 = false
auth cluster required = none
auth service required = none
auth client required = none
# Bounds how long a client (radosgw-admin, ceph) waits for a monitor that is gone, instead of 5 minutes.
client mount timeout = 30
keyring = ${dir}/keyring
run dir = ${dir}/run
crash dir = ${dir}/crash
admin socket = ${dir}/run/$name.$pid.asok
log file = ${dir}/log/$name.log
pid file = ${dir}/run/$name.pid
mon cluster log file = ${dir}/log/$cluster.$channel.log
mon data = ${dir}/mon/$cluster-$id
osd data = ${dir}/osd/$cluster-$id
osd objectstore = memstore
memstore device bytes = 1073741824
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
# With auth none a daemon may send its first monitor command before it has the monmap, and the monitor then refuses
# it ("wrong fsid"); the OSD exits on that. So the OSD sends none at boot, and the harness places it in the CRUSH map.
osd crush update on start = false
osd class update on start = false
# Paxos proposes every second by default, and the gateway's first start creates pools one map epoch at a time.
paxos propose interval = 0.01
paxos min wait = 0.001

[client.rgw.bd]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw
rgw thread pool size = 32
`;
}

/** The last lines of a daemon's log file, for error messages. */
function logTail(dir: string, name: string, lines = 25): string {
  const file = join(dir, 'log', `${name}.log`);
  if (!existsSync(file)) return `(no ${name}.log)`;
  return `--- ${name}.log ---\n${readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}`;
}

/** Rejects as soon as the daemon exits: a gateway that cannot start should fail fast, not time out. */
function exitOf(daemon: Started, name: string, dir: string): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new Error(`${name} exited during startup\n${daemon.output()}\n${logTail(dir, name)}`));
    if (daemon.child.exitCode !== null || daemon.child.signalCode !== null) fail();
    else daemon.child.once('exit', fail);
  });
}

/** Starts monitor, OSD and gateway and creates the owner user; about a second on a warm machine. */
export async function startRgw(): Promise<Rgw> {
  checkRgwBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'bd-rgw-'));
  const daemons: Started[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Gateway first: once the cluster is gone, it waits minutes for it before exiting.
      for (const daemon of [...daemons].reverse()) await daemon.stop();
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    const [monPort, rgwPort] = await Promise.all([freePort(), freePort()]);
    const conf = join(dir, 'ceph.conf');
    const fsid = randomUUID();
    await writeFile(conf, cephConf(dir, fsid, monPort, rgwPort));
    for (const sub of ['run', 'log', 'crash', 'rgw', 'mon/ceph-a']) await mkdir(join(dir, sub), { recursive: true });
    const c = ['-c', conf];

    await run('monmaptool', ['--create', '--fsid', fsid, '--add', 'a', `v1:127.0.0.1:${monPort}`, join(dir, 'monmap')]);
    await run('ceph-mon', [...c, '-i', 'a', '--mkfs', '--monmap', join(dir, 'monmap')]);
    const mon = startProcess('ceph-mon', [...c, '-i', 'a', '-f']);
    daemons.push(mon);

    const osdUuid = randomUUID();
    const monDied = exitOf(mon, 'mon.a', dir);
    // The OSD must be registered with the uuid it is created with, or the monitor refuses its boot.
    const osdId = (await Promise.race([ceph(conf, ['osd', 'create', osdUuid]), monDied])).trim();
    await mkdir(join(dir, 'osd', `ceph-${osdId}`), { recursive: true });
    await Promise.all([
      run('ceph-osd', [...c, '-i', osdId, '--mkfs', '--osd-uuid', osdUuid]),
      Promise.race([ceph(conf, ['osd', 'crush', 'add', `osd.${osdId}`, '1', 'root=default']), monDied]),
    ]);
    const osd = startProcess('ceph-osd', [...c, '-i', osdId, '-f']);
    daemons.push(osd);
    const rgw = startProcess('radosgw', [...c, '-n', 'client.rgw.bd', '-f']);
    daemons.push(rgw);

    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await Promise.race([
      waitForHttp(`${endpoint}/`, 60_000),
      monDied,
      exitOf(osd, `osd.${osdId}`, dir),
      exitOf(rgw, 'client.rgw.bd', dir),
    ]).catch((error: unknown) => {
      throw new Error(`RADOS Gateway did not come up: ${String(error)}\n${logTail(dir, 'client.rgw.bd')}`);
    });

    const owner = await createRgwUser(conf, 'owner', 'user-policy=*;users=*');
    return {
      endpoint,
      region: 'us-east-1',
      conf,
      dir,
      owner,
      createUser: (uid, caps) => createRgwUser(conf, uid, caps),
      processGroups: daemons.map((d) => d.child.pid).filter((pid): pid is number => pid !== undefined),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
