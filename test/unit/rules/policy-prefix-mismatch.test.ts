import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { complete, policy, prod, values } from './policy-access-helpers';

const rule = 'policy/prefix-mismatch';
const workspace = { 'lse-values.yaml': values('acme-labeling-prod') };

test('object ARNs on another folder than the configured one: a warning on each; the fix uses the folder', () => {
  const text = policy(complete[0], { ...complete[1], Resource: [`${prod}/media/*`] });
  const [finding] = policyFindings(rule, text, workspace);
  assert.equal(
    finding.message,
    'arn:aws:s3:::acme-labeling-prod/media/* covers objects under media/, but the platform keeps its files under lse/ (acme-labeling-prod/lse/ (lse-values.yaml)): its reads and writes there are denied. Use arn:aws:s3:::acme-labeling-prod/lse/*.',
  );
  const fixed = applyPolicyFix(text, finding, finding.fixes![0], workspace);
  assert.deepEqual(JSON.parse(fixed).Statement[1].Resource, [`${prod}/lse/*`]);
  assert.deepEqual(policyFindings(rule, policy(...complete), workspace), []);
  assert.deepEqual(policyFindings(rule, policy(complete[0], { ...complete[1], Resource: `${prod}/*` }), workspace), [], 'the whole bucket covers the folder');
});

test("the LightlyOne guide's AllowListing: ListBucket on a folder ARN grants nothing; the message shows the s3:prefix condition", () => {
  const guide = readFileSync('test/fixtures/iam/guides/lightly-user-folder.json', 'utf8');
  const found = policyFindings(rule, guide);
  assert.equal(found.length, 1, guide);
  assert.match(found[0].message, /^s3:ListBucket never applies to an object ARN such as arn:aws:s3:::datalake\/projects\/farm-animals\/\*, so this grants no listing of projects\/farm-animals\/\./);
  assert.ok(found[0].message.includes('"Resource": "arn:aws:s3:::datalake", "Condition": {"StringLike": {"s3:prefix": ["projects/farm-animals/*"]}}'));
  const fixed = applyPolicyFix(guide, found[0], found[0].fixes![0]);
  const [listing] = JSON.parse(fixed).Statement;
  assert.deepEqual(listing, { Sid: 'AllowListing', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::datalake', Condition: { StringLike: { 's3:prefix': ['projects/farm-animals/*'] } } });
});

test('not this rule: a folder ARN that serves object actions (the Label Studio docs shape), ListBucket on bucket/*, a Deny', () => {
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/media/*'] })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::acme/*' })), []);
  assert.deepEqual(policyFindings(rule, policy({ Effect: 'Deny', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::acme/media/*' })), []);
});
