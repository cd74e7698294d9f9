// One status bar item with the last live result: of the bucket the active file configures, else of the latest run;
// its tooltip lists every bucket tested, and a click opens that bucket's report.
import * as vscode from 'vscode';
import type { AccessReport } from '../core/access/report';
import { summarize } from '../core/access/report-text';
import { bucketKey } from '../core/access/report-view';

export const showReportCommand = 'bucketDoctor.showAccessReport';

interface LastResult {
  report: AccessReport;
  folder: vscode.Uri;
}

export class AccessStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bucketDoctor.access', vscode.StatusBarAlignment.Left, 50);
  private readonly results = new Map<string, LastResult>();
  private latest: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = vscode.l10n.t('Bucket Doctor: last access test');
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(folder: vscode.Uri, report: AccessReport): void {
    const key = bucketKey(report.provider, report.bucket);
    this.results.set(key, { report, folder });
    this.latest = key;
    this.render();
  }

  /** A bucket's last result: a theme icon and text such as `acme: 2 of 8 failed`. */
  static describe(report: AccessReport): { icon: string; text: string } {
    const s = summarize(report);
    if (s.passed) return { icon: '$(pass)', text: `${report.bucket}: ${vscode.l10n.t('access OK')}` };
    if (s.failed === 0) return { icon: '$(error)', text: `${report.bucket}: ${vscode.l10n.t('probe left behind')}` };
    return { icon: '$(error)', text: `${report.bucket}: ${vscode.l10n.t('{0} of {1} failed', String(s.failed), String(s.total))}` };
  }

  private shownKey(): string | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active) {
      for (const [key, { report, folder }] of this.results) {
        if (report.source && vscode.Uri.joinPath(folder, report.source.file).toString() === active.toString()) return key;
      }
    }
    return this.latest;
  }

  private render(): void {
    const key = this.shownKey();
    const shown = key ? this.results.get(key) : undefined;
    if (!key || !shown) {
      this.item.hide();
      return;
    }
    const { icon, text } = AccessStatusBar.describe(shown.report);
    this.item.text = `${icon} ${text}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.supportThemeIcons = true;
    tooltip.appendText(vscode.l10n.t('Last access test per bucket'));
    for (const { report } of this.results.values()) {
      const line = AccessStatusBar.describe(report);
      tooltip.appendMarkdown(`\n\n${line.icon} `);
      tooltip.appendText(`${line.text} (${new Date(report.startedAt).toLocaleString()})`);
    }
    this.item.tooltip = tooltip;
    this.item.backgroundColor = summarize(shown.report).passed ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.command = { command: showReportCommand, title: vscode.l10n.t('Show Access Report'), arguments: [key] };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
