import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/url-expiration';
const path = 'lse-values.yaml';

const values = (type: string, expiry: string) =>
  `global:\n  persistence:\n    type: ${type}\n    config:\n      ${type}:\n        urlExpirationSecs: ${expiry}   # one day\n` +
  (type === 's3' ? '        bucket: acme-media\n        region: us-east-1\n        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n' : '') +
  (type === 'gcs' ? '        bucket: acme-media\n        projectID: acme-prod\n' : '') +
  (type === 'azure' ? '        containerName: media\n        storageAccountNameExistingSecret: s\n        storageAccountNameExistingSecretKey: n\n        storageAccountKeyExistingSecret: s\n        storageAccountKeyExistingSecretKey: k\n' : '');

test('an unquoted number fails the chart schema: error, the fix quotes it and keeps the comment', () => {
  const files: Files = { [path]: values('s3', '86400') };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 6, column: 28 }, end: { line: 6, column: 33 } });
  assert.equal(
    finding.message,
    "global.persistence.config.s3.urlExpirationSecs is 86400 unquoted, but the chart's schema wants a string, so helm install fails schema validation. Quote it: \"86400\".",
  );
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.ok(fixed.includes('        urlExpirationSecs: "86400"   # one day\n'));
});

test('the schema applies to blocks type does not select too', () => {
  const files: Files = { [path]: `${values('s3', '"3600"')}      azure:\n        urlExpirationSecs: 3600\n` };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /^global\.persistence\.config\.azure\.urlExpirationSecs is 3600 unquoted/);
  applyAndRecheck(files, path, finding, preferred(finding));
});

test('longer than 7 days on S3 and GCS: warning, the fix sets 604800 in the same quoting', () => {
  for (const type of ['s3', 'gcs']) {
    const files: Files = { [path]: values(type, "'2592000'") };
    const [finding] = findings(id, files, path);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, new RegExp(`^global\\.persistence\\.config\\.${type}\\.urlExpirationSecs is 2592000 seconds, longer than the 7 days \\(604800 s\\)`));
    const fixed = applyAndRecheck(files, path, finding, preferred(finding));
    assert.ok(fixed.includes("        urlExpirationSecs: '604800'   # one day\n"));
  }
  // Unquoted and too long: both findings, and either fix leaves a quoted value.
  const both = { [path]: values('s3', '1209600') };
  const found = findings(id, both, path);
  assert.deepEqual(found.map((f) => f.severity), ['error', 'warning']);
  assert.ok(applyAndRecheck(both, path, found[1], preferred(found[1])).includes('urlExpirationSecs: "604800"'));
});

test('a value int() refuses stops Label Studio: error without a guess', () => {
  const [finding] = findings(id, { [path]: values('gcs', '"24h"') }, path);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /is "24h": Label Studio reads it with int\(\), which refuses it, so it does not start\./);
  assert.equal(finding.fixes, undefined);
});

test('good: quoted lifetimes within 7 days, any lifetime on Azure, unset values', () => {
  for (const [type, expiry] of [['s3', '"604800"'], ['gcs', "'3600'"], ['azure', '"2592000"'], ['s3', '']]) {
    assert.deepEqual(findings(id, { [path]: values(type, expiry) }, path), [], `${type} ${expiry}`);
  }
});
