import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './check-helpers';

const id = 'values/no-credentials';
const path = 'lse-values.yaml';

const s3 = (extra = '') => `global:\n  persistence:\n    enabled: true\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n        region: us-east-1\n${extra}`;

test('S3 with no keys, no Secret and no IRSA annotation: info on the type, naming the node role and both pods', () => {
  const [finding, ...rest] = findings(id, { [path]: s3() }, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.deepEqual(finding.range, { start: { line: 4, column: 11 }, end: { line: 4, column: 13 } });
  assert.equal(
    finding.message,
    'S3 storage has no access keys, no existing Secret and no eks.amazonaws.com/role-arn annotation, so the chart gives the pods no credentials: ' +
      "both app and rqworker run with the EKS node's IAM role (instance profile), which every other pod on those nodes shares. " +
      'That works only if the node role may use the bucket; for a role of their own, annotate both service accounts (IRSA).',
  );
  assert.equal(finding.fixes, undefined);
});

test('with an S3-compatible endpoint the message says roles do not apply there', () => {
  const [finding] = findings(id, { [path]: s3('        endpointUrl: https://minio.internal:9000\n') }, path);
  assert.match(finding.message, /endpointUrl points at an S3-compatible server, which usually knows nothing of AWS roles/);
});

test('good: keys, an existing Secret (even a partial one), an IRSA annotation, other types, persistence off', () => {
  const good = [
    s3('        accessKey: AKIAIOSFODNN7EXAMPLE\n        secretKey: "<YOUR_SECRET_ACCESS_KEY>"\n'),
    s3('        accessKeyExistingSecret: lse-storage\n'),
    `${s3()}rqworker:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse\n`,
    s3().replace('enabled: true', 'enabled: false'),
    s3().replace('type: s3', 'type: gcs'),
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});
