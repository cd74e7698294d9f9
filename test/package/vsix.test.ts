// Packages the extension with vsce and checks that the .vsix ships bundles and assets only.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/** Entry names of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'bad central directory entry');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extra + comment;
  }
  return names;
}

test('the .vsix holds bundles and assets, no sources, tests or node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-vsix-'));
  try {
    const vsix = join(dir, 'bucket-doctor.vsix');
    execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { stdio: 'pipe' });
    const size = statSync(vsix).size;
    const files = zipEntries(readFileSync(vsix)).map((n) => n.replace(/^extension\//, ''));
    console.log(`bucket-doctor.vsix: ${(size / 1024).toFixed(0)} KiB, ${files.length} files`);

    for (const forbidden of ['src/', 'test/', 'node_modules/', 'out/', 'scripts/', 'examples/', '.vscode-test/']) {
      const hits = files.filter((f) => f.startsWith(forbidden));
      assert.deepEqual(hits, [], `${forbidden} must not ship`);
    }
    assert.deepEqual(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts')), [], 'no source maps or TypeScript');
    for (const required of [
      'package.json',
      'package.nls.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'dist/extension.js',
      'dist/cli.js',
      'dist/providers/s3.js',
      'dist/providers/gcs.js',
      'dist/providers/azure.js',
      'dist/providers/iam.js',
      'dist/webview/report.js',
      'media/bucket.svg',
    ]) {
      assert.ok(files.some((f) => f.toLowerCase() === required.toLowerCase()), `${required} must ship (have: ${files.join(', ')})`);
    }
    // A bundle-only package stays small: the SDKs are inside the provider bundles, not node_modules.
    assert.ok(size < 3 * 1024 * 1024, `vsix is ${size} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('activation loads no cloud SDK', () => {
  const bundle = readFileSync('dist/extension.js', 'utf8');
  for (const sdk of ['@aws-sdk', '@google-cloud', '@azure/storage-blob', 'client-s3']) {
    assert.ok(!bundle.includes(sdk), `dist/extension.js must not contain ${sdk}`);
  }
});

test('the shipped bundles load under plain node: provider bundles, and the CLI checks examples/', () => {
  for (const provider of ['s3', 'gcs', 'azure', 'iam']) {
    const script = `const m = require(${JSON.stringify(join(process.cwd(), 'dist/providers', `${provider}.js`))}); if (!Object.keys(m).length) process.exit(3);`;
    execFileSync(process.execPath, ['-e', script], { stdio: 'pipe' });
  }
  // examples/ shows findings on purpose, so exit 1 (findings) is as good as 0 here; 2 would be a usage error or crash.
  const cli = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples/', '--format', 'json'], { encoding: 'utf8' });
  assert.ok(cli.status === 0 || cli.status === 1, `exit ${cli.status}: ${cli.stderr}`);
  assert.ok(Array.isArray(JSON.parse(cli.stdout).findings), 'the CLI prints its JSON report');
});
