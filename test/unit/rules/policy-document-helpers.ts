// Helpers for the policy document rule tests: check a policy (optionally beside other workspace files) and apply a
// fix with the promises every policy fix makes (strict JSON when the policy was, the finding gone, nothing new).
import assert from 'node:assert/strict';
import { parsePolicy } from '../../../src/core/iam/policy';
import type { Finding, Fix } from '../../../src/core/model';
import { applyEdits } from '../../../src/core/text';
import { check, findings, type Files } from './check-helpers';

export const path = 'iam/policy.json';

/** Findings of `ruleId` for the policy text (plus other workspace files). */
export function policyFindings(ruleId: string, text: string, others: Files = {}): Finding[] {
  return findings(ruleId, { ...others, [path]: text }, path);
}

const key = (f: Finding) => `${f.ruleId}|${f.message}`;

const counts = (found: readonly Finding[]) => {
  const map = new Map<string, number>();
  for (const f of found) map.set(key(f), (map.get(key(f)) ?? 0) + 1);
  return map;
};

/**
 * Applies `fix` and re-checks: one finding like `finding` fewer (policies repeat the same mistake, with the same
 * message), no finding of another rule added, no more JSON errors than before and, if there were none, strict JSON.
 */
export function applyPolicyFix(text: string, finding: Finding, fix: Fix, others: Files = {}): string {
  const before = counts(check({ ...others, [path]: text }, path));
  const fixed = applyEdits(text, fix.edits);
  const after = counts(check({ ...others, [path]: fixed }, path));
  assert.equal(after.get(key(finding)) ?? 0, (before.get(key(finding)) ?? 0) - 1, `the finding must be gone after "${fix.title}":\n${fixed}`);
  const added = [...after].filter(([k, n]) => !k.startsWith(`${finding.ruleId}|`) && n > (before.get(k) ?? 0)).map(([k]) => k);
  assert.deepEqual(added, [], `"${fix.title}" must not introduce new findings:\n${fixed}`);
  const errors = parsePolicy(text).errors.length;
  assert.ok(parsePolicy(fixed).errors.length <= errors, `the fix must not break the JSON:\n${fixed}`);
  if (errors === 0) assert.doesNotThrow(() => JSON.parse(fixed), fixed);
  return fixed;
}

/** The line (1-based) and message of each finding, for compact assertions. */
export const lines = (found: readonly Finding[]) => found.map((f) => f.range.start.line);
