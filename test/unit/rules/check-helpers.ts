// Shared helpers for rule tests: check a file in a small workspace, apply a fix and re-check.
import assert from 'node:assert/strict';
import { checkFile } from '../../../src/core/check';
import type { Finding, Fix } from '../../../src/core/model';
import { parseYaml } from '../../../src/core/sources/yaml-file';
import { applyEdits } from '../../../src/core/text';
import { Workspace, type WorkspaceOptions } from '../../../src/core/workspace';

export type Files = Record<string, string>;

/** Findings for `path` in a workspace made of `files`. */
export function check(files: Files, path: string, options: WorkspaceOptions = {}): Finding[] {
  const workspace = new Workspace(Object.entries(files).map(([p, text]) => ({ path: p, text })), options);
  const file = workspace.get(path);
  assert.ok(file, `${path} is not recognised as a deployment file`);
  return checkFile(workspace, file);
}

/** Findings of one rule for `path`. */
export function findings(ruleId: string, files: Files, path: string, options?: WorkspaceOptions): Finding[] {
  return check(files, path, options).filter((f) => f.ruleId === ruleId);
}

const key = (f: Finding) => `${f.ruleId}|${f.message}`;

/**
 * Applies `fix` to `path` and checks the promise every fix makes: the file still parses, the finding is gone,
 * and no other finding appeared. Returns the fixed text.
 */
export function applyAndRecheck(files: Files, path: string, finding: Finding, fix: Fix, options?: WorkspaceOptions): string {
  const before = check(files, path, options);
  const text = applyEdits(files[path], fix.edits);
  if (/\.ya?ml$/.test(path)) assert.deepEqual(parseYaml(text).problems, [], `fixed YAML must parse:\n${text}`);
  const after = check({ ...files, [path]: text }, path, options);
  assert.ok(!after.some((f) => key(f) === key(finding)), `the finding must be gone after "${fix.title}":\n${text}`);
  const remaining = new Set(before.filter((f) => f !== finding).map(key));
  const added = after.filter((f) => !remaining.has(key(f)) && f.ruleId !== finding.ruleId);
  assert.deepEqual(added, [], `"${fix.title}" must not introduce new findings`);
  return text;
}

/** The preferred fix of a finding (failing the test when there is none). */
export function preferred(finding: Finding): Fix {
  const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
  assert.ok(fix, `${finding.ruleId} should offer a fix`);
  return fix;
}
