// The result of Test Bucket Access: one row per check, the same shape for the report view, the CLI and tests.
import type { Provider, Range } from '../model';

/** What a check came to; `denied` … `timed-out` are failures, `skipped` is neither. */
export type CheckResult =
  | 'passed'
  | 'denied'
  | 'not-found'
  | 'wrong-region'
  | 'bad-credentials'
  | 'unreachable'
  | 'timed-out'
  | 'error'
  | 'skipped';

export interface CheckRow {
  /** Stable id of the check: `identity`, `location`, `list`, `put`, `get`, `delete`, `cors`, `presigned-get`, … */
  operation: string;
  /** False for checks the profile does not need (CORS, encryption): their failure does not fail the run. */
  required: boolean;
  result: CheckResult;
  /** The provider's own error code (`AccessDenied`, `AuthorizationPermissionMismatch`, `forbidden`). */
  code?: string;
  latencyMs?: number;
  /** What to do about it, one sentence; for passed rows, what was observed (e.g. the region). */
  hint?: string;
  /** The IAM action / GCS permission / Azure operation the check exercised, to link a denial to the policy. */
  action?: string;
  /** Set when the row was not run live but simulated (IAM SimulatePrincipalPolicy) for that role ARN. */
  simulatedFor?: string;
}

export interface AccessReport {
  version: 1;
  bucket: string;
  provider: Provider;
  /** Who the live checks ran as (ARN, service-account email, account name); never a secret. */
  identity?: string;
  profile: string;
  prefix: string;
  endpoint?: string;
  /** Where the bucket is configured, so failures can be tied back to the file. */
  source?: { file: string; range: Range };
  checks: CheckRow[];
  /** Full keys of probe objects that could not be deleted. */
  leftovers: string[];
  /** Caveats the user must read, e.g. that the checks ran as the caller, not as the deployment's role. */
  notes: string[];
  startedAt: string;
  durationMs: number;
}

const failures: ReadonlySet<CheckResult> = new Set(['denied', 'not-found', 'wrong-region', 'bad-credentials', 'unreachable', 'timed-out', 'error']);

export function isFailure(result: CheckResult): boolean {
  return failures.has(result);
}

/** True when every required check passed (or was skipped by design) and no probe was left behind. */
export function reportPassed(report: AccessReport): boolean {
  return report.leftovers.length === 0 && report.checks.every((c) => !c.required || !isFailure(c.result));
}
