// The CodeLens above each IAM policy: what it allows of a platform's needs on a bucket (src/core/iam/policy-lens),
// a QuickPick to judge it by another profile or bucket, and the full matrix as a read-only Markdown document.
import * as vscode from 'vscode';
import { choiceLabel, lensChoices, policyLens, type LensChoice } from '../core/iam/policy-lens';
import { snapshotFor } from './diagnostics';
import type { DeploymentFiles } from './workspace-files';

export const pickProfileCommand = 'bucketDoctor.pickPolicyProfile';
export const openMatrixCommand = 'bucketDoctor.openPolicyMatrix';
const matrixScheme = 'bucket-doctor-matrix';

export class PolicyLenses implements vscode.CodeLensProvider, vscode.TextDocumentContentProvider, vscode.Disposable {
  /** The profile and bucket picked per policy document (default: the policy's own bucket and profile). */
  private readonly choices = new Map<string, LensChoice>();
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly matrixChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  readonly onDidChange = this.matrixChanged.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly files: DeploymentFiles) {
    this.subscription = files.onDidChange(() => this.lensesChanged.fire());
  }

  register(selector: vscode.DocumentSelector): vscode.Disposable[] {
    return [
      this,
      vscode.languages.registerCodeLensProvider(selector, this),
      vscode.workspace.registerTextDocumentContentProvider(matrixScheme, this),
      vscode.commands.registerCommand(pickProfileCommand, (uri?: vscode.Uri) => this.pick(uri)),
      vscode.commands.registerCommand(openMatrixCommand, (uri?: vscode.Uri) => this.openMatrix(uri)),
    ];
  }

  private lensOf(document: vscode.TextDocument) {
    const { workspace, path } = snapshotFor(this.files, document);
    const file = workspace.get(path);
    if (file?.kind !== 'policy') return undefined;
    return { workspace, file, lens: policyLens(workspace, file, this.choices.get(document.uri.toString())) };
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lens = this.lensOf(document)?.lens;
    if (!lens) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: lens.title, tooltip: vscode.l10n.t('Judge this policy by another profile or bucket'), command: pickProfileCommand, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Open the access matrix'), command: openMatrixCommand, arguments: [document.uri] }),
    ];
  }

  /** The matrix document of the policy whose URI the query carries. */
  provideTextDocumentContent(uri: vscode.Uri): string {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.query);
    return (document && this.lensOf(document)?.lens?.markdown) ?? vscode.l10n.t('Open the policy file to see its access matrix.');
  }

  private async documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    return target ? vscode.workspace.openTextDocument(target) : undefined;
  }

  private async pick(uri: vscode.Uri | undefined): Promise<void> {
    const document = await this.documentFor(uri);
    const found = document && this.lensOf(document);
    if (!document || !found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an IAM policy file to check it against a profile.'));
      return;
    }
    const current = found.lens?.choice;
    const items = lensChoices(found.workspace, found.file).map((choice) => ({
      label: choiceLabel(choice),
      description: current && choice.bucket === current.bucket && choice.prefix === current.prefix && choice.profileId === current.profileId ? vscode.l10n.t('shown') : undefined,
      choice,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which platform profile and bucket should this policy be judged by?'), matchOnDescription: true });
    if (!picked) return;
    this.choices.set(document.uri.toString(), picked.choice);
    this.lensesChanged.fire();
    this.matrixChanged.fire(this.matrixUri(document.uri));
  }

  private matrixUri(policy: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: matrixScheme, path: '/access-matrix.md', query: policy.toString() });
  }

  private async openMatrix(uri: vscode.Uri | undefined): Promise<void> {
    const document = await this.documentFor(uri);
    if (!document) return;
    const matrix = this.matrixUri(document.uri);
    this.matrixChanged.fire(matrix);
    const shown = await vscode.workspace.openTextDocument(matrix);
    await vscode.languages.setTextDocumentLanguage(shown, 'markdown');
    await vscode.window.showTextDocument(shown, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.subscription.dispose();
    this.lensesChanged.dispose();
    this.matrixChanged.dispose();
  }
}
