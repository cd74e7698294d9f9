// Test Bucket Access end to end: the command on the examples/ bucket `acme-labeling-prod`, pointed (through a
// temporary examples/.bucket-doctor.json) at a real Ceph RADOS Gateway that enforces a bucket policy: a writer passes,
// a reader is denied on write, and the report, the live diagnostics and a screenshot of the report show it.
// The gateway comes from the live tier's BD_LIVE_* variables when set, else this suite starts its own.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import type { Frame, Page } from 'playwright-core';
import * as vscode from 'vscode';
import type { AccessReport } from '../../../src/core/access/report';
import { createRgwUser, startRgw, type Rgw, type S3Credentials } from '../../harness/rgw';
import { bucketDoctor, until } from './helpers';

const bucket = 'acme-labeling-prod';
const liveSource = 'Bucket Doctor (live)';
const credentialVariables = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

interface Gateway {
  endpoint: string;
  region: string;
  owner: S3Credentials;
  createUser(uid: string): Promise<S3Credentials>;
  stop(): Promise<void>;
}

/** The live tier's gateway when its variables are set (they reach code-server's extension host), else a new one. */
async function gateway(): Promise<Gateway> {
  const { BD_LIVE_S3_ENDPOINT: endpoint, BD_LIVE_RGW_CONF: conf, BD_LIVE_S3_ACCESS_KEY_ID: id, BD_LIVE_S3_SECRET_ACCESS_KEY: secret } = process.env;
  if (endpoint && conf && id && secret) {
    return { endpoint, region: process.env.BD_LIVE_S3_REGION ?? 'us-east-1', owner: { accessKeyId: id, secretAccessKey: secret }, createUser: (uid) => createRgwUser(conf, uid), stop: async () => undefined };
  }
  const rgw: Rgw = await startRgw();
  return { endpoint: rgw.endpoint, region: rgw.region, owner: rgw.owner, createUser: (uid) => rgw.createUser(uid), stop: () => rgw.stop() };
}

/**
 * The origin of the code-server this extension host belongs to, read from the `--bind-addr` of the nearest ancestor
 * process that has one (the host itself only sees file: URIs).
 */
function codeServerOrigin(): string {
  let pid = process.ppid;
  for (let depth = 0; pid > 1 && depth < 10; depth++) {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const bind = args.indexOf('--bind-addr');
    if (bind !== -1 && args[bind + 1]) return `http://${args[bind + 1]}`;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  throw new Error('this extension host does not run under code-server: the report screenshot needs its workbench');
}

/** Runs a command from the palette; retried until the palette lists it (contributions load with the extension host). */
async function runFromPalette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    const listed = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (listed) break;
    await page.keyboard.press('Escape');
    if (attempt > 10) throw new Error(`the command palette never listed ${title}`);
  }
  await page.keyboard.press('Enter');
}

/** The frame of the report webview once it shows a verdict (webviews are frames inside frames of the workbench). */
async function reportFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if ((await frame.locator('.verdict').count().catch(() => 0)) > 0) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the report webview never showed a verdict');
}

function examplesFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder && folder.uri.path.endsWith('/examples'), `the examples/ workspace is open (got ${folder?.uri.toString()})`);
  return folder;
}

function liveDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === liveSource);
}

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('bucketDoctor.report'));
}

suite('Test Bucket Access', function () {
  this.timeout(120_000);
  let server: Gateway | undefined;
  let writer: S3Credentials;
  let reader: S3Credentials;
  let admin: S3Client;
  const saved = Object.fromEntries(credentialVariables.map((name) => [name, process.env[name]]));
  const configPath = () => join(examplesFolder().uri.fsPath, '.bucket-doctor.json');
  const valuesUri = () => vscode.Uri.joinPath(examplesFolder().uri, 'lse-values.yaml');

  /** The credentials the next run uses: the SDK's default chain reads them from this process's environment. */
  function runAs(credentials: S3Credentials): void {
    for (const name of credentialVariables) delete process.env[name];
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  }

  async function testAccess(): Promise<AccessReport> {
    const report = await vscode.commands.executeCommand<AccessReport | undefined>('bucketDoctor.testBucketAccess', `s3:${bucket}`);
    assert.ok(report, 'the command returned a report');
    return report;
  }

  async function probesLeft(): Promise<string[]> {
    const out = await admin.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'lse/' }));
    return (out.Contents ?? []).map((o) => o.Key ?? '').filter((k) => k.includes('.bucket-doctor-probe-'));
  }

  suiteSetup(async function () {
    this.timeout(180_000);
    await bucketDoctor().activate();
    server = await gateway();
    admin = new S3Client({ region: server.region, endpoint: server.endpoint, forcePathStyle: true, credentials: server.owner });
    const suffix = Date.now().toString(36);
    [writer, reader] = await Promise.all([server.createUser(`bd-writer-${suffix}`), server.createUser(`bd-reader-${suffix}`)]);
    await admin.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
      if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
    });
    const user = (uid: string) => `arn:aws:iam:::user/${uid}`;
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: [user(`bd-writer-${suffix}`)] }, Action: ['s3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`] },
        { Effect: 'Allow', Principal: { AWS: [user(`bd-writer-${suffix}`)] }, Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [`arn:aws:s3:::${bucket}/lse/*`] },
        { Effect: 'Allow', Principal: { AWS: [user(`bd-reader-${suffix}`)] }, Action: ['s3:ListBucket', 's3:GetObject'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] },
      ],
    };
    await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const config = { buckets: [{ name: bucket, provider: 's3', endpoint: server.endpoint, region: server.region, policies: ['iam/lse-storage-policy.json'] }] };
    await writeFile(configPath(), `${JSON.stringify(config, null, 2)}\n`);
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(configPath(), { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await server?.stop();
  });

  test('a writer passes every check of lse-persistence; the report panel opens', async () => {
    runAs(writer);
    const report = await testAccess();
    assert.deepEqual(
      report.checks.map((c) => [c.operation, c.result]),
      [
        // RGW has no STS: the identity check is skipped, not failed.
        ['identity', 'skipped'],
        ['list', 'passed'],
        ['put', 'passed'],
        ['get', 'passed'],
        ['delete', 'passed'],
      ],
    );
    assert.equal(report.bucket, bucket);
    assert.equal(report.endpoint, server?.endpoint);
    assert.deepEqual(report.leftovers, []);
    assert.deepEqual(report.source?.file, 'lse-values.yaml');
    assert.ok(report.notes.some((n) => n.includes('arn:aws:iam::123456789012:role/lse-storage')), 'the note says the checks ran as the caller, not the IRSA role');
    await until(() => reportTabs().some((t) => t.label.includes(bucket)), 'the report panel of the bucket is open');
    assert.equal(reportTabs().length, 1);
    assert.deepEqual(liveDiagnostics(valuesUri()), []);
    assert.deepEqual(await probesLeft(), []);
  });

  test('a reader is denied on write: the row says so, the config line gets a live problem, no probe is left', async () => {
    runAs(reader);
    const report = await testAccess();
    assert.deepEqual(
      report.checks.map((c) => [c.operation, c.result, c.operation === 'identity' ? '' : (c.code ?? '')]),
      [
        ['identity', 'skipped', ''],
        ['list', 'passed', ''],
        ['put', 'denied', 'AccessDenied'],
        ['get', 'skipped', ''],
        ['delete', 'skipped', ''],
      ],
    );
    assert.equal(report.checks[2].action, 's3:PutObject');
    assert.equal(report.identity, 'the AWS default credential chain');
    await until(() => liveDiagnostics(valuesUri()).length === 1, 'the live problem appears on lse-values.yaml');
    const [problem] = liveDiagnostics(valuesUri());
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.code, 'put');
    assert.equal(problem.range.start.line + 1, report.source?.range.start.line);
    assert.match(problem.message, /denied \(AccessDenied\)/);
    assert.equal(reportTabs().length, 1, 'the same panel is reused for the bucket');
    assert.deepEqual(await probesLeft(), []);
  });

  test('a passing re-test clears the live problem', async () => {
    runAs(writer);
    const report = await testAccess();
    assert.ok(report.checks.every((c) => c.result === 'passed' || c.operation === 'identity'));
    await until(() => liveDiagnostics(valuesUri()).length === 0, 'the live problem is cleared');
  });

  test('a screenshot of the report in a second workbench, driven from the command palette', async function () {
    this.timeout(120_000);
    const extension = bucketDoctor().extensionUri;
    const origin = codeServerOrigin();
    // The second window's extension host has code-server's environment, not this process's: it reads the default
    // profile from the shared credentials file, which must be this run's own HOME, never a user's.
    const home = homedir();
    assert.ok(home.includes(`${sep}.vscode-test${sep}`), `HOME is the run's own folder (got ${home})`);
    const awsDir = join(home, '.aws');
    await mkdir(awsDir, { recursive: true });
    await writeFile(join(awsDir, 'credentials'), `[default]\naws_access_key_id = ${reader.accessKeyId}\naws_secret_access_key = ${reader.secretAccessKey}\n`, { mode: 0o600 });
    const { chromium } = await import('playwright-core');
    const profile = join(tmpdir(), `bd-report-shot-${Date.now()}`);
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(origin).host}${extension.path}`]]);
      await page.goto(`${origin}/?folder=${encodeURIComponent(examplesFolder().uri.path)}&payload=${encodeURIComponent(payload)}`);
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await runFromPalette(page, 'Bucket Doctor: Test Bucket Access');
      // More than one bucket is configured in examples/: pick the one under test.
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: bucket }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await input.fill(bucket);
      await page.keyboard.press('Enter');
      const frame = await reportFrame(page);
      // The progress notification closes once the run is over; it would cover the report's lower right.
      await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
      await page.mouse.move(700, 850);
      const rows = (await frame.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      const verdict = ((await frame.locator('.verdict').textContent()) ?? '').trim();
      const png = await page.screenshot();
      assert.equal(verdict, 'FAILED');
      assert.equal(rows.length, 5, rows.join('\n'));
      assert.match(rows[0], /Identity.*skipped/);
      assert.match(rows[1], /List objects.*passed/);
      assert.match(rows[2], /Write probe object.*denied.*AccessDenied.*iam\/lse-storage-policy\.json:11/);
      assert.match(rows[3], /Read probe object back.*skipped/);
      const results = join(extension.fsPath, 'test-results');
      await mkdir(results, { recursive: true });
      await writeFile(join(results, 'test-bucket-access-report.png'), png);
      assert.ok(existsSync(join(results, 'test-bucket-access-report.png')));

      // The denied row links to the statement that grants the write in the attached policy: it opens there.
      await frame.locator('vscode-table-row a.link').first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'lse-storage-policy.json' }).waitFor({ state: 'visible', timeout: 10_000 });
      await page.locator('.editor-group-container .monaco-editor .current-line').first().waitFor({ state: 'visible', timeout: 10_000 });
      const statusLine = (await page.locator('.statusbar-item[id$="status.editor.selection"]').first().textContent({ timeout: 10_000 })) ?? '';
      assert.match(statusLine, /Ln 11, Col 5/);

      // "Copy as Markdown" puts the table for a ticket on the clipboard.
      await browser.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.locator('.tabs-container .tab', { hasText: `Access: ${bucket}` }).click();
      await (await reportFrame(page)).locator('vscode-button', { hasText: 'Copy as Markdown' }).click();
      await page.locator('.notification-toast', { hasText: `Copied the report of ${bucket} as Markdown.` }).waitFor({ state: 'visible', timeout: 10_000 });
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(markdown, /^### Test Bucket Access: `acme-labeling-prod` \(s3\) — FAILED/);
      assert.match(markdown, /\| Write probe object \| required \| denied \| AccessDenied \|/);

      // "Reload Window" restores the panel from the state its webview kept (the serializer), without a new run.
      await runFromPalette(page, 'Developer: Reload Window');
      const restored = await reportFrame(page);
      const after = (await restored.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.deepEqual(after, rows);
    } catch (error) {
      await browser.pages()[0]?.screenshot({ path: join(extension.fsPath, 'test-results', 'test-bucket-access-failed.png') }).catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
      await rm(join(awsDir, 'credentials'), { force: true });
    }
  });
});
