// Property-based fuzzing of the readers and the whole check (fixed seeds): never throw, never hang,
// always return ranges inside the file, and every preferred fix of a parsing file leaves a parsing file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkWorkspace } from '../../src/core/check';
import { parseEnvFile } from '../../src/core/sources/env-file';
import { parseYaml } from '../../src/core/sources/yaml-file';
import { applyEdits } from '../../src/core/text';
import { Workspace } from '../../src/core/workspace';

const seeds = {
  'lse-values.yaml': readFileSync('examples/lse-values.yaml', 'utf8'),
  'env.list': readFileSync('examples/env.list', 'utf8'),
  'docker-compose.yml': readFileSync('examples/docker-compose.yml', 'utf8'),
};

const fragments = ['\n', ' ', '  ', ':', '"', "'", '#', '=', '-', '{', '}', '[', ']', '\t', '\r\n', 'global:', 'persistence:', 'type: S3', 'STORAGE_TYPE=', 'config:', 's3:', '\uFFFD', '\uFEFF', 'arn:aws:iam::1:role/x', '<YOUR_BUCKET>', '&a', '*a', '!!str', '%YAML 1.2'];

/** A mutation: insert, delete or replace a span of `text`. */
const mutation = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })) });

function mutate(text: string, steps: { at: number; len: number; insert: string }[]): string {
  let out = text;
  for (const { at, len, insert } of steps) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, i) + insert + out.slice(i + len);
  }
  return out;
}

function assertSane(workspace: Workspace): void {
  for (const finding of checkWorkspace(workspace)) {
    assert.doesNotMatch(finding.message, /could not finish rule/, `${finding.ruleId} threw`);
    const file = workspace.get(finding.file);
    assert.ok(file);
    const { start, end } = finding.range;
    assert.ok(start.line >= 1 && start.line <= file.lines.lineCount && end.line >= start.line, `${finding.ruleId} range lines`);
    for (const fix of finding.fixes ?? []) {
      const sameFile = fix.edits.filter((e) => e.file === undefined || e.file === file.path);
      const fixed = applyEdits(file.text, sameFile);
      // The check parsed the file already: the workspace's parse says whether it was valid YAML before the fix.
      if (/\.ya?ml$/.test(file.path) && workspace.yaml(file).problems.length === 0) {
        assert.deepEqual(parseYaml(fixed).problems, [], `${finding.ruleId} fix "${fix.title}" must leave parsing YAML:\n${fixed}`);
      }
    }
  }
}

test('the env reader never throws on arbitrary text and stays linear', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 3000, unit: 'binary' }), (text) => {
      const { entries } = parseEnvFile(text);
      for (const e of entries) assert.ok(e.rawOffset >= e.nameOffset && e.rawOffset <= text.length);
    }),
    { seed: 7, numRuns: 2000 },
  );
});

test('the whole check survives thousands of mutated deployment files', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...(Object.keys(seeds) as (keyof typeof seeds)[])),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      (path, steps) => {
        const files = { ...seeds, [path]: mutate(seeds[path], steps) };
        assertSane(new Workspace(Object.entries(files).map(([p, text]) => ({ path: p, text }))));
      },
    ),
    { seed: 20261122, numRuns: 3000 },
  );
});

test('the whole check survives generated values files built from chart-like keys', () => {
  const key = fc.constantFrom('global', 'persistence', 'type', 'config', 's3', 'gcs', 'azure', 'bucket', 'region', 'folder', 'accessKey', 'secretKeyExistingSecret', 'app', 'rqworker', 'serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn', 'urlExpirationSecs', 'customCaCerts', 'x');
  const scalar = fc.oneof(fc.constantFrom('s3', 'S3', '"us-east-1"', '86400', '""', 'true', '[]', '{}', 'arn:aws:iam::123456789012:role/r', '~'), fc.string({ maxLength: 6 }));
  const line = fc.tuple(fc.nat({ max: 5 }), key, fc.option(scalar, { nil: undefined }));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const text = lines.map(([indent, k, v]) => `${'  '.repeat(indent)}${k}:${v === undefined ? '' : ` ${v}`}`).join('\n');
      assertSane(new Workspace([{ path: 'lse-values.yaml', text }]));
    }),
    { seed: 99, numRuns: 3000 },
  );
});

test('pathological inputs finish quickly', () => {
  const cases = ['global:\n' + '  persistence:\n'.repeat(20000), '['.repeat(5000), 'A=' + '"'.repeat(100000), `${'  '.repeat(5000)}x: y\n`.repeat(20)];
  for (const text of cases) {
    const start = performance.now();
    for (const path of ['lse-values.yaml', 'env.list', 'docker-compose.yml']) assertSane(new Workspace([{ path, text }]));
    assert.ok(performance.now() - start < 5000, `took ${performance.now() - start} ms`);
  }
});
