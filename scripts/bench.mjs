// `npm run bench`: installs what the bench needs (Ceph for RGW, Debian's aws CLI to compare with), builds, runs it.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './lib/deps.mjs';

if (!ensureDebianPackages(['bench'])) process.exit(1);
for (const args of [['scripts/build.mjs', '--tests'], ['out/bench/run.js', ...process.argv.slice(2)]]) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
