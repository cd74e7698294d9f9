// Regenerates schemas/*.schema.json from the data modules in src/core (the unit tests fail when they are stale).
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The exports of a TypeScript module of src/core, bundled in memory. */
async function load(entry) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its ESM build bundles cleanly.
    alias: { 'jsonc-parser': `${root}node_modules/jsonc-parser/lib/esm/main.js` },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

const schemas = [
  ['lse-values', 'src/core/sources/lse-values-schema.ts', 'lseValuesSchema'],
  ['iam-policy', 'src/core/iam/policy-schema.ts', 'iamPolicySchema'],
];
for (const [name, entry, builder] of schemas) {
  const module = await load(entry);
  writeFileSync(`${root}schemas/${name}.schema.json`, `${JSON.stringify(module[builder](), null, 2)}\n`);
  console.log(`wrote schemas/${name}.schema.json`);
}
