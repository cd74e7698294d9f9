// The English l10n bundle holds every vscode.l10n.t string of src/, so translators see them all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

test('l10n/bundle.l10n.json is current (regenerate: node scripts/gen-l10n.mjs)', () => {
  const check = spawnSync(process.execPath, ['scripts/gen-l10n.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('the bundle holds the strings of the Buckets view and the report, not only the direct calls', () => {
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.json', 'utf8')) as Record<string, string>;
  for (const text of ['Amazon S3', 'Conflicting buckets', 'Signed URL for {0}', 'Copy as Markdown']) assert.ok(Object.keys(bundle).some((k) => k.startsWith(text)), text);
});
