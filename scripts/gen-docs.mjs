// Rewrites the rules table in README.md from the rule registry (test/unit/docs.test.ts fails when it is stale).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { outputFiles } = await esbuild.build({
  stdin: { contents: "export { allRules } from './src/core/rules'; export { withRulesTable } from './src/core/rules/table';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  write: false,
});
const module = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { allRules, withRulesTable } = module.exports;
const readme = `${root}README.md`;
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8'), allRules));
console.log(`README.md: rules table with ${allRules.length} rules`);
