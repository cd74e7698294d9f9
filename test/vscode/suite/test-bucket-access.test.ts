// Test Bucket Access end to end: the command on the examples/ bucket `acme-labeling-prod`, pointed (through a
// temporary examples/.bucket-doctor.json) at a real Ceph RADOS Gateway that enforces a bucket policy: a writer passes,
// a reader is denied on write, and the report, the live diagnostics and a screenshot of the report show it.
// The gateway comes from the live tier's BD_LIVE_* variables when set, else this suite starts its own.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient, ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { Frame, Page } from 'playwright-core';
import * as vscode from 'vscode';
import { accessPlan } from '../../../src/core/access/plan';
import { reportPassed, type AccessReport, type CheckRow } from '../../../src/core/access/report';
import { profiles } from '../../../src/core/iam/profiles';
import { testAccessCommand } from '../../../src/cli/test-access-command';
import type { S3Credentials } from '../../harness/rgw';
import { reportFrame, runFromPalette } from '../../harness/workbench';
import { blobServer, bucketConfigPath, bucketDoctor, codeServerArg, examplesFolder, gateway, keepFile, openWindow, secondWindowRunsAs, until, type BlobServer, type Gateway } from './helpers';

const bucket = 'acme-labeling-prod';
/** The IRSA role examples/lse-values.yaml annotates: not simulated, since the bucket is on a local gateway, not AWS. */
const roleArn = 'arn:aws:iam::123456789012:role/lse-storage';
const liveSource = 'Bucket Doctor (live)';
const credentialVariables = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/** Runs Test Bucket Access from the palette on `name` (agreeing to use file credentials if asked); the report's frame. */
/** How the second window answers the questions of a run: agree to use file credentials, or type an Azure secret. */
interface Answers {
  consent?: boolean;
  azureSecret?: string;
}

async function testFromPalette(page: Page, name: string, answers: Answers = {}): Promise<Frame> {
  await runFromPalette(page, 'Bucket Doctor: Test Bucket Access');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // More than one bucket is configured in examples/: pick the one under test.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(name);
  await page.keyboard.press('Enter');
  if (answers.consent) await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Use Them' }).click({ timeout: 30_000 });
  if (answers.azureSecret !== undefined) {
    const secret = page.locator('.quick-input-widget input[type="password"]');
    await secret.waitFor({ state: 'visible', timeout: 30_000 });
    await secret.fill(answers.azureSecret);
    await page.keyboard.press('Enter');
  }
  const frame = await reportFrame(page, name);
  // The progress notification closes once the run is over; it would cover the report's lower right.
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
  return frame;
}

/** Every file under `dir` holding `needle` (as UTF-8 or UTF-16), read as bytes. */
async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch(() => Buffer.alloc(0));
    if (patterns.some((p) => bytes.includes(p))) found.push(path);
  }
  return found;
}

function liveDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === liveSource);
}

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('bucketDoctor.report'));
}

/** `[operation, result, code]` of the live rows; the identity row's code is whatever the gateway answers STS with. */
const outcomes = (report: AccessReport) => report.checks.map((c) => [c.operation, c.result, c.operation === 'identity' ? '' : (c.code ?? '')]);

function row(report: AccessReport, operation: string): CheckRow {
  const found = report.checks.find((c) => c.operation === operation);
  assert.ok(found, `the report has a ${operation} row: ${JSON.stringify(report.checks)}`);
  return found;
}

/** The role is an AWS IAM role but the bucket is on the local gateway: nothing is sent to AWS IAM, and the report says so. */
function assertRoleNotSimulated(report: AccessReport): void {
  assert.deepEqual(report.checks.filter((c) => c.operation === 'simulate'), []);
  assert.ok(report.notes.some((n) => n.startsWith(`The role ${roleArn} was not simulated`)), JSON.stringify(report.notes));
}

suite('Test Bucket Access', function () {
  this.timeout(120_000);
  let server: Gateway | undefined;
  let blobs: BlobServer | undefined;
  const containers = { media: 'bd-azure-media', readOnly: 'bd-azure-readonly' };
  let users: { writer: string; reader: string; keeper: string };
  let writer: S3Credentials;
  let reader: S3Credentials;
  let keeper: S3Credentials;
  let admin: S3Client;
  const saved = Object.fromEntries(credentialVariables.map((name) => [name, process.env[name]]));
  let restoreConfig: (() => Promise<void>) | undefined;
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

  /** Writer: everything under lse/; reader: list and read; keeper: list, read and write but delete only when `keeperDeletes`. */
  async function setBucketPolicy(keeperDeletes: boolean): Promise<void> {
    const user = (uid: string) => `arn:aws:iam:::user/${uid}`;
    const objects = `arn:aws:s3:::${bucket}/lse/*`;
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: [user(users.writer), user(users.keeper)] }, Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [`arn:aws:s3:::${bucket}`] },
        { Effect: 'Allow', Principal: { AWS: [user(users.writer)] }, Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [objects] },
        { Effect: 'Allow', Principal: { AWS: [user(users.keeper)] }, Action: ['s3:GetObject', 's3:PutObject', ...(keeperDeletes ? ['s3:DeleteObject'] : [])], Resource: [objects] },
        { Effect: 'Allow', Principal: { AWS: [user(users.reader)] }, Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetObject'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] },
      ],
    };
    await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
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
    users = { writer: `bd-writer-${suffix}`, reader: `bd-reader-${suffix}`, keeper: `bd-keeper-${suffix}` };
    [writer, reader, keeper] = await Promise.all([server.createUser(users.writer), server.createUser(users.reader), server.createUser(users.keeper)]);
    await admin.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
      if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
    });
    await setBucketPolicy(false);
    blobs = await blobServer();
    const service = BlobServiceClient.fromConnectionString(blobs.connectionString);
    for (const container of Object.values(containers)) await service.getContainerClient(container).createIfNotExists();
    const config = {
      buckets: [
        { name: bucket, provider: 's3', endpoint: server.endpoint, region: server.region, policies: ['iam/lse-storage-policy.json'] },
        ...Object.values(containers).map((name) => ({ name, provider: 'azure', prefix: 'lse/' })),
      ],
    };
    restoreConfig = await keepFile(bucketConfigPath());
    await writeFile(bucketConfigPath(), `${JSON.stringify(config, null, 2)}\n`);
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await restoreConfig?.();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await server?.stop();
    await blobs?.stop();
  });

  test('a writer passes every check of lse-persistence; the report panel opens', async () => {
    runAs(writer);
    const report = await testAccess();
    assert.deepEqual(
      outcomes(report),
      [
        // RGW has no STS: the identity check is skipped, not failed.
        ['identity', 'skipped', ''],
        ['location', 'passed', ''],
        ['list', 'passed', ''],
        // examples/ names no Label Studio host (LABEL_STUDIO_HOST) and the setting is empty: no origin to ask about.
        ['cors', 'skipped', ''],
        ['encryption', 'passed', ''],
        ['put', 'passed', ''],
        ['get', 'passed', ''],
        ['presigned-get', 'passed', ''],
        ['delete', 'passed', ''],
        // No kms-put row: neither the configuration nor the bucket names a KMS key.
      ],
      JSON.stringify(report.checks, null, 1),
    );
    assertRoleNotSimulated(report);
    assert.ok(reportPassed(report));
    // The presigned URL lives as long as lse-values.yaml's urlExpirationSecs says.
    assert.match(row(report, 'presigned-get').hint ?? '', /signed for 86400 s/);
    assert.match(row(report, 'delete').hint ?? '', /confirmed it is gone/);
    assert.equal(report.bucket, bucket);
    assert.equal(report.endpoint, server?.endpoint);
    assert.deepEqual(report.leftovers, []);
    assert.deepEqual(report.source?.file, 'lse-values.yaml');
    assert.ok(report.notes.some((n) => n.includes('arn:aws:iam::123456789012:role/lse-storage')), 'the note says the checks ran as the caller, not the IRSA role');
    await until(() => reportTabs().some((t) => t.label.includes(bucket)), 'the report panel of the bucket is open');
    assert.equal(reportTabs().length, 1);
    // Every check passed: no live problem on the config line.
    assert.deepEqual(liveDiagnostics(valuesUri()), []);
    assert.deepEqual(await probesLeft(), []);
  });

  test('the editor runs the checks the CLI engine runs for the bucket, as the profile plans them', async () => {
    runAs(writer);
    const editor = await testAccess();
    let out = '';
    let err = '';
    const code = await testAccessCommand(['--bucket', bucket, '--format', 'json'], { cwd: examplesFolder().uri.fsPath, env: process.env, out: (t) => (out += t), err: (t) => (err += t) });
    assert.equal(code, 0, err);
    const cli = JSON.parse(out) as { identity: string; checks: { operation: string; required: boolean; result: string }[] };
    const shape = (checks: readonly { operation: string; required: boolean; result: string }[]) => checks.map((c) => [c.operation, c.required, c.result]);
    assert.deepEqual(shape(editor.checks), shape(cli.checks));
    assert.equal(editor.identity, cli.identity, 'both name the same source: the environment the SDK reads');
    // kms-put is planned and left out of the report when no KMS key applies.
    const planned = accessPlan({ protocol: 's3', profile: profiles['lse-persistence'], identity: true }).map((c) => c.operation);
    assert.deepEqual([...new Set(editor.checks.map((c) => c.operation))], planned.filter((op) => op !== 'kms-put'));
    assert.deepEqual(await probesLeft(), []);
  });

  test('a reader is denied on write: the row says so, the config line gets a live problem, no probe is left', async () => {
    runAs(reader);
    const report = await testAccess();
    assert.deepEqual(
      outcomes(report),
      [
        ['identity', 'skipped', ''],
        ['location', 'passed', ''],
        ['list', 'passed', ''],
        ['cors', 'skipped', ''],
        ['encryption', 'passed', ''],
        ['put', 'denied', 'AccessDenied'],
        ['get', 'skipped', ''],
        ['presigned-get', 'skipped', ''],
        // The write was refused: delete is still tested, on the probe key once it is proven free.
        ['delete', 'denied', 'AccessDenied'],
      ],
      JSON.stringify(report.checks, null, 1),
    );
    assert.equal(row(report, 'put').action, 's3:PutObject');
    assert.match(row(report, 'put').hint ?? '', /Grant s3:PutObject on arn:aws:s3:::acme-labeling-prod\/lse\/\*/);
    // The SDK's default chain found the keys in the environment, and the report says so (never the keys).
    assert.equal(report.identity, 'AWS credentials from the environment (AWS_ACCESS_KEY_ID)');
    const errors = () => liveDiagnostics(valuesUri()).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    await until(() => errors().length === 2, 'the live problems appear on lse-values.yaml');
    const [put, del] = errors();
    assert.deepEqual([put.code, del.code], ['put', 'delete']);
    assert.equal(put.range.start.line + 1, report.source?.range.start.line);
    assert.match(put.message, /denied \(AccessDenied\)/);
    assert.equal(reportTabs().length, 1, 'the same panel is reused for the bucket');
    assert.deepEqual(await probesLeft(), []);
  });

  test('a passing re-test clears the live problem', async () => {
    runAs(writer);
    const report = await testAccess();
    assert.ok(reportPassed(report));
    await until(() => liveDiagnostics(valuesUri()).every((d) => d.severity !== vscode.DiagnosticSeverity.Error), 'the live problems are cleared');
    assert.deepEqual(liveDiagnostics(valuesUri()), []);
  });

  test('credentials that cannot be used end the run with a message and no report; the last report stays', async () => {
    const settings = vscode.workspace.getConfiguration('bucketDoctor.aws');
    await settings.update('profile', 'bd-no-such-profile', vscode.ConfigurationTarget.Global);
    try {
      const result = await vscode.commands.executeCommand<AccessReport | undefined>('bucketDoctor.testBucketAccess', `s3:${bucket}`);
      assert.equal(result, undefined);
      assert.equal(reportTabs().length, 1, 'the panel still shows the last report');
    } finally {
      await settings.update('profile', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a named profile without keys of its own (credential_process, like SSO and role profiles) is resolved by the SDK', async () => {
    const dir = await mkdtemp(join(homedir(), 'bd-profile-'));
    const script = join(dir, 'credentials.sh');
    const output = JSON.stringify({ Version: 1, AccessKeyId: writer.accessKeyId, SecretAccessKey: writer.secretAccessKey });
    await writeFile(script, `#!/bin/sh\necho '${output}'\n`, { mode: 0o700 });
    await writeFile(join(dir, 'config'), `[profile bd-process]\ncredential_process = ${script}\n`);
    const savedConfig = process.env.AWS_CONFIG_FILE;
    for (const name of credentialVariables) delete process.env[name];
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    const settings = vscode.workspace.getConfiguration('bucketDoctor.aws');
    await settings.update('profile', 'bd-process', vscode.ConfigurationTarget.Global);
    try {
      const report = await testAccess();
      assert.equal(report.identity, 'AWS profile bd-process');
      assert.deepEqual(
        report.checks.filter((c) => ['list', 'put', 'get', 'presigned-get', 'delete'].includes(c.operation)).map((c) => c.result),
        ['passed', 'passed', 'passed', 'passed', 'passed'],
        JSON.stringify(report.checks, null, 1),
      );
      assert.ok(reportPassed(report));
      assert.deepEqual(await probesLeft(), []);
    } finally {
      await settings.update('profile', undefined, vscode.ConfigurationTarget.Global);
      if (savedConfig === undefined) delete process.env.AWS_CONFIG_FILE;
      else process.env.AWS_CONFIG_FILE = savedConfig;
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a screenshot of the report in a second workbench, driven from the command palette', async function () {
    this.timeout(120_000);
    const extension = bucketDoctor().extensionUri;
    const restoreCredentials = await secondWindowRunsAs(reader);
    const window = await openWindow();
    const { page } = window;
    try {
      const frame = await testFromPalette(page, bucket);
      await page.mouse.move(700, 850);
      const rows = (await frame.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      const verdict = ((await frame.locator('.verdict').textContent()) ?? '').trim();
      const png = await page.screenshot();
      assert.equal(verdict, 'FAILED');
      const checks = ['Identity', 'Bucket region', 'List objects', 'CORS for the Label Studio host', 'Bucket encryption', 'Write probe object', 'Read probe object back', 'Presigned URL', 'Delete probe object'];
      assert.deepEqual(rows.map((r) => checks.find((c) => r.startsWith(c))), checks, rows.join('\n'));
      assert.match(rows[0], /Identity.*skipped/);
      assert.match(rows[1], /Bucket region.*passed/);
      assert.match(rows[2], /List objects.*passed/);
      assert.match(rows[3], /CORS for the Label Studio host.*skipped.*LABEL_STUDIO_HOST/);
      assert.match(rows[5], /Write probe object.*denied.*AccessDenied.*iam\/lse-storage-policy\.json:11/);
      assert.match(rows[6], /Read probe object back.*skipped/);
      assert.match(rows[7], /Presigned URL.*skipped/);
      assert.match(rows[8], /Delete probe object.*denied.*AccessDenied/);
      // The role is not simulated against AWS for a bucket on a local gateway; the notes say so.
      assert.match((await frame.locator('section').allTextContents()).join('\n'), /arn:aws:iam::123456789012:role\/lse-storage was not simulated/);
      const results = join(extension.fsPath, 'test-results');
      await mkdir(results, { recursive: true });
      await writeFile(join(results, 'test-bucket-access-report.png'), png);
      assert.ok(existsSync(join(results, 'test-bucket-access-report.png')));

      // The denied row links to the statement that grants the write in the attached policy: it opens there.
      await frame.locator('vscode-table-row', { hasText: 'Write probe object' }).locator('a.link').first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'lse-storage-policy.json' }).waitFor({ state: 'visible', timeout: 10_000 });
      await page.locator('.editor-group-container .monaco-editor .current-line').first().waitFor({ state: 'visible', timeout: 10_000 });
      const statusLine = (await page.locator('.statusbar-item[id$="status.editor.selection"]').first().textContent({ timeout: 10_000 })) ?? '';
      assert.match(statusLine, /Ln 11, Col 5/);

      // "Copy as Markdown" puts the table for a ticket on the clipboard.
      await window.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.locator('.tabs-container .tab', { hasText: `Access: ${bucket}` }).click();
      await (await reportFrame(page, bucket)).locator('vscode-button', { hasText: 'Copy as Markdown' }).click();
      await page.locator('.notification-toast', { hasText: `Copied the report of ${bucket} as Markdown.` }).waitFor({ state: 'visible', timeout: 10_000 });
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(markdown, /^### Test Bucket Access: `acme-labeling-prod` \(s3\) — FAILED/);
      assert.match(markdown, /\| Write probe object \| required \| denied \| AccessDenied \|/);

      // "Reload Window" restores the panel from the state its webview kept (the serializer), without a new run.
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      await runFromPalette(page, 'Developer: Reload Window');
      await reloaded;
      const restored = await reportFrame(page, bucket);
      const after = (await restored.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.deepEqual(after, rows);
    } catch (error) {
      await page.screenshot({ path: join(extension.fsPath, 'test-results', 'test-bucket-access-failed.png') }).catch(() => undefined);
      throw error;
    } finally {
      await window.close();
      await restoreCredentials();
    }
  });
  test('a probe the identity may not delete is reported by its full key; Retry cleanup deletes it once allowed', async function () {
    this.timeout(120_000);
    const restoreCredentials = await secondWindowRunsAs(keeper);
    const window = await openWindow();
    const { page } = window;
    try {
      const frame = await testFromPalette(page, bucket);
      const rows = (await frame.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.ok(rows.some((r) => /Delete probe object.*denied.*AccessDenied/.test(r)), rows.join('\n'));
      const left = await probesLeft();
      assert.equal(left.length, 1, `one probe is left in the bucket: ${left.join(', ')}`);
      assert.deepEqual(await frame.locator('section code').allTextContents(), left, 'the report names the probe by its full key');
      await setBucketPolicy(true);
      await frame.locator('vscode-button', { hasText: 'Retry cleanup' }).click();
      await frame.locator('vscode-button', { hasText: 'Retry cleanup' }).waitFor({ state: 'detached', timeout: 30_000 });
      assert.equal(await frame.locator('section code').count(), 0, 'no leftover is listed any more');
      assert.deepEqual(await probesLeft(), []);
    } finally {
      await setBucketPolicy(false);
      await window.close();
      await restoreCredentials();
    }
  });

  test('Azure: a connection string typed once is kept in secret storage; a read-only SAS is denied on write', async function () {
    this.timeout(120_000);
    const azure = blobs;
    assert.ok(azure);
    const window = await openWindow();
    const { page } = window;
    const rowsOf = async (frame: Frame) => (await frame.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    try {
      const first = await testFromPalette(page, containers.media, { azureSecret: azure.connectionString });
      assert.equal((await first.locator('.verdict').textContent())?.trim(), 'PASSED', (await rowsOf(first)).join('\n'));
      const checks = ['Identity', 'List objects', 'Write probe object', 'Read probe object back', 'Presigned URL', 'Delete probe object'];
      assert.deepEqual((await rowsOf(first)).map((r) => checks.find((c) => r.startsWith(c))), checks);
      // The identity is the storage account, the presigned URL a SAS signed with the account key the connection string holds.
      assert.match((await rowsOf(first))[0], /Identity.*passed.*storage account devstoreaccount1 \(account key\)/);
      // The second run asks nothing (the connection string comes from secret storage): with the first report closed,
      // a verdict can only come from a run that did not stop at a prompt.
      await runFromPalette(page, 'View: Close All Editors');
      const again = await testFromPalette(page, containers.media);
      assert.equal((await again.locator('.verdict').textContent())?.trim(), 'PASSED');
      assert.equal(await page.locator('.quick-input-widget input[type="password"]').isVisible(), false);

      const sas = generateBlobSASQueryParameters(
        { containerName: containers.readOnly, permissions: ContainerSASPermissions.parse('rl'), expiresOn: new Date(Date.now() + 3_600_000) },
        new StorageSharedKeyCredential(azure.accountName, azure.accountKey),
      ).toString();
      const readOnly = await testFromPalette(page, containers.readOnly, { azureSecret: `${azure.blobEndpoint}/${containers.readOnly}?${sas}` });
      const rows = await rowsOf(readOnly);
      assert.match(rows[0], /Identity.*passed.*\(SAS\)/);
      assert.match(rows[1], /List objects.*passed/);
      assert.match(rows[2], /Write probe object.*denied.*AuthorizationPermissionMismatch/);
      assert.equal((await readOnly.locator('.verdict').textContent())?.trim(), 'FAILED');
    } catch (error) {
      await page.screenshot({ path: join(bucketDoctor().extensionUri.fsPath, 'test-results', 'test-bucket-access-azure-failed.png') }).catch(() => undefined);
      throw error;
    } finally {
      await window.close();
    }
  });

  test('secrets planted in a config file reach no report, clipboard, window, log or stored state', async function () {
    this.timeout(120_000);
    const keyId = `BDSENTINEL${randomBytes(5).toString('hex').toUpperCase()}`;
    const secret = `bd-sentinel-secret-${randomBytes(12).toString('hex')}`;
    const name = 'bd-sentinel-bucket';
    const dir = join(examplesFolder().uri.fsPath, 'sentinel');
    await mkdir(dir, { recursive: true });
    const env = [`STORAGE_TYPE=s3`, `STORAGE_AWS_BUCKET_NAME=${name}`, `STORAGE_AWS_REGION_NAME=us-east-1`, `STORAGE_AWS_ENDPOINT_URL=${server?.endpoint}`, `STORAGE_AWS_ACCESS_KEY_ID=${keyId}`, `STORAGE_AWS_SECRET_ACCESS_KEY=${secret}`];
    await writeFile(join(dir, 'env.list'), `${env.join('\n')}\n`);
    const window = await openWindow();
    const { page } = window;
    try {
      // The file's keys are used only after the user agrees; the gateway does not know them.
      const frame = await testFromPalette(page, name, { consent: true });
      const rows = (await frame.locator('vscode-table-row').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.ok(rows.some((r) => /List objects.*bad credentials.*InvalidAccessKeyId/.test(r)), rows.join('\n'));
      await window.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await frame.locator('vscode-button', { hasText: 'Copy as Markdown' }).click();
      await page.locator('.notification-toast', { hasText: `Copied the report of ${name} as Markdown.` }).waitFor({ state: 'visible', timeout: 10_000 });
      const surfaces = [await page.evaluate(() => navigator.clipboard.readText()), await page.content(), ...(await Promise.all(page.frames().map((f) => f.content().catch(() => ''))))];
      assert.ok(surfaces[0].includes(name), 'the clipboard holds the report');
      for (const text of surfaces) {
        assert.ok(!text.includes(secret) && !text.includes(keyId), 'a planted credential shows in the window or on the clipboard');
      }
    } finally {
      await window.close();
      await rm(dir, { recursive: true, force: true });
    }
    // Logs (the output channel among them) and stored state, of every window of this run.
    const userData = codeServerArg('--user-data-dir');
    let logged: string[] = [];
    // The output channel's log file is written shortly after the lines are appended.
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !logged.some((f) => f.includes('Bucket Doctor')); ) {
      logged = await filesHolding(userData, name);
      if (!logged.some((f) => f.includes('Bucket Doctor'))) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(logged.some((f) => f.includes('Bucket Doctor')), `the output channel's log holds the run (files naming the bucket: ${logged.join(', ')})`);
    assert.deepEqual(await filesHolding(userData, secret), [], 'the secret is stored or logged');
    assert.deepEqual(await filesHolding(userData, keyId), [], 'the access key id is stored or logged');
  });
});
