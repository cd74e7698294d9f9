// Failed live checks as problems on the line that configures the bucket, so they sit beside the offline findings.
import type { Range, Severity } from '../model';
import { checkName, englishLabels, type ReportLabels } from './report-labels';
import { isFailure, type AccessReport } from './report';

export interface LiveFinding {
  /** The runner's operation id, the diagnostic's code. */
  operation: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
}

/** A failed required check is an error, a failed optional one (CORS, encryption) a warning; none without a source. */
export function liveFindings(report: AccessReport, labels: ReportLabels = englishLabels): LiveFinding[] {
  const source = report.source;
  if (!source) return [];
  return report.checks
    .filter((row) => isFailure(row.result))
    .map((row) => {
      const code = row.code ? ` (${row.code})` : '';
      const hint = row.hint ? `: ${row.hint}` : '';
      return {
        operation: row.operation,
        severity: row.required ? 'error' : 'warning',
        message: `${checkName(row, labels)} — ${labels.results[row.result]}${code}${hint}`,
        file: source.file,
        range: source.range,
      };
    });
}
