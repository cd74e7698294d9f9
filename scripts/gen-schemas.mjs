// Regenerates schemas/*.schema.json from the data modules in src/core (the unit tests fail when they are stale).
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { outputFiles } = await esbuild.build({
  entryPoints: [`${root}src/core/sources/lse-values-schema.ts`],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const module = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
writeFileSync(`${root}schemas/lse-values.schema.json`, `${JSON.stringify(module.exports.lseValuesSchema(), null, 2)}\n`);
console.log('wrote schemas/lse-values.schema.json');
