// Child processes for test servers: each in its own process group, so stopping it leaves no orphans behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Started {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr), for error messages. */
  output(): string;
  /** Kills the whole process group and waits for the leader to exit. */
  stop(): Promise<void>;
}

/** Starts `command` detached (a new process group), capturing its output. */
export function startProcess(command: string, args: string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    output: () => log,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      // Group members other than the leader may outlive it; make sure they are gone too.
      killGroup(child, 'SIGKILL');
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGKILLs every process whose command line mentions `marker` (a run's private temp folder); returns how many. */
export function killByMarker(marker: string): number {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    } catch {
      // The process exited while we looked.
    }
  }
  return killed;
}

/** Resolves with the first match of `pattern` in the process output; rejects on exit or after `timeoutMs`. */
export function waitForOutput(started: Started, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const match = started.output().match(pattern);
      if (match) finish(() => resolve(match));
      return match !== null;
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`process exited (${code}) before printing ${pattern}:\n${started.output()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${started.output()}`))),
      timeoutMs,
    );
    const onData = () => void check();
    function finish(settle: () => void) {
      clearTimeout(timer);
      started.child.stdout?.off('data', onData);
      started.child.stderr?.off('data', onData);
      started.child.off('exit', onExit);
      settle();
    }
    started.child.stdout?.on('data', onData);
    started.child.stderr?.on('data', onData);
    started.child.once('exit', onExit);
    check();
  });
}

/** Polls `url` until it answers with `status` (any status when omitted). */
export async function waitForHttp(url: string, timeoutMs: number, status?: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (status === undefined || res.status === status) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer${status ? ` ${status}` : ''} within ${timeoutMs} ms (last: ${last})`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
