import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';
const awsSecret = 'q8Rb1ZtV0nKpL4sWmX2yJc7HdA9eF3gUoIhT6rNk';
const azureKey = `${'Zm9vYmFyYmF6cXV4'.repeat(5)}ABCDEF==`;

test('a real-looking key: info, never echoing the value', () => {
  const env = `${s3}STORAGE_AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\nSTORAGE_AWS_SECRET_ACCESS_KEY=${awsSecret}\n`;
  const [found, ...rest] = findings('env/plaintext-secret', { 'env.list': env }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'info');
  assert.deepEqual(found.range, { start: { line: 6, column: 31 }, end: { line: 6, column: 71 } });
  assert.match(found.message, /^STORAGE_AWS_SECRET_ACCESS_KEY holds a real-looking secret in plain text: anyone who can read this file has the key\./);
  assert.ok(!found.message.includes(awsSecret.slice(0, 8)));
  assert.equal(found.fixes, undefined);
});

test('in a file git tracks it is a warning that says to take it out of git and rotate the key', () => {
  const env = `STORAGE_TYPE=azure\nLABEL_STUDIO_STORAGE_AZURE_ACCOUNT_KEY="${azureKey}"\n`;
  const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';
  const [found] = findings('env/plaintext-secret', { 'env.list': env, 'docker-compose.yml': compose }, 'env.list', { isTracked: (p) => p === 'env.list' });
  assert.equal(found.severity, 'warning');
  assert.match(found.message, /^LABEL_STUDIO_STORAGE_AZURE_ACCOUNT_KEY holds a real-looking secret, and git tracks this file: .*rotate the key\.$/);
  assert.ok(!found.message.includes(azureKey.slice(0, 8)));
});

test('placeholders, short dummies, empty values and non-secret variables are not reported', () => {
  const values = ['', '<YOUR_SECRET_ACCESS_KEY>', '${AWS_SECRET_ACCESS_KEY}', '$AWS_SECRET', 'changeme', 'CHANGE_ME_BEFORE_DEPLOYING', 'xxxxxxxxxxxxxxxxxxxxxxxx', 'your-secret-access-key-here', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'secret', '****************'];
  for (const value of values) {
    assert.deepEqual(findings('env/plaintext-secret', { 'env.list': `${s3}STORAGE_AWS_SECRET_ACCESS_KEY=${value}\n` }, 'env.list'), [], value);
  }
  assert.deepEqual(findings('env/plaintext-secret', { 'env.list': `${s3}STORAGE_AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\nPOSTGRE_PASSWORD=${awsSecret}\n` }, 'env.list'), []);
});
