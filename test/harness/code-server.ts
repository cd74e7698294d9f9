// code-server (VS Code Server 1.100.3 from npm) for the vscode tier and the demo: installed once into the
// git-ignored .vscode-test/, started with its own HOME and XDG dirs there so nothing lands in the user's home.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { freePort, killByMarker, startProcess, waitForHttp, waitForOutput, type Started } from './process';

export const codeServerVersion = '4.100.3';
/** The VS Code build inside that code-server release. */
export const vscodeVersion = '1.100.3';

/** The release of @vscode/ripgrep inside code-server 4.100.3, and the asset its postinstall would download. */
const ripgrepPackageVersion = '1.15.11';
const ripgrepAssetVersion = 'v13.0.0-10';

export interface CodeServerOptions {
  /** Folder opened by default (absolute). */
  workspace: string;
  /** TCP port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Extensions directory; an empty one of this run when omitted. */
  extensionsDir?: string;
  /** VS Code user data directory; a fresh one of this run (deleted by stop()) when omitted. */
  userDataDir?: string;
  /** User settings written to `<userDataDir>/User/settings.json` on top of quiet defaults. */
  settings?: Record<string, unknown>;
  /** Repository root; found from this file's location when omitted. */
  root?: string;
  /** Environment of the server and its extension hosts on top of the usual one; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Process group of the server (it spawns extension hosts and file watchers into it). */
  processGroup: number;
  /** Folder holding this run's HOME, XDG dirs and default user data; deleted by stop(). */
  stateDir: string;
  extensionsDir: string;
  userDataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Settles when the server process exits, with its exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Kills the whole process group and deletes the run's state folder. */
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and offline: no welcome page, tips, telemetry or update checks. */
const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  // examples/ sits inside this repository; the prompt to open it would cover the screenshots.
  'git.openRepositoryInParentFolders': 'never',
};

/** The repository root: the nearest folder above `from` whose package.json is this extension's. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'bucket-doctor') return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no bucket-doctor package.json above ${from}`);
  }
}

function installDir(root: string): string {
  return join(root, '.vscode-test', `code-server-${codeServerVersion}`);
}

/** Written last by ensureCodeServer: its presence means the install finished. */
function markerPath(root: string): string {
  return join(installDir(root), '.installed');
}

function entryPath(root: string): string {
  return join(installDir(root), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Files a complete install has: the server entry, the VS Code build, native modules and ripgrep. */
function installLooksComplete(root: string): boolean {
  const vscode = join(installDir(root), 'node_modules', 'code-server', 'lib', 'vscode');
  return [
    markerPath(root),
    entryPath(root),
    join(vscode, 'out', 'server-main.js'),
    join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    join(vscode, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
  ].every((f) => existsSync(f));
}

/** code-server 4.100.x and its native modules are built for Node 20 (its postinstall refuses any other major). */
function assertNode20(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${codeServerVersion} needs Node 20; this is Node ${process.versions.node}`);
}

/** Runs a child to completion in its own process group, returning its exit code and output. */
async function runToExit(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; output: string }> {
  const started = startProcess(command, args, { env, cwd });
  // Its own process group does not get the terminal's Ctrl-C: take it down with us rather than leave it running.
  const kill = () => {
    try {
      if (started.child.pid !== undefined) process.kill(-started.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, kill);
  process.on('exit', kill);
  const code = await new Promise<number | null>((resolve) => {
    if (started.child.exitCode !== null) resolve(started.child.exitCode);
    else started.child.once('exit', (c) => resolve(c));
  }).finally(() => {
    for (const signal of signals) process.off(signal, kill);
    process.off('exit', kill);
  });
  // Anything the install left running in its group (a stray build helper) goes with it.
  await started.stop();
  return { code, output: started.output() };
}

/** Asset name @vscode/ripgrep's postinstall looks for in its download cache, for this machine. */
function ripgrepAssetName(): string {
  const target = arch() === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  return `ripgrep-${ripgrepAssetVersion}-${target}.tar.gz`;
}

/**
 * Installs code-server into .vscode-test/code-server-VERSION unless a complete install is there;
 * returns the path of its entry script (run it with this Node).
 */
export async function ensureCodeServer(root: string = findRepoRoot()): Promise<string> {
  assertNode20();
  if (installLooksComplete(root)) return entryPath(root);
  const lock = `${installDir(root)}.lock`;
  await mkdir(dirname(lock), { recursive: true });
  // Two runs starting at once (the tier and `npm start`) must not install into the same folder together.
  for (const deadline = Date.now() + 10 * 60_000; ; ) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => '0'));
    const age = Date.now() - (await stat(lock).then((st) => st.mtimeMs, () => Date.now()));
    // A holder that died, or one that died before it could even write its pid, leaves a stale lock.
    if ((holder > 0 && !processAlive(holder)) || (holder === 0 && age > 30_000)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for the code-server install of process ${holder} (${lock})`);
    if (holder > 0) console.log(`waiting for process ${holder}, which is installing code-server...`);
    await new Promise((r) => setTimeout(r, 2000));
    if (installLooksComplete(root)) return entryPath(root);
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    if (!installLooksComplete(root)) await install(root);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  return entryPath(root);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function install(root: string): Promise<void> {
  if (process.platform !== 'linux') throw new Error(`the code-server install here is for Linux, not ${process.platform}`);
  assertNode20();
  if (!existsSync('/usr/bin/rg')) throw new Error('ripgrep is missing: apt-get install ripgrep (code-server searches with it)');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) throw new Error('libkrb5-dev is missing: apt-get install libkrb5-dev (code-server builds its kerberos module)');

  const target = installDir(root);
  console.log(`installing code-server ${codeServerVersion} into ${relative(root, target)} (about 40 s, once)...`);
  const began = Date.now();
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });

  // @vscode/ripgrep's postinstall downloads from GitHub; given a cached asset in $TMPDIR it uses that instead.
  const scratch = await mkdtemp(join(tmpdir(), 'bd-code-server-install-'));
  try {
    const cache = join(scratch, `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
    const staging = join(scratch, 'rg-staging');
    await mkdir(cache, { recursive: true });
    await mkdir(staging);
    await copyFile('/usr/bin/rg', join(staging, 'rg'));
    await chmod(join(staging, 'rg'), 0o755);
    const tar = await runToExit('tar', ['-czf', join(cache, ripgrepAssetName()), '-C', staging, 'rg'], process.env, scratch);
    if (tar.code !== 0) throw new Error(`could not pack /usr/bin/rg for the ripgrep cache:\n${tar.output}`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TMPDIR: scratch,
      // code-server's postinstall refuses to run as root without this.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt.
      npm_config_yes: 'true',
      // Node headers from Debian's /usr/include/node: node-gyp never fetches them from nodejs.org.
      npm_config_nodedir: '/usr',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const npm = await runToExit('npm', ['install', '--prefix', target, '--no-save', `code-server@${codeServerVersion}`], env, target);
    const log = join(dirname(target), `code-server-${codeServerVersion}-install.log`);
    await writeFile(log, npm.output);
    if (npm.code !== 0) {
      throw new Error(`npm install code-server@${codeServerVersion} failed (exit ${npm.code}); log: ${log}\n${npm.output.slice(-4000)}`);
    }
    await writeFile(markerPath(root), JSON.stringify({ version: codeServerVersion, node: process.versions.node, at: new Date().toISOString() }) + '\n');
    if (!installLooksComplete(root)) throw new Error(`code-server install in ${target} is incomplete (see ${log})`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  console.log(`installed code-server ${codeServerVersion} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

/** The environment code-server runs with: HOME and XDG dirs of this run, nothing from an enclosing VS Code. */
function serverEnv(stateDir: string, socketDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI and friends would make code-server hand the folder to an enclosing editor; PORT overrides --bind-addr.
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_)/.test(key) || ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN'].includes(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const home = join(stateDir, 'home');
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    // Unix socket paths must stay under 108 bytes: VS Code puts its IPC sockets here, so a short folder in /tmp.
    XDG_RUNTIME_DIR: socketDir,
    TMPDIR: socketDir,
  };
}

interface RunDirs {
  /** .vscode-test/runs/code-server-XXXXXX: HOME, XDG dirs, default user data and extensions. */
  stateDir: string;
  /** A short private folder in the temp dir for sockets (XDG_RUNTIME_DIR, TMPDIR). */
  socketDir: string;
  remove(): Promise<void>;
}

async function makeRunDirs(root: string): Promise<RunDirs> {
  const base = join(root, '.vscode-test', 'runs');
  await mkdir(base, { recursive: true });
  const stateDir = await mkdtemp(join(base, 'code-server-'));
  const socketDir = await mkdtemp(join(tmpdir(), 'bd-cs-'));
  await chmod(socketDir, 0o700);
  for (const sub of ['home/.config', 'home/.local/share', 'home/.local/state', 'home/.cache']) {
    await mkdir(join(stateDir, sub), { recursive: true, mode: 0o700 });
  }
  return {
    stateDir,
    socketDir,
    async remove() {
      await rm(stateDir, { recursive: true, force: true });
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

async function writeSettings(userDataDir: string, extra: Record<string, unknown> | undefined): Promise<void> {
  const file = join(userDataDir, 'User', 'settings.json');
  await mkdir(dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No settings yet (or not plain JSON): start from the defaults.
  }
  await writeFile(file, JSON.stringify({ ...current, ...quietSettings, ...extra }, null, 2) + '\n');
}

/** Runs the code-server CLI once (say `--install-extension x.vsix`) with the dirs of `server`-to-be. */
export async function codeServerCli(
  args: string[],
  options: { extensionsDir: string; userDataDir: string; root?: string },
): Promise<string> {
  const root = options.root ?? findRepoRoot();
  const entry = await ensureCodeServer(root);
  const dirs = await makeRunDirs(root);
  try {
    const all = ['--extensions-dir', options.extensionsDir, '--user-data-dir', options.userDataDir, ...args];
    const result = await runToExit(process.execPath, [entry, ...all], serverEnv(dirs.stateDir, dirs.socketDir), root);
    if (result.code !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${result.code}):\n${result.output}`);
    return result.output;
  } finally {
    await dirs.remove();
  }
}

/** Starts code-server once on `port`; rejects with its output when it exits or stays unhealthy. */
async function launch(entry: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, port: number): Promise<Started> {
  const url = `http://127.0.0.1:${port}`;
  const server = startProcess(process.execPath, [entry, ...args], { env, cwd });
  let onExit: ((code: number | null) => void) | undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`code-server exited (${code}) before it was healthy:\n${server.output()}`));
    server.child.once('exit', onExit);
  });
  try {
    // Its own "listening" line first: a /healthz answer alone could come from another server holding the port.
    const listening = new RegExp(`HTTP server listening on http://127\\.0\\.0\\.1:${port}/`);
    const healthy = waitForOutput(server, listening, 60_000).then(() => waitForHttp(`${url}/healthz`, 30_000, 200));
    await Promise.race([healthy, exited]);
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    if (onExit) server.child.off('exit', onExit);
    exited.catch(() => undefined);
  }
}

/** Starts code-server on 127.0.0.1 in its own process group and waits until `/healthz` answers 200. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const root = options.root ?? findRepoRoot();
  const entry = await ensureCodeServer(root);
  const dirs = await makeRunDirs(root);
  const { stateDir } = dirs;
  const extensionsDir = options.extensionsDir ?? join(stateDir, 'extensions');
  const userDataDir = options.userDataDir ?? join(stateDir, 'user-data');
  const cleanup = () => dirs.remove();
  try {
    await mkdir(extensionsDir, { recursive: true });
    await writeSettings(userDataDir, options.settings);
    const env = serverEnv(stateDir, dirs.socketDir, options.env);
    // A port picked here may be taken by someone else before the server binds it: pick again a few times.
    for (let attempt = 1; ; attempt++) {
      const port = options.port ?? (await freePort());
      const url = `http://127.0.0.1:${port}`;
      const args = [
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        options.workspace,
      ];
      let server: Started;
      try {
        server = await launch(entry, args, env, root, port);
      } catch (error) {
        if (options.port === undefined && attempt < 3 && /EADDRINUSE/.test(String(error))) continue;
        throw error;
      }
      const processGroup = server.child.pid ?? -1;
      const child = server.child;
      const exited = new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
        else child.once('exit', (code) => resolve(code));
      });
      return {
        url,
        port,
        processGroup,
        stateDir,
        extensionsDir,
        userDataDir,
        output: () => server.output(),
        exited,
        async stop() {
          await server.stop();
          // Servers the suites started inside the extension host (RGW, Azurite) run in their own process groups with
          // their files in this run's TMPDIR: a run cut short by its time limit never reached their teardown.
          killByMarker(dirs.socketDir);
          await cleanup();
        },
      };
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}
