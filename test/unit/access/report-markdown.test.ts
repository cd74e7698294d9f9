import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishLabels } from '../../../src/core/access/report-labels';
import { inlineCode, markdownCell, reportMarkdown } from '../../../src/core/access/report-markdown';
import { sampleReport } from './report-fixture';

/** The table rows of a Markdown report, split into cells (escaped pipes stay inside their cell). */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(/ (?<!\\)\| /));
}

test('a failed run: verdict, facts, one table row per check, notes', () => {
  const markdown = reportMarkdown(sampleReport());
  assert.match(markdown, /^### Test Bucket Access: `acme-labeling-prod` \(s3\) — FAILED\n/);
  assert.match(markdown, /^- Profile: `lse-persistence`$/m);
  assert.match(markdown, /^- Folder: `lse\/`$/m);
  assert.match(markdown, /^- Identity: `arn:aws:iam::123456789012:user\/reader`$/m);
  assert.match(markdown, /^- Endpoint: `http:\/\/127\.0\.0\.1:7480`$/m);
  assert.match(markdown, /^- Duration: 1\.3 s \(2026-11-22T22:00:00\.000Z\)$/m);
  const rows = tableRows(markdown);
  assert.deepEqual(rows[0], ['Check', 'Required', 'Result', 'Code', 'Latency', 'What to do']);
  assert.equal(rows.length, 1 + sampleReport().checks.length);
  assert.deepEqual(rows[4], ['Write probe object', 'required', 'denied', 'AccessDenied', '15 ms', 'Grant s3:PutObject on arn:aws:s3:::acme-labeling-prod/lse/*.']);
  assert.deepEqual(rows[7], ['CORS for the Label Studio host', 'optional', 'denied', 'AccessDenied', '1.2 s', 'Cannot read the CORS rules.']);
  assert.match(markdown, /\*\*Notes:\*\*\n- The checks ran as the caller/);
  assert.doesNotMatch(markdown, /could not be deleted/);
});

test('a passing run says PASSED; the whole bucket has no folder; leftovers are listed by full key', () => {
  const passing = sampleReport({ prefix: '', checks: sampleReport().checks.map((c) => ({ ...c, result: 'passed' as const })) });
  assert.match(reportMarkdown(passing), /— PASSED\n/);
  assert.match(reportMarkdown(passing), /^- Folder: \(whole bucket\)$/m);
  const leftover = reportMarkdown({ ...passing, leftovers: ['lse/.bucket-doctor-probe-abc123'] });
  assert.match(leftover, /— FAILED\n/, 'a probe left behind fails the run');
  assert.match(leftover, /\*\*Probe objects that could not be deleted:\*\*\n- `lse\/\.bucket-doctor-probe-abc123`/);
});

test('links are named after the hint; simulated rows name their role', () => {
  const report = sampleReport({ checks: [{ ...sampleReport().checks[3], simulatedFor: 'arn:aws:iam::123456789012:role/lse-storage' }] });
  const markdown = reportMarkdown(report, englishLabels, [{ kind: 'policy', file: 'iam/policy.json', line: 9, column: 5, sid: 'ReadWrite', relation: 'should-grant' }]);
  const [, row] = tableRows(markdown);
  assert.equal(row[0], 'Write probe object (simulated for role arn:aws:iam::123456789012:role/lse-storage)');
  assert.equal(row[5], 'Grant s3:PutObject on arn:aws:s3:::acme-labeling-prod/lse/*. (iam/policy.json:9 (ReadWrite))');
});

test('cells cannot break the table: pipes, line breaks and backticks in provider text', () => {
  assert.equal(markdownCell('a|b\r\n  c `d` \\'), 'a\\|b c \\`d\\` \\\\');
  const report = sampleReport({ checks: [{ operation: 'weird|op', required: true, result: 'error', code: 'X|Y', hint: 'line one\nline | two' }] });
  const rows = tableRows(reportMarkdown(report));
  assert.equal(rows[1].length, 6);
  assert.deepEqual(rows[1], ['weird\\|op', 'required', 'error', 'X\\|Y', '', 'line one line \\| two']);
});

test('inline code fences survive backticks in bucket names and keys', () => {
  assert.equal(inlineCode('plain'), '`plain`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x'), '`` `x ``');
  assert.equal(inlineCode('two\nlines'), '`two lines`');
});

test('labels come from the caller (the extension passes its translations)', () => {
  const labels = { ...englishLabels, failed: 'ÉCHEC', results: { ...englishLabels.results, denied: 'refusé' } };
  const markdown = reportMarkdown(sampleReport(), labels);
  assert.match(markdown, /— ÉCHEC\n/);
  assert.ok(tableRows(markdown).some((row) => row[2] === 'refusé'));
});
