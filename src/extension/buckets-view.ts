// The Buckets view. Until bucket discovery lands it lists the deployment files it will read, grouped by kind.
import * as vscode from 'vscode';
import type { FileKind } from '../core/sources/file-kinds';
import type { DeploymentFiles, WorkspaceFile } from './workspace-files';

const groupLabels: Record<FileKind, string> = {
  values: vscode.l10n.t('Helm values'),
  env: vscode.l10n.t('Env files'),
  compose: vscode.l10n.t('Docker Compose'),
  policy: vscode.l10n.t('IAM policies'),
  config: vscode.l10n.t('Bucket Doctor config'),
};

const groupIcons: Record<FileKind, string> = {
  values: 'symbol-namespace',
  env: 'symbol-variable',
  compose: 'layers',
  policy: 'shield',
  config: 'settings-gear',
};

class GroupNode extends vscode.TreeItem {
  constructor(
    readonly kind: FileKind,
    readonly files: WorkspaceFile[],
  ) {
    super(groupLabels[kind], vscode.TreeItemCollapsibleState.Expanded);
    this.id = `group:${kind}`;
    this.description = String(files.length);
    this.iconPath = new vscode.ThemeIcon(groupIcons[kind]);
    this.contextValue = 'bucketDoctor.fileGroup';
  }
}

class FileNode extends vscode.TreeItem {
  constructor(file: WorkspaceFile) {
    super(file.uri, vscode.TreeItemCollapsibleState.None);
    this.id = `file:${file.uri.toString()}`;
    this.description = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    this.tooltip = file.path;
    this.contextValue = 'bucketDoctor.file';
    this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [file.uri] };
  }
}

type Node = GroupNode | FileNode;

const kindOrder: FileKind[] = ['values', 'env', 'compose', 'policy', 'config'];

export class BucketsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deploymentFiles: DeploymentFiles) {
    this.subscription = deploymentFiles.onDidChange(() => this.changed.fire());
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node instanceof GroupNode) return node.files.map((f) => new FileNode(f));
    if (node) return [];
    await this.deploymentFiles.ready();
    const files = this.deploymentFiles.files();
    await vscode.commands.executeCommand('setContext', 'bucketDoctor.hasDeploymentFiles', files.length > 0);
    return kindOrder
      .map((kind) => new GroupNode(kind, files.filter((f) => f.kind === kind)))
      .filter((g) => g.files.length > 0);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
