import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveFindings } from '../../../src/core/access/report-findings';
import { sampleReport } from './report-fixture';

test('one finding per failed check, on the line that configures the bucket', () => {
  const report = sampleReport();
  const findings = liveFindings(report);
  assert.deepEqual(
    findings.map((f) => [f.operation, f.severity, f.file, f.range.start.line]),
    [
      ['put', 'error', 'lse-values.yaml', 14],
      ['cors', 'warning', 'lse-values.yaml', 14],
    ],
  );
  assert.equal(findings[0].message, 'Write probe object — denied (AccessDenied): Grant s3:PutObject on arn:aws:s3:::acme-labeling-prod/lse/*.');
});

test('a passing re-test has no findings (the extension clears the old ones); no source, no findings', () => {
  const passing = sampleReport({ checks: sampleReport().checks.map((c) => ({ ...c, result: 'passed' as const })) });
  assert.deepEqual(liveFindings(passing), []);
  assert.deepEqual(liveFindings(sampleReport({ source: undefined })), []);
});
