// Finds and classifies the deployment files of the open workspace folders.
import * as vscode from 'vscode';
import { builtInGlobs, fileKind, needsContent, type FileGlobs, type FileKind } from '../core/sources/file-kinds';

export interface WorkspaceFile {
  uri: vscode.Uri;
  /** Path relative to its workspace folder, `/`-separated. */
  path: string;
  kind: FileKind;
}

const exclude = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
// Bounds the content sniffing of YAML/JSON files in very large workspaces.
const maxCandidates = 5000;

function extraGlobs(folder: vscode.WorkspaceFolder): FileGlobs {
  const config = vscode.workspace.getConfiguration('bucketDoctor.files', folder);
  return {
    values: config.get<string[]>('values', []),
    env: config.get<string[]>('env', []),
    compose: config.get<string[]>('compose', []),
  };
}

export async function findWorkspaceFiles(token?: vscode.CancellationToken): Promise<WorkspaceFile[]> {
  const found: WorkspaceFile[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const extra = extraGlobs(folder);
    const names = [
      ...Object.values(builtInGlobs).flat(),
      ...extra.values,
      ...extra.env,
      ...extra.compose,
      '*.{yaml,yml,json}',
    ];
    const pattern = new vscode.RelativePattern(folder, `**/{${names.join(',')}}`);
    const uris = await vscode.workspace.findFiles(pattern, exclude, maxCandidates, token);
    for (const uri of uris) {
      const path = vscode.workspace.asRelativePath(uri, false);
      const text = needsContent(path, extra) ? await readText(uri) : '';
      const kind = fileKind(path, text, extra);
      if (kind) found.push({ uri, path, kind });
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

// Open documents are read first so that unsaved edits count.
async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
