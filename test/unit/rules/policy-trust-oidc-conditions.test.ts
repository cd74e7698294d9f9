import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { irsa, policy, values } from './policy-access-helpers';

const rule = 'policy/trust-oidc-conditions';
const provider = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const trust = (conditions: Record<string, unknown>) =>
  policy({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${provider}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: conditions } });
const aud = { [`${provider}:aud`]: 'sts.amazonaws.com' };
const sub = (...names: string[]) => ({ [`${provider}:sub`]: names.length === 1 ? `system:serviceaccount:labeling:${names[0]}` : names.map((n) => `system:serviceaccount:labeling:${n}`) });
const workspace = { 'lse-values.yaml': values('acme', 'lse/', irsa()) };

test("the example trust admits only the app pod: rqworker's service account is a warning; the fix adds it", () => {
  const text = readFileSync('examples/iam/lse-storage-trust.json', 'utf8');
  const [finding] = policyFindings(rule, text, workspace);
  assert.match(finding.message, /does not admit the service account of Label Studio's rqworker pod \(rqworker\.serviceAccount in lse-values\.yaml\).*Add system:serviceaccount:labeling:lse-lse-rqworker\./);
  const fixed = applyPolicyFix(text, finding, finding.fixes![0], workspace);
  assert.deepEqual(JSON.parse(fixed).Statement[0].Condition.StringEquals[`${provider}:sub`], ['system:serviceaccount:labeling:lse-lse-app', 'system:serviceaccount:labeling:lse-lse-rqworker']);
  assert.deepEqual(policyFindings(rule, text), [], 'without a values file the pods are unknown');
});

test('explicit service account names from the values decide; a namespace wildcard admits both', () => {
  const named = values('acme', 'lse/', irsa().replace('app:\n  serviceAccount:\n', 'app:\n  serviceAccount:\n    name: web\n'));
  const [finding] = policyFindings(rule, trust({ ...aud, ...sub('lse-lse-app', 'lse-lse-rqworker') }), { 'lse-values.yaml': named });
  assert.match(finding.message, /app pod \(web in lse-values\.yaml\).*Add system:serviceaccount:labeling:web\./);
  const like = policy({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${provider}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: aud, StringLike: { [`${provider}:sub`]: 'system:serviceaccount:labeling:*' } } });
  assert.deepEqual(policyFindings(rule, like, workspace), []);
});

test('a missing audience is fixed by adding it; a missing subject is a warning without a fix', () => {
  const text = trust(sub('lse-lse-app', 'lse-lse-rqworker'));
  const [finding] = policyFindings(rule, text, workspace);
  assert.match(finding.message, /^No ".*:aud" = "sts\.amazonaws\.com" condition/);
  const fixed = applyPolicyFix(text, finding, finding.fixes![0], workspace);
  assert.equal(JSON.parse(fixed).Statement[0].Condition.StringEquals[`${provider}:aud`], 'sts.amazonaws.com');
  const [noSub] = policyFindings(rule, trust(aud));
  assert.match(noSub.message, /^No ".*:sub" condition: every workload/);
  assert.equal(noSub.fixes, undefined);
});
