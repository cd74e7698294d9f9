import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/unknown-storage-type';
const path = 'lse-values.yaml';

const values = (type: string) =>
  `global:\n  persistence:\n    enabled: true\n    type: ${type}   # backend\n    config:\n      s3:\n        bucket: "acme-media"\n        region: "us-east-1"\n` +
  'app:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage\n' +
  'rqworker:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage\n';

test('"S3" is not s3: error on the value, the fix keeps the quoting style', () => {
  const files: Files = { [path]: values('"S3"') };
  const [finding] = findings(id, files, path);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 4, column: 11 }, end: { line: 4, column: 15 } });
  assert.match(finding.message, /^global\.persistence\.type is "S3"; the chart and Label Studio compare it exactly with s3, gcs, azure and volume/);
  assert.match(finding.message, /emptyDir inside each pod, lost whenever the pod is replaced\. Use "s3"\.$/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.includes('    type: "s3"   # backend\n'));
});

test('aliases and typos map to the chart type; MinIO is pointed at endpointUrl', () => {
  const cases: [string, string][] = [
    ['aws', 's3'],
    ['minio', 's3'],
    ['google', 'gcs'],
    ['GCP', 'gcs'],
    ['blob', 'azure'],
    ['Azure-Blob', 'azure'],
    ['azur', 'azure'],
    ['pvc', 'volume'],
    ["' s3'", 's3'],
  ];
  for (const [written, meant] of cases) {
    const [finding] = findings(id, { [path]: values(written) }, path);
    assert.equal(preferred(finding).title, `Use "${meant}"`, written);
  }
  const [minio] = findings(id, { [path]: values('minio') }, path);
  assert.match(minio.message, /S3-compatible servers use "s3" with config\.s3\.endpointUrl/);
  const fixed = applyAndRecheck({ [path]: values('aws') }, path, findings(id, { [path]: values('aws') }, path)[0], preferred(findings(id, { [path]: values('aws') }, path)[0]));
  assert.ok(fixed.includes('    type: s3   # backend\n'));
});

test('a value nothing resembles: error without a fix', () => {
  const [finding] = findings(id, { [path]: values('nfs-share') }, path);
  assert.match(finding.message, /Use one of them\.$/);
  assert.equal(finding.fixes, undefined);
});

test('good: the four chart types, and an unset type (the chart default), are accepted', () => {
  for (const type of ['s3', 'gcs', 'azure', 'volume', '"s3"', "'volume'"]) assert.deepEqual(findings(id, { [path]: values(type) }, path), [], type);
  assert.deepEqual(findings(id, { [path]: 'global:\n  persistence:\n    enabled: true\n' }, path), []);
});
