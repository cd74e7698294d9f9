// The report's words in the user's language: every string is a literal vscode.l10n.t call, so l10n tooling finds it.
import * as vscode from 'vscode';
import type { ReportLabels } from '../core/access/report-labels';

export function localLabels(): ReportLabels {
  const t = vscode.l10n.t;
  return {
    results: {
      passed: t('passed'),
      denied: t('denied'),
      'not-found': t('not found'),
      'wrong-region': t('wrong region'),
      'bad-credentials': t('bad credentials'),
      unreachable: t('unreachable'),
      'timed-out': t('timed out'),
      error: t('error'),
      skipped: t('skipped'),
    },
    operations: {
      identity: t('Identity'),
      location: t('Bucket region'),
      list: t('List objects'),
      put: t('Write probe object'),
      get: t('Read probe object back'),
      delete: t('Delete probe object'),
      'read-existing': t('Read an existing object'),
      multipart: t('Multipart upload'),
      acl: t('Set object ACL'),
      encryption: t('Bucket encryption'),
      'kms-put': t('Write with the KMS key'),
      cors: t('CORS for the Label Studio host'),
      'presigned-get': t('Presigned URL'),
      'test-permissions': t('Test IAM permissions'),
      simulate: t('IAM policy simulation'),
    },
    columns: { check: t('Check'), required: t('Required'), result: t('Result'), code: t('Code'), latency: t('Latency'), hint: t('What to do') },
    required: t('required'),
    optional: t('optional'),
    passed: t('PASSED'),
    failed: t('FAILED'),
    simulatedFor: t('simulated for role {0}'),
    identity: t('Identity'),
    profile: t('Profile'),
    folder: t('Folder'),
    wholeBucket: t('(whole bucket)'),
    endpoint: t('Endpoint'),
    duration: t('Duration'),
    notes: t('Notes'),
    leftovers: t('Probe objects that could not be deleted'),
    running: t('Running…'),
    actions: { copyMarkdown: t('Copy as Markdown'), retryCleanup: t('Retry cleanup'), retest: t('Test again') },
    links: {
      config: t('The line that configures this bucket'),
      denies: t('The statement that denies this action'),
      'may-deny': t('This statement denies the action under conditions (source IP, VPC, TLS…) the live request may have met'),
      grants: t('This statement grants the action: is its policy attached to the identity tested?'),
      conditional: t('This statement grants the action only under conditions the request did not meet'),
      'should-grant': t('The statement that should grant this action: no statement grants it'),
    },
  };
}
