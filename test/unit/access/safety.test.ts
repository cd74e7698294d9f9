// The small safety pieces of the access engine: endpoints refused, probe keys, retry policy, redaction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact, secretsOf } from '../../../src/core/access/credentials';
import { refusedEndpoint } from '../../../src/core/access/endpoint-safety';
import { StorageError } from '../../../src/core/access/errors';
import { isProbeKey, probeKey, randomProbeId } from '../../../src/core/access/probe-keys';
import { isRetryable, withRetries } from '../../../src/core/access/retry';

test('metadata and link-local endpoints are refused in every spelling; ordinary ones are not', () => {
  for (const url of [
    'http://169.254.169.254/latest/meta-data',
    'http://169.254.0.1:8080',
    'https://169.254.255.255',
    'http://2852039166/', // 169.254.169.254 as one decimal number
    'http://0xa9.0xfe.0xa9.0xfe/',
    'http://[fd00:ec2::254]/',
    'http://[FD00:EC2:0:0:0:0:0:254]:80/',
    'http://[::ffff:169.254.169.254]/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://metadata.google.internal./',
  ]) {
    assert.ok(refusedEndpoint(url), url);
  }
  for (const url of ['http://127.0.0.1:7480', 'https://s3.us-east-1.amazonaws.com', 'http://169.255.0.1', 'http://[fd00:ec2::253]/', 'https://minio.internal:9000']) {
    assert.equal(refusedEndpoint(url), undefined, url);
  }
  assert.match(refusedEndpoint('not a url') ?? '', /not a URL/);
});

test('probe keys are joined the way Label Studio joins folder and name, and nothing else counts as one', () => {
  const id = randomProbeId();
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.notEqual(id, randomProbeId());
  assert.equal(probeKey('media', 'abc'), 'media/.bucket-doctor-probe-abc');
  assert.equal(probeKey('/media//uploads/', 'abc'), 'media/uploads/.bucket-doctor-probe-abc');
  assert.equal(probeKey('', 'abc'), '.bucket-doctor-probe-abc');
  assert.ok(isProbeKey('media/.bucket-doctor-probe-0123abcd-kms'));
  for (const key of ['media/cat.jpg', 'media/.bucket-doctor-probe-', 'media/.bucket-doctor-probe-x/other', 'x.bucket-doctor-probe-1', 'media/.bucket-doctor-probe-ABC']) assert.equal(isProbeKey(key), false, key);
});

test('only 5xx (not 501/504), 429, throttling codes and dropped connections are retried', () => {
  const err = (code: string, status?: number) => new StorageError('op', { code, status });
  for (const e of [err('SlowDown', 503), err('InternalError', 500), err('TooManyRequests', 429), err('ECONNRESET'), err('Throttling', 400)]) assert.ok(isRetryable(e), e.code);
  for (const e of [err('AccessDenied', 403), err('NoSuchBucket', 404), err('NotImplemented', 501), err('GatewayTimeout', 504), err('TimeoutError'), err('PreconditionFailed', 412)]) assert.equal(isRetryable(e), false, e.code);
});

test('withRetries stops after the policy attempts, and at once for a final failure', async () => {
  let calls = 0;
  const retried: unknown[] = [];
  await assert.rejects(
    withRetries(
      async () => {
        calls++;
        throw new StorageError('op', { code: 'SlowDown', status: 503 });
      },
      (e) => isRetryable(e as StorageError),
      { attempts: 3, baseDelayMs: 1 },
      undefined,
      (e) => retried.push(e),
    ),
    /SlowDown/,
  );
  assert.equal(calls, 3);
  assert.equal(retried.length, 2);
  calls = 0;
  await assert.rejects(
    withRetries(
      async () => {
        calls++;
        throw new StorageError('op', { code: 'AccessDenied', status: 403 });
      },
      (e) => isRetryable(e as StorageError),
      { attempts: 3, baseDelayMs: 1 },
    ),
  );
  assert.equal(calls, 1);
  assert.equal(await withRetries(async (n) => (n < 2 ? Promise.reject(new StorageError('op', { code: 'ECONNRESET' })) : n), () => true, { attempts: 3, baseDelayMs: 1 }), 2);
});

test('secretsOf names every secret a credential holds, and redact removes them', () => {
  const source = { kind: 'user-entered' as const, description: 'x' };
  const cs = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=KEYEXAMPLE==;SharedAccessSignature=sv=1&sig=SIG%2BEXAMPLE';
  const secrets = secretsOf({ provider: 'azure', kind: 'connection-string', connectionString: cs, source });
  assert.ok(secrets.includes('KEYEXAMPLE=='));
  assert.ok(secrets.includes('SIG+EXAMPLE'));
  assert.deepEqual(secretsOf({ provider: 's3', kind: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'SECRETEXAMPLE', sessionToken: 'TOKENEXAMPLE', source }), ['SECRETEXAMPLE', 'TOKENEXAMPLE']);
  assert.deepEqual(secretsOf({ provider: 's3', kind: 'default-chain', source }), []);
  assert.equal(redact('failed for KEYEXAMPLE== and SIG+EXAMPLE', secrets), 'failed for *** and ***');
  // Too short to be a secret: never turns ordinary words into stars.
  assert.equal(redact('a b', ['a']), 'a b');
});
