// `npm test`: installs what the tiers need, builds, runs every tier and prints each tier's wall time.
// `node scripts/test.mjs unit live` runs only the named tiers. A tier that cannot run fails the run.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './lib/deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

const tiers = {
  static: [
    ['npx', ['tsc', '-p', '.']],
    ['npx', ['eslint', '.']],
  ],
  // Each unit file is a process that spends most of its time starting; node's default leaves one core idle.
  unit: [[node, ['--test', `--test-concurrency=${availableParallelism()}`, '--test-reporter=spec', 'out/test/unit/']]],
  package: [[node, ['--test', '--test-reporter=spec', 'out/test/package/']]],
  live: [[node, ['out/test/live/run.js']]],
  vscode: [[node, ['out/test/vscode/run.js']]],
};

const asked = process.argv.slice(2);
const unknown = asked.filter((t) => !(t in tiers));
if (unknown.length > 0) {
  console.error(`Unknown tier(s): ${unknown.join(', ')}. Tiers: ${Object.keys(tiers).join(', ')}`);
  process.exit(2);
}
const selected = asked.length > 0 ? asked : Object.keys(tiers);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

if (!ensureDebianPackages(selected)) process.exit(1);

const buildStart = Date.now();
if (!run(node, ['scripts/build.mjs', '--tests'])) process.exit(1);
const results = [['build', true, Date.now() - buildStart]];

for (const tier of selected) {
  console.log(`\n=== ${tier} ===`);
  const start = Date.now();
  const ok = tiers[tier].every(([command, args]) => run(command, args));
  results.push([tier, ok, Date.now() - start]);
}

console.log('\n tier      result  wall time');
for (const [tier, ok, ms] of results) {
  console.log(` ${tier.padEnd(9)} ${(ok ? 'pass' : 'FAIL').padEnd(7)} ${(ms / 1000).toFixed(1)} s`);
}
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
