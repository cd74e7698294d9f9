import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampExpiry, formatDuration, maxSignedSeconds, parseDuration } from '../../src/core/signed-url-expiry';

test('durations as typed: seconds, units, combinations; nonsense and zero are refused', () => {
  assert.deepEqual(['3600', '90s', '15m', '12h', '7d', '1h30m', ' 2 d ', '1H'].map(parseDuration), [3600, 90, 900, 43200, 604800, 5400, 172800, 3600]);
  for (const bad of ['', '0', '-5', '1.5h', 'soon', '3w', '0m', 'h']) assert.equal(parseDuration(bad), undefined, bad);
});

test('clamped to 7 days for S3 and GCS; temporary credentials warn; a known credential expiry bounds the URL', () => {
  assert.equal(maxSignedSeconds, 604800);
  assert.deepEqual(clampExpiry(3600, { provider: 's3' }), { seconds: 3600, warnings: [] });
  assert.deepEqual(clampExpiry(30 * 86400, { provider: 's3' }), { seconds: 604800, warnings: ['clamped'] });
  assert.deepEqual(clampExpiry(8 * 86400, { provider: 'gcs' }), { seconds: 604800, warnings: ['clamped'] });
  assert.deepEqual(clampExpiry(86400, { provider: 's3', temporary: true }), { seconds: 86400, warnings: ['temporary-credentials'] });
  const now = new Date('2026-11-23T00:00:00Z');
  const credentialsExpire = new Date('2026-11-23T01:00:00Z');
  assert.deepEqual(clampExpiry(86400, { provider: 's3', temporary: true, credentialsExpire, now }), { seconds: 3600, warnings: ['credentials-expire-sooner'] });
  assert.deepEqual(clampExpiry(600, { provider: 's3', temporary: true, credentialsExpire, now }), { seconds: 600, warnings: [] });
  assert.deepEqual(clampExpiry(0.4, { provider: 'azure' }), { seconds: 1, warnings: [] });
});

test('durations as shown', () => {
  assert.deepEqual([604800, 3600, 5400, 59, 0, 90061].map(formatDuration), ['7 d', '1 h', '1 h 30 min', '59 s', '0 s', '1 d 1 h 1 min 1 s']);
});
