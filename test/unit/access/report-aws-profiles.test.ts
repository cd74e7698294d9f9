import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awsProfileNames, staticProfileKeys } from '../../../src/core/access/aws-profiles';

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

test('static keys of a profile: credentials file first, then the config file; none for SSO or role profiles', () => {
  const credentials = '[dev]\naws_access_key_id = EXAMPLEDEVID\naws_secret_access_key = EXAMPLEDEVSECRET\n[temp]\naws_access_key_id=EXAMPLETMP\naws_secret_access_key=EXAMPLETMPSECRET\naws_session_token=EXAMPLETOKEN\n';
  const config = '[default]\naws_access_key_id = EXAMPLEDEFAULT\naws_secret_access_key = EXAMPLEDEFAULTSECRET\n[profile dev]\naws_access_key_id = SHADOWED\naws_secret_access_key = SHADOWED\n[profile sso]\nsso_session = corp\n[profile role]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = dev\n';
  assert.deepEqual(staticProfileKeys(config, credentials, 'dev'), { accessKeyId: 'EXAMPLEDEVID', secretAccessKey: 'EXAMPLEDEVSECRET' });
  assert.deepEqual(staticProfileKeys(config, credentials, 'temp'), { accessKeyId: 'EXAMPLETMP', secretAccessKey: 'EXAMPLETMPSECRET', sessionToken: 'EXAMPLETOKEN' });
  assert.deepEqual(staticProfileKeys(config, credentials, 'default'), { accessKeyId: 'EXAMPLEDEFAULT', secretAccessKey: 'EXAMPLEDEFAULTSECRET' });
  assert.equal(staticProfileKeys(config, credentials, 'sso'), undefined);
  assert.equal(staticProfileKeys(config, credentials, 'role'), undefined);
  assert.equal(staticProfileKeys(config, credentials, 'missing'), undefined);
  assert.equal(staticProfileKeys('[profile half]\naws_access_key_id = X\n', '', 'half'), undefined, 'a key without its secret');
});
