// Entry point: wires views and commands. Loads no cloud SDK; live work requires dist/providers/* on demand.
import * as vscode from 'vscode';
import { BucketsTreeProvider } from './buckets-view';
import { testBucketAccess } from './commands/test-bucket-access';

// Saving many files at once (a branch switch) should re-scan the workspace once, not per file.
const refreshDelayMs = 300;

export function activate(context: vscode.ExtensionContext): void {
  const buckets = new BucketsTreeProvider();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,env,list}');
  let pending: NodeJS.Timeout | undefined;
  const scheduleRefresh = () => {
    clearTimeout(pending);
    pending = setTimeout(() => buckets.refresh(), refreshDelayMs);
  };
  context.subscriptions.push(
    buckets,
    watcher,
    { dispose: () => clearTimeout(pending) },
    vscode.window.createTreeView('bucketDoctor.buckets', { treeDataProvider: buckets, showCollapseAll: true }),
    vscode.commands.registerCommand('bucketDoctor.refreshBuckets', () => buckets.refresh()),
    vscode.commands.registerCommand('bucketDoctor.testBucketAccess', testBucketAccess),
    watcher.onDidCreate(scheduleRefresh),
    watcher.onDidChange(scheduleRefresh),
    watcher.onDidDelete(scheduleRefresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bucketDoctor.files')) scheduleRefresh();
    }),
  );
}
