import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CheckRow } from '../../../src/core/access/report';
import { rowLinks } from '../../../src/core/access/report-links';
import { Workspace } from '../../../src/core/workspace';
import { sampleReport } from './report-fixture';

const example = (path: string) => readFileSync(`examples/${path}`, 'utf8');
const ws = (files: Record<string, string>) => new Workspace(Object.entries(files).map(([path, text]) => ({ path, text })));
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const row = (operation: string, action: string, result: CheckRow['result'] = 'denied'): CheckRow => ({ operation, required: true, result, action });

test('a denied action the policy grants links to the granting statement (the identity tested lacks that policy)', () => {
  const workspace = ws({ 'lse-values.yaml': example('lse-values.yaml'), 'iam/lse-storage-policy.json': example('iam/lse-storage-policy.json') });
  const [put, list] = rowLinks(sampleReport({ checks: [row('put', 's3:PutObject'), row('list', 's3:ListBucket')] }), workspace);
  assert.deepEqual(put, { kind: 'policy', file: 'iam/lse-storage-policy.json', line: 11, column: 5, relation: 'grants', sid: 'ReadWriteObjects' });
  assert.deepEqual(list, { kind: 'policy', file: 'iam/lse-storage-policy.json', line: 4, column: 5, relation: 'grants', sid: 'ListTheFolder' });
});

test('an action no statement grants links to the Allow statement where it belongs', () => {
  const text = policy(
    { Sid: 'Bucket', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::acme-labeling-prod' },
    { Sid: 'Objects', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::acme-labeling-prod/lse/*' },
  );
  const workspace = ws({ 'p.json': text });
  const [put] = rowLinks(sampleReport({ checks: [row('put', 's3:PutObject')] }), workspace);
  assert.equal(put?.relation, 'should-grant');
  assert.equal(put?.sid, 'Objects', 'the statement on object ARNs, not the bucket one');
  assert.equal(put?.line, text.slice(0, text.indexOf('"Sid": "Objects"')).split('\n').length - 1);
  const [location] = rowLinks(sampleReport({ checks: [row('location', 's3:GetBucketLocation')] }), workspace);
  assert.equal(location?.sid, 'Bucket', 'a bucket action belongs with the bucket ARN');
});

test('explicit and conditional denies link to the Deny statement', () => {
  const deny = policy(
    { Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::acme-labeling-prod', 'arn:aws:s3:::acme-labeling-prod/*'] },
    { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::acme-labeling-prod/*' },
  );
  const [del] = rowLinks(sampleReport({ checks: [row('delete', 's3:DeleteObject')] }), ws({ 'p.json': deny }));
  assert.equal(del?.relation, 'denies');
  assert.equal(del?.sid, 'NoDeletes');
  // The broken example allows GetObject, but its Deny outside 10.0.0.0/8 may apply: the request's source IP is unknown.
  const broken = ws({ 'iam/broken.json': example('iam/lse-storage-policy-broken.json') });
  const [get, put] = rowLinks(sampleReport({ checks: [row('get', 's3:GetObject'), row('put', 's3:PutObject')] }), broken);
  assert.deepEqual([get?.relation, get?.line], ['may-deny', 14]);
  // Its PutObject statement names a placeholder, not the bucket: the grant belongs with the statement on its objects.
  assert.deepEqual([put?.relation, put?.line], ['should-grant', 4]);
});

test('configuration problems link to the line that configures the bucket; passed and skipped rows link nowhere', () => {
  const workspace = ws({ 'lse-values.yaml': example('lse-values.yaml') });
  const checks = [row('list', 's3:ListBucket', 'not-found'), row('location', 's3:GetBucketLocation', 'wrong-region'), row('identity', 'sts:GetCallerIdentity', 'bad-credentials'), row('get', 's3:GetObject', 'passed'), row('delete', 's3:DeleteObject', 'skipped'), row('put', 's3:PutObject', 'timed-out')];
  const links = rowLinks(sampleReport({ checks }), workspace);
  assert.deepEqual(links.slice(0, 3), Array(3).fill({ kind: 'config', file: 'lse-values.yaml', line: 14, column: 17 }));
  assert.deepEqual(links.slice(3), [undefined, undefined, undefined]);
  assert.deepEqual(rowLinks(sampleReport({ checks: [checks[0]], source: undefined }), workspace), [undefined]);
});

test('which policies apply: those naming the bucket, those .bucket-doctor.json attaches; never trust policies or other buckets', () => {
  const other = policy({ Sid: 'Other', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::someone-else/*' });
  const wildcard = policy({ Sid: 'Wild', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-*/*' });
  const report = sampleReport({ checks: [row('put', 's3:PutObject')] });
  assert.deepEqual(rowLinks(report, ws({ 'other.json': other, 'trust.json': example('iam/lse-storage-trust.json') })), [undefined]);
  assert.equal(rowLinks(report, ws({ 'other.json': other }), ['other.json'])[0]?.file, 'other.json');
  // Attached policies are the whole set: a draft naming the bucket elsewhere in the workspace does not count.
  const both = ws({ 'iam/good.json': example('iam/lse-storage-policy.json'), 'iam/broken.json': example('iam/lse-storage-policy-broken.json') });
  assert.equal(rowLinks(report, both)[0]?.file, 'iam/broken.json', 'unattached, the broken Deny may apply');
  assert.deepEqual(rowLinks(report, both, ['iam/good.json'])[0], { kind: 'policy', file: 'iam/good.json', line: 11, column: 5, relation: 'grants', sid: 'ReadWriteObjects' });
  assert.equal(rowLinks(report, ws({ 'wild.json': wildcard }))[0]?.sid, 'Wild');
});

test('GCS and Azure reports have no IAM policy files to point at', () => {
  const workspace = ws({ 'p.json': example('iam/lse-storage-policy.json') });
  const gcs = sampleReport({ provider: 'gcs', checks: [row('put', 'storage.objects.create')] });
  assert.deepEqual(rowLinks(gcs, workspace), [undefined]);
});
