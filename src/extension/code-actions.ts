// Quick fixes from the findings behind our diagnostics: each fix, "fix all of this rule", and source.fixAll.bucketDoctor.
import * as vscode from 'vscode';
import { compatibleFixes, editFile } from '../core/fix-all';
import type { Finding, Fix } from '../core/model';
import { toRange, type Diagnostics } from './diagnostics';

export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('bucketDoctor');
export const copyCommand = 'bucketDoctor.copyToClipboard';

/** Turns core edits (offsets, maybe in sibling files) into a WorkspaceEdit; snippets only for single-fix edits in this document. */
function workspaceEdit(document: vscode.TextDocument, fixes: { finding: Finding; fix: Fix }[], snippets: boolean): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const byUri = new Map<string, { uri: vscode.Uri; edits: (vscode.TextEdit | vscode.SnippetTextEdit)[] }>();
  for (const { finding, fix } of fixes) {
    for (const e of fix.edits) {
      const other = e.file !== undefined && e.file !== finding.file && folder ? vscode.Uri.joinPath(folder.uri, editFile(e, finding)) : undefined;
      const uri = other ?? document.uri;
      // Offsets in another file are resolved against its open document, or left out when it is not open.
      const target = other ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.toString()) : document;
      if (!target) continue;
      const range = new vscode.Range(target.positionAt(e.offset), target.positionAt(e.offset + e.length));
      const entry = byUri.get(uri.toString()) ?? { uri, edits: [] };
      entry.edits.push(snippets && e.snippet !== undefined && !other ? new vscode.SnippetTextEdit(range, new vscode.SnippetString(e.snippet)) : new vscode.TextEdit(range, e.text));
      byUri.set(uri.toString(), entry);
    }
  }
  for (const { uri, edits } of byUri.values()) edit.set(uri, edits);
  return edit;
}

export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, fixAllKind],
  };

  constructor(private readonly diagnostics: Diagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.diagnostics.findingsOf(document);
    const actions: vscode.CodeAction[] = [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    if (wants(vscode.CodeActionKind.QuickFix)) {
      const ours = context.diagnostics.filter((d) => d.source === 'bucket-doctor');
      for (const diagnostic of ours) {
        const finding = findings.find((f) => f.message === diagnostic.message && toRange(f).isEqual(diagnostic.range));
        if (!finding) continue;
        for (const fix of finding.fixes ?? []) actions.push(this.quickFix(document, diagnostic, finding, fix));
        const sameRule = compatibleFixes(findings, finding.ruleId);
        if (sameRule.length > 1) {
          const all = new vscode.CodeAction(vscode.l10n.t('Fix all {0} problems in this file', finding.ruleId), vscode.CodeActionKind.QuickFix);
          all.edit = workspaceEdit(document, sameRule, false);
          actions.push(all);
        }
      }
    }
    if (wants(fixAllKind)) {
      const all = compatibleFixes(findings);
      if (all.length > 0) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all Bucket Doctor problems'), fixAllKind);
        action.edit = workspaceEdit(document, all, false);
        actions.push(action);
      }
    }
    return actions;
  }

  private quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding, fix: Fix): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.preferred === true;
    action.edit = workspaceEdit(document, [{ finding, fix }], true);
    if (fix.clipboard) action.command = { command: copyCommand, title: vscode.l10n.t('Copy command'), arguments: [fix.clipboard] };
    return action;
  }
}

/** Copies a fix's companion text (e.g. a `kubectl create secret` command with placeholders) and says so. */
export async function copyToClipboard(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied to the clipboard: {0}', text));
}
