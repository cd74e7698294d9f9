// Writes l10n/bundle.l10n.json, the English bundle of every vscode.l10n.t string in src/, with @vscode/l10n-dev.
// `--check` writes nothing and exits 1 when the committed bundle is stale (test/unit/l10n.test.ts runs it).
import { getL10nJson } from '@vscode/l10n-dev';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = readdirSync(join(root, 'src'), { recursive: true })
  .filter((path) => path.endsWith('.ts'))
  .sort()
  .map((path) => ({ extension: '.ts', contents: readFileSync(join(root, 'src', path), 'utf8') }));
const bundle = `${JSON.stringify(await getL10nJson(sources), null, 2)}\n`;
const target = join(root, 'l10n', 'bundle.l10n.json');
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing bundle is stale too.
  }
  if (current !== bundle) {
    console.error('l10n/bundle.l10n.json is stale: run node scripts/gen-l10n.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, bundle);
  console.log(`l10n/bundle.l10n.json: ${Object.keys(JSON.parse(bundle)).length} strings`);
}
