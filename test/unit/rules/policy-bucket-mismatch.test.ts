import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPolicyFix, policyFindings } from './policy-document-helpers';
import { complete, policy, values } from './policy-access-helpers';

const rule = 'policy/bucket-mismatch';
const workspace = { 'lse-values.yaml': values('acme-labeling-prod') };
const renamed = (bucket: string) => policy(...complete.map((s) => ({ ...s, Resource: String(s.Resource).replace('acme-labeling-prod', bucket) })));

test('a bucket name inside the configured one: a warning on the name, and the fix puts in the configured bucket', () => {
  const text = policy(complete[0], { ...complete[1], Resource: 'arn:aws:s3:::acme-labeling/lse/*' });
  const [finding] = policyFindings(rule, text, workspace);
  assert.equal(finding.message, '"acme-labeling" is not a bucket the deployment uses: lse-values.yaml configures "acme-labeling-prod", so this grants nothing on the bucket the platform reads and writes. Use "acme-labeling-prod".');
  const line = text.split('\n')[finding.range.start.line - 1];
  assert.equal(line.slice(finding.range.start.column - 1, finding.range.end.column - 1), 'acme-labeling');
  assert.equal(applyPolicyFix(text, finding, finding.fixes![0], workspace), policy(...complete));
  assert.equal(policyFindings(rule, renamed('acme-labeling'), workspace).length, 2, 'each ARN is reported');
});

test('a near spelling is suggested even when the policy also names configured buckets; "the only bucket" only when it names none', () => {
  const two = { ...workspace, 'env.list': 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-labeling-staging\n' };
  const typo = policyFindings(rule, policy(...complete, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-labeling-stagign/*' }), two);
  assert.match(typo[0].message, /configures "acme-labeling-staging"/);
  const unrelated = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::team-exports/*' });
  assert.match(policyFindings(rule, unrelated, workspace)[0].message, /Use "acme-labeling-prod"/);
  assert.deepEqual(policyFindings(rule, unrelated, two), [], 'two buckets configured, neither close');
  assert.deepEqual(policyFindings(rule, policy(...complete, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::team-exports/*' }), workspace), []);
});

test('no finding: configured names, wildcards, placeholders, no bucket configured', () => {
  assert.deepEqual(policyFindings(rule, policy(...complete), workspace), []);
  assert.deepEqual(policyFindings(rule, renamed('acme-*'), workspace), []);
  assert.deepEqual(policyFindings(rule, renamed('<YOUR_S3_BUCKET>'), workspace), []);
  assert.deepEqual(policyFindings(rule, renamed('acme-labeling')), []);
});

test('numbered sibling buckets are not misspellings, and a name merely sharing a prefix is not "inside" another', () => {
  const three = { 'lse-values.yaml': values('acme-bucket-3') };
  const statement = (bucket: string) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` });
  assert.deepEqual(policyFindings(rule, policy(statement('acme-bucket-3'), statement('acme-bucket-4'), statement('acme-bucket-30')), three), []);
  assert.deepEqual(policyFindings(rule, policy(statement('acme-bucket-4')), three), [], 'not even as the only configured bucket');
});
