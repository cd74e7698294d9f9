// Builds every bundle with esbuild: `node scripts/build.mjs [--production] [--watch] [--tests]`.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

// Prints errors in the `file:line:column: text` shape the $esbuild-watch problem matcher reads.
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: watch ? [problemMatcher] : [],
};

// SDK packages resolve to ESM builds that read import.meta.url (Azure's CRC-64 module); CJS bundles supply it.
const importMetaUrl = 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;';
const node = {
  ...common,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its ESM build bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: importMetaUrl },
};

/** Files under `dir` (relative to the repo root) whose names end with `suffix`. */
function filesUnder(dir, suffix) {
  const abs = join(root, dir);
  const out = [];
  for (const name of readdirSync(abs)) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(relative(root, path), suffix));
    else if (name.endsWith(suffix)) out.push(relative(root, path));
  }
  return out;
}

const builds = [
  // The extension never bundles a cloud SDK: providers are separate bundles it requires on demand.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    ...node,
    entryPoints: ['s3', 'gcs', 'azure', 'iam', 'access'].map((name) => `src/providers/${name}.ts`),
    outdir: 'dist/providers',
  },
  { ...node, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['webview/report.ts'],
    outfile: 'dist/webview/report.js',
  },
];

if (tests) {
  // Tests are bundled one file each, with packages left to node_modules, so they run under plain node.
  builds.push({
    ...node,
    sourcemap: 'inline',
    entryPoints: [
      ...filesUnder('test', '.ts'),
      ...filesUnder('bench', '.ts'),
    ].filter((f) => !f.includes('fixtures')),
    outdir: 'out',
    outbase: '.',
    packages: 'external',
    external: ['vscode'],
  });
}

// A package must not ship bundles of removed entry points; dev builds overwrite in place so running tests keep their files.
if (production) rmSync(join(root, 'dist'), { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
