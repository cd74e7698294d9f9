// The vscode tier: runs out/test/vscode/suite/*.test.js inside a real VS Code extension host with examples/ open.
// Run from the repo root after `node scripts/build.mjs --tests`: `node out/test/vscode/run.js`.
//
// With VSCODE_EXECUTABLE set, a desktop VS Code runs the suites through @vscode/test-electron. Otherwise code-server
// 4.100.3 (VS Code 1.100.3, installed once into .vscode-test/) serves the workbench, Debian's Chromium opens it
// through playwright-core in extension-test mode, and after the run the same workbench is screenshotted with the
// Bucket Doctor view open: test-results/workbench-bucket-doctor.png.
//
// Exit code: 0 when every test passed and the screenshot shows the view; 1 on any failure, including a tier that
// cannot run (it never skips); 130/143 after SIGINT/SIGTERM.
import { runTests } from '@vscode/test-electron';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { codeServerVersion, ensureCodeServer, findRepoRoot, startCodeServer, type CodeServer } from '../harness/code-server';
import { assertNoSurvivors, closeAllEditors, launchBrowser, quickOpen, showBucketDoctor, sideBarContents } from '../harness/workbench';

const root = findRepoRoot(__dirname);
const examples = join(root, 'examples');
const testsIndex = join(root, 'out', 'test', 'vscode', 'index.js');
const screenshotPath = join(root, 'test-results', 'workbench-bucket-doctor.png');
const failedScreenshotPath = join(root, 'test-results', 'workbench-bucket-doctor-failed.png');
const diagnosticsScreenshotPath = join(root, 'test-results', 'workbench-diagnostics.png');
/** The whole test run inside the workbench, from navigation to codeAutomationExit. */
const testTimeoutMs = Number(process.env.BD_VSCODE_TIMEOUT_MS ?? 300_000);
/** Labels the Buckets view shows for examples/: a provider group, its buckets, the conflict and policy-only groups. */
const expectedTreeLabels = ['Amazon S3', 'acme-labeling-prod', 'acme-labeling-staging', 'Conflicting buckets', 'Referenced by policies'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Cleanup steps for the resources started so far, run once (last first) on success, failure or a signal. */
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<string[]> | undefined;
/** Runs every cleanup step; resolves with the problems (a process left behind fails the run too). */
function cleanup(): Promise<string[]> {
  cleaning ??= (async () => {
    const problems: string[] = [];
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        problems.push(errorMessage(error));
      }
    }
    return problems;
  })();
  return cleaning;
}

function assertBuilt(): void {
  const missing = [join(root, 'dist', 'extension.js'), testsIndex].filter((f) => !existsSync(f));
  const suiteDir = join(root, 'out', 'test', 'vscode', 'suite');
  if (!existsSync(suiteDir) || !readdirSync(suiteDir).some((f) => f.endsWith('.test.js'))) missing.push(`${suiteDir}/*.test.js`);
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')}. Run \`node scripts/build.mjs --tests\` first.`);
}

async function runWithDesktopVsCode(executable: string): Promise<void> {
  console.log(`VS Code: ${executable} (VSCODE_EXECUTABLE)`);
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsIndex,
    launchArgs: [examples, '--disable-extensions'],
  });
}

/**
 * Fills printf-style placeholders the way a browser console does: the workbench relays the extension host's
 * console.log(format, ...args) with the format unexpanded, and Playwright reports the raw arguments.
 */
function formatConsoleArgs(args: unknown[]): string {
  const show = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value));
  if (typeof args[0] !== 'string') return args.map(show).join(' ');
  const rest = args.slice(1);
  const text = args[0].replace(/%([sdifoOjc%])/g, (whole, kind: string) => {
    if (kind === '%') return '%';
    if (rest.length === 0) return whole;
    const value = rest.shift();
    switch (kind) {
      case 'c':
        return '';
      case 's':
        return typeof value === 'string' ? value : show(value);
      case 'd':
      case 'i':
        return String(Math.trunc(Number(value)));
      case 'f':
        return String(Number(value));
      default:
        return show(value);
    }
  });
  return [text, ...rest.map(show)].join(' ');
}

/** What index.ts prints around the run; the runner relays what the page logs in between. */
const startMarker = /^\[vscode-tests\] start\b/;
const endMarker = /^\[vscode-tests\] end\b/;

/**
 * The page's console messages as text. The workbench logs the extension host's console.log(format, ...args) through
 * its log service as ("%c INFO", css, format, ...args); the level prefix is dropped, the format filled in.
 */
function consoleText(args: unknown[]): { level: string; text: string } {
  const logged = typeof args[0] === 'string' ? /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)$/.exec(args[0]) : null;
  if (logged && args.length >= 3) return { level: logged[1], text: formatConsoleArgs(args.slice(2)) };
  return { level: '', text: formatConsoleArgs(args) };
}

/** Relays the test run's console (mocha's reporter) to stdout in order; keeps the rest for a failure report. */
class ConsoleRelay {
  private chain = Promise.resolve();
  private relaying = false;
  /** Everything outside the test run (the workbench starting and stopping), shown only when the run fails. */
  readonly workbench: string[] = [];

  attach(page: Page): void {
    page.on('console', (message) => {
      this.chain = this.chain.then(() => this.relay(message));
    });
    page.on('pageerror', (error) => this.workbench.push(`[pageerror] ${error.message}`));
  }

  /** Waits until every message received so far is handled. */
  flush(): Promise<void> {
    return this.chain;
  }

  private async relay(message: ConsoleMessage): Promise<void> {
    const args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => a.toString())));
    const { level, text } = args.length > 0 ? consoleText(args) : { level: '', text: message.text() };
    if (startMarker.test(text)) this.relaying = true;
    if (!this.relaying) {
      this.workbench.push(`[${message.type()}] ${level ? `${level} ` : ''}${text}`);
      return;
    }
    if (endMarker.test(text)) this.relaying = false;
    const isError = message.type() === 'error' || level === 'ERR';
    (isError ? process.stderr : process.stdout).write(`${isError && level ? `${level} ` : ''}${text}\n`);
  }
}

function timeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message())), ms);
    }),
  ]);
}

/** Opens `file` with Quick Open and the Problems panel, and waits until the panel lists a finding of `ruleId`. */
async function showDiagnostics(page: Page, file: string, ruleId: string): Promise<number> {
  await closeAllEditors(page);
  await quickOpen(page, file);
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.filter({ hasText: ruleId }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.mouse.move(900, 300);
  return rows.count();
}

async function runWithCodeServer(): Promise<void> {
  const installStart = Date.now();
  await ensureCodeServer(root);
  const serverStart = Date.now();
  if (serverStart - installStart > 1000) console.log(`code-server ready to start after ${seconds(serverStart - installStart)}`);

  const server: CodeServer = await startCodeServer({ workspace: examples, root });
  cleanups.push(async () => {
    await server.stop();
    assertNoSurvivors(server.processGroup, 'code-server');
  });
  console.log(`code-server ${codeServerVersion} on ${server.url} (started in ${seconds(Date.now() - serverStart)})`);

  // A picture from an earlier run must not pass for this one's.
  await mkdir(dirname(screenshotPath), { recursive: true });
  await rm(screenshotPath, { force: true });
  await rm(failedScreenshotPath, { force: true });
  // This runner stops the browser itself, after code-server's tests, on every path.
  const browser = await launchBrowser();
  cleanups.push(async () => {
    await browser.close();
    assertNoSurvivors(undefined, 'chromium', browser.profile);
  });
  const { page } = browser;
  const relay = new ConsoleRelay();
  relay.attach(page);
  let exitCode: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exitCode = resolve));
  // The workbench calls this when the extension host's run() settles: 0 = passed, anything else = failed.
  await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));

  const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(testsIndex)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const testsStart = Date.now();
  await page.goto(url);
  let code: number;
  try {
    code = await timeout(exited, testTimeoutMs, () => `the tests did not finish within ${seconds(testTimeoutMs)} (the workbench never called codeAutomationExit)`);
  } catch (error) {
    await relay.flush();
    printDiagnostics(relay, server.userDataDir);
    await page.screenshot({ path: failedScreenshotPath }).catch(() => undefined);
    throw error;
  }
  await relay.flush();
  console.log(`tests finished in ${seconds(Date.now() - testsStart)} with exit code ${code}`);

  // The workbench stops the extension host once the tests are done, which empties the Buckets view. Reload the
  // same workbench with the extension in development mode but no tests, then show the view as a user opens it.
  let screenshotError: unknown;
  try {
    const viewStart = Date.now();
    const development = [['extensionDevelopmentPath', remote(root)]];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(development))}`);
    await showBucketDoctor(page, expectedTreeLabels);
    // A policy with its CodeLens beside the tree, instead of whatever editors the tests left open.
    await closeAllEditors(page);
    await quickOpen(page, 'iam/lse-storage-policy.json');
    await page.locator('.codelens-decoration', { hasText: 'Label Studio Enterprise persistence' }).first().waitFor({ timeout: 15_000 });
    await page.mouse.move(900, 600);
    const png = await page.screenshot();
    // The DOM right after the capture must hold the view and the example files, or the picture is not kept.
    const shown = await sideBarContents(page);
    const missing = expectedTreeLabels.filter((label) => !shown.rows.some((row) => row.includes(label)));
    const titled = /Buckets/i.test(shown.title) || shown.headers.some((h) => /^Buckets\b/i.test(h));
    if (!titled || missing.length > 0) {
      throw new Error(`the screenshot does not show the Buckets view listing examples/ (missing: ${missing.join(', ') || 'the "Buckets" title'}): ${JSON.stringify(shown)}`);
    }
    await writeFile(screenshotPath, png);
    console.log(`screenshot ${screenshotPath} after ${seconds(Date.now() - viewStart)}: side bar "${shown.title}", rows: ${shown.rows.join(' | ')}`);
    const problems = await showDiagnostics(page, 'gke/lse-values.yaml', 'values/unknown-key');
    await page.screenshot({ path: diagnosticsScreenshotPath });
    console.log(`screenshot ${diagnosticsScreenshotPath}: gke/lse-values.yaml open, ${problems} problems listed`);
  } catch (error) {
    screenshotError = error;
    await page.screenshot({ path: failedScreenshotPath }).catch(() => undefined);
  }

  if (code !== 0 || screenshotError) printDiagnostics(relay, server.userDataDir);
  if (code !== 0) {
    if (screenshotError) console.error(`screenshot also failed: ${errorMessage(screenshotError)}`);
    throw new Error(`VS Code tests failed (exit code ${code})`);
  }
  if (screenshotError) throw screenshotError;
}

/** Error entries of the extension host's log (an activation failure lands there, not on the console). */
function extensionHostErrors(userDataDir: string): string[] {
  const errors: string[] = [];
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return errors;
  for (const session of readdirSync(logs)) {
    for (const host of readdirSync(join(logs, session)).filter((d) => d.startsWith('exthost'))) {
      const file = join(logs, session, host, 'remoteexthost.log');
      if (!existsSync(file)) continue;
      // An entry is a timestamped line plus its continuation lines (a stack).
      const entries = readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d )/);
      for (const entry of entries) if (/^\S+ \S+ \[error\]/.test(entry)) errors.push(entry.split('\n').slice(0, 8).join('\n'));
    }
  }
  return errors;
}

/** What explains a failure: the workbench's console and the extension host log's errors. */
function printDiagnostics(relay: ConsoleRelay, userDataDir: string): void {
  if (relay.workbench.length > 0) {
    console.error(`--- workbench console (last 40 of ${relay.workbench.length}) ---`);
    for (const line of relay.workbench.slice(-40)) console.error(line);
    console.error('--- end of workbench console ---');
  }
  const errors = extensionHostErrors(userDataDir);
  if (errors.length > 0) console.error(`--- extension host log: errors ---\n${errors.join('\n')}\n--- end of extension host log ---`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the browser and code-server...`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = false;
  try {
    assertBuilt();
    const executable = process.env.VSCODE_EXECUTABLE;
    if (executable) await runWithDesktopVsCode(executable);
    else await runWithCodeServer();
  } catch (error) {
    failed = true;
    console.error(`vscode tier FAILED: ${errorMessage(error)}`);
  }
  const problems = await cleanup();
  for (const problem of problems) console.error(`cleanup FAILED: ${problem}`);
  if (problems.length > 0) failed = true;
  console.log(`vscode tier ${failed ? 'FAILED' : 'passed'}; wall time ${seconds(Date.now() - started)}`);
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
