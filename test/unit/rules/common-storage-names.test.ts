// The located storage names the bucket, region and folder rules share: values as Label Studio receives them, the
// span of each in the file, and an edit that writes a new value the file's reader delivers unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { settingName, shown, storageNames } from '../../../src/core/rules/common/storage-names';
import { applyEdits } from '../../../src/core/text';
import { Workspace } from '../../../src/core/workspace';
import { check } from './check-helpers';
import { growth } from '../growth';

const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';

function names(files: Record<string, string>, path: string) {
  const workspace = new Workspace(Object.entries(files).map(([p, text]) => ({ path: p, text })));
  const file = workspace.get(path);
  assert.ok(file);
  return storageNames(workspace, file).map((n) => ({ ...n, text: file.text.slice(n.start, n.end) }));
}

test('values files: every storage setting of every provider, located on its scalar', () => {
  const text =
    'global:\n  persistence:\n    type: s3\n    config:\n' +
    '      s3:\n        bucket: "acme"\n        region: us-east-1\n        folder: lse/\n        endpointUrl: http://minio:9000\n        accessKey: AKIAEXAMPLE\n' +
    '      gcs:\n        bucket: acme_gcs\n        folder: ""\n' +
    '      azure:\n        storageAccountName: acct\n        containerName: media\n        folder: { a: 1 }\n';
  assert.deepEqual(
    names({ 'lse-values.yaml': text }, 'lse-values.yaml').map((n) => [n.provider, n.kind, n.setting, n.value, n.text]),
    [
      ['s3', 'bucket', 'global.persistence.config.s3.bucket', 'acme', '"acme"'],
      ['s3', 'region', 'global.persistence.config.s3.region', 'us-east-1', 'us-east-1'],
      ['s3', 'folder', 'global.persistence.config.s3.folder', 'lse/', 'lse/'],
      ['s3', 'endpoint', 'global.persistence.config.s3.endpointUrl', 'http://minio:9000', 'http://minio:9000'],
      ['gcs', 'bucket', 'global.persistence.config.gcs.bucket', 'acme_gcs', 'acme_gcs'],
      ['azure', 'container', 'global.persistence.config.azure.containerName', 'media', 'media'],
      ['azure', 'account', 'global.persistence.config.azure.storageAccountName', 'acct', 'acct'],
    ],
  );
});

test('env files: the value each reader delivers, prefixed names, placeholders flagged', () => {
  const env = 'STORAGE_AWS_BUCKET_NAME="acme"\nHEARTEX_STORAGE_AWS_FOLDER=lse # not a comment for docker\nSTORAGE_GCS_BUCKET_NAME=${BUCKET}\nSTORAGE_AWS_REGION_NAME\nOTHER=x\n';
  assert.deepEqual(
    names({ 'env.list': env }, 'env.list').map((n) => [n.kind, n.setting, n.value, n.text, n.placeholder]),
    [
      ['bucket', 'STORAGE_AWS_BUCKET_NAME', 'acme', 'acme', false],
      ['folder', 'HEARTEX_STORAGE_AWS_FOLDER', 'lse # not a comment for docker', 'lse # not a comment for docker', false],
      ['bucket', 'STORAGE_GCS_BUCKET_NAME', '${BUCKET}', '${BUCKET}', true],
    ],
  );
  assert.deepEqual(
    names({ 'env.list': env, 'docker-compose.yml': compose }, 'env.list').map((n) => [n.value, n.text]),
    [
      ['acme', 'acme'],
      ['lse', 'lse'],
      ['${BUCKET}', '${BUCKET}'],
    ],
  );
});

test('replaceWith: Compose keeps its quotes, docker run loses the quotes it would keep, escapes fall back to the whole value', () => {
  const env = 'STORAGE_AWS_BUCKET_NAME="Acme"  # c\nSTORAGE_GCS_BUCKET_NAME="a\\tb"\n';
  const apply = (files: Record<string, string>, index: number, value: string) => {
    const name = names(files, 'env.list')[index];
    return applyEdits(files['env.list'], [name.replaceWith(value)]);
  };
  const withCompose = { 'env.list': env, 'docker-compose.yml': compose };
  assert.equal(apply(withCompose, 0, 'acme'), env.replace('"Acme"', '"acme"'));
  assert.equal(apply(withCompose, 1, 'ab'), env.replace('"a\\tb"', 'ab'));
  assert.equal(apply({ 'env.list': env }, 0, 'acme'), env.replace('"Acme"  # c', 'acme'));
});

test('settingName and shown', () => {
  assert.equal(settingName('env', 's3', 'folder'), 'STORAGE_AWS_FOLDER');
  assert.equal(settingName('values', 'azure', 'account'), 'global.persistence.config.azure.storageAccountName');
  assert.equal(settingName('env', 'gcs', 'region'), undefined);
  assert.equal(shown('acme-media'), '"acme-media"');
  assert.equal(shown('DefaultEndpointsProtocol=https;AccountKey=abc=='), 'this value');
  assert.equal(shown('x'.repeat(64)), 'this value');
});

const envLine = fc.tuple(
  fc.constantFrom('STORAGE_AWS_BUCKET_NAME', 'STORAGE_AWS_FOLDER', 'LABEL_STUDIO_STORAGE_AZURE_CONTAINER_NAME', 'STORAGE_AWS_REGION_NAME', ' STORAGE_GCS_FOLDER', 'OTHER'),
  fc.constantFrom('=', '', '=='),
  fc.string({ unit: fc.constantFrom('a', 'B', '"', "'", ' ', '#', '\\', '$', '{', '}', '/', '\t', '<', '>'), maxLength: 16 }),
);
const envText = fc.array(envLine, { maxLength: 12 }).map((lines) => lines.map(([n, eq, v]) => `${n}${eq}${v}`).join('\n'));

test('property: on any env text, under both readers, names never throw and replaceWith delivers exactly the new value', () => {
  fc.assert(
    fc.property(envText, fc.boolean(), fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', '.', '/'), minLength: 1, maxLength: 12 }), (text, viaCompose, value) => {
      const files: Record<string, string> = viaCompose ? { 'env.list': text, 'docker-compose.yml': compose } : { 'env.list': text };
      const found = names(files, 'env.list');
      for (const [index, name] of found.entries()) {
        assert.ok(name.start >= 0 && name.start <= name.end && name.end <= text.length);
        const after = names({ ...files, 'env.list': applyEdits(text, [name.replaceWith(value)]) }, 'env.list');
        assert.equal(after[index]?.value, value, `${JSON.stringify(text)} → ${value}`);
      }
    }),
    { seed: 42, numRuns: 2000 },
  );
});

test('the bucket, region and folder rules stay linear on adversarial values', () => {
  const rules = new Set(['bucket/invalid-name', 'region/unknown', 'folder/format']);
  const env = (n: number) =>
    [
      `STORAGE_AWS_BUCKET_NAME=https://x${'.s3-a'.repeat(n)}.amazonaws.com`,
      `STORAGE_GCS_BUCKET_NAME=${'${'.repeat(n)}`,
      `STORAGE_AZURE_CONTAINER_NAME=${'{{'.repeat(n)}`,
      `STORAGE_AZURE_ACCOUNT_NAME=${'a.blob.core.windows.net'.repeat(n)}`,
      `STORAGE_AWS_REGION_NAME=${'us-east-'.repeat(n)}`,
      `STORAGE_AWS_FOLDER=${'/./'.repeat(n)}s3://`,
    ].join('\n');
  const { ratio, largeMs } = growth((n) => ({ 'env.list': env(n) }), (files) => check(files, 'env.list').filter((f) => rules.has(f.ruleId)), 5000, 20000, 3);
  assert.ok(largeMs < 2000, `20 000 repetitions took ${largeMs.toFixed(0)} ms`);
  assert.ok(ratio < 12, `4× the input took ${ratio.toFixed(1)}× the time`);
});
