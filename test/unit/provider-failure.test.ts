// What the provider adapters read off SDK errors: the provider's code and status, never the message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../src/core/access/errors';
import { failureOf } from '../../src/providers/failure';

test('an AWS error keeps its code and status', () => {
  const error = Object.assign(new Error('Access Denied for secret abc'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  assert.deepEqual(failureOf(error), { code: 'AccessDenied', status: 403 });
});

test("AWS's Unknown (a body it could not read, e.g. a 405 from a gateway without STS) gives way to the HTTP status", () => {
  const error = Object.assign(new Error('UnknownError'), { name: 'Unknown', $metadata: { httpStatusCode: 405 } });
  const failure = failureOf(error);
  assert.deepEqual(failure, { status: 405 });
  assert.equal(classify(failure), 'unsupported');
});

test('Azure and GCS codes, and a network code from the cause', () => {
  assert.deepEqual(failureOf(Object.assign(new Error('x'), { name: 'RestError', statusCode: 409, details: { errorCode: 'BlobAlreadyExists' } })), { code: 'BlobAlreadyExists', status: 409 });
  assert.deepEqual(failureOf({ code: 404, errors: [{ reason: 'notFound' }] }), { code: 'notFound', status: 404 });
  assert.deepEqual(failureOf(Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })), { code: 'ECONNREFUSED' });
});
