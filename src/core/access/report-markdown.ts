// "Copy as Markdown": an access report as a GitHub-flavoured Markdown block to paste into a ticket.
import { checkName, englishLabels, latencyText, type ReportLabels } from './report-labels';
import { linkLabel, type RowLink } from './report-links';
import { reportPassed, type AccessReport } from './report';

/** Text safe inside a table cell: pipes escaped, line breaks folded, backslashes and backticks kept literal. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Inline code that survives any backticks inside (CommonMark: a longer fence than the longest run inside). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/[\r\n]+/g, ' ')}${pad}${fence}`;
}

export function reportMarkdown(report: AccessReport, labels: ReportLabels = englishLabels, links: readonly (RowLink | undefined)[] = []): string {
  const verdict = reportPassed(report) ? labels.passed : labels.failed;
  const lines = [`### Test Bucket Access: ${inlineCode(report.bucket)} (${report.provider}) — ${verdict}`, ''];
  const facts: [string, string][] = [
    [labels.profile, inlineCode(report.profile)],
    [labels.folder, report.prefix === '' ? labels.wholeBucket : inlineCode(report.prefix)],
  ];
  if (report.identity) facts.push([labels.identity, inlineCode(report.identity)]);
  if (report.endpoint) facts.push([labels.endpoint, inlineCode(report.endpoint)]);
  facts.push([labels.duration, `${latencyText(report.durationMs)} (${report.startedAt})`]);
  lines.push(...facts.map(([name, value]) => `- ${name}: ${value}`), '');
  const c = labels.columns;
  lines.push(`| ${c.check} | ${c.required} | ${c.result} | ${c.code} | ${c.latency} | ${c.hint} |`, '|---|---|---|---|---|---|');
  report.checks.forEach((row, i) => {
    const link = links[i];
    const hint = [row.hint ?? '', link ? `(${linkLabel(link)})` : ''].filter(Boolean).join(' ');
    const cells = [
      checkName(row, labels),
      row.required ? labels.required : labels.optional,
      labels.results[row.result],
      row.code ?? '',
      latencyText(row.latencyMs),
      hint,
    ];
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  });
  if (report.leftovers.length > 0) lines.push('', `**${labels.leftovers}:**`, ...report.leftovers.map((key) => `- ${inlineCode(key)}`));
  if (report.notes.length > 0) lines.push('', `**${labels.notes}:**`, ...report.notes.map((note) => `- ${note.replace(/[\r\n]+/g, ' ')}`));
  return `${lines.join('\n')}\n`;
}
