// The last Test Bucket Access result of each bucket, for the icon of its node. AccessTesting
// (commands/test-bucket-access.ts) keeps the reports and says when one changes: the view redraws that bucket only.
import * as vscode from 'vscode';
import { summarize } from '../../core/access/report-text';
import type { AccessReport } from '../../core/access/report';
import type { Provider } from '../../core/model';

export interface AccessResults {
  last(provider: Provider, name: string): AccessReport | undefined;
  /** Fires with the bucket key (`s3:name`, see bucketKey) when a test of that bucket finished. */
  readonly onDidChange: vscode.Event<string>;
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
