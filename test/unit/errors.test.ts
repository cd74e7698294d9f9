import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, StorageError } from '../../src/core/access/errors';

test('provider codes win over the HTTP status', () => {
  assert.equal(classify({ code: 'AccessDenied', status: 403 }), 'denied');
  assert.equal(classify({ code: 'AuthorizationPermissionMismatch', status: 403 }), 'denied');
  assert.equal(classify({ code: 'forbidden', status: 403 }), 'denied');
  // Azure and Azurite answer 403 for a bad key or SAS: that is a credential problem, not a permission one.
  assert.equal(classify({ code: 'AuthorizationFailure', status: 403 }), 'bad-credentials');
  assert.equal(classify({ code: 'AuthenticationFailed', status: 403 }), 'bad-credentials');
  assert.equal(classify({ code: 'SignatureDoesNotMatch', status: 403 }), 'bad-credentials');
  assert.equal(classify({ code: 'InvalidAccessKeyId', status: 403 }), 'bad-credentials');
  assert.equal(classify({ code: 'NoSuchBucket', status: 404 }), 'not-found');
  assert.equal(classify({ code: 'ContainerNotFound', status: 404 }), 'not-found');
  assert.equal(classify({ code: 'PermanentRedirect', status: 301 }), 'wrong-region');
  assert.equal(classify({ code: 'AuthorizationHeaderMalformed', status: 400 }), 'wrong-region');
  assert.equal(classify({ code: 'ECONNREFUSED' }), 'unreachable');
  assert.equal(classify({ code: 'TimeoutError' }), 'timeout');
});

test('unknown codes fall back to the HTTP status', () => {
  assert.equal(classify({ code: 'UnknownError', status: 403 }), 'denied');
  assert.equal(classify({ status: 404 }), 'not-found');
  assert.equal(classify({ status: 405 }), 'unsupported');
  assert.equal(classify({ status: 401 }), 'bad-credentials');
  assert.equal(classify({ status: 500 }), 'error');
  assert.equal(classify({}), 'error');
});

test('StorageError keeps the provider code and says which operation failed', () => {
  const error = new StorageError('PutObject', { code: 'AccessDenied', status: 403 });
  assert.equal(error.kind, 'denied');
  assert.equal(error.code, 'AccessDenied');
  assert.equal(error.status, 403);
  assert.equal(error.message, 'PutObject failed: denied (AccessDenied)');
  assert.equal(new StorageError('GetObject', { status: 500 }).code, 'HTTP 500');
});
