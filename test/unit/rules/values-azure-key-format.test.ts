import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkAccountKey } from '../../../src/core/rules/values/azure-key-format';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/azure-key-format';
const path = 'lse-values.yaml';

// Made-up bytes, never a real key: 64 of them are an account key's shape (88 base64 characters ending in ==).
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const accountKey = bytes(64);

const azure = (value: string, extra = '') =>
  `global:\n  persistence:\n    type: azure\n    config:\n      azure:\n        containerName: media\n        storageAccountName: acmemedia\n        storageAccountKey: ${value}\n${extra}`;

test('a key cut short (32 bytes): warning on the value, no fix, and the key is not repeated', () => {
  const short = bytes(32);
  const [finding, ...rest] = findings(id, { [path]: azure(`"${short}"`) }, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range, { start: { line: 8, column: 28 }, end: { line: 8, column: 74 } });
  assert.equal(
    finding.message,
    'global.persistence.config.azure.storageAccountKey is not a storage account key: it decodes to 32 bytes, and an account key is 64 bytes (88 base64 characters ending in ==). ' +
      "Label Studio cannot sign its requests to Azure with it, and every storage request fails (403 AuthenticationFailed). Copy key1 or key2 from the storage account's access keys.",
  );
  assert.ok(!finding.message.includes(short));
  assert.equal(finding.fixes, undefined);
});

test('a whole connection string: the fix keeps only its AccountKey part', () => {
  const files: Files = { [path]: azure(`"DefaultEndpointsProtocol=https;AccountName=acmemedia;AccountKey=${accountKey};EndpointSuffix=core.windows.net"   # portal`) };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /: it is a whole connection string; the chart wants only its AccountKey part\./);
  assert.equal(preferred(finding).title, 'Keep only the AccountKey part');
  assert.equal(applyAndRecheck(files, path, finding, preferred(finding)), azure(`"${accountKey}"   # portal`));
});

test('the == lost on the way: the fix puts the padding back', () => {
  const files: Files = { [path]: azure(accountKey.replace(/=+$/, '')) };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /: its padding is wrong: an account key ends in ==\./);
  assert.equal(preferred(finding).title, 'End it in ==');
  assert.equal(applyAndRecheck(files, path, finding, preferred(finding)), azure(`"${accountKey}"`));
});

test('a block scalar keeps its final line break in the key: the fix trims it', () => {
  const files: Files = { [path]: azure(`|\n          ${accountKey}`, '        folder: lse\n') };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /has blanks or line breaks around the account key: the chart passes them on as part of it/);
  assert.equal(applyAndRecheck(files, path, finding, preferred(finding)), azure(`"${accountKey}"`, '        folder: lse\n'));
});

test('a SAS token and stray characters are explained without a fix', () => {
  const [sas] = findings(id, { [path]: azure('"?sv=2022-11-02&ss=b&srt=co&sp=rwdl&sig=EXAMPLE"') }, path);
  assert.match(sas.message, /: it is a SAS token, not an account key, and the chart has no setting for a SAS\./);
  assert.equal(sas.fixes, undefined);
  const [dashes] = findings(id, { [path]: azure(`"${accountKey.slice(0, 40)}-${accountKey.slice(41)}"`) }, path);
  assert.match(dashes.message, /: it has characters base64 does not use/);
});

test('good: a 64-byte key, placeholders, and the existing-Secret forms', () => {
  const good = [
    azure(`"${accountKey}"`),
    azure(accountKey),
    azure('"<YOUR_STORAGE_ACCOUNT_KEY>"'),
    azure('""'),
    azure('"${AZURE_STORAGE_KEY}"'),
    // With a complete existing-Secret pair the pods never get the inline value.
    azure('"not-a-key"', '        storageAccountKeyExistingSecret: lse-storage\n        storageAccountKeyExistingSecretKey: accountkey\n'),
    `global:\n  persistence:\n    type: azure\n    config:\n      azure:\n        containerName: media\n        storageAccountKeyExistingSecret: lse-storage\n        storageAccountKeyExistingSecretKey: accountkey\n`,
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});

test('the check accepts exactly base64 of 64 bytes, its repairs pass it, and it stays linear', () => {
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ minLength: 60, maxLength: 68 }).map((b) => Buffer.from(b).toString('base64')), fc.string({ maxLength: 200 })), (text) => {
      const { problem, repair } = checkAccountKey(text);
      const decodes = /^[A-Za-z0-9+/]{86}==$/.test(text);
      assert.equal(problem === undefined, decodes, text);
      if (repair) assert.equal(checkAccountKey(repair.value).problem, undefined, `${text} → ${repair.value}`);
    }),
    { seed: 19, numRuns: 3000 },
  );
  const start = performance.now();
  for (const text of [';'.repeat(100_000), 'AccountKey='.repeat(20_000), `${'A'.repeat(200_000)}=`, '?sv='.repeat(50_000)]) checkAccountKey(text);
  assert.ok(performance.now() - start < 500);
});
