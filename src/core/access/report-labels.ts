// The words an access report is shown with; English here, the extension passes its vscode.l10n.t translations.
import type { CheckResult, CheckRow } from './report';
import type { RowLink } from './report-links';

export interface ReportLabels {
  results: Readonly<Record<CheckResult, string>>;
  /** Names of the runner's operation ids; an id without a name is shown as it is. */
  operations: Readonly<Record<string, string>>;
  columns: Readonly<{ check: string; required: string; result: string; code: string; latency: string; hint: string }>;
  required: string;
  optional: string;
  passed: string;
  failed: string;
  /** `{0}` is the role ARN. */
  simulatedFor: string;
  identity: string;
  profile: string;
  folder: string;
  wholeBucket: string;
  endpoint: string;
  duration: string;
  notes: string;
  /** Heading of the list of probe objects that could not be deleted. */
  leftovers: string;
  /** Shown while the checks run. */
  running: string;
  actions: Readonly<{ copyMarkdown: string; retryCleanup: string; retest: string }>;
  /** Tooltips of a row's link, by what the linked place has to do with the failure. */
  links: Readonly<Record<'config' | NonNullable<RowLink['relation']>, string>>;
}

export const englishLabels: ReportLabels = {
  results: {
    passed: 'passed',
    denied: 'denied',
    'not-found': 'not found',
    'wrong-region': 'wrong region',
    'bad-credentials': 'bad credentials',
    unreachable: 'unreachable',
    'timed-out': 'timed out',
    error: 'error',
    skipped: 'skipped',
  },
  operations: {
    identity: 'Identity',
    location: 'Bucket region',
    list: 'List objects',
    put: 'Write probe object',
    get: 'Read probe object back',
    delete: 'Delete probe object',
    'read-existing': 'Read an existing object',
    multipart: 'Multipart upload',
    acl: 'Set object ACL',
    encryption: 'Bucket encryption',
    'kms-put': 'Write with the KMS key',
    cors: 'CORS for the Label Studio host',
    'presigned-get': 'Presigned URL',
    'test-permissions': 'Test IAM permissions',
    simulate: 'IAM policy simulation',
  },
  columns: { check: 'Check', required: 'Required', result: 'Result', code: 'Code', latency: 'Latency', hint: 'What to do' },
  required: 'required',
  optional: 'optional',
  passed: 'PASSED',
  failed: 'FAILED',
  simulatedFor: 'simulated for role {0}',
  identity: 'Identity',
  profile: 'Profile',
  folder: 'Folder',
  wholeBucket: '(whole bucket)',
  endpoint: 'Endpoint',
  duration: 'Duration',
  notes: 'Notes',
  leftovers: 'Probe objects that could not be deleted',
  running: 'Running…',
  actions: { copyMarkdown: 'Copy as Markdown', retryCleanup: 'Retry cleanup', retest: 'Test again' },
  links: {
    config: 'The line that configures this bucket',
    denies: 'The statement that denies this action',
    'may-deny': 'This statement denies the action under conditions (source IP, VPC, TLS…) the live request may have met',
    grants: 'This statement grants the action: is its policy attached to the identity tested?',
    conditional: 'This statement grants the action only under conditions the request did not meet',
    'should-grant': 'The statement that should grant this action: no statement grants it',
  },
};

/** Fills `{0}`-style placeholders, as vscode.l10n.t does. */
export function format(template: string, ...args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
}

/** `Write probe object`; a simulated row also names its role. */
export function checkName(row: CheckRow, labels: ReportLabels): string {
  const name = Object.hasOwn(labels.operations, row.operation) ? labels.operations[row.operation] : row.operation;
  return row.simulatedFor ? `${name} (${format(labels.simulatedFor, row.simulatedFor)})` : name;
}

/** `85 ms`, `1.2 s`; empty when the check made no request. */
export function latencyText(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
