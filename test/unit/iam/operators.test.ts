// Operator names as IAM reads them, the value parsers rules share with the evaluator, and IP blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cidrContains, hasHostBits, parseCidr, parseIp } from '../../../src/core/iam/ip';
import { conditionOperatorNames, parseDate, parseNumber, parseOperator } from '../../../src/core/iam/operators';
import { hasPolicyVariable, parseTemplate } from '../../../src/core/iam/variables';

test('operator names: base, IfExists, set qualifiers; unknown spellings', () => {
  assert.equal(conditionOperatorNames.length, 27);
  assert.deepEqual(
    (({ base, family, negated, ifExists, qualifier }) => ({ base, family, negated, ifExists, qualifier }))(parseOperator('ForAnyValue:StringNotLikeIfExists')!),
    { base: 'StringNotLike', family: 'String', negated: true, ifExists: true, qualifier: 'ForAnyValue' },
  );
  assert.equal(parseOperator('NotIpAddress')?.negated, true);
  assert.equal(parseOperator('ArnLike')?.family, 'Arn');
  assert.equal(parseOperator('Null')?.family, 'Null');
  for (const bad of ['IPAddress', 'StringEqual', 'NullIfExists', 'stringequals', 'ForAnyValues:StringEquals', 'ForAllValues:', 'IfExists', '']) assert.equal(parseOperator(bad), undefined, bad);
});

test('numbers, dates, IP addresses and blocks', () => {
  assert.equal(parseNumber('10'), 10);
  assert.equal(parseNumber('-1.5'), -1.5);
  assert.equal(parseNumber('1e3'), undefined);
  assert.equal(parseNumber('ten'), undefined);
  assert.equal(parseDate('2020-01-01T00:00:00Z'), Date.UTC(2020, 0, 1));
  assert.equal(parseDate('1577836800'), Date.UTC(2020, 0, 1));
  assert.equal(parseDate('2020-01-01'), Date.UTC(2020, 0, 1));
  assert.equal(parseDate('Jan 1 2020'), undefined);
  assert.deepEqual(parseIp('10.0.0.1')?.bytes, Uint8Array.from([10, 0, 0, 1]));
  assert.equal(parseIp('256.0.0.1'), undefined);
  assert.equal(parseIp('::')?.version, 6);
  assert.equal(parseIp('1::2::3'), undefined);
  assert.equal(parseIp('1:2:3:4:5:6:7:8:9'), undefined);
  assert.equal(parseIp('1:2:3:4:5:6:7::8'), undefined);
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.equal(parseCidr('10.0.0.0/'), undefined);
  assert.equal(parseCidr('x.x.x.x/32'), undefined);
  assert.equal(parseCidr('YOUR_VPN_SUBNET/32'), undefined);
  assert.ok(hasHostBits(parseCidr('10.0.0.7/24')!));
  assert.ok(!hasHostBits(parseCidr('10.0.0.0/24')!));
  assert.ok(cidrContains(parseCidr('10.0.0.0/7')!, parseIp('11.255.0.1')!));
  assert.ok(!cidrContains(parseCidr('10.0.0.0/7')!, parseIp('12.0.0.1')!));
});

test('property: every IPv4 address is in its own /n block and in /0', () => {
  fc.assert(
    fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, n) => {
      const address = parseIp(ip)!;
      assert.ok(cidrContains(parseCidr(`${ip}/${n}`)!, address));
      assert.ok(cidrContains(parseCidr('0.0.0.0/0')!, address));
    }),
    { seed: 3, numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.ipV6(), (ip) => {
      assert.equal(parseIp(ip)?.version, 6, ip);
    }),
    { seed: 4, numRuns: 500 },
  );
});

test('policy variables', () => {
  assert.ok(hasPolicyVariable('a/${aws:username}') && !hasPolicyVariable('a/*'));
  assert.deepEqual(parseTemplate("home/${aws:username}/${aws:PrincipalTag/team, 'x'}/${*}${?}${$}"), [
    { text: 'home/' },
    { variable: 'aws:username' },
    { text: '/' },
    { variable: 'aws:PrincipalTag/team', fallback: 'x' },
    { text: '/' },
    { literal: '*' },
    { literal: '?' },
    { literal: '$' },
  ]);
  assert.deepEqual(parseTemplate('${}'), [{ text: '${}' }]);
});
