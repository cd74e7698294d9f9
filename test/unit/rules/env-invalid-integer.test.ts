import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCheck } from '../../../src/core/rules/env/value-checks';
import { applyAndRecheck, findings, preferred } from './check-helpers';

const s3 = 'STORAGE_TYPE=s3\nSTORAGE_AWS_BUCKET_NAME=acme-media\nSTORAGE_AWS_REGION_NAME=us-east-1\nSSRF_PROTECTION_ENABLED=true\n';

test("int() as Python has it: blanks around, a sign, underscores between digits, any script's digits", () => {
  const int = parseCheck('int');
  for (const ok of ['86400', ' 42 ', '\t-5\u00a0', '+7', '86_400', '007', '\u0663\u0664', '1_000_000']) assert.ok(int.accepts(ok), JSON.stringify(ok));
  for (const bad of ['', ' ', '24h', '1,000', '1.0', '0x10', '_1', '1_', '1__0', '"86400"', '- 5', '1 2', 'true']) assert.ok(!int.accepts(bad), JSON.stringify(bad));
});

test('a number written for people: error with the integer it means', () => {
  const cases: [string, string, string][] = [
    ['STORAGE_AWS_X_AMZ_EXPIRES', '24h', '86400'],
    ['STORAGE_AWS_X_AMZ_EXPIRES', '30 min', '1800'],
    ['STORAGE_AWS_X_AMZ_EXPIRES', '7d', '604800'],
    ['POSTGRE_PORT', '5,432', '5432'],
    ['CSRF_COOKIE_AGE', '600.0', '600'],
    ['SESSION_COOKIE_SECURE', 'true', '1'],
    ['CSRF_COOKIE_HTTPONLY', 'Off', '0'],
  ];
  for (const [name, written, meant] of cases) {
    const env = `${s3}${name}=${written}\n`;
    const [found, ...rest] = findings('env/invalid-integer', { 'env.list': env }, 'env.list');
    assert.deepEqual(rest, [], name);
    assert.equal(found.severity, 'error');
    assert.deepEqual(found.range, { start: { line: 5, column: name.length + 2 }, end: { line: 5, column: name.length + 2 + written.length } });
    assert.match(found.message, new RegExp(`^${name} is "${written}": Label Studio reads it with (bool\\()?int\\(`));
    assert.ok(found.message.endsWith(`and it does not start otherwise. Use ${meant}.`), found.message);
    assert.equal(applyAndRecheck({ 'env.list': env }, 'env.list', found, preferred(found)), `${s3}${name}=${meant}\n`);
  }
});

test('no guess for values without one meaning; valid integers and other providers are fine', () => {
  const [found] = findings('env/invalid-integer', { 'env.list': `${s3}MAX_SESSION_AGE=forever\n` }, 'env.list');
  assert.equal(found.fixes, undefined);
  const good = [`${s3}STORAGE_AWS_X_AMZ_EXPIRES=86_400\nPOSTGRE_PORT=5432\nSESSION_COOKIE_SECURE=1\n`, `${s3}STORAGE_AZURE_URL_EXPIRATION_SECS=1h\n`, `${s3}POSTGRE_PORT="5432"\n`];
  for (const env of good) assert.deepEqual(findings('env/invalid-integer', { 'env.list': env }, 'env.list'), [], env);
});
