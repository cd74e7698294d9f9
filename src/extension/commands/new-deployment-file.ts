// "New Storage Configuration…": pick provider and auth mode, get a complete block from the shipped snippets.
import * as vscode from 'vscode';

type SnippetFile = Record<string, { prefix: string; description: string; body: string[] }>;

interface Choice extends vscode.QuickPickItem {
  body: string[];
  fileName: string;
  language: string;
}

const sources = [
  { file: 'snippets/lse-values.code-snippets', fileName: 'lse-values.yaml', language: 'yaml', group: 'Helm values (lse-values.yaml)' },
  { file: 'snippets/env.code-snippets', fileName: 'env.list', language: 'dotenv', group: 'Docker env file (env.list)' },
];

async function choices(extensionUri: vscode.Uri): Promise<Choice[]> {
  const out: Choice[] = [];
  for (const source of sources) {
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, source.file)))) as SnippetFile;
    out.push({ label: source.group, kind: vscode.QuickPickItemKind.Separator, body: [], fileName: '', language: '' });
    for (const snippet of Object.values(snippets)) {
      out.push({ label: snippet.prefix, detail: snippet.description, body: snippet.body, fileName: source.fileName, language: source.language });
    }
  }
  return out;
}

/** Opens the chosen snippet in a new editor: `<folder>/lse-values.yaml` when absent, else an untitled file. */
export async function newDeploymentFile(extensionUri: vscode.Uri, prefix?: string): Promise<void> {
  const all = await choices(extensionUri);
  const choice = prefix
    ? all.find((c) => c.label === prefix)
    : await vscode.window.showQuickPick(all, { title: vscode.l10n.t('New storage configuration'), placeHolder: vscode.l10n.t('Provider and auth mode'), matchOnDetail: true });
  if (!choice) return;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = folder && vscode.Uri.joinPath(folder.uri, choice.fileName);
  const exists = target ? await vscode.workspace.fs.stat(target).then(() => true, () => false) : true;
  const document = target && !exists
    ? await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: choice.language });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(choice.body.join('\n') + '\n'), new vscode.Position(0, 0));
}
