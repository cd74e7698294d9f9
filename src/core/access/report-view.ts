// Builds what the report webview shows from an access report (complete, or partial while the checks run).
import type { Provider } from '../model';
import { checkName, englishLabels, latencyText, type ReportLabels } from './report-labels';
import { linkLabel, type RowLink } from './report-links';
import type { ReportView } from './report-messages';
import { isFailure, reportPassed, type AccessReport } from './report';

/** The one-panel-per-bucket identity. */
export function bucketKey(provider: Provider, bucket: string): string {
  return `${provider}:${bucket}`;
}

export function reportView(report: AccessReport, options: { running: boolean; labels?: ReportLabels; links?: readonly (RowLink | undefined)[] }): ReportView {
  const labels = options.labels ?? englishLabels;
  const links = options.links ?? [];
  const facts = [
    { name: labels.profile, value: report.profile },
    { name: labels.folder, value: report.prefix === '' ? labels.wholeBucket : report.prefix },
  ];
  if (report.identity) facts.push({ name: labels.identity, value: report.identity });
  if (report.endpoint) facts.push({ name: labels.endpoint, value: report.endpoint });
  if (!options.running) facts.push({ name: labels.duration, value: latencyText(report.durationMs) });
  const passed = reportPassed(report);
  return {
    key: bucketKey(report.provider, report.bucket),
    title: `${report.bucket} (${report.provider})`,
    running: options.running,
    ...(options.running ? {} : { verdict: { passed, label: passed ? labels.passed : labels.failed } }),
    facts,
    columns: { ...labels.columns },
    rows: report.checks.map((row, i) => {
      const link = links[i];
      const failure = isFailure(row.result);
      return {
        name: checkName(row, labels),
        required: row.required,
        requiredLabel: row.required ? labels.required : labels.optional,
        result: row.result,
        resultLabel: labels.results[row.result],
        failed: failure && row.required,
        warning: failure && !row.required,
        code: row.code ?? '',
        latency: latencyText(row.latencyMs),
        hint: row.hint ?? '',
        ...(link ? { link: { ...link, label: linkLabel(link), title: labels.links[link.kind === 'config' ? 'config' : (link.relation ?? 'should-grant')] } } : {}),
      };
    }),
    leftovers: [...report.leftovers],
    notes: [...report.notes],
    labels: {
      leftovers: labels.leftovers,
      notes: labels.notes,
      running: labels.running,
      copyMarkdown: labels.actions.copyMarkdown,
      retryCleanup: labels.actions.retryCleanup,
      retest: labels.actions.retest,
    },
  };
}
