import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleUrl, encodeKey, labelStudioUri, storageUri } from '../../src/core/bucket-uris';

test('storage URIs of buckets, folders and objects', () => {
  assert.equal(storageUri({ provider: 's3', name: 'acme' }, 'lse/'), 's3://acme/lse/');
  assert.equal(storageUri({ provider: 's3', name: 'acme', endpoint: 'http://127.0.0.1:9000' }), 's3://acme/');
  assert.equal(storageUri({ provider: 'gcs', name: 'acme-eu' }, 'a b/c.json'), 'gs://acme-eu/a b/c.json');
  assert.equal(storageUri({ provider: 'azure', name: 'media', account: 'acct' }, 'lse/a b#1.png'), 'https://acct.blob.core.windows.net/media/lse/a%20b%231.png');
  assert.equal(storageUri({ provider: 'azure', name: 'media', endpoint: 'http://127.0.0.1:10000/devstoreaccount1/' }, 'x/'), 'http://127.0.0.1:10000/devstoreaccount1/media/x/');
  assert.equal(encodeKey('a/b c/ü'), 'a/b%20c/%C3%BC');
});

test('Label Studio URIs: azure-blob:// for Azure, the storage URI otherwise', () => {
  assert.equal(labelStudioUri({ provider: 'azure', name: 'media', account: 'acct' }, 'lse/1.jpg'), 'azure-blob://media/lse/1.jpg');
  assert.equal(labelStudioUri({ provider: 's3', name: 'acme' }, 'lse/1.jpg'), 's3://acme/lse/1.jpg');
  assert.equal(labelStudioUri({ provider: 'gcs', name: 'acme' }, '1.jpg'), 'gs://acme/1.jpg');
});

test('console URLs: the partition decides the AWS console host; objects and folders have their own pages', () => {
  assert.equal(consoleUrl({ provider: 's3', name: 'acme', region: 'eu-west-1' }, 'lse/'), 'https://console.aws.amazon.com/s3/buckets/acme?region=eu-west-1&prefix=lse%2F');
  assert.equal(consoleUrl({ provider: 's3', name: 'acme' }), 'https://console.aws.amazon.com/s3/buckets/acme?region=us-east-1');
  assert.equal(consoleUrl({ provider: 's3', name: 'acme', region: 'cn-north-1' }, 'a.png'), 'https://console.amazonaws.cn/s3/object/acme?region=cn-north-1&prefix=a.png');
  assert.equal(consoleUrl({ provider: 's3', name: 'acme', region: 'us-gov-west-1' }), 'https://console.amazonaws-us-gov.com/s3/buckets/acme?region=us-gov-west-1');
  assert.equal(consoleUrl({ provider: 's3', name: 'acme', endpoint: 'http://127.0.0.1:9000' }), undefined, 'an S3-compatible service has no AWS console');
  assert.ok(consoleUrl({ provider: 's3', name: 'acme', endpoint: 'https://s3.eu-west-1.amazonaws.com' }));
  assert.equal(consoleUrl({ provider: 'gcs', name: 'acme' }, 'lse/'), 'https://console.cloud.google.com/storage/browser/acme/lse/');
  assert.equal(consoleUrl({ provider: 'gcs', name: 'acme' }, 'lse/a b.png'), 'https://console.cloud.google.com/storage/browser/_details/acme/lse/a%20b.png');
  assert.equal(consoleUrl({ provider: 'azure', name: 'media', account: 'acct' }), 'https://portal.azure.com/#browse/Microsoft.Storage%2FStorageAccounts');
  assert.equal(consoleUrl({ provider: 'azure', name: 'media' }), undefined);
  assert.equal(consoleUrl({ provider: 'azure', name: 'media', account: 'devstoreaccount1', endpoint: 'http://127.0.0.1:10000/devstoreaccount1' }), undefined);
});
