// Property tests over the env rules' shared reading of a line, and over the env rules as a whole (fixed seeds):
// never throw, stay linear, and every preferred fix removes its finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/model';
import { EnvView, intendedValue } from '../../../src/core/rules/env/env-view';
import { hashChars, NameTable } from '../../../src/core/rules/env/name-table';
import { bareEnvName, knownEnv } from '../../../src/core/sources/ls-env';
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
  // Under Compose, and under docker run, where the quote, blank and inline-comment rules also read every value.
  for (const extra of [{ 'docker-compose.yml': compose }, {}] as Record<string, string>[]) {
    const { ratio, largeMs } = growth((n) => ({ 'env.list': env(n), ...extra }), (files) => check(files, 'env.list'), 2000, 8000, 3);
    assert.ok(largeMs < 3000, `8 000 repetitions took ${largeMs.toFixed(0)} ms`);
    assert.ok(ratio < 10, `4× the input took ${ratio.toFixed(1)}× the time`);
  }
});

test('the env rules stay linear in the number of lines, distinct or repeated names', () => {
  // Few findings, so that their allocation does not drown the indexing pass being measured.
  const env = (n: number) => Array.from({ length: n }, (_, i) => (i % 100 === 0 ? `NAME_${i % 7}=x # c` : `APP_SETTING_${i}=v`)).join('\n');
  const { ratio } = growth((n) => ({ 'env.list': env(n) }), (files) => check(files, 'env.list'), 5000, 20000, 5);
  assert.ok(ratio < 10, `4× the lines took ${ratio.toFixed(1)}× the time`);
});

const hashOf = (name: string) => hashChars(name, 0, name.length);

/** The view's indexes as plain array scans compute them, to hold the one-pass hash-table version to. */
function naiveIndexes(view: EnvView) {
  const withEquals = view.entries.filter((e) => e.hasEquals);
  const lastOf = (name: string, list = view.entries) => [...list].reverse().find((e) => e.name === name);
  return {
    overridden: withEquals.filter((e) => lastOf(e.name, withEquals) !== e),
    known: view.entries.filter((e) => Object.hasOwn(knownEnv, bareEnvName(e.name))),
    prefixed: view.entries.filter((e) => bareEnvName(e.name) !== e.name),
    storageLike: view.entries.filter((e) => /^storage_/i.test(bareEnvName(e.name))),
    padded: view.entries.filter((e) => e.quote || /^[ \t]|[ \t]$/.test(e.raw)),
    last: (name: string) => lastOf(name),
    lastSet: (name: string) => lastOf(name, withEquals),
    commented: new Set(view.entries.filter((e) => /[ \t]#/.test(e.raw))),
  };
}

test("the view's one-pass indexes equal plain scans of the lines", () => {
  const anyName = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 5 }), fc.string({ maxLength: 4, unit: 'binary' }));
  const anyLine = fc.tuple(anyName, fc.boolean(), value).map(([name, eq, v]) => `${name}${eq ? `=${v}` : ''}`);
  fc.assert(
    fc.property(fc.array(anyLine, { maxLength: 40 }), fc.array(anyName, { maxLength: 5 }), (lines, probes) => {
      const workspace = new Workspace([{ path: 'env.list', text: lines.join('\n') }]);
      const view = new EnvView(workspace, workspace.get('env.list')!);
      const naive = naiveIndexes(view);
      // Overridden lines are listed as later ones are met; the rules do not depend on their order.
      assert.deepEqual([...view.overridden].sort((a, b) => a.line - b.line), naive.overridden);
      for (const list of ['known', 'prefixed', 'storageLike', 'padded'] as const) assert.deepEqual(view[list], naive[list], list);
      assert.deepEqual(view.entriesContaining(' #', '\t#'), naive.commented);
      for (const name of [...probes, ...view.entries.map((e) => e.name)]) {
        assert.equal(view.last(name), naive.last(name), name);
        assert.equal(view.lastSet(name), naive.lastSet(name), name);
      }
    }),
    { seed: 13, numRuns: 3000 },
  );
});

test('the name table finds the last item of every name among thousands, and nothing for other names', () => {
  const items = Array.from({ length: 20000 }, (_, i) => ({ name: `N${(i * 7919) % 6007}_${i % 3 ? 'A' : 'B'}` }));
  const table = new NameTable(items);
  const expected = new Map<string, { name: string }>();
  items.forEach((item, index) => {
    // hashChars is the table's contract for `put`; the name's own characters stand in for the file text.
    const replaced = table.put(hashOf(item.name), index);
    assert.equal(replaced, expected.get(item.name));
    expected.set(item.name, item);
  });
  for (const [name, item] of expected) assert.equal(table.get(name), item);
  for (const name of ['N6007_A', 'N1_C', '', 'n1_A']) assert.equal(table.get(name), undefined);
});
