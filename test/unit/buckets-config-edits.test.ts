import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBucket, setBucketField } from '../../src/core/bucket-config-edits';
import { parseBucketConfig } from '../../src/core/sources/bucket-config';
import { Workspace } from '../../src/core/workspace';
import { findings } from './rules/check-helpers';

/** The edited file parses as a config without problems (config/invalid has nothing to say). */
function assertValid(text: string): void {
  assert.deepEqual(parseBucketConfig(text).problems, []);
  assert.deepEqual(findings('config/invalid', { '.bucket-doctor.json': text }, '.bucket-doctor.json'), []);
}

test('adding a bucket to a new file writes the whole config', () => {
  const text = addBucket(undefined, { name: 'acme', provider: 's3', profile: 'lightly-input', prefix: '', region: 'eu-west-1' });
  assertValid(text);
  assert.deepEqual(JSON.parse(text), { buckets: [{ name: 'acme', provider: 's3', profile: 'lightly-input', region: 'eu-west-1' }] });
  assert.deepEqual(new Workspace([{ path: '.bucket-doctor.json', text }]).buckets().map((b) => [b.name, b.profile, b.region]), [['acme', 'lightly-input', 'eu-west-1']]);
});

test('adding a bucket keeps comments, other entries and the indentation of the file', () => {
  const before = '{\n    // Buckets the Lightly worker uses.\n    "buckets": [\n        { "name": "in", "profile": "lightly-input" }\n    ]\n}\n';
  const after = addBucket(before, { name: 'out', provider: 'gcs' });
  assertValid(after);
  assert.ok(after.includes('// Buckets the Lightly worker uses.'));
  assert.ok(after.includes('        { "name": "in", "profile": "lightly-input" }'));
  assert.deepEqual(parseBucketConfig(after).buckets.map((b) => [b.name, b.provider]), [
    ['in', 's3'],
    ['out', 'gcs'],
  ]);
});

test('setting a field changes only that entry, adding the field or the entry as needed', () => {
  const before = '{\n  "buckets": [\n    { "bucket": "broken" },\n    { "name": "acme", "profile": "lse-persistence" },\n    { "name": "acme", "provider": "azure" }\n  ]\n}\n';
  const changed = setBucketField(before, 's3', 'acme', 'profile', 'ls-source-storage');
  assert.equal(changed, before.replace('"profile": "lse-persistence"', '"profile": "ls-source-storage"'));
  const added = setBucketField(before, 'azure', 'acme', 'awsProfile', 'ops');
  assert.deepEqual(parseBucketConfig(added).buckets.map((b) => [b.provider, b.name, b.awsProfile]), [
    ['s3', 'acme', undefined],
    ['azure', 'acme', 'ops'],
  ]);
  const created = setBucketField(before, 'gcs', 'new', 'profile', 'arraylake');
  assert.deepEqual(parseBucketConfig(created).buckets.map((b) => [b.provider, b.name, b.profile]).at(-1), ['gcs', 'new', 'arraylake']);
  assert.ok(created.startsWith(before.slice(0, before.indexOf('\n  ]'))), 'earlier entries are untouched');
});
