// Picks the preferred fixes that can be applied together in one pass (CLI --fix, editor "fix all").
import type { Finding, Fix, TextEdit } from './model';

/** Two edits touch the same text, or insert at the same place (where their order would be ambiguous). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  return (a.offset < b.offset + b.length && b.offset < a.offset + a.length) || a.offset === b.offset;
}

/** The file an edit applies to: its own `file`, else the finding's. */
export function editFile(edit: TextEdit, finding: Finding): string {
  return edit.file ?? finding.file;
}

/** Preferred fixes of `findings` (optionally one rule's), skipping any that overlaps one chosen before it. */
export function compatibleFixes(findings: readonly Finding[], ruleId?: string): { finding: Finding; fix: Fix }[] {
  const taken = new Map<string, TextEdit[]>();
  const chosen: { finding: Finding; fix: Fix }[] = [];
  for (const finding of findings) {
    if (ruleId !== undefined && finding.ruleId !== ruleId) continue;
    const fix = finding.fixes?.find((f) => f.preferred);
    if (!fix) continue;
    const clash = fix.edits.some((e) => (taken.get(editFile(e, finding)) ?? []).some((other) => overlap(e, other)));
    if (clash) continue;
    for (const e of fix.edits) taken.set(editFile(e, finding), [...(taken.get(editFile(e, finding)) ?? []), e]);
    chosen.push({ finding, fix });
  }
  return chosen;
}
