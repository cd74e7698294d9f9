import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportText, summarize } from '../../../src/core/access/report-text';
import { sampleReport } from './report-fixture';

test('summary counts failed required and optional checks separately', () => {
  assert.deepEqual(summarize(sampleReport()), { passed: false, failed: 1, warnings: 1, total: 7 });
  const passing = sampleReport({ checks: sampleReport().checks.filter((c) => c.result === 'passed') });
  assert.deepEqual(summarize(passing), { passed: true, failed: 0, warnings: 0, total: 3 });
  assert.equal(summarize({ ...passing, leftovers: ['lse/.bucket-doctor-probe-1'] }).passed, false);
});

test('plain text: a marked, aligned line per check and its hint below', () => {
  const lines = reportText(sampleReport()).trimEnd().split('\n');
  assert.equal(lines[0], 'Test Bucket Access: acme-labeling-prod (s3) — FAILED');
  assert.equal(lines[1], '  Profile: lse-persistence   Folder: lse/');
  const put = lines.findIndex((l) => l.includes('Write probe object'));
  assert.match(lines[put], /^ {2}✗ Write probe object +denied +AccessDenied 15 ms$/);
  assert.equal(lines[put + 1], '      Grant s3:PutObject on arn:aws:s3:::acme-labeling-prod/lse/*.');
  assert.match(lines.find((l) => l.includes('CORS')) ?? '', /^ {2}! CORS for the Label Studio host \(optional\) +denied +AccessDenied 1\.2 s$/);
  assert.match(lines.find((l) => l.includes('Delete probe')) ?? '', /^ {2}- Delete probe object +skipped$/);
  assert.match(lines.find((l) => l.includes('List objects')) ?? '', /^ {2}✓ List objects/);
  // The result column starts at the same place on every check line.
  const checkLines = lines.filter((l) => /^ {2}[✓✗!-] /.test(l));
  const starts = new Set(checkLines.map((l) => l.search(/(passed|denied|skipped)/)));
  assert.equal(starts.size, 1, checkLines.join('\n'));
  assert.equal(lines.at(-1), '  Duration: 1.3 s');
});

test('leftover probes are listed by full key', () => {
  const text = reportText(sampleReport({ leftovers: ['lse/.bucket-doctor-probe-x1'] }));
  assert.match(text, /\n {2}Probe objects that could not be deleted:\n {4}lse\/\.bucket-doctor-probe-x1\n/);
});
