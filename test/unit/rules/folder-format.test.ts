import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const rule = 'folder/format';
const values = (provider: string, block: string) => `global:\n  persistence:\n    type: ${provider}\n    config:\n      ${provider}:\n${block}`;

test('a leading slash on S3: warning on the value, the normalized prefix as the fix', () => {
  const files = { 'lse-values.yaml': values('s3', '        bucket: acme-media\n        folder: "/lse/media/"   # uploads\n') };
  const [found, ...rest] = findings(rule, files, 'lse-values.yaml');
  assert.equal(rest.length, 0);
  assert.equal(found.severity, 'warning');
  assert.deepEqual(found.range, { start: { line: 7, column: 17 }, end: { line: 7, column: 30 } });
  assert.equal(
    found.message,
    'global.persistence.config.s3.folder is "/lse/media/": it starts with "/", and django-storages refuses such a location ' +
      '("cannot begin with a leading slash", ImproperlyConfigured), so Label Studio cannot open its media storage. Use "lse/media/".',
  );
  const fixed = applyAndRecheck(files, 'lse-values.yaml', found, preferred(found));
  assert.ok(fixed.includes('        folder: "lse/media/"   # uploads\n'));
});

test('empty and dot segments: every key is refused (all providers, Azure included)', () => {
  const files = { 'lse-values.yaml': values('azure', '        containerName: media\n        folder: lse//media/./x\n') };
  const [found] = findings(rule, files, 'lse-values.yaml');
  assert.match(found.message, /^global\.persistence\.config\.azure\.folder is "lse\/\/media\/\.\/x": it has an empty segment \("\/\/"\) and a "\." segment: django-storages normalizes every object key/);
  assert.match(found.message, /SuspiciousOperation\), so every upload and download fails\. Use "lse\/media\/x"\.$/);
  const fixed = applyAndRecheck(files, 'lse-values.yaml', found, preferred(found));
  assert.ok(fixed.includes('        folder: lse/media/x\n'));
});

test('a leading slash on Azure is harmless (the backend drops it), a trailing slash anywhere too', () => {
  assert.deepEqual(findings(rule, { 'lse-values.yaml': values('azure', '        folder: /lse\n') }, 'lse-values.yaml'), []);
  const env = 'STORAGE_AWS_FOLDER=lse/\nSTORAGE_GCS_FOLDER=lse/media//\nSTORAGE_AZURE_FOLDER=/lse/\n';
  assert.deepEqual(findings(rule, { 'env.list': env }, 'env.list'), []);
});

test('a URI instead of a prefix: the part after the bucket is the fix', () => {
  const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';
  const files: Files = { 'docker-compose.yml': compose, 'env.list': 'STORAGE_TYPE=gcs\nSTORAGE_GCS_FOLDER="gs://acme-media/lse/" # media\n' };
  const [found] = findings(rule, files, 'env.list');
  assert.deepEqual(found.range, { start: { line: 2, column: 21 }, end: { line: 2, column: 41 } });
  assert.match(found.message, /^STORAGE_GCS_FOLDER is a gs:\/\/ URI, not a key prefix: the bucket belongs in its own setting and django-storages normalizes/);
  assert.match(found.message, /Use "lse\/"\.$/);
  assert.equal(applyAndRecheck(files, 'env.list', found, preferred(found)), 'STORAGE_TYPE=gcs\nSTORAGE_GCS_FOLDER="lse/" # media\n');
});

test('an ARN joins cleanly but puts every object under the ARN', () => {
  const files = { 'env.list': 'STORAGE_AWS_FOLDER=arn:aws:s3:::acme-media/lse\n' };
  const [found] = findings(rule, files, 'env.list');
  assert.match(found.message, /^STORAGE_AWS_FOLDER is an S3 ARN, not a key prefix: the bucket belongs in its own setting and objects would be stored under keys starting with the whole S3 ARN\. Use "lse"\.$/);
  assert.equal(applyAndRecheck(files, 'env.list', found, preferred(found)), 'STORAGE_AWS_FOLDER=lse\n');
});

test('nothing left after normalizing: the fix clears the folder', () => {
  const files = { 'env.list': 'STORAGE_AWS_FOLDER=/\n' };
  const [found] = findings(rule, files, 'env.list');
  assert.match(found.message, /Leave it empty to store at the bucket root\.$/);
  assert.equal(preferred(found).title, 'Clear the folder');
  assert.equal(applyAndRecheck(files, 'env.list', found, preferred(found)), 'STORAGE_AWS_FOLDER=\n');
  const yaml = { 'lse-values.yaml': values('s3', '        folder: s3://acme-media\n') };
  const [uri] = findings(rule, yaml, 'lse-values.yaml');
  assert.ok(applyAndRecheck(yaml, 'lse-values.yaml', uri, preferred(uri)).includes('        folder: ""\n'));
});

test('docker run keeps quotes: the folder inside is judged, the fix drops the quotes', () => {
  const files = { 'env.list': 'STORAGE_AWS_FOLDER="/lse"\nSTORAGE_GCS_FOLDER=""\n' };
  const found = findings(rule, files, 'env.list');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].range, { start: { line: 1, column: 21 }, end: { line: 1, column: 25 } });
  assert.equal(applyAndRecheck(files, 'env.list', found[0], preferred(found[0])), 'STORAGE_AWS_FOLDER=lse\nSTORAGE_GCS_FOLDER=""\n');
});

test('clean prefixes and placeholders: no finding', () => {
  const good = values('s3', '        bucket: acme-media\n        folder: lse/media\n');
  assert.deepEqual(findings(rule, { 'lse-values.yaml': good }, 'lse-values.yaml'), []);
  const env = 'STORAGE_AWS_FOLDER=<YOUR_FOLDER>\nSTORAGE_GCS_FOLDER=${FOLDER}\nSTORAGE_AZURE_FOLDER=lse\n';
  assert.deepEqual(findings(rule, { 'env.list': env }, 'env.list'), []);
});
