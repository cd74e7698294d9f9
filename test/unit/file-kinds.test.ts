import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fileKind, needsContent } from '../../src/core/sources/file-kinds';
import { matchesGlob } from '../../src/core/sources/glob';

test('globs: **, *, ?, braces and base-name matching', () => {
  assert.ok(matchesGlob('deploy/lse-values.yaml', '*values*.{yaml,yml}'));
  assert.ok(matchesGlob('values.yml', '*values*.{yaml,yml}'));
  assert.ok(!matchesGlob('values.json', '*values*.{yaml,yml}'));
  assert.ok(matchesGlob('a/b/iam/x.json', '**/iam/**/*.json'));
  assert.ok(matchesGlob('iam/x.json', '**/iam/**/*.json'));
  assert.ok(!matchesGlob('iamx/x.json', '**/iam/**/*.json'));
  assert.ok(matchesGlob('env.list', 'env.lis?'));
  assert.ok(matchesGlob('a.b+c.env', '*.env'), 'regex metacharacters in names are literal');
  assert.ok(!matchesGlob('deploy/x.env', 'x.env/*'));
});

test('names decide env, compose, config and values files', () => {
  const none = '';
  assert.equal(fileKind('env.list', none), 'env');
  assert.equal(fileKind('deploy/.env', none), 'env');
  assert.equal(fileKind('prod.env', none), 'env');
  assert.equal(fileKind('prod.env.list', none), 'env');
  assert.equal(fileKind('docker-compose.yml', none), 'compose');
  assert.equal(fileKind('docker-compose.override.yaml', none), 'compose');
  assert.equal(fileKind('compose.yaml', none), 'compose');
  assert.equal(fileKind('.bucket-doctor.json', none), 'config');
  assert.equal(fileKind('charts/lse-values.yaml', none), 'values');
  assert.equal(fileKind('README.md', none), undefined);
  assert.ok(!needsContent('env.list'));
  assert.ok(needsContent('deploy/helm.yaml'));
  assert.ok(needsContent('iam/anything.json'));
});

test('content decides YAML with global.persistence and JSON with Statement', () => {
  const values = '# LSE\nglobal:\n  image:\n    tag: 1\n\n  # storage\n  persistence:\n    type: s3\n';
  assert.equal(fileKind('deploy/helm.yaml', values), 'values');
  assert.equal(fileKind('deploy/helm.yaml', 'app:\n  persistence:\n    type: s3\n'), undefined);
  assert.equal(fileKind('deploy/helm.yaml', 'global:\n  image: {}\napp:\n  persistence: {}\n'), undefined);
  assert.equal(fileKind('deploy/helm.yaml', 'global:\n  image:\n    persistence: {}\n'), undefined);
  assert.equal(fileKind('iam/role.json', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",}'), 'policy');
  assert.equal(fileKind('package.json', '{"name":"x"}'), undefined);
});

test('extra globs from settings add files', () => {
  const extra = { values: ['deploy/*.yaml'], env: ['*.vars'], compose: ['stack.yml'] };
  assert.equal(fileKind('deploy/prod.yaml', '', extra), 'values');
  assert.equal(fileKind('prod.vars', '', extra), 'env');
  assert.equal(fileKind('stack.yml', '', extra), 'compose');
});

test('classification never throws and takes linear time on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 2000 }), (path, text) => {
      const kind = fileKind(path, text);
      assert.ok(kind === undefined || ['values', 'env', 'compose', 'policy', 'config'].includes(kind));
    }),
    { seed: 20261122, numRuns: 500 },
  );
  // A pathological YAML (many indented lines, no persistence) must not backtrack badly.
  const big = 'global:\n' + '  key: value\n'.repeat(200_000);
  const start = performance.now();
  assert.equal(fileKind('x.yaml', big), undefined);
  assert.ok(performance.now() - start < 2000, 'content sniffing is linear');
});

test('duplicate YAML keys are syntax problems, found in linear time', async () => {
  const { parseYaml } = await import('../../src/core/sources/yaml-file');
  const problems = parseYaml('a:\n  b: 1\n  b: 2\nc: 3\n').problems;
  assert.deepEqual(problems, [{ offset: 12, length: 1, message: 'Map keys must be unique; "b" is repeated' }]);
  const big = `m:\n${Array.from({ length: 20000 }, (_, i) => `  k${i}: v`).join('\n')}\n`;
  const start = performance.now();
  assert.deepEqual(parseYaml(big).problems, []);
  assert.ok(performance.now() - start < 3000);
});
