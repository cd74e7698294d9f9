// Folder values as django-storages joins them with object names: what it refuses, and the normalized prefix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkKeyPrefix, normalizePrefix, unnormalizedSegments } from '../../src/core/key-prefix';

test('clean prefixes, with or without a trailing slash, have no problem on any provider', () => {
  for (const folder of ['', 'lse', 'lse/', 'lse/media', 'lse/media/', 'lse//', 'a b/c', '..lse']) {
    for (const provider of ['s3', 'gcs', 'azure'] as const) assert.deepEqual(checkKeyPrefix(folder, provider).problems, [], `${provider} "${folder}"`);
  }
});

test('a leading slash: S3 and GCS refuse it (check_location), Azure strips it', () => {
  assert.deepEqual(checkKeyPrefix('/lse', 's3'), { problems: ['leading-slash'], normalized: 'lse' });
  assert.deepEqual(checkKeyPrefix('/lse/', 'gcs'), { problems: ['leading-slash'], normalized: 'lse/' });
  assert.deepEqual(checkKeyPrefix('/lse', 'azure').problems, []);
  assert.deepEqual(checkKeyPrefix('//lse', 'azure').problems, []);
  // posixpath.normpath folds three or more leading slashes into one: the key no longer starts with the folder.
  assert.deepEqual(checkKeyPrefix('///lse', 'azure').problems, ['unnormalized']);
  assert.deepEqual(checkKeyPrefix('/', 's3'), { problems: ['leading-slash'], normalized: '' });
});

test('empty, "." and ".." segments make safe_join refuse every key', () => {
  assert.deepEqual(checkKeyPrefix('lse//media', 's3'), { problems: ['unnormalized'], normalized: 'lse/media' });
  assert.deepEqual(checkKeyPrefix('lse/./media/', 'azure'), { problems: ['unnormalized'], normalized: 'lse/media/' });
  assert.deepEqual(checkKeyPrefix('lse/../media', 'gcs'), { problems: ['unnormalized'], normalized: 'media' });
  assert.deepEqual(checkKeyPrefix('s3://acme/lse', 's3'), { problems: ['unnormalized'], normalized: 's3:/acme/lse' });
  assert.deepEqual(checkKeyPrefix('/lse//x', 's3').problems, ['leading-slash', 'unnormalized']);
  assert.deepEqual(unnormalizedSegments('a//b/./c/..'), ['an empty segment ("//")', 'a "." segment', 'a ".." segment']);
  assert.deepEqual(unnormalizedSegments('///lse'), ['three or more leading slashes']);
});

test('property: the normalized prefix is always accepted, and normalizing is idempotent', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '..', ' ', ':'), maxLength: 30 }), fc.constantFrom('s3', 'gcs', 'azure'), (folder, provider) => {
      const { normalized } = checkKeyPrefix(folder, provider);
      assert.deepEqual(checkKeyPrefix(normalized, provider).problems, [], `"${folder}" → "${normalized}"`);
      assert.equal(normalizePrefix(normalized), normalized);
    }),
    { seed: 11, numRuns: 3000 },
  );
});
