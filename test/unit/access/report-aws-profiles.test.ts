import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awsProfileNames } from '../../../src/core/access/aws-profiles';

test('profiles from both shared files, default first, no duplicates, non-profile sections left out', () => {
  const config = [
    '[profile dev]',
    'region = eu-west-1',
    '[default]',
    'region = us-east-1',
    '[sso-session corp]',
    'sso_start_url = https://example.awsapps.com/start',
    '  [profile  spaced name ]  # comment',
    '[services local-s3]',
    's3 =',
    '  endpoint_url = http://127.0.0.1:9000',
  ].join('\r\n');
  const credentials = '[dev]\naws_access_key_id = EXAMPLE\n[ci]\naws_secret_access_key = EXAMPLE\n';
  assert.deepEqual(awsProfileNames(config, credentials), ['default', 'dev', 'spaced name', 'ci']);
});

test('missing files and values that look like headers', () => {
  assert.deepEqual(awsProfileNames('', ''), []);
  assert.deepEqual(awsProfileNames('', '[only]\nnote = [not a header]\n'), ['only']);
  assert.deepEqual(awsProfileNames('[profile]\n[]\n', ''), [], 'a bare [profile] names nothing');
});
