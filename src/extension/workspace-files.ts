// Keeps the deployment files of the workspace folders (path, kind, text) and builds core snapshots from them.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { builtInGlobs, fileKind, type FileGlobs, type FileKind } from '../core/sources/file-kinds';
import { expandBraces } from '../core/sources/glob';
import { Workspace } from '../core/workspace';

export interface WorkspaceFile {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  /** Path relative to its workspace folder, `/`-separated. */
  path: string;
  kind: FileKind;
}

const exclude = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
// Bounds the scan in very large workspaces (content sniffing reads every YAML/JSON candidate).
const maxCandidates = 5000;

export function extraGlobs(folder: vscode.WorkspaceFolder): FileGlobs {
  const config = vscode.workspace.getConfiguration('bucketDoctor.files', folder);
  return {
    values: config.get<string[]>('values', []),
    env: config.get<string[]>('env', []),
    compose: config.get<string[]>('compose', []),
  };
}

/** Files git tracks in `folder`. Never run in Restricted Mode: a repository's git config can run programs. */
function trackedFiles(folder: vscode.WorkspaceFolder): Promise<Set<string>> {
  if (!vscode.workspace.isTrusted || folder.uri.scheme !== 'file') return Promise.resolve(new Set());
  return new Promise((resolve) => {
    execFile('git', ['ls-files', '-z'], { cwd: folder.uri.fsPath, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      resolve(new Set(error ? [] : stdout.split('\0').filter(Boolean))),
    );
  });
}

export class DeploymentFiles implements vscode.Disposable {
  private texts = new Map<string, { file: WorkspaceFile; text: string }>();
  private tracked = new Map<string, Set<string>>();
  /** The latest scan; scans run one after another so a change during a scan is never missed. */
  private latest: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after each scan. */
  readonly onDidChange = this.changed.event;

  rescan(): Promise<void> {
    this.latest = (this.latest ?? Promise.resolve()).catch(() => undefined).then(async () => {
      await this.scan();
      this.changed.fire();
    });
    return this.latest;
  }

  /** Waits for the latest scan (starting the first one if needed). */
  ready(): Promise<void> {
    return this.latest ?? this.rescan();
  }

  private async scan(): Promise<void> {
    const texts = new Map<string, { file: WorkspaceFile; text: string }>();
    const tracked = new Map<string, Set<string>>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const extra = extraGlobs(folder);
      const names = [...Object.values(builtInGlobs).flat(), ...extra.values, ...extra.env, ...extra.compose, '*.{yaml,yml,json}'].flatMap(expandBraces);
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/{${names.join(',')}}`), exclude, maxCandidates);
      for (const uri of uris) {
        const path = vscode.workspace.asRelativePath(uri, false);
        const text = await readText(uri).catch(() => undefined);
        // Deleted (or unreadable) since findFiles listed it.
        if (text === undefined) continue;
        const kind = fileKind(path, text, extra);
        if (kind) texts.set(uri.toString(), { file: { uri, folder, path, kind }, text });
      }
      tracked.set(folder.uri.toString(), await trackedFiles(folder));
    }
    this.texts = texts;
    this.tracked = tracked;
  }

  files(): WorkspaceFile[] {
    return [...this.texts.values()].map((t) => t.file).sort((a, b) => a.path.localeCompare(b.path));
  }

  /**
   * A core snapshot of `folder` in which open documents count with their unsaved text; `document` is included
   * even when the last scan did not know it (a new, unsaved or just renamed file).
   */
  snapshot(folder: vscode.WorkspaceFolder, document?: vscode.TextDocument): Workspace {
    const inputs = new Map<string, { path: string; text: string }>();
    for (const { file, text } of this.texts.values()) {
      if (file.folder.uri.toString() === folder.uri.toString()) inputs.set(file.uri.toString(), { path: file.path, text });
    }
    for (const doc of vscode.workspace.textDocuments) {
      if (vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() !== folder.uri.toString()) continue;
      if (inputs.has(doc.uri.toString()) || doc === document) {
        inputs.set(doc.uri.toString(), { path: vscode.workspace.asRelativePath(doc.uri, false), text: doc.getText() });
      }
    }
    const tracked = this.tracked.get(folder.uri.toString()) ?? new Set<string>();
    return new Workspace(inputs.values(), { extraGlobs: extraGlobs(folder), isTracked: (p) => tracked.has(p) });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// Open documents are read first so that unsaved edits count.
async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
