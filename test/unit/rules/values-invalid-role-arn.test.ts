import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkRoleArn } from '../../../src/core/rules/values/invalid-role-arn';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/invalid-role-arn';
const path = 'lse-values.yaml';

const values = (value: string) =>
  'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n        region: us-east-1\n' +
  `app:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: ${value}\n` +
  `rqworker:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: ${value}\n`;

test('an assumed-role session ARN: error on both pods, fixed to the role ARN', () => {
  const files: Files = { [path]: values('arn:aws:sts::123456789012:assumed-role/lse-storage/botocore-session-1700000000') };
  const found = findings(id, files, path);
  assert.equal(found.length, 2);
  const [app] = found;
  assert.equal(app.severity, 'error');
  assert.deepEqual(app.range, { start: { line: 11, column: 35 }, end: { line: 11, column: 113 } });
  assert.equal(
    app.message,
    'app.serviceAccount eks.amazonaws.com/role-arn is not a role ARN: it is the ARN of an assumed-role session (as sts get-caller-identity prints it), ' +
      'not of the role. EKS passes it to the pod as AWS_ROLE_ARN and AssumeRoleWithWebIdentity fails, so Label Studio cannot reach the bucket. ' +
      'Use arn:aws:iam::123456789012:role/lse-storage.',
  );
  const fixed = applyAndRecheck(files, path, app, preferred(app));
  assert.ok(fixed.includes('      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lse-storage\nrqworker:'));
});

test('placeholders get their own, milder message', () => {
  const [finding] = findings(id, { [path]: values('arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME_FROM_STEP_3>') }, path);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^app\.serviceAccount eks\.amazonaws\.com\/role-arn is still a placeholder \(arn:aws:iam::<ACCOUNT_ID>:role\/<ROLE_NAME_FROM_STEP_3>\): .* Put in the ARN of the role you created\.$/);
});

test('repairs: region, account separators, partition typo, "ARN:" prefix, blanks', () => {
  const cases: [string, string][] = [
    ['arn:aws:iam:us-east-1:123456789012:role/lse', 'arn:aws:iam::123456789012:role/lse'],
    ['arn:aws:iam::1234-5678-9012:role/lse', 'arn:aws:iam::123456789012:role/lse'],
    ['arn:asw:iam::123456789012:role/lse', 'arn:aws:iam::123456789012:role/lse'],
    ['ARN:aws-cn:iam::123456789012:role/ml/lse', 'arn:aws-cn:iam::123456789012:role/ml/lse'],
    ['" arn:aws-us-gov:iam::123456789012:role/lse "', 'arn:aws-us-gov:iam::123456789012:role/lse'],
  ];
  for (const [written, meant] of cases) {
    const files = { [path]: values(written) };
    const [finding] = findings(id, files, path);
    assert.equal(preferred(finding).title, `Use ${meant}`, written);
    applyAndRecheck(files, path, finding, preferred(finding));
  }
});

test('no obvious repair: users, instance profiles, bare names, other services, short accounts', () => {
  const cases: [string, RegExp][] = [
    ['arn:aws:iam::123456789012:user/lse', /it names an IAM user, and pods can only assume a role/],
    ['arn:aws:iam::123456789012:instance-profile/lse', /it names an IAM instance profile/],
    ['lse-storage', /it is a bare name, not a role ARN/],
    ['123456789012', /it is an account ID, not a role ARN/],
    ['arn:aws:s3:::acme-media', /it names the service "s3" where a role ARN has "iam"/],
    ['arn:aws:iam::12345:role/lse', /the account "12345" is not a 12-digit account ID/],
    ['arn:aws:iam::123456789012', /it does not have the six colon-separated parts of an ARN/],
  ];
  for (const [written, reason] of cases) {
    const [finding] = findings(id, { [path]: values(written) }, path);
    assert.match(finding.message, reason, written);
    assert.match(finding.message, /Write it as arn:aws:iam::<12-digit account ID>:role\/<role name>\.$/);
    assert.equal(finding.fixes, undefined, written);
  }
});

test('good: role ARNs in every partition, with paths', () => {
  for (const arn of ['arn:aws:iam::123456789012:role/lse-storage', 'arn:aws-cn:iam::123456789012:role/x', 'arn:aws-eusc:iam::123456789012:role/a/b/lse', 'arn:aws-iso-b:iam::123456789012:role/x']) {
    assert.deepEqual(findings(id, { [path]: values(arn) }, path), [], arn);
  }
});

test('the ARN check never throws, is idempotent on its repair, and stays linear', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('arn:', 'arn:aws:iam::', 'assumed-role/').chain((p) => fc.string({ maxLength: 200 }).map((s) => p + s))), (text) => {
      const { fixed } = checkRoleArn(text);
      if (fixed !== undefined) assert.deepEqual(checkRoleArn(fixed).problems, [], `${text} → ${fixed}`);
    }),
    { seed: 23, numRuns: 2000 },
  );
  const start = performance.now();
  checkRoleArn(`arn:aws:sts::${'1'.repeat(100_000)}:assumed-role/${'a/'.repeat(50_000)}`);
  checkRoleArn(`arn:${':'.repeat(100_000)}`);
  assert.ok(performance.now() - start < 500);
});
