// The Buckets view's actions as a user runs them, in a second workbench window on the same code-server: context menu
// of a tree row, answers typed into the real quick input, results read from the browser's clipboard. A bucket on a
// real Ceph RADOS Gateway and a container on Azurite are named by a temporary examples/.bucket-doctor.json (restored
// afterwards): signed URLs and Labelbox imports must fetch the objects, Label Studio tasks must name them, Set Profile
// and Add a Bucket must write a file the extension's own parser reads back and the tree shows.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import type { Locator, Page } from 'playwright-core';
import * as vscode from 'vscode';
import { parseBucketConfig } from '../../../src/core/sources/bucket-config';
import type { BucketNode, Node } from '../../../src/extension/buckets/nodes';
import type { BucketDoctorApi } from '../../../src/extension/extension';
import { runFromPalette, showBucketDoctor } from '../../harness/workbench';
import { blobServer, bucketConfigPath, bucketDoctor, gateway, keepFile, openWindow, secondWindowRunsAs, type BlobServer, type Gateway, type Window } from './helpers';

const suffix = Date.now().toString(36);
const bucket = `bd-actions-${suffix}`;
const container = `bd-media-${suffix}`;
/** The S3 objects, each with a body of its own so that a URL proves which object it fetched. */
const objects: Readonly<Record<string, string>> = {
  'lse/images/1.png': 'png bytes of one',
  'lse/images/2.jpg': 'jpeg bytes of two',
  'lse/images/caption.txt': 'a caption',
  'lse/images/weights.bin': 'not something to label',
  'lse/notes.txt': 'outside the images folder',
};
/** What a folder import takes from lse/images/: media and text, not the .bin. */
const importedKeys = ['lse/images/1.png', 'lse/images/2.jpg', 'lse/images/caption.txt'];
const blobs: Readonly<Record<string, string>> = { 'lse/a.png': 'azure png', 'lse/b.txt': 'azure text' };
const emptyClipboard = '<bd-actions: clipboard not written yet>';

suite('Bucket actions', function () {
  this.timeout(120_000);
  let api: BucketDoctorApi;
  let server: Gateway | undefined;
  let azure: BlobServer | undefined;
  let s3: S3Client;
  let window: Window | undefined;
  let restoreConfig: (() => Promise<void>) | undefined;
  let restoreCredentials: (() => Promise<void>) | undefined;
  let config: string;

  const page = (): Page => {
    assert.ok(window, 'the second window is open');
    return window.page;
  };
  const view = () => api.bucketsView;

  /** The bucket nodes of the view in this extension host, polled until one satisfies `shows` (the file watcher is async). */
  async function mainTreeBucket(name: string, shows: (node: BucketNode) => boolean, what: string): Promise<BucketNode> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const roots = await view().getChildren();
      const nodes = (await Promise.all(roots.map((r: Node) => view().getChildren(r)))).flat();
      const found = nodes.find((n): n is BucketNode => n.kind === 'bucket' && n.ref.name === name && shows(n));
      if (found) return found;
      if (Date.now() > deadline) {
        const names = nodes.flatMap((n) => (n.kind === 'bucket' ? [`${n.ref.provider}:${n.ref.name}:${n.ref.profile}`] : []));
        await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
        const after = (await Promise.all((await view().getChildren()).map((r: Node) => view().getChildren(r)))).flat().flatMap((n) => (n.kind === 'bucket' ? [`${n.ref.provider}:${n.ref.name}:${n.ref.profile}`] : []));
        throw new Error(`the Buckets view never showed ${what}: ${names.join(', ')}; after a refresh: ${after.join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The tree row whose label is exactly `label` (descriptions and other rows that start alike do not match). */
  function row(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return page()
      .locator('.part.sidebar .monaco-list-row')
      .filter({ has: page().locator('.label-name', { hasText: new RegExp(`^${escaped}$`) }) })
      .first();
  }

  async function expand(label: string): Promise<void> {
    const target = row(label);
    await target.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await target.getAttribute('aria-expanded')) !== 'true') await target.click();
  }

  /** Runs `item` from the context menu of the row `label`: the command receives that row's tree node. */
  async function contextMenu(label: string, item: string): Promise<void> {
    const target = row(label);
    await target.waitFor({ state: 'visible', timeout: 30_000 });
    await target.click({ button: 'right' });
    const entry = page().locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    await entry.waitFor({ state: 'visible', timeout: 10_000 });
    await entry.click();
    // A click that lands while the menu is still opening only highlights the item: Enter runs the highlighted one.
    const menu = page().locator('.monaco-menu').first();
    if (!(await menu.waitFor({ state: 'hidden', timeout: 1_000 }).then(() => true, () => false))) {
      await entry.hover();
      await page().keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: 5_000 });
    }
  }

  const input = () => page().locator('.quick-input-widget .quick-input-box input');
  const inputMessage = () => page().locator('.quick-input-widget .quick-input-message');

  /** Types `text` into the open input box (a quick pick's list gone) and presses Enter. */
  async function answer(text: string): Promise<void> {
    await input().waitFor({ state: 'visible', timeout: 20_000 });
    await page().locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ state: 'hidden', timeout: 10_000 });
    await input().fill(text);
    await page().keyboard.press('Enter');
  }

  /**
   * Filters the open quick pick to `label` and picks it once filtering has made it the row Enter takes. Typed again
   * while the widget still shows the previous question (one quick input replaces the other in place).
   */
  async function pick(label: string): Promise<void> {
    const chosen = page().locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).first();
    for (let attempt = 0; ; attempt++) {
      await input().waitFor({ state: 'visible', timeout: 20_000 });
      await input().fill(label);
      if (await chosen.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) break;
      if (attempt > 5) throw new Error(`the quick pick never offered ${label}`);
    }
    await page().keyboard.press('Enter');
  }

  /** What the window's clipboard holds once `action` has written it. */
  async function clipboardAfter(action: () => Promise<void>): Promise<string> {
    await page().evaluate((text) => navigator.clipboard.writeText(text), emptyClipboard);
    await action();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const text = await page().evaluate(() => navigator.clipboard.readText());
      if (text !== emptyClipboard) return text;
      if (Date.now() > deadline) throw new Error('nothing was copied to the clipboard');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function notification(text: string | RegExp): Promise<void> {
    await page().locator('.notification-toast', { hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
  }

  async function fetchText(url: string): Promise<{ status: number; body: string }> {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.text() };
  }

  async function s3Object(key: string): Promise<string> {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await out.Body?.transformToString()) ?? '';
  }

  suiteSetup(async function () {
    this.timeout(180_000);
    api = (await bucketDoctor().activate()) as BucketDoctorApi;
    restoreConfig = await keepFile(bucketConfigPath());
    [server, azure] = await Promise.all([gateway(), blobServer()]);
    s3 = new S3Client({ region: server.region, endpoint: server.endpoint, forcePathStyle: true, credentials: server.owner });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const [Key, Body] of Object.entries(objects)) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
    const containerClient = BlobServiceClient.fromConnectionString(azure.connectionString).getContainerClient(container);
    await containerClient.createIfNotExists();
    for (const [key, body] of Object.entries(blobs)) await containerClient.getBlockBlobClient(key).upload(body, Buffer.byteLength(body));
    config = `${JSON.stringify(
      {
        buckets: [
          { name: bucket, provider: 's3', endpoint: server.endpoint, region: server.region, prefix: 'lse/', profile: 'lse-persistence' },
          { name: container, provider: 'azure', endpoint: azure.blobEndpoint, prefix: 'lse/', profile: 'lse-persistence' },
        ],
      },
      null,
      2,
    )}\n`;
    await writeFile(bucketConfigPath(), config);
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
    await mainTreeBucket(container, () => true, container);
    // The second window's extension host signs and lists with the default profile of the run's own HOME.
    restoreCredentials = await secondWindowRunsAs(server.owner);
    window = await openWindow();
    await window.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await showBucketDoctor(window.page, [bucket, container]);
  });

  suiteTeardown(async function () {
    this.timeout(60_000);
    await window?.close();
    await restoreCredentials?.();
    await restoreConfig?.();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('bucketDoctor.refreshBuckets');
    await server?.stop();
    await azure?.stop();
  });

  teardown(async function () {
    if (this.currentTest?.state !== 'failed' || !window) return;
    const name = (this.currentTest.title.match(/^[\w ]+/)?.[0] ?? 'test').trim().replace(/\W+/g, '-');
    await page().screenshot({ path: join(bucketDoctor().extensionUri.fsPath, 'test-results', `bucket-actions-${name}-failed.png`) }).catch(() => undefined);
  });

  setup(async () => {
    // A quick input or menu left open by a failed test would swallow the next one's keys.
    await page().keyboard.press('Escape');
  });

  test('Copy URI puts the s3:// address of a bucket, a folder and an object on the clipboard', async () => {
    await expand(bucket);
    assert.equal(await clipboardAfter(() => contextMenu(bucket, 'Copy URI')), `s3://${bucket}/lse/`);
    assert.equal(await clipboardAfter(() => contextMenu('images/', 'Copy URI')), `s3://${bucket}/lse/images/`);
    await expand('images/');
    assert.equal(await clipboardAfter(() => contextMenu('2.jpg', 'Copy URI')), `s3://${bucket}/lse/images/2.jpg`);
  });

  test('Generate Signed URL…: the input refuses a non-duration, clamps 30 days to 7 with a warning, and the URL fetches the object', async () => {
    await expand(bucket);
    await expand('images/');
    const url = await clipboardAfter(async () => {
      await contextMenu('1.png', 'Generate Signed URL…');
      await input().waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await input().inputValue(), '1h', 'an hour is offered');
      await input().fill('soon');
      await inputMessage().filter({ hasText: 'A duration such as 3600, 15m, 12h or 7d.' }).waitFor({ state: 'visible', timeout: 10_000 });
      await page().keyboard.press('Enter');
      // Refused: the input box stays open with what was typed.
      assert.equal(await input().inputValue(), 'soon');
      await input().fill('30d');
      await inputMessage().filter({ hasText: '7 d is the longest the provider signs: the URL will be valid for 7 d.' }).waitFor({ state: 'visible', timeout: 10_000 });
      await page().keyboard.press('Enter');
    });
    await notification('Shortened to 7 d, the longest the provider signs.');
    await notification('Copied a signed URL for lse/images/1.png, valid for 7 d.');
    const signed = new URL(url);
    assert.equal(signed.origin, new URL(server!.endpoint).origin, url);
    assert.equal(signed.searchParams.get('X-Amz-Expires'), String(7 * 24 * 3600));
    assert.deepEqual(await fetchText(url), { status: 200, body: objects['lse/images/1.png'] });
    // The signature covers the key: the same query on another object is refused.
    const other = new URL(url);
    other.pathname = other.pathname.replace('1.png', '2.jpg');
    assert.equal((await fetchText(other.toString())).status, 403);
  });

  test('Copy as Label Studio Tasks on a folder: one task per media or text object, each naming an object that exists', async () => {
    await expand(bucket);
    const text = await clipboardAfter(async () => {
      await contextMenu('images/', 'Copy as Label Studio Tasks');
      await input().waitFor({ state: 'visible', timeout: 20_000 });
      // Two images and one text file: the config most likely reads $image.
      assert.equal(await input().inputValue(), 'image');
      await input().fill('1x');
      await inputMessage().filter({ hasText: 'A name such as image, audio or text.' }).waitFor({ state: 'visible', timeout: 10_000 });
      await answer('image');
    });
    const tasks = JSON.parse(text) as { data: { image: string } }[];
    assert.deepEqual(
      tasks.map((t) => Object.keys(t.data)),
      importedKeys.map(() => ['image']),
    );
    assert.deepEqual(
      tasks.map((t) => t.data.image),
      importedKeys.map((key) => `s3://${bucket}/${key}`),
    );
    for (const task of tasks) {
      const key = task.data.image.slice(`s3://${bucket}/`.length);
      assert.equal(await s3Object(key), objects[key], `${task.data.image} is the object`);
    }
  });

  test('Copy as Labelbox Import… as CSV: a header and one row per object, each signed URL fetching its object', async () => {
    await expand(bucket);
    const csv = await clipboardAfter(async () => {
      await contextMenu('images/', 'Copy as Labelbox Import…');
      await pick('CSV');
      await answer('15m');
    });
    const lines = csv.split('\r\n');
    assert.equal(lines.pop(), '', 'the CSV ends with a line break');
    assert.equal(lines.shift(), 'Data_URLs,External_ID');
    assert.deepEqual(
      lines.map((l) => l.slice(l.lastIndexOf(',') + 1)),
      importedKeys,
    );
    for (const line of lines) {
      const url = line.slice(0, line.lastIndexOf(','));
      const key = line.slice(line.lastIndexOf(',') + 1);
      assert.equal(new URL(url).searchParams.get('X-Amz-Expires'), '900');
      assert.deepEqual(await fetchText(url), { status: 200, body: objects[key] }, key);
    }
  });

  test('Copy as Labelbox Import… as JSON: row_data signed URLs that fetch the objects named by global_key', async () => {
    await expand(bucket);
    const json = await clipboardAfter(async () => {
      await contextMenu('images/', 'Copy as Labelbox Import…');
      await pick('JSON');
      await answer('1h');
    });
    const rows = JSON.parse(json) as { row_data: string; global_key: string }[];
    assert.deepEqual(
      rows.map((r) => r.global_key),
      importedKeys,
    );
    for (const { row_data: url, global_key: key } of rows) assert.deepEqual(await fetchText(url), { status: 200, body: objects[key] }, key);
  });

  test('Open in Cloud Console opens the S3 console page of an AWS bucket; a bucket on another endpoint has none', async () => {
    const context = window!.context;
    let opened: (url: string) => void = () => undefined;
    const openedUrl = new Promise<string>((resolve) => (opened = resolve));
    const consoleRoute = /^https:\/\/console\.aws\.amazon\.com\//;
    // The console is answered locally: the run is offline, and only the address the workbench opens matters.
    await context.route(consoleRoute, async (route) => {
      opened(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>console</title>' });
    });
    try {
      await showBucketDoctor(page(), ['acme-labeling-prod']);
      await contextMenu('acme-labeling-prod', 'Open in Cloud Console');
      // The workbench asks before it opens a site that is not trusted.
      const openButton = page().locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
      const url = await Promise.race([
        openedUrl,
        openButton.waitFor({ state: 'visible', timeout: 20_000 }).then(async () => {
          await openButton.click();
          return openedUrl;
        }),
      ]);
      // The workbench's Uri keeps the query's "/" as it is: the same address as prefix=lse%2F.
      const opened = new URL(url);
      assert.equal(`${opened.origin}${opened.pathname}`, 'https://console.aws.amazon.com/s3/buckets/acme-labeling-prod', url);
      assert.deepEqual([...opened.searchParams], [
        ['region', 'us-east-1'],
        ['prefix', 'lse/'],
      ]);
    } finally {
      await context.unroute(consoleRoute);
      for (const other of context.pages()) if (other !== page()) await other.close();
    }
    await contextMenu(bucket, 'Open in Cloud Console');
    await notification(`${bucket} is served by ${server!.endpoint}, which has no cloud console.`);
  });

  test('Set Profile… writes the profile into .bucket-doctor.json; the parser reads it back and the tree shows it', async () => {
    try {
      await contextMenu(bucket, 'Set Profile…');
      await pick('labelbox-signed-urls');
      const node = await mainTreeBucket(bucket, (n) => n.ref.profile === 'labelbox-signed-urls', `${bucket} with the profile labelbox-signed-urls`);
      assert.match(String(view().getTreeItem(node).description), /· labelbox-signed-urls$/);
      const parsed = parseBucketConfig(await readFile(bucketConfigPath(), 'utf8'));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.buckets.map((b) => [b.name, b.profile]),
        [
          [bucket, 'labelbox-signed-urls'],
          [container, 'lse-persistence'],
        ],
      );
      // The edit kept the other fields of the entry.
      assert.equal(parsed.buckets[0].endpoint, server!.endpoint);
      await page().locator('.part.sidebar .monaco-list-row', { hasText: bucket }).filter({ hasText: 'labelbox-signed-urls' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    } finally {
      await writeFile(bucketConfigPath(), config);
    }
  });

  test('Add a Bucket… creates .bucket-doctor.json when missing and adds to it otherwise; the tree shows each bucket', async () => {
    const first = `bd-added-${suffix}`;
    const second = `bd-added-two-${suffix}`;
    const addBucket = async (provider: string, name: string, profile: string) => {
      await runFromPalette(page(), 'Bucket Doctor: Add a Bucket…');
      await pick(provider);
      await input().waitFor({ state: 'visible', timeout: 20_000 });
      await input().fill('Not_A_Bucket');
      await inputMessage().first().waitFor({ state: 'visible', timeout: 10_000 });
      assert.notEqual((await inputMessage().first().textContent())?.trim(), '', 'an invalid bucket name is explained');
      await answer(name);
      await pick(profile);
    };
    /** The configuration file once it names `name`, as the extension's parser reads it. */
    const configNaming = async (name: string) => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const text = await readFile(bucketConfigPath(), 'utf8').catch(() => '');
        if (text.includes(`"${name}"`)) return parseBucketConfig(text);
        if (Date.now() > deadline) throw new Error(`.bucket-doctor.json never named ${name}: ${text || '(no file)'}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await rm(bucketConfigPath());
    try {
      await mainTreeBucket('acme-labeling-prod', () => true, 'the examples without the config file');
      await addBucket('Google Cloud Storage', first, 'ls-source-storage');
      let parsed = await configNaming(first);
      await mainTreeBucket(first, (n) => n.ref.provider === 'gcs' && n.ref.profile === 'ls-source-storage', `the added ${first}`);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.buckets.map((b) => [b.name, b.provider, b.profile]),
        [[first, 'gcs', 'ls-source-storage']],
      );
      await addBucket('Amazon S3', second, 'lightly-input');
      parsed = await configNaming(second);
      await mainTreeBucket(second, (n) => n.ref.provider === 's3' && n.ref.profile === 'lightly-input', `the added ${second}`);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.buckets.map((b) => [b.name, b.provider, b.profile]),
        [
          [first, 'gcs', 'ls-source-storage'],
          [second, 's3', 'lightly-input'],
        ],
      );
      await row(second).waitFor({ state: 'visible', timeout: 20_000 });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await runFromPalette(page(), 'View: Close All Editors');
      await writeFile(bucketConfigPath(), config);
      await mainTreeBucket(container, () => true, 'the suite configuration again');
    }
  });

  test('an Azure container on the Azurite endpoint lists its blobs once a connection string is given; a signed URL fetches one', async () => {
    await showBucketDoctor(page(), [container]);
    await expand(container);
    const secret = page().locator('.quick-input-widget input[type="password"]');
    await secret.waitFor({ state: 'visible', timeout: 30_000 });
    await secret.fill(azure!.connectionString);
    await page().keyboard.press('Enter');
    await row('a.png').waitFor({ state: 'visible', timeout: 30_000 });
    await row('b.txt').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await clipboardAfter(() => contextMenu('b.txt', 'Copy URI')), `${azure!.blobEndpoint}/${container}/lse/b.txt`);
    const url = await clipboardAfter(async () => {
      await contextMenu('a.png', 'Generate Signed URL…');
      await answer('10m');
    });
    await notification('Copied a signed URL for lse/a.png, valid for 10 min.');
    assert.ok(url.startsWith(`${azure!.blobEndpoint}/${container}/lse/a.png?`), url);
    assert.deepEqual(await fetchText(url), { status: 200, body: blobs['lse/a.png'] });
  });
});
