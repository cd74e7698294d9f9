// An access report as plain text (the output channel) and as a one-line summary (the status bar).
import { checkName, englishLabels, latencyText, type ReportLabels } from './report-labels';
import { isFailure, reportPassed, type AccessReport } from './report';

export interface ReportSummary {
  passed: boolean;
  /** Required checks that failed. */
  failed: number;
  /** Optional checks that failed (CORS, encryption): worth a look, not a failure of the run. */
  warnings: number;
  total: number;
}

export function summarize(report: AccessReport): ReportSummary {
  const failures = report.checks.filter((c) => isFailure(c.result));
  return {
    passed: reportPassed(report),
    failed: failures.filter((c) => c.required).length,
    warnings: failures.filter((c) => !c.required).length,
    total: report.checks.length,
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Aligned columns: check, result, code, latency, then what to do on its own indented line. */
export function reportText(report: AccessReport, labels: ReportLabels = englishLabels): string {
  const verdict = reportPassed(report) ? labels.passed : labels.failed;
  const lines = [`Test Bucket Access: ${report.bucket} (${report.provider}) — ${verdict}`];
  lines.push(`  ${labels.profile}: ${report.profile}   ${labels.folder}: ${report.prefix === '' ? labels.wholeBucket : report.prefix}`);
  if (report.identity) lines.push(`  ${labels.identity}: ${report.identity}`);
  if (report.endpoint) lines.push(`  ${labels.endpoint}: ${report.endpoint}`);
  const names = report.checks.map((row) => `${checkName(row, labels)}${row.required ? '' : ` (${labels.optional})`}`);
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const resultWidth = Math.max(0, ...report.checks.map((row) => labels.results[row.result].length));
  report.checks.forEach((row, i) => {
    const mark = isFailure(row.result) ? (row.required ? '✗' : '!') : row.result === 'skipped' ? '-' : '✓';
    const code = row.code ? ` ${row.code}` : '';
    const latency = row.latencyMs === undefined ? '' : ` ${latencyText(row.latencyMs)}`;
    lines.push(`  ${mark} ${pad(names[i], nameWidth)}  ${pad(labels.results[row.result], resultWidth)}${code}${latency}`.trimEnd());
    if (row.hint) lines.push(`      ${row.hint.replace(/[\r\n]+/g, ' ')}`);
  });
  if (report.leftovers.length > 0) lines.push(`  ${labels.leftovers}:`, ...report.leftovers.map((key) => `    ${key}`));
  if (report.notes.length > 0) lines.push(`  ${labels.notes}:`, ...report.notes.map((note) => `    ${note.replace(/[\r\n]+/g, ' ')}`));
  lines.push(`  ${labels.duration}: ${latencyText(report.durationMs)}`);
  return `${lines.join('\n')}\n`;
}
