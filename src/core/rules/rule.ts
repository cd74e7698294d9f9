// What a rule is, and the context it checks a file in.
import type { Finding, Fix, Severity } from '../model';
import type { FileKind } from '../sources/file-kinds';
import type { SourceFile, Workspace } from '../workspace';

/** A problem a rule found, located by offsets into the file text. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's default severity (e.g. a secret in a git-tracked file). */
  severity?: Severity;
  fixes?: Fix[];
}

export interface RuleContext {
  file: SourceFile;
  workspace: Workspace;
  report(problem: Report): void;
}

export interface Rule {
  /** Stable slug `<group>/<name>`; also the path of its page under docs/rules/. */
  id: string;
  title: string;
  severity: Severity;
  kinds: readonly FileKind[];
  check(context: RuleContext): void;
}

/** Where a rule's documentation lives, relative to the extension / repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** Runs `rules` over one file of `workspace`; a rule that throws becomes a finding, never a crash. */
export function runRules(rules: readonly Rule[], workspace: Workspace, file: SourceFile): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(file.kind)) continue;
    const report = (problem: Report) => {
      const finding: Finding = {
        ruleId: rule.id,
        severity: problem.severity ?? rule.severity,
        message: problem.message,
        file: file.path,
        range: file.lines.range(problem.start, Math.max(problem.start, problem.end)),
      };
      if (problem.fixes?.length) finding.fixes = problem.fixes;
      findings.push(finding);
    };
    try {
      rule.check({ file, workspace, report });
    } catch (error) {
      findings.push({
        ruleId: rule.id,
        severity: 'warning',
        message: `Bucket Doctor could not finish rule ${rule.id} on this file (${String(error)}); please report it.`,
        file: file.path,
        range: file.lines.range(0, 0),
      });
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}
