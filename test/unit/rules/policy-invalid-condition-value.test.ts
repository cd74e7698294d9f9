import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyFindings } from './policy-document-helpers';

const rule = 'policy/invalid-condition-value';
const policy = (condition: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme/*', Condition: condition }] }, null, 2);
const values = (condition: object) => policyFindings(rule, policy(condition)).map((f) => f.message.match(/value (\S+)/)?.[1]);

test('IP addresses and CIDR blocks', () => {
  assert.deepEqual(values({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '10.0.0.300/24', '2001:db8::/129', 'office', '2001:db8::/32', '198.51.100.7'] } }), ['"10.0.0.300/24"', '"2001:db8::/129"', '"office"']);
  assert.match(policyFindings(rule, policy({ NotIpAddressIfExists: { 'aws:SourceIp': '1.2.3' } }))[0].message, /not an IP address or CIDR block/);
  // Compared as a string, an address key still holds an address.
  assert.deepEqual(values({ StringEquals: { 'aws:SourceIp': ['office', '203.0.113.7'] } }), ['"office"']);
  assert.match(policyFindings(rule, policy({ StringLike: { 'aws:VpcSourceIp': '10.0.*' } }))[0].message, /compare it with IpAddress or NotIpAddress/);
});

test('Bool and Null take true or false; numbers and dates must read as such', () => {
  assert.deepEqual(values({ Bool: { 'aws:SecureTransport': ['true', 'False', 'yes'] }, Null: { 'aws:SourceVpc': [true, 'maybe'] } }), ['"yes"', '"maybe"']);
  assert.deepEqual(values({ NumericLessThan: { 's3:max-keys': ['10', '1.5', 'ten'] }, DateGreaterThan: { 'aws:CurrentTime': ['2026-01-31T00:00:00Z', '1735689600', 'tomorrow'] } }), ['"ten"', '"tomorrow"']);
});

test('VPC and VPC endpoint ids, with a hint for the key that was meant', () => {
  const found = policyFindings(rule, policy({ StringEquals: { 'aws:SourceVpc': ['vpc-1a2b3c4d', 'vpce-0a1b', '10.0.0.0/16'], 'aws:SourceVpce': 'vpc-1a2b' } }));
  assert.deepEqual(
    found.map((f) => f.message.match(/\): (.+?): AWS rejects/)?.[1]),
    ['a VPC endpoint id belongs in aws:SourceVpce', 'an address range belongs in aws:VpcSourceIp with IpAddress', 'a VPC id belongs in aws:SourceVpc'],
  );
  assert.deepEqual(values({ StringLike: { 'aws:SourceVpc': 'vpc-*' } }), []);
});

test('variables, placeholders and unknown operators are left to other rules', () => {
  assert.deepEqual(values({ IpAddress: { 'aws:SourceIp': ['x.x.x.x/32', 'YOUR_VPN_SUBNET/32'] }, StringEquals: { 'aws:SourceVpc': '${aws:PrincipalTag/vpc}' }, IPAddress: { 'aws:SourceIp': 'nope' } }), []);
});
