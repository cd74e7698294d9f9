// Every shipped snippet, inserted into an empty file with its placeholders as they are, has no error finding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '../../src/core/sources/yaml-file';
import { check } from './rules/check-helpers';

type Snippets = Record<string, { prefix: string; body: string[] }>;

/** Resolves snippet syntax to what the user sees before typing: defaults, mirrored tab stops, empty stops. */
function expandSnippet(body: string[]): string {
  const defaults = new Map<string, string>();
  const text = body.join('\n').replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, value: string) => {
    defaults.set(n, value);
    return value;
  });
  return `${text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '')}\n`;
}

const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Snippets;

test('snippet expansion fills defaults and mirrors', () => {
  assert.equal(expandSnippet(['a: "${1:x}"', 'b: "${1}"', 'c: "${2}"']), 'a: "x"\nb: "x"\nc: ""\n');
});

for (const [name, snippet] of Object.entries(load('snippets/lse-values.code-snippets'))) {
  test(`values snippet ${snippet.prefix} parses and has no error finding`, () => {
    const text = expandSnippet(snippet.body);
    assert.deepEqual(parseYaml(text).problems, [], name);
    const errors = check({ 'lse-values.yaml': text }, 'lse-values.yaml').filter((f) => f.severity === 'error');
    assert.deepEqual(errors, [], `${snippet.prefix}:\n${text}`);
  });
}

for (const [name, snippet] of Object.entries(load('snippets/env.code-snippets'))) {
  test(`env snippet ${snippet.prefix} has no error finding, under docker run and under Compose`, () => {
    const text = expandSnippet(snippet.body);
    const volume = expandSnippet(load('snippets/compose.code-snippets').composeGcsKeyVolume.body);
    const compose = `services:\n  app:\n    image: heartexlabs/label-studio-enterprise\n    env_file: env.list\n    volumes:\n      ${volume}`;
    const workspaces: Record<string, string>[] = [{ 'env.list': text }, { 'env.list': text, 'docker-compose.yml': compose }];
    for (const files of workspaces) {
      const errors = check(files, 'env.list').filter((f) => f.severity === 'error');
      assert.deepEqual(errors, [], `${name}:\n${text}`);
    }
  });
}
