// Driving a code-server workbench in Debian's headless Chromium through playwright-core: what the vscode tier's
// runner, its suites and `npm run screenshots` share.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Flags that keep Chromium offline and quiet in a container. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** The fresh Chromium profile, deleted by close(). */
  profile: string;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile. The caller stops it (close()) on every path: the usual signal handlers of
 * Playwright are off so that a runner can stop its servers in its own order.
 */
export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install chromium`);
  // Loaded on first use: suites inside the extension host import this module for its page helpers alone.
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'bd-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: chromiumArgs,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      profile,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Opens the Bucket Doctor container from the activity bar and waits until the Buckets tree shows every label. */
export async function showBucketDoctor(page: Page, expectedLabels: readonly string[]): Promise<Locator> {
  const entry = page.locator('.part.activitybar .action-item a[aria-label^="Bucket Doctor"]').first();
  await entry.waitFor({ state: 'visible', timeout: 60_000 });
  // Clicking the entry of the container already shown closes the side bar, and the workbench may still be restoring
  // it: click until the container's title shows and stays.
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Bucket Doctor/i });
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await title.isVisible()) {
      await page.waitForTimeout(500);
      if (await title.isVisible()) break;
    }
    await entry.click();
    await title.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
  }
  const rows = page.locator('.part.sidebar .monaco-list-row');
  for (const label of expectedLabels) {
    await rows.filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: 30_000 });
  }
  // The entry's tooltip would sit over the tree in a screenshot: move away and let it close.
  await page.mouse.move(900, 600);
  await page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 5_000 });
  return rows;
}

/** What the side bar shows: its title, the view headers and the tree rows, read from the DOM. */
export async function sideBarContents(page: Page): Promise<{ title: string; headers: string[]; rows: string[] }> {
  const sideBar = page.locator('.part.sidebar');
  const title = ((await sideBar.locator('.composite.title').first().textContent()) ?? '').trim();
  const headers = (await sideBar.locator('.pane-header .title').allTextContents()).map((t) => t.trim());
  const rows = (await sideBar.locator('.monaco-list-row').allTextContents()).map((t) => t.trim());
  return { title, headers, rows };
}

/** Closes every editor (the workbench restores the ones a previous run left) and waits until no tab is left. */
export async function closeAllEditors(page: Page): Promise<void> {
  await runFromPalette(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Opens `file` (relative to the workspace folder) with Quick Open and waits for its tab. */
export async function quickOpen(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const name = basename(file);
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).filter({ hasText: dirname(file) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container .tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
}

/** Runs a command from the palette; retried until the palette lists it (contributions load with the extension host). */
export async function runFromPalette(page: Page, title: string): Promise<void> {
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

/** The frame of the report webview of bucket `name` once it shows a verdict (webviews are frames inside frames). */
export async function reportFrame(page: Page, name: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const title = await frame.locator('h1').first().textContent({ timeout: 100 }).catch(() => null);
      if (title?.startsWith(`${name} (`) && (await frame.locator('.verdict').count().catch(() => 0)) > 0) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the report webview of ${name} never showed a verdict`);
}

/** Fails when a process is left in `group` or names `marker` in its command line (read from /proc). */
export function assertNoSurvivors(group: number | undefined, what: string, marker?: string): void {
  const left: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, ppid, pgrp.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if ((group !== undefined && Number(pgrp) === group) || (marker !== undefined && cmdline.includes(marker))) {
        left.push(`${entry} ${cmdline.slice(0, 160)}`);
      }
    } catch {
      // The process exited while we looked.
    }
  }
  if (left.length > 0) throw new Error(`${what} left processes behind:\n${left.join('\n')}`);
}
