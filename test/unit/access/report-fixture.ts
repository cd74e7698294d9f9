// A realistic report for the report tests: the S3 lse-persistence run of a user allowed to list and read only.
import type { AccessReport, CheckRow } from '../../../src/core/access/report';

export function sampleReport(overrides: Partial<AccessReport> = {}): AccessReport {
  const checks: CheckRow[] = [
    { operation: 'identity', required: false, result: 'passed', latencyMs: 12, hint: 'arn:aws:iam::123456789012:user/reader' },
    { operation: 'location', required: true, result: 'passed', latencyMs: 8, hint: 'us-east-1', action: 's3:GetBucketLocation' },
    { operation: 'list', required: true, result: 'passed', latencyMs: 9, action: 's3:ListBucket' },
    { operation: 'put', required: true, result: 'denied', code: 'AccessDenied', latencyMs: 15, hint: 'Grant s3:PutObject on arn:aws:s3:::acme-labeling-prod/lse/*.', action: 's3:PutObject' },
    { operation: 'get', required: true, result: 'skipped', hint: 'No probe object was written.', action: 's3:GetObject' },
    { operation: 'delete', required: true, result: 'skipped', action: 's3:DeleteObject' },
    { operation: 'cors', required: false, result: 'denied', code: 'AccessDenied', latencyMs: 1234, hint: 'Cannot read the CORS rules.', action: 's3:GetBucketCORS' },
  ];
  return {
    version: 1,
    bucket: 'acme-labeling-prod',
    provider: 's3',
    identity: 'arn:aws:iam::123456789012:user/reader',
    profile: 'lse-persistence',
    prefix: 'lse/',
    endpoint: 'http://127.0.0.1:7480',
    source: { file: 'lse-values.yaml', range: { start: { line: 14, column: 17 }, end: { line: 14, column: 37 } } },
    checks,
    leftovers: [],
    notes: ['The checks ran as the caller, not as the deployment role arn:aws:iam::123456789012:role/lse-storage.'],
    startedAt: '2026-11-22T22:00:00.000Z',
    durationMs: 1312,
    ...overrides,
  };
}
