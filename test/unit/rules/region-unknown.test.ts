import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const rule = 'region/unknown';
const values = (s3: string) => `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n${s3}`;

test('a region missing a dash in values: error on the value, fix keeps the quotes', () => {
  const files = { 'lse-values.yaml': values('        region: "us-east1"  # N. Virginia\n') };
  const [found, ...rest] = findings(rule, files, 'lse-values.yaml');
  assert.equal(rest.length, 0);
  assert.equal(found.severity, 'error');
  assert.deepEqual(found.range, { start: { line: 7, column: 17 }, end: { line: 7, column: 27 } });
  assert.equal(
    found.message,
    'global.persistence.config.s3.region is "us-east1", which is not an AWS region code. boto3 builds the S3 endpoint and ' +
      'signs every request with it, so Label Studio\'s uploads and presigned URLs fail. Use "us-east-1".',
  );
  const fixed = applyAndRecheck(files, 'lse-values.yaml', found, preferred(found));
  assert.ok(fixed.includes('        region: "us-east-1"  # N. Virginia\n'));
});

test('uppercase and squashed codes in env files, under docker run and under Compose', () => {
  const env = 'STORAGE_TYPE=s3\nSTORAGE_AWS_REGION_NAME=US-EAST-1\nLABEL_STUDIO_STORAGE_AWS_REGION_NAME=useast1\n';
  const files = { 'env.list': env };
  const found = findings(rule, files, 'env.list');
  assert.deepEqual(
    found.map((f) => [f.range.start.line, f.severity, f.fixes?.[0]?.title]),
    [
      [2, 'error', 'Use "us-east-1"'],
      [3, 'error', 'Use "us-east-1"'],
    ],
  );
  assert.match(found[0].message, /^STORAGE_AWS_REGION_NAME is "US-EAST-1", which is not an AWS region code \(region codes are lowercase\)\./);
  assert.match(found[1].message, /^LABEL_STUDIO_STORAGE_AWS_REGION_NAME is "useast1", which is not an AWS region code\. /);
  assert.equal(applyAndRecheck(files, 'env.list', found[0], preferred(found[0])), env.replace('US-EAST-1', 'us-east-1'));

  const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';
  const quoted: Files = { 'docker-compose.yml': compose, 'env.list': 'STORAGE_AWS_REGION_NAME="eu_west_1" # Ireland\n' };
  const [inCompose] = findings(rule, quoted, 'env.list');
  assert.deepEqual(inCompose.range, { start: { line: 1, column: 26 }, end: { line: 1, column: 35 } });
  assert.equal(applyAndRecheck(quoted, 'env.list', inCompose, preferred(inCompose)), 'STORAGE_AWS_REGION_NAME="eu-west-1" # Ireland\n');
});

test('docker run keeps quotes: the code inside is judged, the fix drops the quotes', () => {
  const files = { 'env.list': 'STORAGE_AWS_REGION_NAME="eu-west1"\n' };
  const [found] = findings(rule, files, 'env.list');
  assert.deepEqual(found.range, { start: { line: 1, column: 26 }, end: { line: 1, column: 34 } });
  assert.equal(applyAndRecheck(files, 'env.list', found, preferred(found)), 'STORAGE_AWS_REGION_NAME=eu-west-1\n');
  assert.deepEqual(findings(rule, { 'env.list': 'STORAGE_AWS_REGION_NAME="eu-west-1"\n' }, 'env.list'), []);
});

test('an ambiguous code lists the candidates and offers no fix', () => {
  const [found] = findings(rule, { 'lse-values.yaml': values('        region: eu-west\n') }, 'lse-values.yaml');
  assert.equal(found.severity, 'error');
  assert.match(found.message, / Did you mean "eu-west-1", "eu-west-2" or "eu-west-3"\?$/);
  assert.equal(found.fixes, undefined);
  const [unrelated] = findings(rule, { 'lse-values.yaml': values('        region: virginia\n') }, 'lse-values.yaml');
  assert.match(unrelated.message, /Use the bucket's region, e\.g\. "us-east-1"\.$/);
});

test('a code shaped like a region but unknown is a warning: AWS may have opened it since', () => {
  const [newRegion] = findings(rule, { 'env.list': 'STORAGE_AWS_REGION_NAME=us-east-3\n' }, 'env.list');
  assert.equal(newRegion.severity, 'warning');
  assert.match(newRegion.message, /^STORAGE_AWS_REGION_NAME is "us-east-3", shaped like a region of the aws partition but not one Bucket Doctor knows/);
  assert.match(newRegion.message, /Did you mean "us-east-1" or "us-east-2"\?$/);
  assert.equal(newRegion.fixes, undefined);
  const files = { 'env.list': 'STORAGE_AWS_REGION_NAME=eu-centrall-1\n' };
  const [typo] = findings(rule, files, 'env.list');
  assert.equal(typo.severity, 'warning');
  assert.equal(typo.fixes?.[0]?.preferred, undefined, 'fix-all leaves a possibly new region alone');
  assert.equal(applyAndRecheck(files, 'env.list', typo, typo.fixes![0]), 'STORAGE_AWS_REGION_NAME=eu-central-1\n');
});

test('an S3-compatible endpoint makes the region free-form; an AWS endpoint does not', () => {
  const minio = values('        region: minio-local\n        endpointUrl: http://minio.storage.svc:9000\n');
  assert.deepEqual(findings(rule, { 'lse-values.yaml': minio }, 'lse-values.yaml'), []);
  const env = 'STORAGE_AWS_ENDPOINT_URL=${S3_ENDPOINT}\nSTORAGE_AWS_REGION_NAME=default\n';
  assert.deepEqual(findings(rule, { 'env.list': env }, 'env.list'), []);
  const aws = values('        region: us-east1\n        endpointUrl: https://s3.us-east-1.amazonaws.com\n');
  assert.equal(findings(rule, { 'lse-values.yaml': aws }, 'lse-values.yaml').length, 1);
});

test('known regions of every partition, placeholders and empty values: no finding', () => {
  for (const region of ['us-east-1', 'ap-southeast-7', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1', 'us-iso-east-1', '<YOUR_REGION>', '{{ .Values.region }}', '""']) {
    assert.deepEqual(findings(rule, { 'lse-values.yaml': values(`        region: ${region}\n`) }, 'lse-values.yaml'), [], region);
  }
  assert.deepEqual(findings(rule, { 'env.list': 'STORAGE_AWS_REGION_NAME=\nSTORAGE_AWS_REGION_NAME=eu-west-2\n' }, 'env.list'), []);
});
