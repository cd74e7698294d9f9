import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/type-config-mismatch';
const path = 'lse-values.yaml';

const gcsBlock = '      gcs:\n        bucket: "acme-media"\n        projectID: "acme-prod"\n        urlExpirationSecs: "86400"\n';
const wi =
  'app:\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: lse@acme-prod.iam.gserviceaccount.com\n' +
  'rqworker:\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: lse@acme-prod.iam.gserviceaccount.com\n';

test('type s3 with only config.gcs filled: warning on the gcs key, the fix switches type', () => {
  const files: Files = { [path]: `global:\n  persistence:\n    type: "s3"\n    config:\n      s3:\n        bucket: ""\n${gcsBlock}${wi}` };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range, { start: { line: 7, column: 7 }, end: { line: 7, column: 10 } });
  assert.equal(
    finding.message,
    'config.gcs is filled in but type is "s3": the chart renders only the block type selects, so these settings are ignored and media goes to s3, not to this bucket. Set type to "gcs" if gcs is meant, or remove the block.',
  );
  // Switching also clears values/missing-required for the empty s3 block.
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.includes('    type: "gcs"\n'));
});

test('type unset (the chart default volume) with config.gcs filled: the fix adds type: gcs', () => {
  const files: Files = { [path]: `global:\n  persistence:\n    enabled: true\n    config:\n${gcsBlock}${wi}` };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /^config\.gcs is filled in but type is not set, so the chart uses its default "volume": .* media goes to the volume, not to this bucket/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.startsWith('global:\n  persistence:\n    enabled: true\n    config:\n'));
  assert.ok(fixed.includes(`${gcsBlock}    type: gcs\napp:`));
});

test('both blocks filled: no fix (which one is meant is the author\'s call); an incomplete target block gets none either', () => {
  const both = { [path]: `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: a\n        region: us-east-1\n${gcsBlock}` };
  const [finding] = findings(id, both, path);
  assert.equal(finding.fixes, undefined);
  const partial = { [path]: 'global:\n  persistence:\n    type: volume\n    config:\n      azure:\n        folder: media\n' };
  const [azure] = findings(id, partial, path);
  assert.match(azure.message, /^config\.azure is filled in but type is "volume": .* not to this container\./);
  assert.equal(azure.fixes, undefined);
});

test('good: chart defaults copied into unused blocks, the selected block, and unknown types are not reported', () => {
  const defaults =
    'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: a\n        region: us-east-1\n' +
    '      gcs:\n        bucket: ""\n        urlExpirationSecs: "86400"\n      azure:\n        containerName: ""\n      volume:\n        size: 10Gi\n';
  assert.deepEqual(findings(id, { [path]: defaults }, path), []);
  assert.deepEqual(findings(id, { [path]: `global:\n  persistence:\n    type: S3\n    config:\n${gcsBlock}` }, path), []);
});
