import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFromWebview, isReportPanelState } from '../../../src/core/access/report-messages';
import { bucketKey, reportView } from '../../../src/core/access/report-view';
import { sampleReport } from './report-fixture';

test('a finished run: verdict, facts, row labels and the failure classes the webview colours', () => {
  const view = reportView(sampleReport(), { running: false, links: [undefined, undefined, undefined, { kind: 'policy', file: 'iam/p.json', line: 11, column: 5, relation: 'grants', sid: 'RW' }] });
  assert.equal(view.key, 's3:acme-labeling-prod');
  assert.equal(view.title, 'acme-labeling-prod (s3)');
  assert.deepEqual(view.verdict, { passed: false, label: 'FAILED' });
  assert.deepEqual(view.facts.map((f) => f.name), ['Profile', 'Folder', 'Identity', 'Endpoint', 'Duration']);
  assert.equal(view.rows.length, 7);
  const put = view.rows[3];
  assert.deepEqual(
    [put.name, put.requiredLabel, put.resultLabel, put.failed, put.warning, put.code, put.latency],
    ['Write probe object', 'required', 'denied', true, false, 'AccessDenied', '15 ms'],
  );
  assert.equal(put.link?.label, 'iam/p.json:11 (RW)');
  assert.match(put.link?.title ?? '', /attached to the identity tested/);
  const cors = view.rows[6];
  assert.deepEqual([cors.failed, cors.warning], [false, true]);
  assert.equal(view.rows[4].resultLabel, 'skipped');
  assert.equal(view.rows[4].failed, false);
});

test('while running: no verdict and no duration yet', () => {
  const view = reportView(sampleReport({ checks: sampleReport().checks.slice(0, 2) }), { running: true });
  assert.equal(view.running, true);
  assert.equal(view.verdict, undefined);
  assert.ok(!view.facts.some((f) => f.name === 'Duration'));
  assert.equal(view.rows.length, 2);
});

test('one key per provider and bucket', () => {
  assert.notEqual(bucketKey('s3', 'a'), bucketKey('gcs', 'a'));
});

test('messages from the webview are checked before use', () => {
  assert.ok(isFromWebview({ type: 'open', row: 3 }));
  assert.ok(isFromWebview({ type: 'copyMarkdown' }));
  for (const bad of [null, 'open', {}, { type: 'open' }, { type: 'open', row: -1 }, { type: 'open', row: 1.5 }, { type: 'open', row: '1' }, { type: 'run', command: 'x' }]) {
    assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
  }
  assert.ok(isReportPanelState({ view: reportView(sampleReport(), { running: false }) }));
  for (const bad of [undefined, null, {}, { view: {} }, { view: { key: 1, title: 't', rows: [] } }]) assert.equal(isReportPanelState(bad), false);
});
