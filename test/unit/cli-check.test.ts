import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { checkCommand } from '../../src/cli/check-command';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bd-cli-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = checkCommand(argv, { cwd, out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

const badValues = 'global:\n  persistence:\n    type: s3\n    config:\n      s3:\n        bucket: "acme"\n        acessKey: "x"\n';

test('JSON output: the documented contract with 1-based positions and relative paths', () => {
  const cwd = project({ 'deploy/lse-values.yaml': badValues, 'node_modules/x/values.yaml': badValues });
  const { code, out } = run(cwd, '--format', 'json');
  assert.equal(code, 1, 'an error-severity finding exits 1');
  const report = JSON.parse(out) as { version: number; findings: { ruleId: string; file: string; range: unknown; fixes: unknown[] }[] };
  assert.equal(report.version, 1);
  const unknown = report.findings.filter((f) => f.ruleId === 'values/unknown-key');
  assert.equal(unknown.length, 1, 'node_modules is skipped');
  assert.equal(unknown[0].file, 'deploy/lse-values.yaml');
  assert.deepEqual(unknown[0].range, { start: { line: 7, column: 9 }, end: { line: 7, column: 17 } });
  assert.equal((unknown[0].fixes[0] as { title: string }).title, 'Rename to "accessKey"');
});

test('text output names file:line:column, severity, message and rule id, without color codes', () => {
  const cwd = project({ 'lse-values.yaml': badValues });
  const { out } = run(cwd);
  assert.match(out, /^lse-values\.yaml:7:9 {2}error {4}global\.persistence\.config\.s3 has no key "acessKey".* {2}values\/unknown-key$/m);
  assert.ok(!out.includes('\x1b['));
  assert.match(out, /\d+ error\(s\), \d+ warning\(s\), \d+ info\n$/);
});

test('SARIF 2.1.0 with rules, levels and regions', () => {
  const cwd = project({ 'lse-values.yaml': badValues });
  const sarif = JSON.parse(run(cwd, '--format=sarif').out);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'values/unknown-key');
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'lse-values.yaml');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 7, startColumn: 9, endLine: 7, endColumn: 17 });
  const rule = sarif.runs[0].tool.driver.rules[result.ruleIndex];
  assert.equal(rule.id, 'values/unknown-key');
  assert.match(rule.helpUri, /docs\/rules\/values\/unknown-key\.md$/);
});

test('--fix applies preferred fixes in place and exits by what remains', () => {
  const cwd = project({ 'lse-values.yaml': badValues, 'env.list': 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME="acme"\n' });
  run(cwd, '--fix');
  assert.ok(readFileSync(join(cwd, 'lse-values.yaml'), 'utf8').includes('        accessKey: "x"\n'));
  assert.ok(readFileSync(join(cwd, 'env.list'), 'utf8').includes('STORAGE_AWS_BUCKET_NAME=acme\n'));
  const { out } = run(cwd, '--format', 'json');
  const ids = (JSON.parse(out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
  assert.ok(!ids.includes('values/unknown-key') && !ids.includes('env/quoted-value'));
});

test('bad usage exits 2 with a message', () => {
  const cwd = project({});
  assert.equal(run(cwd, '--format', 'xml').code, 2);
  const missing = run(cwd, 'nope.yaml');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file or directory: nope\.yaml/);
  assert.equal(run(cwd, '--frobnicate').code, 2);
});

test('a clean workspace exits 0', () => {
  const cwd = project({ 'README.md': '# nothing to see' });
  const { code, out } = run(cwd);
  assert.equal(code, 0);
  assert.match(out, /^0 error\(s\)/);
});
