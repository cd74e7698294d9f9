// Hover and completion for values keys and env variables, backed by src/core/explain.
import * as vscode from 'vscode';
import { completionsAt, hoverAt, type Completion } from '../core/explain';
import { snapshotFor } from './diagnostics';
import type { DeploymentFiles } from './workspace-files';

const kinds: Record<Completion['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  variable: vscode.CompletionItemKind.Variable,
};

function sourceFile(files: DeploymentFiles, document: vscode.TextDocument) {
  const { workspace, path } = snapshotFor(files, document);
  return workspace.get(path);
}

export function registerLanguageFeatures(files: DeploymentFiles, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, {
      provideHover(document, position) {
        const file = sourceFile(files, document);
        const text = file && hoverAt(file, document.offsetAt(position));
        return text ? new vscode.Hover(new vscode.MarkdownString(text)) : undefined;
      },
    }),
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        provideCompletionItems(document, position) {
          const file = sourceFile(files, document);
          if (!file) return [];
          return completionsAt(file, document.offsetAt(position)).map((c) => {
            const item = new vscode.CompletionItem(c.label, kinds[c.kind]);
            item.detail = c.detail;
            item.documentation = new vscode.MarkdownString(c.documentation);
            item.insertText = c.insertText;
            return item;
          });
        },
      },
      '=',
      ':',
    ),
  );
}
