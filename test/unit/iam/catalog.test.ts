// The action catalog: lookups, wildcard expansion, which ARNs an action can apply to, and valid condition keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionAppliesTo,
  actionsMatching,
  applicableS3Arn,
  catalogServices,
  conditionKeyType,
  findAction,
  isCatalogedConditionKey,
  isConditionKeyTemplate,
  isGlobalConditionKey,
  isKnownService,
  lookupAction,
  resourceTypesFor,
  resourceTypesOf,
  serviceActions,
  supportsConditionKey,
} from '../../../src/core/iam/catalog';

const action = (id: string) => {
  const found = lookupAction(id);
  assert.ok(found, id);
  return found;
};

test('services and case-insensitive action lookup', () => {
  assert.deepEqual(catalogServices, ['s3', 'kms', 'sts', 'iam']);
  assert.ok(isKnownService('s3') && isKnownService('KMS') && !isKnownService('ec2'));
  assert.equal(findAction('s3', 'getobject')?.id, 's3:GetObject');
  assert.equal(findAction('S3', 'GetObjects'), undefined);
  assert.equal(lookupAction('STS:assumerole')?.name, 'AssumeRole');
  assert.equal(serviceActions('s3').length, 168);
  assert.equal(serviceActions('kms').length, 56);
  assert.equal(serviceActions('sts').length, 16);
  assert.equal(serviceActions('iam').length, 187);
  assert.deepEqual(serviceActions('ec2'), []);
  const getObject = action('s3:GetObject');
  assert.equal(getObject.accessLevel, 'Read');
  assert.deepEqual(getObject.resourceTypes, [{ name: 'accesspointobject', required: false }, { name: 'object', required: false }]);
  assert.deepEqual(action('s3:PutBucketNotification').resourceTypes, [{ name: 'bucket', required: true }]);
  assert.equal(action('sts:TagSession').permissionOnly, true);
  assert.equal(action('sts:AssumeRole').permissionOnly, false);
  assert.deepEqual(resourceTypesOf(action('kms:Decrypt')).map((r) => r.arn), ['arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}']);
});

test('wildcard action patterns', () => {
  const get = actionsMatching('s3:Get*').map((a) => a.name);
  assert.ok(get.includes('GetObject') && get.includes('GetBucketLocation') && get.every((n) => n.startsWith('Get')));
  assert.equal(actionsMatching('s3:*').length, 168);
  assert.equal(actionsMatching('*').length, 168 + 56 + 16 + 187);
  assert.deepEqual(actionsMatching('s3:getobjec?').map((a) => a.id), ['s3:GetObject']);
  assert.deepEqual(actionsMatching('s3:ListBuckets'), []);
  assert.deepEqual(actionsMatching('s3:GetObjects*'), []);
  assert.deepEqual(actionsMatching('ec2:*'), []);
  assert.deepEqual(actionsMatching('s3'), []);
  assert.deepEqual(actionsMatching('sts:AssumeRole*').map((a) => a.name), ['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);
  assert.ok(actionsMatching('*:GetCallerIdentity').length === 1);
});

test('which ARNs an action applies to, by its resource types', () => {
  const table: [id: string, resource: string, applies: boolean][] = [
    ['s3:ListBucket', 'arn:aws:s3:::b', true],
    ['s3:ListBucket', 'arn:aws:s3:::b/*', false],
    ['s3:ListBucket', 'arn:aws:s3:::b/projects/farm-animals/*', false],
    ['s3:ListBucket', 'arn:aws:s3:::*', true],
    ['s3:ListBucket', 'arn:aws:s3:::b*', true],
    ['s3:ListBucket', '*', true],
    ['s3:ListBucket', 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap', true],
    ['s3:GetObject', 'arn:aws:s3:::b', false],
    ['s3:GetObject', 'arn:aws:s3:::b/*', true],
    ['s3:GetObject', 'arn:aws:s3:::b/media/${aws:username}/*', true],
    ['s3:GetObject', 'arn:aws:s3:::*', true],
    ['s3:GetObject', 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k', true],
    ['s3:GetObject', 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap', false],
    ['s3:PutBucketNotification', 'arn:aws:s3:::b', true],
    ['s3:PutBucketNotification', 'arn:aws:s3:::b/*', false],
    ['s3:ListAllMyBuckets', '*', true],
    ['s3:ListAllMyBuckets', 'arn:aws:s3:::*', false],
    ['sts:GetCallerIdentity', '*', true],
    ['kms:Decrypt', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', true],
    ['kms:Decrypt', 'arn:aws:kms:us-east-1:123456789012:alias/my-key', false],
    ['kms:Decrypt', 'arn:aws:s3:::b', false],
    ['kms:CreateAlias', 'arn:aws:kms:us-east-1:123456789012:alias/aws/s3', true],
    ['sts:AssumeRole', 'arn:aws:iam::123456789012:role/path/to/Role', true],
    ['iam:PassRole', 'arn:aws:iam::123456789012:role/Role', true],
    ['iam:PassRole', 'arn:aws:iam::123456789012:user/u', false],
  ];
  for (const [id, resource, applies] of table) assert.equal(actionAppliesTo(action(id), resource), applies, `${id} on ${resource}`);
  assert.deepEqual(resourceTypesFor(action('s3:ListBucket'), 'arn:aws:s3:::b').map((r) => r.name), ['bucket']);
  assert.equal(applicableS3Arn(action('s3:ListBucket'), 'arn:aws:s3:::datalake/projects/farm-animals/*'), 'arn:aws:s3:::datalake');
  assert.equal(applicableS3Arn(action('s3:GetObject'), 'arn:aws:s3:::b'), 'arn:aws:s3:::b/*');
  assert.equal(applicableS3Arn(action('s3:GetObject'), 'arn:aws-cn:s3:::b'), 'arn:aws-cn:s3:::b/*');
  assert.equal(applicableS3Arn(action('s3:GetObject'), 'arn:aws:s3:::b/*'), undefined);
  assert.equal(applicableS3Arn(action('s3:ListAllMyBuckets'), 'arn:aws:s3:::b'), undefined);
  assert.equal(applicableS3Arn(action('kms:Decrypt'), 'arn:aws:s3:::b'), undefined);
  assert.deepEqual(resourceTypesFor(action('s3:GetObject'), '*').map((r) => r.name), ['accesspointobject', 'object']);
});

test('condition-key templates: `${TagKey}` and `<key>` placeholders stand for a concrete key name, in any case', () => {
  const get = action('s3:GetObject');
  const put = action('s3:PutObject');
  for (const key of ['s3:ExistingObjectTag/team', 'S3:EXISTINGOBJECTTAG/Team', 's3:existingobjecttag/cost-center/sub', 's3:BucketTag/env', 'aws:ResourceTag/Project']) {
    assert.ok(supportsConditionKey(get, key), key);
  }
  assert.ok(supportsConditionKey(put, 's3:RequestObjectTag/classification'));
  assert.ok(supportsConditionKey(action('sts:AssumeRole'), 'iam:ResourceTag/Team'));
  assert.ok(supportsConditionKey(action('kms:Decrypt'), 'KMS:EncryptionContext:Department'));
  assert.ok(supportsConditionKey(action('sts:SetContext'), 'sts:RequestContext/identitycenter:CredentialId'));
  // A placeholder stands for one or more characters, and the template's literal text must still match.
  for (const key of ['s3:ExistingObjectTag/', 's3:ExistingObjectTag', 's3:ExistingObjectTagteam', 's3:ExistingObjectTag/<key>x']) {
    assert.equal(supportsConditionKey(get, key), key === 's3:ExistingObjectTag/<key>x', key);
  }
  assert.ok(!supportsConditionKey(get, 's3:RequestObjectTag/team'));
  assert.ok(!supportsConditionKey(action('s3:ListBucket'), 's3:ExistingObjectTag/team'));
  assert.equal(conditionKeyType('s3:ExistingObjectTag/team'), 'String');
  assert.equal(conditionKeyType('s3:requestobjecttag/team'), 'String');
  assert.equal(conditionKeyType('s3:RequestObjectTagKeys'), 'ArrayOfString');
  assert.ok(isConditionKeyTemplate('s3:ExistingObjectTag/<key>') && isConditionKeyTemplate('aws:RequestTag/${TagKey}'));
  assert.ok(!isConditionKeyTemplate('s3:ExistingObjectTag/team') && !isConditionKeyTemplate('s3:prefix'));
});

test('condition keys: action-level, resource-type and global keys; templates and case', () => {
  const list = action('s3:ListBucket');
  const get = action('s3:GetObject');
  assert.ok(supportsConditionKey(list, 's3:prefix'));
  assert.ok(supportsConditionKey(list, 'S3:Prefix'));
  assert.ok(!supportsConditionKey(get, 's3:prefix'));
  for (const key of ['aws:SourceIp', 'aws:SourceVpc', 'aws:PrincipalArn', 'aws:username', 'aws:sourceip', 'aws:PrincipalTag/team', 'aws:ResourceTag/project']) {
    assert.ok(supportsConditionKey(get, key), key);
  }
  assert.ok(supportsConditionKey(get, 's3:BucketTag/env'));
  assert.ok(!supportsConditionKey(get, 'aws:SourceIP4'));
  assert.ok(supportsConditionKey(action('sts:AssumeRole'), 'sts:ExternalId'));
  assert.ok(supportsConditionKey(action('kms:Decrypt'), 'kms:EncryptionContext:department'));
  assert.ok(!supportsConditionKey(action('kms:Decrypt'), 'sts:ExternalId'));
  assert.ok(isGlobalConditionKey('aws:SourceVpce') && !isGlobalConditionKey('s3:prefix'));
  assert.ok(isCatalogedConditionKey('s3:prefix') && isCatalogedConditionKey('aws:x'));
  assert.ok(!isCatalogedConditionKey('oidc.eks.us-east-1.amazonaws.com/id/ABC:sub') && !isCatalogedConditionKey('ec2:Vpc'));
  assert.equal(conditionKeyType('aws:SourceIp'), 'IPAddress');
  assert.equal(conditionKeyType('aws:SecureTransport'), 'Bool');
  assert.equal(conditionKeyType('aws:CurrentTime'), 'Date');
  assert.equal(conditionKeyType('s3:max-keys'), 'Numeric');
  assert.equal(conditionKeyType('aws:PrincipalArn'), 'ARN');
  assert.equal(conditionKeyType('aws:PrincipalTag/team'), 'String');
  assert.equal(conditionKeyType('accounts.google.com:aud'), 'String');
  assert.equal(conditionKeyType('nope:key'), undefined);
});
