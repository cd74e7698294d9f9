import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\n';

test('not set in a Label Studio env file: info on STORAGE_TYPE, fix appends SSRF_PROTECTION_ENABLED=true', () => {
  const [found, ...rest] = findings('env/ssrf-protection', { 'env.list': s3 }, 'env.list');
  assert.deepEqual(rest, []);
  assert.equal(found.severity, 'info');
  assert.deepEqual(found.range, { start: { line: 1, column: 1 }, end: { line: 1, column: 13 } });
  assert.match(found.message, /^SSRF_PROTECTION_ENABLED is not set, so SSRF protection is off \(Label Studio's default\): .* The Label Studio security guide says production deployments must set it to true\.$/);
  assert.equal(applyAndRecheck({ 'env.list': s3 }, 'env.list', found, preferred(found)), `${s3}SSRF_PROTECTION_ENABLED=true\n`);
  const unterminated = s3.trimEnd();
  const [last] = findings('env/ssrf-protection', { 'env.list': unterminated }, 'env.list');
  assert.equal(applyAndRecheck({ 'env.list': unterminated }, 'env.list', last, preferred(last)), `${s3}SSRF_PROTECTION_ENABLED=true`);
});

test('without STORAGE_TYPE the first Label Studio variable carries the finding', () => {
  const [found] = findings('env/ssrf-protection', { 'env.list': 'COMPOSE_PROJECT_NAME=lse\nDEBUG=false\n' }, 'env.list');
  assert.equal(found.range.start.line, 2);
});

test('set to a false value: info on the value, fix sets it to true (dropping quotes docker run would keep)', () => {
  for (const [written, line] of [['off', 'SSRF_PROTECTION_ENABLED=off'], ['"false"', 'SSRF_PROTECTION_ENABLED="false"'], ['0', 'LABEL_STUDIO_SSRF_PROTECTION_ENABLED=0']]) {
    const env = `${s3}${line}\n`;
    const [found, ...rest] = findings('env/ssrf-protection', { 'env.list': env }, 'env.list');
    assert.deepEqual(rest, [], written);
    assert.deepEqual(found.range.start, { line: 4, column: line.indexOf('=') + 2 });
    assert.match(found.message, /, which turns SSRF protection off: /);
    assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), `${s3}${line.slice(0, line.indexOf('=') + 1)}true\n`);
  }
});

test('enabled, refused by the parser, host-provided, or an unrelated .env file: nothing', () => {
  const good: Record<string, string>[] = [
    { 'env.list': `${s3}SSRF_PROTECTION_ENABLED=True\n` },
    { 'env.list': `${s3}SSRF_PROTECTION_ENABLED=maybe\n` },
    { 'env.list': `${s3}SSRF_PROTECTION_ENABLED\n` },
    { 'env.list': `${s3}HEARTEX_SSRF_PROTECTION_ENABLED=yes\n` },
    { '.env': 'COMPOSE_PROJECT_NAME=shop\nNODE_ENV=production\n' },
  ];
  for (const files of good) {
    const [path] = Object.keys(files);
    assert.deepEqual(findings('env/ssrf-protection', files, path), [], files[path]);
  }
});
