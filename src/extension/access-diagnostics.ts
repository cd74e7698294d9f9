// Failed live checks as problems on the config line of the bucket; a bucket's re-test replaces (or clears) its own.
import * as vscode from 'vscode';
import { liveFindings } from '../core/access/report-findings';
import type { ReportLabels } from '../core/access/report-labels';
import type { AccessReport } from '../core/access/report';
import { bucketKey } from '../core/access/report-view';

const liveSource = 'Bucket Doctor (live)';

export class LiveDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bucket-doctor-live');
  /** Per bucket, its diagnostics by document URI: several buckets may be configured in one file. */
  private readonly byBucket = new Map<string, Map<string, vscode.Diagnostic[]>>();

  constructor(private readonly labels: ReportLabels) {}

  update(folder: vscode.Uri, report: AccessReport): void {
    const key = bucketKey(report.provider, report.bucket);
    const touched = new Set(this.byBucket.get(key)?.keys());
    const mine = new Map<string, vscode.Diagnostic[]>();
    for (const finding of liveFindings(report, this.labels)) {
      const uri = vscode.Uri.joinPath(folder, finding.file).toString();
      const { start, end } = finding.range;
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1),
        finding.message,
        finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = liveSource;
      diagnostic.code = finding.operation;
      mine.set(uri, [...(mine.get(uri) ?? []), diagnostic]);
      touched.add(uri);
    }
    this.byBucket.set(key, mine);
    for (const uri of touched) {
      const all = [...this.byBucket.values()].flatMap((files) => files.get(uri) ?? []);
      this.collection.set(vscode.Uri.parse(uri), all);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}
