// `npm run screenshots`: regenerates the README's pictures from the real demo. Starts what `npm start` starts (demo
// buckets, code-server with the demo workspace), drives the workbench in headless Chromium as a user would, and writes
//   docs/images/buckets-view.png   the Buckets view with a demo bucket expanded to its sample objects
//   docs/images/access-report.png  Test Bucket Access on the writer's bucket (PASSED) and the reader's (FAILED)
// Each picture is kept only when the DOM right after the capture shows what it should. Stops everything it started.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './lib/deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const images = join(root, 'docs', 'images');
const viewport = { width: 1280, height: 800 };

if (!ensureDebianPackages(['live', 'vscode'])) process.exit(1);
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const require = createRequire(import.meta.url);
const { startDemo } = require(join(root, 'out', 'test', 'harness', 'demo.js'));
const { demoBucketsFolder } = require(join(root, 'out', 'test', 'harness', 'demo-workspace.js'));
const { assertNoSurvivors, launchBrowser, reportFrame, runFromPalette, showBucketDoctor, sideBarContents } = require(join(root, 'out', 'test', 'harness', 'workbench.js'));

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();

/** Cleanup steps, run once, last first, on success, failure or a signal. */
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    let ok = true;
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        ok = false;
        console.error(`cleanup FAILED: ${error instanceof Error ? error.message : error}`);
      }
    }
    return ok;
  })();
  return cleaning;
}
const aborter = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the browser, code-server and the demo buckets...`);
    aborter.abort();
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

/** Opens a workspace file with Quick Open. */
async function openFile(page, path) {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container .tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
}

/** Drags the side bar's right edge to `x`, so the tree's descriptions show in full. */
async function widenSideBar(page, x) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('no side bar to widen');
  const edge = { x: box.x + box.width + 1, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(x, edge.y, { steps: 10 });
  await page.mouse.up();
}

/** Expands the tree row labelled `label` and waits for one of its children. */
async function expand(rows, label, child) {
  const row = rows.filter({ hasText: label }).first();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await rows.filter({ hasText: child }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Runs Test Bucket Access on `name` from the palette; the report's text once it shows a verdict. */
async function testBucket(page, name) {
  await runFromPalette(page, 'Bucket Doctor: Test Bucket Access');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.quick-input-widget .quick-input-box input').fill(name);
  await page.keyboard.press('Enter');
  const frame = await reportFrame(page, name);
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
  const verdict = ((await frame.locator('.verdict').textContent()) ?? '').trim();
  const rows = (await frame.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  console.log(`  ${name}: ${verdict} — ${rows.join(' | ')}`);
  return { verdict, rows };
}

async function main() {
  // A demo of its own beside any `npm start`, from a fresh user data dir: no layout or reports of earlier runs.
  const dir = join(root, '.vscode-test', 'screenshots');
  rmSync(dir, { recursive: true, force: true });
  const demo = await startDemo({ root, dir, signal: aborter.signal, settings: { 'editor.minimap.enabled': false } });
  cleanups.push(async () => {
    await demo.stop();
    assertNoSurvivors(demo.server.processGroup, 'code-server');
  });
  if (!demo.buckets) throw new Error(`the demo buckets did not start: ${demo.bucketsProblem}`);
  const { s3, azure } = demo.buckets;
  console.log(`demo on ${demo.server.url} after ${seconds(Date.now() - started)}`);

  const browser = await launchBrowser(viewport);
  cleanups.push(async () => {
    await browser.close();
    assertNoSurvivors(undefined, 'chromium', browser.profile);
  });
  const { page } = browser;
  await page.goto(demo.url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  mkdirSync(images, { recursive: true });

  // The Buckets view next to the file that configures the demo buckets, one bucket open down to its objects.
  await openFile(page, `${demoBucketsFolder}/.bucket-doctor.json`);
  const rows = await showBucketDoctor(page, [s3.passing.name, s3.deniedWrites.name, azure.container]);
  await widenSideBar(page, 650);
  await expand(rows, s3.passing.name, 'images/');
  await expand(rows, 'images/', 'cat-0001.jpg');
  await page.mouse.move(1000, 700);
  await page.waitForTimeout(500);
  const view = await page.screenshot();
  const shown = await sideBarContents(page);
  const wanted = [s3.passing.name, 'images/', 'cat-0001.jpg', 'cat-0002.jpg', 'tasks/', s3.deniedWrites.name, azure.container];
  const missing = wanted.filter((label) => !shown.rows.some((row) => row.includes(label)));
  if (missing.length > 0) throw new Error(`the Buckets view does not show ${missing.join(', ')}: ${JSON.stringify(shown)}`);
  writeFileSync(join(images, 'buckets-view.png'), view);
  console.log(`docs/images/buckets-view.png: ${shown.rows.join(' | ')}`);

  // Both outcomes of Test Bucket Access side by side, with the side bar out of the way.
  await runFromPalette(page, 'View: Close All Editors');
  const writer = await testBucket(page, s3.passing.name);
  const reader = await testBucket(page, s3.deniedWrites.name);
  await runFromPalette(page, 'View: Close Primary Side Bar');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.mouse.move(1000, 780);
  await page.waitForTimeout(1000);
  const report = await page.screenshot();
  const denied = reader.rows.find((row) => /^Write probe object/.test(row));
  if (writer.verdict !== 'PASSED') throw new Error(`${s3.passing.name} did not pass: ${writer.rows.join(' | ')}`);
  if (reader.verdict !== 'FAILED' || !denied || !/denied.*AccessDenied/.test(denied)) throw new Error(`${s3.deniedWrites.name} was not denied the write: ${reader.rows.join(' | ')}`);
  writeFileSync(join(images, 'access-report.png'), report);
  console.log('docs/images/access-report.png: PASSED and FAILED reports side by side');
}

let ok = true;
try {
  await main();
} catch (error) {
  ok = false;
  console.error(`screenshots FAILED: ${error instanceof Error ? error.message : error}`);
}
if (!(await cleanup())) ok = false;
console.log(`screenshots ${ok ? 'done' : 'FAILED'}; wall time ${seconds(Date.now() - started)}`);
process.exit(ok ? 0 : 1);
