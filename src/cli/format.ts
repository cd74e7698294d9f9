// Renders findings as text (for people), JSON (for scripts) and SARIF 2.1.0 (for code scanning).
import type { Finding, Severity } from '../core/model';
import { allRules } from '../core/rules';
import { ruleDocPath } from '../core/rules/rule';
import { repository, version } from '../../package.json';

export type Format = 'text' | 'json' | 'sarif';

const docsBase = `${repository.url.replace(/\.git$/, '')}/blob/main/`;

const colors: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

export function formatText(findings: readonly Finding[], color: boolean): string {
  const paint = (severity: Severity, s: string) => (color ? `${colors[severity]}${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines = findings.map(
    (f) => `${f.file}:${f.range.start.line}:${f.range.start.column}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.message}  ${dim(f.ruleId)}`,
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
  return `${lines.join('\n')}${lines.length ? '\n\n' : ''}${summary}\n`;
}

export function formatJson(findings: readonly Finding[]): string {
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(findings: readonly Finding[]): string {
  const rules = allRules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.title },
    helpUri: docsBase + ruleDocPath(r.id),
    defaultConfiguration: { level: sarifLevel[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: sarifLevel[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'bucket-doctor', version, informationUri: repository.url.replace(/\.git$/, ''), rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function format(findings: readonly Finding[], kind: Format, color: boolean): string {
  return kind === 'json' ? formatJson(findings) : kind === 'sarif' ? formatSarif(findings) : formatText(findings, color);
}
