// The test harness's last resort after a cut-short vscode run: servers found by the run's temp folder are killed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { killByMarker } from '../harness/process';

test('killByMarker kills the processes whose command line names the marker, and only those', async () => {
  const marker = `/tmp/bd-cs-test-${randomBytes(6).toString('hex')}`;
  const spawnIdle = (tag: string) => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)', tag], { detached: true, stdio: 'ignore' });
  const marked = spawnIdle(`${marker}/rgw.conf`);
  const other = spawnIdle('/tmp/bd-cs-someone-else');
  const exited = new Promise<NodeJS.Signals | null>((resolve) => marked.once('exit', (_code, signal) => resolve(signal)));
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(killByMarker(marker), 1);
    assert.equal(await exited, 'SIGKILL');
    assert.equal(other.exitCode, null, 'a process without the marker keeps running');
  } finally {
    other.kill('SIGKILL');
    marked.kill('SIGKILL');
  }
});
