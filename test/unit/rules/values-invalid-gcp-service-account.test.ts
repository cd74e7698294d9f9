import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkServiceAccount } from '../../../src/core/rules/values/invalid-gcp-service-account';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/invalid-gcp-service-account';
const path = 'lse-values.yaml';

const values = (value: string, project = 'acme-prod') =>
  `global:\n  persistence:\n    type: gcs\n    config:\n      gcs:\n        bucket: acme-media\n        projectID: "${project}"\n` +
  `app:\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: ${value}\n` +
  `rqworker:\n  serviceAccount:\n    annotations:\n      iam.gke.io/gcp-service-account: ${value}\n`;

test('an IAM member ("serviceAccount:" prefix): error, the fix strips it on both pods in one go', () => {
  const files: Files = { [path]: values('"serviceAccount:lse-storage@acme-prod.iam.gserviceaccount.com"') };
  const [app, rqworker, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.ok(rqworker);
  assert.equal(app.severity, 'error');
  assert.deepEqual(app.range, { start: { line: 11, column: 39 }, end: { line: 11, column: 101 } });
  assert.equal(
    app.message,
    'app.serviceAccount iam.gke.io/gcp-service-account is not a Google service-account email: it is an IAM policy member ("serviceAccount:" prefix), not the email. ' +
      'GKE cannot let the pod act as that account, so Label Studio gets no Google token of its own and its storage requests are denied. ' +
      'Use lse-storage@acme-prod.iam.gserviceaccount.com.',
  );
  const fix = preferred(app);
  assert.equal(fix.edits.length, 2);
  const fixed = applyAndRecheck(files, path, app, fix);
  assert.equal(fixed, values('"lse-storage@acme-prod.iam.gserviceaccount.com"'));
});

test('a bare name is completed from config.gcs.projectID; without a real project there is no fix', () => {
  const files: Files = { [path]: values('lse-storage') };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /it is a bare name, not a service-account email\. .* Use lse-storage@acme-prod\.iam\.gserviceaccount\.com\.$/);
  applyAndRecheck(files, path, finding, preferred(finding));
  const [unknown] = findings(id, { [path]: values('lse-storage', '<YOUR_PROJECT_ID>') }, path);
  assert.equal(unknown.fixes, undefined);
  assert.match(unknown.message, /Write it as name@project-id\.iam\.gserviceaccount\.com\.$/);
});

test('the Workload Identity member and foreign emails are explained, placeholders are a warning', () => {
  const [member] = findings(id, { [path]: values('"acme-prod.svc.id.goog[lse/lse-lse-app]"') }, path);
  assert.match(member.message, /it is the Workload Identity member of the Kubernetes service account/);
  const [gmail] = findings(id, { [path]: values('ops@gmail.com') }, path);
  assert.match(gmail.message, /its domain is not one of Google's service-account domains/);
  const [placeholder] = findings(id, { [path]: values('"<GCP_SERVICE_ACCOUNT>"') }, path);
  assert.equal(placeholder.severity, 'warning');
  assert.match(placeholder.message, /is still a placeholder \(<GCP_SERVICE_ACCOUNT>\)/);
});

test('good: user-managed, App Engine and Compute default service accounts', () => {
  for (const email of ['lse-storage@acme-prod.iam.gserviceaccount.com', 'acme-prod@appspot.gserviceaccount.com', '123456789012-compute@developer.gserviceaccount.com']) {
    assert.deepEqual(findings(id, { [path]: values(email) }, path), [], email);
  }
});

test('the email check never throws, its repairs pass it, and it stays linear', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.option(fc.constantFrom('acme-prod', 'p')), (text, project) => {
      const { fixed } = checkServiceAccount(text, project ?? undefined);
      if (fixed !== undefined) assert.deepEqual(checkServiceAccount(fixed, undefined).problems, [], `${text} → ${fixed}`);
    }),
    { seed: 31, numRuns: 2000 },
  );
  const start = performance.now();
  checkServiceAccount(`a@${'x.iam'.repeat(40_000)}`, undefined);
  checkServiceAccount(`serviceAccount:${'@'.repeat(100_000)}`, undefined);
  assert.ok(performance.now() - start < 500);
});
