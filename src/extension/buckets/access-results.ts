// The last Test Bucket Access result of each bucket, for the icon of its node. The command keeps its reports in
// workspace state (`bucketDoctor.lastAccessReports`); until it offers an event, the view re-reads them after a test it
// started and on refresh.
import * as vscode from 'vscode';
import { summarize } from '../../core/access/report-text';
import { bucketKey } from '../../core/access/report-view';
import type { AccessReport } from '../../core/access/report';
import type { Provider } from '../../core/model';

export interface AccessResults {
  last(provider: Provider, name: string): AccessReport | undefined;
  readonly onDidChange: vscode.Event<void>;
}

const storedKey = 'bucketDoctor.lastAccessReports';

export class StoredAccessResults implements AccessResults, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  last(provider: Provider, name: string): AccessReport | undefined {
    const key = bucketKey(provider, name);
    return this.state.get<{ report: AccessReport }[]>(storedKey, []).find((t) => bucketKey(t.report.provider, t.report.bucket) === key)?.report;
  }

  /** Called after a test ran: the icons show its result. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The icon of a bucket: its last result, or a plain bucket when it was never tested. */
export function resultIcon(report: AccessReport | undefined): vscode.ThemeIcon {
  if (!report) return new vscode.ThemeIcon('database');
  return summarize(report).passed ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
}

/** One line for the tooltip: `Last access test: passed (23/11/2026, 01:02)`. */
export function resultText(report: AccessReport): string {
  const when = new Date(report.startedAt).toLocaleString();
  const s = summarize(report);
  return s.passed ? vscode.l10n.t('Last access test: passed ({0})', when) : vscode.l10n.t('Last access test: {0} of {1} checks failed ({2})', String(s.failed), String(s.total), when);
}
