import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { irsa, policy, values } from './policy-access-helpers';

const rule = 'policy/trust-external-id';
const assume = (principal: string, Condition?: object) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) });
const externalId = { StringEquals: { 'sts:ExternalId': 'EXAMPLE-external-id' } };

test("LightlyOne's account without an external id is an error on the principal; with one there is no finding", () => {
  const text = policy(assume('arn:aws:iam::916419735646:root'));
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^LightlyOne \(account 916419735646\) may assume this role without an sts:ExternalId condition: .*confused deputy/);
  assert.equal(text.split('\n')[finding.range.start.line - 1].slice(finding.range.start.column - 1, finding.range.end.column - 1), 'arn:aws:iam::916419735646:root');
  assert.deepEqual(policyFindings(rule, policy(assume('arn:aws:iam::916419735646:root', externalId))), []);
});

test('another account is a warning; the account of the workspace’s own role is not another account', () => {
  const text = policy(assume('111122223333'));
  const [finding] = policyFindings(rule, text);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^Account 111122223333 may assume this role/);
  const own = policy(assume('arn:aws:iam::123456789012:role/ci'));
  assert.equal(policyFindings(rule, own).length, 1);
  assert.deepEqual(policyFindings(rule, own, { 'lse-values.yaml': values('acme', 'lse/', irsa()) }), []);
});

test("the Arraylake guide's trust policy passes; without its PrincipalArn condition and TagSession statement, both are errors with the guide's fixes", () => {
  assert.deepEqual(policyFindings(rule, readFileSync('test/fixtures/iam/guides/arraylake-trust.json', 'utf8')), []);
  const text = policy(assume('arn:aws:iam::842143331303:root', externalId));
  const found = policyFindings(rule, text);
  assert.deepEqual(
    found.map((f) => [f.severity, f.message.split(':')[0]]),
    [
      ['error', "Earthmover (Arraylake)'s guide limits this trust to its signing role with \"ArnLike\""],
      ['error', 'Earthmover (Arraylake) tags the sessions it starts, and no statement allows it sts'],
    ],
  );
  let fixed = applyPolicyFix(text, found[0], found[0].fixes![0]);
  assert.deepEqual(JSON.parse(fixed).Statement[0].Condition, { ...externalId, ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::842143331303:role/EarthmoverSignerServiceRole-production' } });
  const tag = policyFindings(rule, fixed)[0];
  fixed = applyPolicyFix(fixed, tag, tag.fixes![0]);
  assert.deepEqual(JSON.parse(fixed).Statement[1], JSON.parse(readFileSync('test/fixtures/iam/guides/arraylake-trust.json', 'utf8')).Statement[1]);
  assert.deepEqual(policyFindings(rule, fixed), []);
});

test('not this rule: web identity, services, identity policies', () => {
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::916419735646:role/x' })), []);
});
