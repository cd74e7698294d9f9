// Shared by the suites: the extension under test, a wait on a condition (for states no event reports), the examples/
// folder and its .bucket-doctor.json, the local storage servers, and a second workbench window driven as a user.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import * as vscode from 'vscode';
import { startAzurite } from '../../harness/azurite';
import { createRgwUser, startRgw, type S3Credentials } from '../../harness/rgw';
import { launchBrowser, runFromPalette } from '../../harness/workbench';

export const extensionId = 'bucket-doctor.bucket-doctor';

export function bucketDoctor(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this extension host`);
  return extension;
}

/** Resolves once `condition()` holds, checking every 20 ms; rejects with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function examplesFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder && folder.uri.path.endsWith('/examples'), `the examples/ workspace is open (got ${folder?.uri.toString()})`);
  return folder;
}

/** examples/.bucket-doctor.json, which suites write for their servers and must leave as they found it. */
export function bucketConfigPath(): string {
  return join(examplesFolder().uri.fsPath, '.bucket-doctor.json');
}

/** Reads a file now; the returned function writes it back (or deletes it when it did not exist). */
export async function keepFile(path: string): Promise<() => Promise<void>> {
  const earlier = await readFile(path, 'utf8').catch(() => undefined);
  return async () => {
    if (earlier === undefined) await rm(path, { force: true });
    else await writeFile(path, earlier);
  };
}

export interface Gateway {
  endpoint: string;
  region: string;
  owner: S3Credentials;
  createUser(uid: string): Promise<S3Credentials>;
  stop(): Promise<void>;
}

/** The live tier's Ceph RADOS Gateway when its variables are set (they reach code-server's extension host), else a new one. */
export async function gateway(): Promise<Gateway> {
  const { BD_LIVE_S3_ENDPOINT: endpoint, BD_LIVE_RGW_CONF: conf, BD_LIVE_S3_ACCESS_KEY_ID: id, BD_LIVE_S3_SECRET_ACCESS_KEY: secret } = process.env;
  if (endpoint && conf && id && secret) {
    return { endpoint, region: process.env.BD_LIVE_S3_REGION ?? 'us-east-1', owner: { accessKeyId: id, secretAccessKey: secret }, createUser: (uid) => createRgwUser(conf, uid), stop: async () => undefined };
  }
  const rgw = await startRgw();
  return { endpoint: rgw.endpoint, region: rgw.region, owner: rgw.owner, createUser: (uid) => rgw.createUser(uid), stop: () => rgw.stop() };
}

export interface BlobServer {
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
  connectionString: string;
  stop(): Promise<void>;
}

/** The live tier's Azurite when its variables are set, else a new one. */
export async function blobServer(): Promise<BlobServer> {
  const { BD_LIVE_AZURE_BLOB_ENDPOINT: blobEndpoint, BD_LIVE_AZURE_ACCOUNT_NAME: accountName, BD_LIVE_AZURE_ACCOUNT_KEY: accountKey, BD_LIVE_AZURE_CONNECTION_STRING: connectionString } = process.env;
  if (blobEndpoint && accountName && accountKey && connectionString) return { blobEndpoint, accountName, accountKey, connectionString, stop: async () => undefined };
  return startAzurite();
}

/** The command line of the code-server this extension host runs under: its nearest ancestor with a --bind-addr. */
function codeServerArgs(): string[] {
  let pid = process.ppid;
  for (let depth = 0; pid > 1 && depth < 10; depth++) {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args.includes('--bind-addr')) return args;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  throw new Error('this extension host does not run under code-server: the second window needs its workbench');
}

export function codeServerArg(name: string): string {
  const args = codeServerArgs();
  const value = args[args.indexOf(name) + 1];
  assert.ok(value, `code-server runs with ${name}`);
  return value;
}

export interface Window {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A second workbench on the same code-server and examples/, with this extension in development mode: a user's view. */
export async function openWindow(): Promise<Window> {
  const origin = `http://${codeServerArg('--bind-addr')}`;
  const extension = bucketDoctor().extensionUri;
  const { context, page, close } = await launchBrowser();
  try {
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(origin).host}${extension.path}`]]);
    await page.goto(`${origin}/?folder=${encodeURIComponent(examplesFolder().uri.path)}&payload=${encodeURIComponent(payload)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // Editors restored from an earlier window (a report panel among them) would show an earlier run's state.
    await runFromPalette(page, 'View: Close All Editors');
    return { page, context, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A second window's extension host has code-server's environment, not this process's: it reads the default profile
 * from the shared credentials file, which must be this run's own HOME, never a user's. Resolves with a function that
 * puts back the file as it was.
 */
export async function secondWindowRunsAs(credentials: S3Credentials): Promise<() => Promise<void>> {
  const home = homedir();
  assert.ok(home.includes(`${sep}.vscode-test${sep}`), `HOME is the run's own folder (got ${home})`);
  await mkdir(join(home, '.aws'), { recursive: true });
  const file = join(home, '.aws', 'credentials');
  const earlier = await readFile(file, 'utf8').catch(() => undefined);
  await writeFile(file, `[default]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\n`, { mode: 0o600 });
  return async () => {
    if (earlier === undefined) await rm(file, { force: true });
    else await writeFile(file, earlier, { mode: 0o600 });
  };
}
