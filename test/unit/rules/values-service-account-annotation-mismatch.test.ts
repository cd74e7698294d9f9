import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/service-account-annotation-mismatch';
const path = 'lse-values.yaml';

const role = 'arn:aws:iam::123456789012:role/lse-storage';
const persistence = 'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n        region: us-east-1\n';
const annotated = (pod: string, value = role) => `${pod}:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: ${value}\n`;

test('role on app only: warning on app\'s annotation; the fix creates rqworker.serviceAccount.annotations', () => {
  const files: Files = { [path]: `${persistence}${annotated('app')}` };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range, { start: { line: 11, column: 7 }, end: { line: 11, column: 33 } });
  assert.equal(
    finding.message,
    "app's service account has eks.amazonaws.com/role-arn but rqworker's has none: app serves uploads and signed media URLs, rqworker runs background " +
      "jobs such as exports, and both read and write the bucket, and rqworker runs as the EKS node's IAM role (or no AWS identity at all), so its " +
      'storage requests are denied. Add the same annotation to rqworker.serviceAccount.annotations.',
  );
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, `${persistence}${annotated('app')}${annotated('rqworker')}`);
});

test('rqworker without annotations (serviceAccount present, annotations: {}) gets the one from app', () => {
  const files: Files = { [path]: `${persistence}${annotated('app')}rqworker:\n  replicas: 2\n  serviceAccount:\n    create: true\n    annotations: {}\n` };
  const [finding] = findings(id, files, path);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.endsWith(`rqworker:\n  replicas: 2\n  serviceAccount:\n    create: true\n    annotations:\n      eks.amazonaws.com/role-arn: ${role}\n`));
  const noSa = { [path]: `${persistence}rqworker:\n  replicas: 2\n${annotated('app')}` };
  const [other] = findings(id, noSa, path);
  assert.ok(applyAndRecheck(noSa, path, other, preferred(other)).includes(`rqworker:\n  replicas: 2\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: ${role}\napp:`));
});

test('GKE Workload Identity on rqworker only: app is the one that runs as the node', () => {
  const sa = '"lse@acme-prod.iam.gserviceaccount.com"';
  const files: Files = { [path]: `app:\n  replicas: 1\nrqworker:\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: ${sa}\n` };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /^rqworker's service account has iam\.gke\.io\/gcp-service-account but app's has none: .* app runs as the node's Google service account/);
  assert.ok(applyAndRecheck(files, path, finding, preferred(finding)).startsWith(`app:\n  replicas: 1\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: ${sa}\n`));
});

test('different roles: reported on rqworker\'s value, fixes align either way', () => {
  const files: Files = { [path]: `${persistence}${annotated('app')}${annotated('rqworker', '"arn:aws:iam::123456789012:role/lse-worker"')}` };
  const [finding] = findings(id, files, path);
  assert.deepEqual(finding.range.start, { line: 15, column: 35 });
  assert.match(finding.message, /^rqworker's eks\.amazonaws\.com\/role-arn differs from app's: the two pods run as different identities/);
  assert.deepEqual(finding.fixes?.map((f) => [f.title, f.preferred]), [["Use app's value on rqworker", true], ["Use rqworker's value on app", undefined]]);
  assert.equal(applyAndRecheck(files, path, finding, preferred(finding)), `${persistence}${annotated('app')}${annotated('rqworker')}`);
  const other = finding.fixes?.[1];
  assert.ok(other);
  assert.ok(applyAndRecheck(files, path, finding, other).includes('app:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/lse-worker"\n'));
});

test('good: the same annotation on both pods, or on neither', () => {
  assert.deepEqual(findings(id, { [path]: `${persistence}${annotated('app')}${annotated('rqworker', `"${role}"`)}` }, path), []);
  assert.deepEqual(findings(id, { [path]: `${persistence}app:\n  replicas: 1\n` }, path), []);
});
