// `npm start`: the demo. Builds, starts local demo buckets (Ceph RGW and Azurite on 127.0.0.1), links this repo into
// the extensions dir of a code-server of its own (.vscode-test/demo/) and serves VS Code on http://127.0.0.1:PORT with
// a fresh copy of examples/ plus demo-buckets/ open, until Ctrl-C. PORT comes from the environment (default 8080);
// when that port is taken, a free one is used instead. Without Ceph (and no root to install it) the workspace is
// served without buckets.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './lib/deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
// code-server 4.100 needs Node 20: the AWS SDK's advice to move to Node 22 would only confuse here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

const wanted = Number(process.env.PORT || 8080);
if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) {
  console.error(`PORT=${process.env.PORT} is not a TCP port.`);
  process.exit(1);
}

// Ceph for the S3 buckets, and what code-server's install needs; without them (not root) the demo still serves the examples.
if (!ensureDebianPackages(['live', 'vscode'])) console.error('Continuing without the missing packages: the demo buckets may not start.');

// The harness is TypeScript; the --tests build compiles it to out/test/harness/ alongside the extension bundles.
console.log('building the extension and the test harness...');
run(process.execPath, ['scripts/build.mjs', '--tests']);
const require = createRequire(import.meta.url);
const { startDemo } = require(join(root, 'out', 'test', 'harness', 'demo.js'));

// The servers run in process groups of their own, which the terminal's Ctrl-C does not reach: stop them here.
const aborter = new AbortController();
let demo;
let starting;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  aborter.abort();
  console.log('\nstopping code-server and the demo buckets...');
  try {
    // Aborted while starting, startDemo stops what it started itself and rejects.
    const started = demo ?? (await starting?.catch(() => undefined));
    await started?.stop();
  } catch (error) {
    console.error(`could not stop everything: ${error instanceof Error ? error.message : error}`);
    code = 1;
  }
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(0));

starting = startDemo({ root, port: wanted, signal: aborter.signal });
try {
  demo = await starting;
} catch (error) {
  if (stopping) await new Promise(() => undefined);
  console.error(`the demo could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
demo.server.exited.then((code) => {
  if (stopping) return;
  console.error(`code-server exited unexpectedly (${code}):\n${demo.server.output().slice(-4000)}`);
  void stop(1);
});
console.log(`\n${demo.instructions}`);
