// The demo of `npm start` (and of `npm run screenshots`): the repo linked into a code-server of its own
// (.vscode-test/demo/), local demo buckets, and a fresh workspace configuring them. Start order: code-server's install,
// the buckets, the workspace, the server; stop() ends the server and the buckets, each by its process group.
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerCli, ensureCodeServer, findRepoRoot, startCodeServer, type CodeServer } from './code-server';
import { startDemoBuckets, type DemoBuckets } from './demo-buckets';
import { demoInstructions, writeDemoWorkspace, type DemoSetup } from './demo-workspace';

export interface DemoOptions {
  root?: string;
  /** Folder of the demo's extensions dir, user data, workspace and AWS files (default `.vscode-test/demo`). */
  dir?: string;
  /** Wanted port on 127.0.0.1; a free one when omitted or taken. */
  port?: number;
  /** User settings on top of code-server's quiet defaults. */
  settings?: Record<string, unknown>;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
  /** Aborting (Ctrl-C while starting) stops what started so far and rejects. */
  signal?: AbortSignal;
}

export interface Demo {
  /** Workbench URL with the demo workspace open. */
  url: string;
  server: CodeServer;
  /** The folder opened: a copy of examples/ with demo-buckets/. */
  workspace: string;
  /** The demo buckets; undefined when they could not start (`bucketsProblem` says why). */
  buckets?: DemoSetup;
  bucketsProblem?: string;
  /** What to print for the user: URL, buckets, expected results. */
  instructions: string;
  /** Stops code-server and the buckets (whole process groups) and deletes their temp dirs. */
  stop(): Promise<void>;
}

/** Whether 127.0.0.1:port can be bound right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Links the repo into a fresh extensions dir: the demo runs the bundles just built (a .vsix would rebuild them for
 * production and stop on vsce's publishing checks). With no extensions.json there, VS Code registers what it finds.
 */
async function linkExtension(root: string, extensionsDir: string, userDataDir: string, log: (line: string) => void): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const extensionId = `${manifest.publisher}.${manifest.name}`;
  // fs.rm removes the link, never the repo it points to.
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(root, join(extensionsDir, `${extensionId}-${manifest.version}`), 'dir');
  const listed = await codeServerCli(['--list-extensions', '--show-versions'], { extensionsDir, userDataDir, root });
  if (!listed.includes(`${extensionId}@${manifest.version}`)) throw new Error(`code-server does not list ${extensionId}@${manifest.version} in ${extensionsDir}:\n${listed}`);
  log(`linked ${root} into ${extensionsDir} as ${extensionId}@${manifest.version}`);
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const root = options.root ?? findRepoRoot();
  const log = options.log ?? ((line: string) => console.log(line));
  const demoDir = options.dir ?? join(root, '.vscode-test', 'demo');
  const extensionsDir = join(demoDir, 'extensions');
  const userDataDir = join(demoDir, 'user-data');
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    await ensureCodeServer(root);
    options.signal?.throwIfAborted();
    await linkExtension(root, extensionsDir, userDataDir, log);
    options.signal?.throwIfAborted();

    let buckets: DemoBuckets | undefined;
    let bucketsProblem: string | undefined;
    const bucketsStart = Date.now();
    try {
      buckets = await startDemoBuckets();
      stops.push(() => buckets!.stop());
      log(`demo buckets ready in ${((Date.now() - bucketsStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      bucketsProblem = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' ');
      log(`the demo buckets could not start: ${bucketsProblem}`);
    }
    options.signal?.throwIfAborted();

    // Each start is fresh: tests and reports of an earlier session name buckets on ports that are gone.
    rmSync(join(userDataDir, 'User', 'workspaceStorage'), { recursive: true, force: true });
    const setup: DemoSetup | undefined = buckets && { s3: buckets.s3, azure: buckets.azure };
    const workspace = writeDemoWorkspace(join(root, 'examples'), demoDir, setup);

    const wanted = options.port;
    const free = wanted === undefined ? false : await portIsFree(wanted);
    if (wanted !== undefined && !free) log(`port ${wanted} is taken; using a free port instead`);
    const server = await startCodeServer({ workspace: workspace.folder, port: free ? wanted : undefined, extensionsDir, userDataDir, root, env: workspace.env, settings: options.settings });
    stops.push(() => server.stop());
    options.signal?.throwIfAborted();

    const url = `${server.url}/?folder=${encodeURIComponent(workspace.folder).replace(/%2F/g, '/')}`;
    return { url, server, workspace: workspace.folder, buckets: setup, bucketsProblem, instructions: demoInstructions(url, setup, bucketsProblem), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

