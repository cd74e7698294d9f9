import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessPlan, longestChain, type PlannedCheck } from '../../../src/core/access/plan';
import { profiles } from '../../../src/core/iam/profiles';

const ops = (plan: PlannedCheck[]) => plan.map((c) => c.operation);

test('lse-persistence on S3: independent reads first, then put → get/presigned → delete', () => {
  const plan = accessPlan({ protocol: 's3', profile: profiles['lse-persistence'], identity: true });
  assert.deepEqual(ops(plan), ['identity', 'location', 'list', 'cors', 'encryption', 'put', 'get', 'presigned-get', 'delete', 'kms-put']);
  const byOp = Object.fromEntries(plan.map((c) => [c.operation, c]));
  for (const independent of ['identity', 'location', 'list', 'cors', 'encryption', 'put']) assert.deepEqual(byOp[independent].after, []);
  assert.deepEqual(byOp.get.after, ['put']);
  assert.deepEqual(byOp.delete.after, ['get', 'presigned-get']);
  assert.deepEqual(
    plan.filter((c) => c.required).map((c) => c.action),
    ['s3:ListBucket', 's3:PutObject', 's3:GetObject', 's3:GetObject', 's3:DeleteObject', 'kms:GenerateDataKey'],
  );
  // put, get, delete + its confirmation: the least time a run can take is four round trips.
  assert.equal(longestChain(plan), 4);
});

test('read-only profiles never plan a write', () => {
  for (const id of ['ls-source-storage', 'lightly-input', 'labelbox-signed-urls'] as const) {
    const plan = accessPlan({ protocol: 's3', profile: profiles[id], identity: false });
    assert.ok(!plan.some((c) => ['put', 'delete', 'acl', 'multipart', 'kms-put'].includes(c.operation)), id);
    assert.deepEqual(plan.find((c) => c.operation === 'read-existing')?.after, ['list']);
  }
  // Labelbox may list from elsewhere: its ListBucket is optional, its read is not.
  const labelbox = accessPlan({ protocol: 's3', profile: profiles['labelbox-signed-urls'], identity: false });
  assert.equal(labelbox.find((c) => c.operation === 'list')?.required, false);
  assert.equal(labelbox.find((c) => c.operation === 'read-existing')?.required, true);
});

test('arraylake adds the ACL before the delete, multipart on its own, and needs the bucket region', () => {
  const plan = accessPlan({ protocol: 's3', profile: profiles.arraylake, identity: false });
  const byOp = Object.fromEntries(plan.map((c) => [c.operation, c]));
  assert.deepEqual(byOp.acl.after, ['put']);
  assert.ok(byOp.delete.after.includes('acl'));
  assert.deepEqual(byOp.multipart.after, []);
  assert.equal(byOp.location.required, true);
  assert.equal(byOp['presigned-get'], undefined);
});

test('GCS and Azure speak their own permission names; the role is simulated on S3 only', () => {
  const gcs = accessPlan({ protocol: 'gcs', profile: profiles['lse-persistence'], identity: true, roleArn: 'arn:aws:iam::1:role/r' });
  assert.deepEqual(ops(gcs), ['identity', 'test-permissions', 'list', 'put', 'get', 'presigned-get', 'delete']);
  assert.deepEqual(gcs.filter((c) => ['list', 'put', 'delete'].includes(c.operation)).map((c) => c.action), ['storage.objects.list', 'storage.objects.create', 'storage.objects.delete']);
  const azure = accessPlan({ protocol: 'azure', profile: profiles['lse-persistence'], identity: false });
  assert.match(azure.find((c) => c.operation === 'put')?.action ?? '', /blobs\/write$/);
  const s3 = accessPlan({ protocol: 's3', profile: profiles['lse-persistence'], identity: false, roleArn: 'arn:aws:iam::1:role/r' });
  assert.deepEqual(s3.find((c) => c.operation === 'simulate')?.requests, 2);
});

test('longestChain follows dependencies, not plan order', () => {
  const check = (operation: string, after: string[], requests = 1): PlannedCheck => ({ operation, action: '', required: true, after, requests });
  assert.equal(longestChain([check('c', ['b']), check('a', []), check('b', ['a'], 3)]), 5);
  assert.equal(longestChain([check('a', []), check('b', [])]), 1);
  assert.equal(longestChain([]), 0);
  // A dependency the plan dropped counts as done.
  assert.equal(longestChain([check('x', ['gone'])]), 1);
});
