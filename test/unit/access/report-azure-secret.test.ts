import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAzureSecret } from '../../../src/core/access/azure-secret';

// Obvious placeholders: no realistic key or signature in the repository.
const key = 'EXAMPLEKEY==';
const sas = 'sv=2024-05-04&sr=c&sp=rl&se=2030-01-01T00%3A00%3A00Z&sig=EXAMPLESIG%3D';

test('connection strings, whichever key comes first', () => {
  for (const text of [
    `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${key};EndpointSuffix=core.windows.net`,
    `BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;SharedAccessSignature=${sas}`,
    'UseDevelopmentStorage=true',
  ]) {
    assert.deepEqual(parseAzureSecret(`  ${text}\n`), { kind: 'connection-string', connectionString: text });
  }
});

test('SAS URLs: the service URL is the account endpoint, with the emulator account path kept', () => {
  assert.deepEqual(parseAzureSecret(`https://acct.blob.core.windows.net/media?${sas}`), { kind: 'sas', serviceUrl: 'https://acct.blob.core.windows.net', sas });
  assert.deepEqual(parseAzureSecret(`http://127.0.0.1:10000/devstoreaccount1/media?${sas}`), { kind: 'sas', serviceUrl: 'http://127.0.0.1:10000/devstoreaccount1', sas });
  assert.equal(parseAzureSecret('https://acct.blob.core.windows.net/media?sv=1'), undefined, 'no signature');
  assert.equal(parseAzureSecret('https://[bad'), undefined);
});

test('a bare SAS token needs the account endpoint', () => {
  assert.deepEqual(parseAzureSecret(`?${sas}`, 'https://acct.blob.core.windows.net/'), { kind: 'sas', serviceUrl: 'https://acct.blob.core.windows.net', sas });
  assert.equal(parseAzureSecret(sas), undefined);
  assert.equal(parseAzureSecret('hello', 'https://acct.blob.core.windows.net'), undefined);
  assert.equal(parseAzureSecret(key, 'https://acct.blob.core.windows.net'), undefined, 'an account key alone is not enough');
});
