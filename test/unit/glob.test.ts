// Brace expansion for VS Code's file search, which rejects nested `{…}` groups.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandBraces, matchesGlob } from '../../src/core/sources/glob';

test('flat and nested groups expand into plain alternatives, in order', () => {
  assert.deepEqual(expandBraces('env.list'), ['env.list']);
  assert.deepEqual(expandBraces('*.{yaml,yml}'), ['*.yaml', '*.yml']);
  assert.deepEqual(expandBraces('{a,b{c,d}}x'), ['ax', 'bcx', 'bdx']);
  assert.deepEqual(expandBraces('{a,b}-{1,2}'), ['a-1', 'a-2', 'b-1', 'b-2']);
});

test('every expansion matches exactly what the braced glob matches', () => {
  const glob = 'docker-compose*.{yaml,yml}';
  for (const path of ['docker-compose.yml', 'deploy/docker-compose.prod.yaml', 'compose.yml', 'docker-compose.json']) {
    assert.equal(expandBraces(glob).some((g) => matchesGlob(path, g)), matchesGlob(path, glob), path);
  }
});

test('an unbalanced brace is left as written', () => {
  assert.deepEqual(expandBraces('a{b,c'), ['a{b,c']);
});
