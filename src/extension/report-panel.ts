// The report webview panels: one per bucket, restored after a reload from the state the webview keeps, with the
// row links, "Copy as Markdown", "Retry cleanup" and "Test again" handled here.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isFromWebview, isReportPanelState, type FromWebview, type ReportView, type ToWebview } from '../core/access/report-messages';
import { reportHtml } from '../../webview/report-html';

export const reportViewType = 'bucketDoctor.report';

/** What the buttons of a report do; they act on the bucket by its key (`s3:acme`). */
export interface ReportActions {
  copyMarkdown(key: string): Promise<void>;
  retryCleanup(key: string): Promise<void>;
  retest(key: string): Promise<void>;
}

interface Entry {
  panel: vscode.WebviewPanel;
  view: ReportView;
}

export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, Entry>();
  private readonly serializer: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly actions: ReportActions,
  ) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(reportViewType, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        if (!isReportPanelState(state) || this.panels.has(state.view.key)) {
          panel.dispose();
          return;
        }
        this.adopt(panel, state.view);
      },
    });
  }

  /** The panel of `view.key` (created beside the editor if needed) now shows `view`. */
  show(view: ReportView, reveal = true): void {
    const existing = this.panels.get(view.key);
    if (existing) {
      existing.view = view;
      existing.panel.title = panelTitle(view);
      if (reveal) existing.panel.reveal(undefined, true);
      void this.post(existing);
      return;
    }
    const panel = vscode.window.createWebviewPanel(reportViewType, panelTitle(view), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options());
    this.adopt(panel, view);
  }

  close(key: string): void {
    this.panels.get(key)?.panel.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
  }

  private adopt(panel: vscode.WebviewPanel, view: ReportView): void {
    const entry: Entry = { panel, view };
    this.panels.set(view.key, entry);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'bucket.svg');
    panel.title = panelTitle(view);
    panel.webview.options = this.options();
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'report.js'));
    panel.webview.html = reportHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: script.toString(),
      nonce: randomBytes(16).toString('base64'),
      lang: vscode.env.language,
      title: panelTitle(view),
    });
    const subscription = panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isFromWebview(message)) void this.handle(entry, message);
    });
    panel.onDidDispose(() => {
      subscription.dispose();
      if (this.panels.get(entry.view.key) === entry) this.panels.delete(entry.view.key);
    });
  }

  private post(entry: Entry): Thenable<boolean> {
    const message: ToWebview = { type: 'show', view: entry.view };
    return entry.panel.webview.postMessage(message);
  }

  private async handle(entry: Entry, message: FromWebview): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          await this.post(entry);
          return;
        case 'open':
          await this.open(entry, message.row);
          return;
        case 'copyMarkdown':
          await this.actions.copyMarkdown(entry.view.key);
          return;
        case 'retryCleanup':
          await this.actions.retryCleanup(entry.view.key);
          return;
        case 'retest':
          await this.actions.retest(entry.view.key);
          return;
      }
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  }

  /** Opens the place a row links to, beside the report, with the cursor on it. */
  private async open(entry: Entry, row: number): Promise<void> {
    const link = entry.view.rows[row]?.link;
    const folder = entry.view.folder ? vscode.Uri.parse(entry.view.folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!link || !folder) return;
    const uri = vscode.Uri.joinPath(folder, link.file);
    // The link comes back from the webview: follow it only inside the workspace folder.
    if (!uri.path.startsWith(`${folder.path.replace(/\/$/, '')}/`)) return;
    const position = new vscode.Position(link.line - 1, link.column - 1);
    const column = entry.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position) });
  }

  dispose(): void {
    this.serializer.dispose();
    for (const { panel } of [...this.panels.values()]) panel.dispose();
  }
}

function panelTitle(view: ReportView): string {
  return vscode.l10n.t('Access: {0}', view.title);
}
