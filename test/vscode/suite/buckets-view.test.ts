// The Buckets view in a real VS Code: the examples/ buckets with their auth modes, a bucket on a real Ceph RADOS
// Gateway (named by a temporary examples/.bucket-doctor.json) listed on expansion and an object opened read-only from
// memory, and, in a second window as a user sees it, an edit of lse-values.yaml renaming its bucket node while a node
// the user collapsed stays collapsed; the tree is screenshotted to test-results/buckets-view.png.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import * as vscode from 'vscode';
import { reportPassed, type AccessReport } from '../../../src/core/access/report';
import type { BucketNode, Node } from '../../../src/extension/buckets/nodes';
import type { BucketDoctorApi } from '../../../src/extension/extension';
import { bucketConfigPath, bucketDoctor, examplesFolder, gateway, keepFile, openWindow, secondWindowRunsAs, until, type Gateway } from './helpers';

const credentialVariables = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;
const screenshotPath = join(__dirname, '..', '..', '..', '..', 'test-results', 'buckets-view.png');
const taskJson = '{"data": {"image": "s3://bucket/1.jpg"}}\n';

suite('Buckets view', function () {
  this.timeout(120_000);
  let api: BucketDoctorApi;
  let server: Gateway | undefined;
  const bucket = `bd-view-${Date.now().toString(36)}`;
  const saved = Object.fromEntries(credentialVariables.map((name) => [name, process.env[name]]));
  let restoreConfig: (() => Promise<void>) | undefined;
  const valuesPath = () => join(examplesFolder().uri.fsPath, 'lse-values.yaml');
  let values: string;

  const view = () => api.bucketsView;
  const label = (node: Node) => String(view().getTreeItem(node).label);
  const description = (node: Node) => String(view().getTreeItem(node).description ?? '');
  const row = (node: Node) => `${label(node)} — ${description(node)}`;

  /** Resolves after the view has asked its files again and reports a root built from them. */
  async function rootsAfterChange(change: () => Thenable<unknown>, shows: (labels: string[]) => boolean): Promise<Node[]> {
    const deadline = Date.now() + 20_000;
    await change();
    for (;;) {
      const roots = await view().getChildren();
      const labels = (await Promise.all(roots.map((r) => view().getChildren(r)))).flat().map(label);
      if (shows(labels)) return roots;
      if (Date.now() > deadline) throw new Error(`the Buckets view never showed the change: ${labels.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function bucketNode(name: string): Promise<BucketNode> {
    for (const root of await view().getChildren()) {
      for (const child of await view().getChildren(root)) if (child.kind === 'bucket' && child.ref.name === name) return child;
    }
    throw new Error(`no bucket node ${name}`);
  }

  suiteSetup(async function () {
    this.timeout(180_000);
    api = (await bucketDoctor().activate()) as BucketDoctorApi;
    values = await readFile(valuesPath(), 'utf8');
    server = await gateway();
    const admin = new S3Client({ region: server.region, endpoint: server.endpoint, forcePathStyle: true, credentials: server.owner });
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const [Key, Body] of [
      ['lse/tasks/a.json', taskJson],
      ['lse/images/1.png', 'png'],
      ['lse/notes.txt', 'hello'],
      ['elsewhere.txt', 'outside the folder'],
    ]) {
      await admin.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
    }
    // The SDK's default chain reads the environment of this extension host first.
    for (const name of credentialVariables) delete process.env[name];
    process.env.AWS_ACCESS_KEY_ID = server.owner.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = server.owner.secretAccessKey;
    restoreConfig = await keepFile(bucketConfigPath());
    await writeFile(bucketConfigPath(), `${JSON.stringify({ buckets: [{ name: bucket, provider: 's3', endpoint: server.endpoint, region: server.region, prefix: 'lse/' }] }, null, 2)}\n`);
    await rootsAfterChange(() => vscode.commands.executeCommand('bucketDoctor.refreshBuckets'), (labels) => labels.includes(bucket));
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await writeFile(valuesPath(), values);
    await restoreConfig?.();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
    await server?.stop();
  });

  test('examples/: S3 buckets with their auth modes and profiles, the drift between values and env, the bucket only a policy names', async () => {
    const roots = await view().getChildren();
    assert.deepEqual(roots.map(row), ['Amazon S3 — 3', 'Conflicting buckets — workspace root', 'Referenced by policies — 1']);
    const s3 = await view().getChildren(roots[0]);
    assert.deepEqual(s3.map(row), [
      'acme-labeling-prod — lse/ · us-east-1 · IRSA role · lse-persistence',
      'acme-labeling-staging — lse/ · us-east-1 · access keys · lse-persistence',
      `${bucket} — lse/ · ${new URL(server!.endpoint).host} · auth not set · lse-persistence`,
    ]);
    const tooltip = view().getTreeItem(s3[0]).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /lse-values\.yaml:14 \(defines\)/);
    assert.match(tooltip.value, /iam\/lse-storage-policy\.json:\d+ \(policy names it\)/);
    assert.deepEqual((await view().getChildren(roots[1])).map(row), ['acme-labeling-staging — env.list:3', 'acme-labeling-prod — lse-values.yaml:14']);
    assert.deepEqual((await view().getChildren(roots[2])).map(label), ['acme-labeling-stagin']);
    assert.equal(view().getTreeItem(s3[0]).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'nothing is listed until the user expands a bucket');
  });

  test('expanding the bucket on the gateway lists its configured folder: prefixes as folders, objects with their size', async () => {
    const node = await bucketNode(bucket);
    const children = await view().getChildren(node);
    assert.deepEqual(children.map((c) => `${c.kind}:${label(c)}`), ['folder:images/', 'folder:tasks/', 'object:notes.txt']);
    assert.match(description(children[2]), /^5 B · /);
    assert.deepEqual((await view().getChildren(children[1])).map((c) => `${c.kind}:${label(c)}:${description(c).split(' · ')[0]}`), [`object:a.json:${taskJson.length} B`]);
  });

  test('an object opens read-only from memory: the JSON as written, no file on disk, writes refused', async () => {
    const tasks = (await view().getChildren(await bucketNode(bucket)))[1];
    const [object] = await view().getChildren(tasks);
    await vscode.commands.executeCommand('bucketDoctor.openObject', object);
    await until(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/a.json') === true, 'the object is open in an editor');
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.uri.scheme, 'bucket-doctor-object');
    assert.equal(document.getText(), taskJson);
    assert.equal(document.languageId, 'json');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(document.uri, new TextEncoder().encode('{}'))), /NoPermissions|permission/i);
  });

  test('a finished Test Bucket Access redraws that bucket node with its result', async () => {
    const node = await bucketNode(bucket);
    const icon = () => (view().getTreeItem(node).iconPath as vscode.ThemeIcon).id;
    assert.equal(icon(), 'database', 'never tested');
    const redrawn: (Node | undefined)[] = [];
    const listening = view().onDidChangeTreeData((changed) => redrawn.push(changed));
    try {
      // The owner's keys from the environment: every check lse-persistence needs passes on the gateway.
      const report = await vscode.commands.executeCommand<AccessReport | undefined>('bucketDoctor.testBucketAccess', `s3:${bucket}`);
      assert.ok(report && reportPassed(report), JSON.stringify(report?.checks, null, 1));
      await until(() => redrawn.includes(node), 'the view redraws the tested bucket');
      assert.equal(icon(), 'pass-filled');
      assert.match((view().getTreeItem(node).tooltip as vscode.MarkdownString).value, /Last(&nbsp;| )access(&nbsp;| )test:(&nbsp;| )passed/);
    } finally {
      listening.dispose();
    }
  });

  test('in a second window: editing lse-values.yaml renames the bucket node while the node the user collapsed stays collapsed', async () => {
    const restoreCredentials = await secondWindowRunsAs(server!.owner);
    const window = await openWindow().catch(async (error: unknown) => {
      await restoreCredentials();
      throw error;
    });
    try {
      const { page } = window;
      const rows = await openBucketsView(page);
      const policies = rows.filter({ hasText: 'Referenced by policies' }).first();
      await policies.click();
      // The policy-only bucket's row names its policy file; collapsing the group removes it from the DOM.
      const policyRow = rows.filter({ hasText: 'lse-staging-user-policy.json' });
      await policyRow.first().waitFor({ state: 'detached', timeout: 10_000 });
      await writeFile(valuesPath(), values.replace('bucket: "acme-labeling-prod"', 'bucket: "acme-labeling-eu"'));
      await rows.filter({ hasText: 'acme-labeling-eu' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await rows.filter({ hasText: /^acme-labeling-prod/ }).count(), 0, 'the old name is gone');
      assert.equal(await policies.getAttribute('aria-expanded'), 'false', '"Referenced by policies" is still collapsed');
      assert.equal(await policyRow.count(), 0);
      // Expanding the gateway's bucket lists it in this window too, with the credentials of the run's own HOME.
      await rows.filter({ hasText: bucket }).first().click();
      await rows.filter({ hasText: 'notes.txt' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await rows.filter({ hasText: 'tasks/' }).first().click();
      await rows.filter({ hasText: 'a.json' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      // A wider side bar shows the descriptions (folder, endpoint, auth mode, profile) in full.
      const sideBar = await page.locator('.part.sidebar').boundingBox();
      if (sideBar) {
        const edge = { x: sideBar.x + sideBar.width + 1, y: sideBar.y + sideBar.height / 2 };
        await page.mouse.move(edge.x, edge.y);
        await page.mouse.down();
        await page.mouse.move(760, edge.y, { steps: 10 });
        await page.mouse.up();
      }
      await page.mouse.move(1200, 700);
      await mkdir(join(screenshotPath, '..'), { recursive: true });
      await page.screenshot({ path: screenshotPath });
    } finally {
      await window.close();
      await writeFile(valuesPath(), values);
      await restoreCredentials();
    }
  });
});

/** Opens the Bucket Doctor container from the activity bar; the rows of its tree once the examples show. */
async function openBucketsView(page: Page): Promise<ReturnType<Page['locator']>> {
  const entry = page.locator('.part.activitybar .action-item a[aria-label^="Bucket Doctor"]').first();
  await entry.waitFor({ state: 'visible', timeout: 60_000 });
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Bucket Doctor/i });
  for (let attempt = 0; attempt < 4 && !(await title.isVisible()); attempt++) {
    await entry.click();
    await title.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
  }
  const rows = page.locator('.part.sidebar .monaco-list-row');
  await rows.filter({ hasText: 'acme-labeling-prod' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  return rows;
}
