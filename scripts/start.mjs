// `npm start`: the demo. Builds, links this repo into the extensions dir of a code-server of its own
// (.vscode-test/demo/), then serves VS Code with examples/ open on http://127.0.0.1:PORT until Ctrl-C.
// PORT comes from the environment (default 8080); when that port is taken, a free one is used instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const examples = join(root, 'examples');
const demoDir = join(root, '.vscode-test', 'demo');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

/** Whether 127.0.0.1:port can be bound right now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// The harness is TypeScript; the --tests build compiles it to out/test/harness/ alongside the extension bundles.
console.log('building the extension and the test harness...');
run(process.execPath, ['scripts/build.mjs', '--tests']);
const require = createRequire(import.meta.url);
const { codeServerCli, ensureCodeServer, startCodeServer } = require(join(root, 'out', 'test', 'harness', 'code-server.js'));

await ensureCodeServer(root);

// The repo itself, linked into a fresh extensions dir, is the installed extension: the demo runs the bundles just built
// (a .vsix would rebuild them for production and stop on vsce's publishing checks). With no extensions.json there,
// VS Code registers what it finds in the folder on first scan.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const extensionsDir = join(demoDir, 'extensions');
const userDataDir = join(demoDir, 'user-data');
// fs.rm removes the link, never the repo it points to.
rmSync(extensionsDir, { recursive: true, force: true });
mkdirSync(extensionsDir, { recursive: true });
symlinkSync(root, join(extensionsDir, `${extensionId}-${manifest.version}`), 'dir');
const listed = await codeServerCli(['--list-extensions', '--show-versions'], { extensionsDir, userDataDir, root });
if (!listed.includes(`${extensionId}@${manifest.version}`)) {
  console.error(`code-server does not list ${extensionId}@${manifest.version} in ${extensionsDir}:\n${listed}`);
  process.exit(1);
}
console.log(`linked ${root} into ${extensionsDir} as ${extensionId}@${manifest.version}`);

const wanted = Number(process.env.PORT || 8080);
if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) {
  console.error(`PORT=${process.env.PORT} is not a TCP port.`);
  process.exit(1);
}
const free = await portIsFree(wanted);
if (!free) console.log(`port ${wanted} is taken; using a free port instead`);
const server = await startCodeServer({ workspace: examples, port: free ? wanted : undefined, extensionsDir, userDataDir, root });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server...');
  await server.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
server.exited.then((code) => {
  if (stopping) return;
  console.error(`code-server exited unexpectedly (${code}):\n${server.output().slice(-4000)}`);
  void stop(1);
});

const folder = encodeURIComponent(examples).replace(/%2F/g, '/');
console.log(`Bucket Doctor demo: open ${server.url}/?folder=${folder}`);
console.log('Press Ctrl-C to stop.');
