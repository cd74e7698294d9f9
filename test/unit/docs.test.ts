// The docs tell the truth: every rule has its page (titled with its id and title), the README lists every rule,
// and no page describes a rule that does not exist.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../src/core/rules';
import { ruleDocPath } from '../../src/core/rules/rule';
import { withRulesTable } from '../../src/core/rules/table';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? pages(join(dir, name)) : [join(dir, name)]));
}

test('every rule has a docs/rules page whose title is its id and title', () => {
  for (const rule of allRules) {
    const path = ruleDocPath(rule.id);
    assert.ok(existsSync(path), `${path} is missing`);
    const first = readFileSync(path, 'utf8').split('\n')[0];
    assert.equal(first, `# ${rule.id} — ${rule.title}`, path);
    assert.match(readFileSync(path, 'utf8'), new RegExp(`\\*\\*Severity:\\*\\* ${rule.severity}`), `${path} states the severity`);
  }
});

test('no page documents a rule that does not exist', () => {
  const ids = new Set(allRules.map((r) => ruleDocPath(r.id)));
  for (const page of pages('docs/rules')) assert.ok(ids.has(page), `${page} has no rule`);
});

test('rule ids are unique, stable slugs', () => {
  const ids = allRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+\/[a-z0-9-]+$/);
});

test('the README lists every rule in the generated table (regenerate: node scripts/gen-docs.mjs)', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(readme, withRulesTable(readme, allRules));
  for (const rule of allRules) assert.ok(readme.includes(`[\`${rule.id}\`]`), `README.md does not list ${rule.id}`);
});
