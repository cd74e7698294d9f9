// Entry point: wires views, diagnostics, code actions and commands. Loads no cloud SDK.
import * as vscode from 'vscode';
import { AccessCredentials } from './access-credentials';
import { AccessEngine } from './access-engine';
import { BucketClients } from './buckets/bucket-clients';
import { BucketCommands } from './buckets/bucket-commands';
import { ObjectFiles } from './buckets/object-files';
import { BucketsTreeProvider } from './buckets-view';
import { CodeActions, copyCommand, copyToClipboard } from './code-actions';
import { newDeploymentFile } from './commands/new-deployment-file';
import { AccessTesting } from './commands/test-bucket-access';
import { Diagnostics } from './diagnostics';
import { registerLanguageFeatures } from './language-features';
import { PolicyLenses } from './policy-lens';
import { DeploymentFiles } from './workspace-files';

// Saving many files at once (a branch switch) should re-scan the workspace once, not per file.
const rescanDelayMs = 300;

/** What activate() returns: the extension's own views, for the VS Code tier to read as the user sees them. */
export interface BucketDoctorApi {
  bucketsView: BucketsTreeProvider;
}

export function activate(context: vscode.ExtensionContext): BucketDoctorApi {
  const files = new DeploymentFiles();
  const diagnostics = new Diagnostics(files, context.extensionUri);
  const credentials = new AccessCredentials(context.workspaceState, context.secrets);
  // One engine builds every client the extension uses: Test Bucket Access's and the Buckets view's.
  const engine = new AccessEngine(context.extensionUri);
  const accessTesting = new AccessTesting(context, files, credentials, engine);
  const bucketClients = new BucketClients(engine, credentials, (folder) => files.snapshot(folder));
  const buckets = new BucketsTreeProvider(files, bucketClients, accessTesting);
  const objectFiles = new ObjectFiles();
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.yaml,*.yml,*.json,*.env,*.list,.env}');
  let pending: NodeJS.Timeout | undefined;
  const scheduleRescan = (uri?: vscode.Uri) => {
    if (uri && /\/(?:node_modules|\.git)\//.test(uri.path)) return;
    clearTimeout(pending);
    pending = setTimeout(() => void files.rescan(), rescanDelayMs);
  };
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];
  context.subscriptions.push(
    files,
    diagnostics,
    buckets,
    objectFiles.register(),
    ...new BucketCommands(buckets, bucketClients, objectFiles).register(),
    watcher,
    { dispose: () => clearTimeout(pending) },
    vscode.window.createTreeView('bucketDoctor.buckets', { treeDataProvider: buckets, showCollapseAll: true }),
    vscode.languages.registerCodeActionsProvider(selector, new CodeActions(diagnostics), CodeActions.metadata),
    registerLanguageFeatures(files, selector),
    ...new PolicyLenses(files).register(selector),
    vscode.commands.registerCommand('bucketDoctor.refreshBuckets', () => files.rescan()),
    ...accessTesting.register(),
    vscode.commands.registerCommand(copyCommand, copyToClipboard),
    vscode.commands.registerCommand('bucketDoctor.newDeploymentFile', (prefix?: string) => newDeploymentFile(context.extensionUri, prefix)),
    files.onDidChange(() => diagnostics.scheduleAll()),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      diagnostics.schedule(e.document);
      // Other open files may depend on this one (an env file on the compose file that loads it).
      for (const other of vscode.workspace.textDocuments) if (other !== e.document) diagnostics.schedule(other);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.forget(d)),
    watcher.onDidCreate(scheduleRescan),
    watcher.onDidChange(scheduleRescan),
    watcher.onDidDelete(scheduleRescan),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bucketDoctor')) scheduleRescan();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => scheduleRescan()),
  );
  void files.rescan();
  for (const document of vscode.workspace.textDocuments) diagnostics.schedule(document, 0);
  return { bucketsView: buckets };
}
