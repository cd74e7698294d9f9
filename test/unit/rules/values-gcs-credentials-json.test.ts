import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkKeyJson, escapeBreaksInStrings } from '../../../src/core/rules/values/gcs-credentials-json';
import { applyEdits } from '../../../src/core/text';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/gcs-credentials-json';
const path = 'lse-values.yaml';

// A key file's shape with made-up content: the PEM armour is assembled here, its body is filler.
const pem = ['BEGIN', 'END'].map((word) => `-----${word} PRIVATE KEY-----`);
const privateKey = `${pem[0]}\n${'TESTONLY'.repeat(8)}\n${pem[1]}\n`;
const keyFile = (fields: Record<string, string> = {}) => ({
  type: 'service_account',
  project_id: 'acme-prod',
  private_key_id: '0123456789abcdef',
  private_key: privateKey,
  client_email: 'lse-storage@acme-prod.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
  ...fields,
});
const without = (...names: string[]) => Object.fromEntries(Object.entries(keyFile()).filter(([k]) => !names.includes(k)));

const gcs = (value: string, extra = '') =>
  `global:\n  persistence:\n    type: gcs\n    config:\n      gcs:\n        bucket: acme-media\n        projectID: acme-prod\n        applicationCredentialsJSON: ${value}\n${extra}`;
/** The JSON as a block scalar, pretty-printed the way the key file is. */
const block = (json: unknown) => `|-\n${JSON.stringify(json, null, 2).split('\n').map((line) => `          ${line}`).join('\n')}`;

test('JSON cut off while pasting: error on the key, with where it stops, never the content', () => {
  const cut = JSON.stringify(keyFile()).slice(0, 60);
  const [finding, ...rest] = findings(id, { [path]: gcs(`'${cut}'`) }, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 8, column: 9 }, end: { line: 8, column: 35 } });
  assert.equal(
    finding.message,
    'global.persistence.config.gcs.applicationCredentialsJSON is not a service-account key JSON: it is not valid JSON (UnexpectedEndOfString at line 1, column 52 of the JSON). ' +
      "The chart writes it to key.json and points GOOGLE_APPLICATION_CREDENTIALS at that file; Google's client library cannot use it as a service-account key, " +
      'so every storage request of Label Studio fails. Paste the whole key file from `gcloud iam service-accounts keys create` under `applicationCredentialsJSON: |-`, ' +
      'or better, keep it in a Secret or use Workload Identity.',
  );
  assert.equal(finding.fixes, undefined);
});

test('fields google-auth needs, and the credential type, are named; nothing of the key is repeated', () => {
  const messageFor = (json: unknown) => findings(id, { [path]: gcs(block(json)) }, path)[0]?.message ?? '';
  assert.match(messageFor(without('client_email', 'private_key')), /: it lacks client_email, private_key\. /);
  assert.match(messageFor(keyFile({ token_uri: ' ' })), /: it lacks token_uri\. /);
  assert.match(messageFor({ type: 'authorized_user', client_id: 'x', refresh_token: 'y' }), /: it is a credential of type "authorized_user", not a service-account key \("type": "service_account"\)\. /);
  assert.match(messageFor(without('type')), /: it is a credential without a "type", not a service-account key/);
  assert.match(messageFor(['not', 'an', 'object']), /: it is JSON, but not an object\. /);
  const lacking = messageFor(without('client_email'));
  assert.ok(!lacking.includes('TESTONLY') && !lacking.includes('acme-prod.iam'), 'no part of the key in the message');
});

test('JSON written without quotes is a YAML mapping: the fix quotes it exactly as written', () => {
  // A key still waiting for its private key: once quoted, no other rule has anything to say about it.
  const written = JSON.stringify(keyFile({ private_key: '<YOUR_PRIVATE_KEY>' }));
  const files: Files = { [path]: gcs(`${written}  # pasted`) };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /applicationCredentialsJSON is a YAML mapping, not a string \(YAML reads JSON written without quotes as a mapping\): the chart's schema wants a string, so helm install fails schema validation\. Quote the JSON\.$/);
  assert.equal(preferred(finding).title, 'Quote the JSON');
  assert.equal(applyAndRecheck(files, path, finding, preferred(finding)), gcs(`'${written}'  # pasted`));
  // A complete key quoted the same way passes this rule (values/plaintext-secret then sees the secret inline).
  const complete = JSON.stringify(keyFile());
  const [unquoted] = findings(id, { [path]: gcs(complete) }, path);
  const quoted = applyEdits(gcs(complete), preferred(unquoted).edits);
  assert.equal(quoted, gcs(`'${complete}'`));
  assert.deepEqual(findings(id, { [path]: quoted }, path), []);
  // A block mapping is not JSON as written: explained, no fix.
  const [mapping] = findings(id, { [path]: gcs('\n          type: service_account\n          client_email: a@b.iam.gserviceaccount.com') }, path);
  assert.match(mapping.message, /is a YAML mapping, not a string: .* Paste the whole key file/);
  assert.equal(mapping.fixes, undefined);
});

test('a double-quoted YAML string turned the private key\'s \\n into line breaks: the fix escapes them again', () => {
  // In a double-quoted YAML string `\n` is a line break, so the JSON string holds raw breaks.
  const yamlText = JSON.stringify(JSON.stringify(keyFile())).replace(/\\\\n/g, '\\n');
  const files: Files = { [path]: gcs(yamlText, '        folder: lse\n') };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /: a string in it holds a raw line break where JSON needs the two characters \\n .* Escape the line breaks inside its strings\.$/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, gcs(JSON.stringify(JSON.stringify(keyFile())), '        folder: lse\n'));
  assert.deepEqual(findings(id, { [path]: fixed }, path), []);
});

test('base64 of the key file: the fix decodes it; a file path is explained', () => {
  const encoded = Buffer.from(JSON.stringify(keyFile())).toString('base64');
  const files: Files = { [path]: gcs(encoded) };
  const [finding] = findings(id, files, path);
  assert.match(finding.message, /: it is base64-encoded, and the chart writes the value into key\.json as it is\. .* Decode the base64\.$/);
  const fixed = applyAndRecheck(files, path, finding, preferred(finding));
  assert.equal(fixed, gcs(JSON.stringify(JSON.stringify(keyFile()))));
  const [file] = findings(id, { [path]: gcs('/secrets/lse-key.json') }, path);
  assert.match(file.message, /: it is a file path, and the chart needs the content of the key file itself\./);
});

test('good: a complete key as a block scalar or one quoted line, placeholders, and keys the pods never get', () => {
  const good = [
    gcs(block(keyFile())),
    gcs(`'${JSON.stringify(keyFile())}'`),
    gcs('|-\n          <PASTE_THE_SERVICE_ACCOUNT_KEY_JSON>'),
    gcs('""'),
    gcs('"{{ .Values.gcsKey }}"'),
    // With a complete existing-Secret pair the chart mounts the Secret, not this value.
    gcs('"not json"', '        applicationCredentialsJSONExistingSecret: lse-storage\n        applicationCredentialsJSONExistingSecretKey: key.json\n'),
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});

test('the JSON check never throws, its repairs pass it, escaping is idempotent, and it stays linear', () => {
  const jsonish = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.json({ maxDepth: 2 }),
    fc.constantFrom(JSON.stringify(keyFile()), JSON.stringify(keyFile()).replace(/\\n/g, '\n')).chain((text) => fc.nat(text.length).map((n) => text.slice(0, n))),
  );
  fc.assert(
    fc.property(jsonish, (text) => {
      const { repair } = checkKeyJson(text);
      if (repair && repair.title !== 'Escape the line breaks inside its strings') assert.equal(checkKeyJson(repair.value).problem, undefined, `${text} → ${repair.value}`);
      const escaped = escapeBreaksInStrings(text);
      assert.equal(escapeBreaksInStrings(escaped), escaped);
    }),
    { seed: 23, numRuns: 2000 },
  );
  const start = performance.now();
  for (const text of ['"'.repeat(200_000), `{"a": "${'\n'.repeat(200_000)}"}`, '{'.repeat(100_000), 'QUFB'.repeat(50_000)]) checkKeyJson(text);
  assert.ok(performance.now() - start < 1000);
});
