// Entry point: wires views and commands. Loads no cloud SDK; live work requires dist/providers/* on demand.
import * as vscode from 'vscode';
import { BucketsTreeProvider } from './buckets-view';
import { testBucketAccess } from './commands/test-bucket-access';

export function activate(context: vscode.ExtensionContext): void {
  const buckets = new BucketsTreeProvider();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,env,list}');
  context.subscriptions.push(
    buckets,
    watcher,
    vscode.window.createTreeView('bucketDoctor.buckets', { treeDataProvider: buckets, showCollapseAll: true }),
    vscode.commands.registerCommand('bucketDoctor.refreshBuckets', () => buckets.refresh()),
    vscode.commands.registerCommand('bucketDoctor.testBucketAccess', testBucketAccess),
    watcher.onDidCreate(() => buckets.refresh()),
    watcher.onDidDelete(() => buckets.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bucketDoctor.files')) buckets.refresh();
    }),
  );
}
