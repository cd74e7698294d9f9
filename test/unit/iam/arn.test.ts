// ARNs: parsing, what is malformed about one, and the S3 bucket/object ARNs of a bucket and folder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arnProblems, bucketArn, folderKeyPrefix, folderObjectsArn, isS3BucketOrObjectArn, objectArn, parseArn, s3Location } from '../../../src/core/iam/arn';

test('parseArn splits six parts; the resource keeps its colons', () => {
  assert.deepEqual(parseArn('arn:aws:s3:::b/k'), { partition: 'aws', service: 's3', region: '', account: '', resource: 'b/k' });
  assert.deepEqual(parseArn('arn:aws:kms:us-east-1:123456789012:key/abc'), { partition: 'aws', service: 'kms', region: 'us-east-1', account: '123456789012', resource: 'key/abc' });
  assert.equal(parseArn('arn:aws:logs:us-east-1:1:log-group:x:*')?.resource, 'log-group:x:*');
  assert.equal(parseArn('arn:aws:s3::b'), undefined);
  assert.equal(parseArn('*'), undefined);
  assert.equal(parseArn('ARN:aws:s3:::b'), undefined);
});

test('arnProblems: well-formed ARNs, wildcards and variables pass', () => {
  for (const arn of ['*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/*', 'arn:aws-cn:s3:::b', 'arn:*:s3:::b', 'arn:aws:s3:::${aws:username}/*', 'arn:aws:iam::123456789012:role/x', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:kms:*:123456789012:key/*', 'arn:aws:s3:us-west-2:123456789012:accesspoint/ap', 'arn:aws:sts::123456789012:assumed-role/R/s']) {
    assert.deepEqual(arnProblems(arn), [], arn);
  }
});

test('arnProblems: what is malformed, located within the ARN', () => {
  const table: [arn: string, parts: string[]][] = [
    ['s3:::b', ['arn']],
    ['ARN:aws:s3:::b', ['arn']],
    ['arn:aws:s3::b', ['arn']],
    ['arn:amazon:s3:::b', ['partition']],
    ['arn:aws:S3:::b', ['service']],
    ['arn:aws::::b', ['service']],
    ['arn:aws:kms:virginia:123456789012:key/x', ['region']],
    ['arn:aws:iam::12345:role/x', ['account']],
    ['arn:aws:iam::123456789012:', ['resource']],
    ['arn:aws:s3:us-east-1::b', ['region']],
    ['arn:aws:s3::123456789012:b/*', ['account']],
    ['arn:aws:s3:us-east-1:123456789012:b', ['region', 'account']],
    ['arn:aws:s3:::b /*', ['arn']],
  ];
  for (const [arn, parts] of table) assert.deepEqual(arnProblems(arn).map((p) => p.part), parts, arn);
  const [region] = arnProblems('arn:aws:kms:virginia:123456789012:key/x');
  assert.equal('arn:aws:kms:virginia:123456789012:key/x'.slice(region.offset, region.offset + region.length), 'virginia');
  assert.match(arnProblems('arn:aws:s3::123456789012:b/*')[0].message, /arn:aws:s3:::b\/\*/);
});

test('S3 bucket and object ARNs', () => {
  assert.deepEqual(s3Location('arn:aws:s3:::b'), { bucket: 'b' });
  assert.deepEqual(s3Location('arn:aws:s3:::b/k/x.jpg'), { bucket: 'b', key: 'k/x.jpg' });
  assert.deepEqual(s3Location('arn:aws:s3:::b/'), { bucket: 'b', key: '' });
  assert.equal(s3Location('arn:aws:s3:us-east-1:1:accesspoint/ap'), undefined);
  assert.equal(s3Location('arn:aws:iam::1:role/r'), undefined);
  assert.ok(isS3BucketOrObjectArn(parseArn('arn:aws:s3:::b')!));
  assert.equal(bucketArn('b'), 'arn:aws:s3:::b');
  assert.equal(bucketArn('b', 'aws-cn'), 'arn:aws-cn:s3:::b');
  assert.equal(objectArn('b', 'k'), 'arn:aws:s3:::b/k');
  assert.equal(folderObjectsArn('b', ''), 'arn:aws:s3:::b/*');
  assert.equal(folderObjectsArn('b', 'media'), 'arn:aws:s3:::b/media/*');
  assert.equal(folderObjectsArn('b', '/media/'), 'arn:aws:s3:::b/media/*');
  assert.equal(folderObjectsArn('b', 'a//b/./c/'), 'arn:aws:s3:::b/a/b/c/*');
  assert.equal(folderKeyPrefix('projects/farm-animals'), 'projects/farm-animals/');
  assert.equal(folderKeyPrefix('/'), '');
});
