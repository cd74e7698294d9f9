// Property tests over the env rules' shared reading of a line, and over the env rules as a whole (fixed seeds):
// never throw, stay linear, and every preferred fix removes its finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/model';
import { EnvView, intendedValue } from '../../../src/core/rules/env/env-view';
import { parseEnvFile, valueOf } from '../../../src/core/sources/env-file';
import { applyEdits } from '../../../src/core/text';
import { Workspace } from '../../../src/core/workspace';
import { check } from './check-helpers';
import { growth } from '../growth';

const compose = 'services:\n  app:\n    image: x\n    env_file: env.list\n';
const names = ['STORAGE_TYPE', 'LABEL_STUDIO_STORAGE_TYPE', 'STORAGE_AWS_BUCKET_NAME', 'STORAGE_AWS_BUCKET', 'STORAGE_AWS_X_AMZ_EXPIRES', 'STORAGE_GCS_PROJECT_ID', 'STORAGE_AWS_OBJECT_PARAMETERS', 'STORAGE_AZURE_ACCOUNT_KEY', 'HEARTEX_DEBUG', 'DEBUG', 'SESSION_COOKIE_SECURE', 'SSRF_PROTECTION_ENABLED', 'GOOGLE_APPLICATION_CREDENTIALS', 'CUSTOM_CA_CERTS', 'storage_type', ''];
const pieces = ['s3', 'S3', 'gcs', 'azure', ' ', '\t', '#', ' # c', '"', "'", '\\', '=', '1', '_', ',', '24h', 'true', 'off', '{"a": 1}', '<X>', '/opt/a.json', 'q8Rb1ZtV0nKpL4sWmX2yJc7HdA9eF3gUoIhT6rNk'];
const value = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((p) => p.join(''));
const line = fc.oneof(
  fc.tuple(fc.constantFrom('', '  '), fc.constantFrom(...names), fc.boolean(), value).map(([indent, name, eq, v]) => `${indent}${name}${eq ? `=${v}` : ''}`),
  fc.constantFrom('# comment', '', '\r'),
);
const envText = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

test('the meant value is located inside the written one, and replacing it yields the new value', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), fc.stringMatching(/^[a-z0-9]{1,6}$/), fc.boolean(), (lines, replacement, composed) => {
      const text = lines.join('\n');
      const files = composed ? { 'env.list': text, 'docker-compose.yml': compose } : { 'env.list': text };
      const workspace = new Workspace(Object.entries(files).map(([path, t]) => ({ path, text: t })));
      const view = new EnvView(workspace, workspace.get('env.list')!);
      for (const entry of view.entries.filter((e) => e.hasEquals)) {
        const meant = intendedValue(entry);
        assert.equal(meant.value, valueOf(entry, 'compose'));
        assert.ok(meant.start >= entry.rawOffset && meant.start <= meant.end && meant.end <= entry.rawOffset + entry.raw.length);
        if (!entry.raw.includes('\\')) assert.equal(text.slice(meant.start, meant.end), meant.value);
        const changed = parseEnvFile(applyEdits(text, [view.replaceValue(entry, replacement)])).entries.find((e) => e.line === entry.line);
        assert.ok(changed);
        assert.equal(intendedValue(changed).value, replacement, JSON.stringify(entry.raw));
      }
    }),
    { seed: 5, numRuns: 3000 },
  );
});

test('the env rules never throw, and each preferred fix in the file removes its finding', () => {
  fc.assert(
    fc.property(envText, fc.boolean(), (text, composed) => {
      const files: Record<string, string> = composed ? { 'env.list': text, 'docker-compose.yml': compose } : { 'env.list': text };
      const before = check(files, 'env.list');
      // Lines can repeat, and so can their findings: the fix must remove one of them.
      const count = (list: Finding[], finding: Finding) => list.filter((f) => f.ruleId === finding.ruleId && f.message === finding.message).length;
      for (const finding of before) {
        assert.doesNotMatch(finding.message, /could not finish rule/, finding.message);
        const fix = finding.fixes?.find((f) => f.preferred);
        if (!finding.ruleId.startsWith('env/') || !fix || fix.edits.some((e) => e.file !== undefined)) continue;
        const after = check({ ...files, 'env.list': applyEdits(text, fix.edits) }, 'env.list');
        assert.ok(count(after, finding) < count(before, finding), `${finding.ruleId}: ${finding.message}\n${JSON.stringify(text)}`);
      }
    }),
    { seed: 11, numRuns: 1500 },
  );
});

test('the env rules stay linear on adversarial values', () => {
  const env = (n: number) =>
    [
      `STORAGE_TYPE=s3${' '.repeat(n)}x`,
      `STORAGE_AWS_BUCKET_NAME=${' \t'.repeat(n)}a`,
      `STORAGE_AWS_FOLDER=a${' '.repeat(n)}`,
      `STORAGE_AWS_X_AMZ_EXPIRES=${'1_'.repeat(n)}`,
      `POSTGRE_PORT=${' '.repeat(n)}1${' '.repeat(n)}x`,
      `STORAGE_AWS_OBJECT_PARAMETERS=${'"\\'.repeat(n)}`,
      `STORAGE_AZURE_ACCOUNT_KEY=${'<'.repeat(n)}${'$'.repeat(n)}`,
      `CUSTOM_CA_CERTS=${'/a,'.repeat(n)}`,
      `DEBUG=${' #'.repeat(n)}`,
      `STORAGE_${'A'.repeat(n)}=1`,
    ].join('\n');
  const { ratio, largeMs } = growth((n) => ({ 'env.list': env(n), 'docker-compose.yml': compose }), (files) => check(files, 'env.list'), 2000, 8000, 3);
  assert.ok(largeMs < 3000, `8 000 repetitions took ${largeMs.toFixed(0)} ms`);
  assert.ok(ratio < 10, `4× the input took ${ratio.toFixed(1)}× the time`);
});
