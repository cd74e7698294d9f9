import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkAccessKeyId, checkSecretKey } from '../../../src/core/rules/values/access-key-format';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/access-key-format';
const path = 'lse-values.yaml';

// Key-shaped values built here, never real ones: 20-character IDs and 40-character secrets.
const keyId = (prefix = 'AKIA') => `${prefix}${'TESTKEY0'.repeat(2)}`;
const secret = 'tEsT/k3y+'.repeat(5).slice(0, 40);

const s3 = (lines: string) => `global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n        region: us-east-1\n${lines}`;

test('accessKey and secretKey swapped: one warning on accessKey; the fix swaps them, keeping quotes and comments', () => {
  const files: Files = { [path]: s3(`        accessKey: "${secret}"  # from the CSV\n        secretKey: ${keyId()}\n`) };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range, { start: { line: 8, column: 20 }, end: { line: 8, column: 62 } });
  assert.equal(
    finding.message,
    'global.persistence.config.s3.accessKey and secretKey are swapped: accessKey holds a 40-character secret access key and secretKey an access key ID. ' +
      'S3 rejects every request signed with it (InvalidAccessKeyId), so Label Studio can neither read nor write its storage. Swap them.',
  );
  assert.ok(!finding.message.includes(secret) && !finding.message.includes(keyId()), 'the message repeats no key');
  const fix = preferred(finding);
  assert.equal(fix.title, 'Swap accessKey and secretKey');
  const fixed = applyAndRecheck(files, path, finding, fix);
  assert.equal(fixed, s3(`        accessKey: "${keyId()}"  # from the CSV\n        secretKey: "${secret}"\n`));
  assert.deepEqual(findings(id, { [path]: fixed }, path), []);
});

test('a temporary ASIA key is an error without a fix: the chart cannot pass its session token', () => {
  const [finding, ...rest] = findings(id, { [path]: s3(`        accessKey: ${keyId('ASIA')}\n        secretKey: "${secret}"\n`) }, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.fixes, undefined);
  assert.deepEqual(finding.range, { start: { line: 8, column: 20 }, end: { line: 8, column: 40 } });
  assert.match(finding.message, /^global\.persistence\.config\.s3\.accessKey is a temporary access key ID \(ASIA…\) issued by AWS STS: .* session token .* no setting for, and it expires within hours, .* \(IRSA\)\.$/);
});

test('wrong shapes get a reason each: unique IDs, lower case, short keys, an ID as the secret', () => {
  const messageFor = (lines: string) => findings(id, { [path]: s3(lines) }, path).map((f) => f.message);
  assert.match(messageFor(`        accessKey: ${keyId('AIDA')}X\n`)[0], /accessKey is not an access key ID: it is the unique ID of an IAM user \(AIDA…\), not an access key ID\. S3 rejects .*\(InvalidAccessKeyId\)/);
  assert.match(messageFor(`        accessKey: ${keyId().toLowerCase()}\n`)[0], /: it does not start with AKIA; it has characters other than upper-case letters and digits\./);
  assert.match(messageFor(`        accessKey: ${keyId().slice(0, 19)}\n`)[0], /: it has 19 characters, not 20\./);
  assert.match(messageFor(`        accessKey: "${secret}"\n`)[0], /: it looks like a secret access key \(40 characters\), not an access key ID\./);
  assert.match(messageFor(`        secretKey: "${secret.slice(0, 12)}"\n`)[0], /secretKey is not a secret access key: it has 12 characters; a secret access key has 40\. S3 rejects .*\(SignatureDoesNotMatch\)/);
  const both = messageFor(`        accessKey: ${keyId()}\n        secretKey: ${keyId()}\n`);
  assert.equal(both.length, 1);
  assert.match(both[0], /secretKey is not a secret access key: it is an access key ID \(AKIA…\), not the secret access key\./);
});

test('blanks inside the quotes: the fix trims them and nothing else', () => {
  const files: Files = { [path]: s3(`        accessKey: " ${keyId()}"\n        secretKey: '${secret} '\n`) };
  const [idBlanks, secretBlanks, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.match(idBlanks.message, /accessKey has blanks or line breaks around the access key ID: the chart passes them on as part of it, so S3 rejects/);
  const afterId = applyAndRecheck(files, path, idBlanks, preferred(idBlanks));
  assert.equal(afterId, s3(`        accessKey: "${keyId()}"\n        secretKey: '${secret} '\n`));
  const [again] = findings(id, { [path]: afterId }, path);
  assert.equal(again.message, secretBlanks.message);
  const fixed = applyAndRecheck({ [path]: afterId }, path, again, preferred(again));
  assert.equal(fixed, s3(`        accessKey: "${keyId()}"\n        secretKey: '${secret}'\n`));
});

test('good: a well-formed pair, placeholders, empty values, and keys the pods never get', () => {
  const good = [
    `        accessKey: ${keyId()}\n        secretKey: "${secret}"\n`,
    '        accessKey: "<YOUR_ACCESS_KEY_ID>"\n        secretKey: "<YOUR_SECRET_ACCESS_KEY>"\n',
    '        accessKey: "${AWS_ACCESS_KEY_ID}"\n        secretKey: changeme\n',
    // AWS's documentation samples, and shorter ones in their style.
    `        accessKey: AKIAIOSFODNN7EXAMPLE\n        secretKey: ${secret.slice(0, 33)}EXAMPLE\n`,
    '        accessKey: "AKIAEXAMPLE"\n',
    '        accessKey: ""\n        secretKey:\n',
    // A complete existing-Secret pair wins: the inline value is never used (values/conflicting-credentials says so).
    `        accessKey: ${keyId('ASIA')}\n        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n`,
  ];
  for (const lines of good) assert.deepEqual(findings(id, { [path]: s3(lines) }, path), [], lines);
});

test('the checks never throw, agree with the documented shapes, and stay linear', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const idCheck = checkAccessKeyId(text);
      assert.equal(idCheck.problems.length === 0, /^A[KS]IA[A-Z0-9]{16}$/.test(text), text);
      assert.equal(checkSecretKey(text).problems.length === 0, text.length === 40, text);
    }),
    { seed: 7, numRuns: 2000 },
  );
  const start = performance.now();
  for (const text of ['AKIA'.repeat(50_000), 'a'.repeat(200_000)]) {
    checkAccessKeyId(text);
    checkSecretKey(text);
  }
  assert.ok(performance.now() - start < 500);
});

test('generated quoting and layouts: the swap fix parses, removes its finding, adds none and keeps comments', () => {
  const quoted = (value: string) => fc.constantFrom(value, `"${value}"`, `'${value}'`, `" ${value} "`, `|\n          ${value}`);
  fc.assert(
    fc.property(quoted(secret), quoted(keyId()), fc.boolean(), fc.boolean(), (idValue, secretValue, comments, crlf) => {
      const note = (value: string) => (comments && !value.startsWith('|') ? '   # note' : '');
      let text = s3(`        accessKey: ${idValue}${note(idValue)}\n        secretKey: ${secretValue}${note(secretValue)}\n`);
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const files: Files = { [path]: text };
      const [swap, ...rest] = findings(id, files, path);
      assert.equal(rest.length, 0, text);
      assert.equal(preferred(swap).title, 'Swap accessKey and secretKey');
      const fixed = applyAndRecheck(files, path, swap, preferred(swap));
      // The swap writes both values without the blanks around them: nothing is left to report.
      assert.deepEqual(findings(id, { [path]: fixed }, path), [], fixed);
      assert.equal((fixed.match(/# note/g) ?? []).length, (text.match(/# note/g) ?? []).length);
    }),
    { seed: 3, numRuns: 300 },
  );
});
