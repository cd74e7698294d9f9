import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionVerdict, reportedRegion } from '../../../src/core/access/bucket-region';
import { corsRuleFor } from '../../../src/core/access/cors-rules';

test('CORS: exact origins, one wildcard, GET required', () => {
  const rules = [
    { origins: ['https://label.example.com'], methods: ['PUT'] },
    { origins: ['https://*.example.com'], methods: ['get', 'HEAD'] },
  ];
  assert.equal(corsRuleFor(rules, 'https://label.example.com'), rules[1]);
  assert.equal(corsRuleFor(rules, 'https://a.b.example.com'), rules[1]);
  assert.equal(corsRuleFor(rules, 'http://label.example.com'), undefined);
  assert.equal(corsRuleFor(rules, 'https://example.com'), undefined);
  assert.equal(corsRuleFor(rules, 'https://label.example.com', 'PUT'), rules[0]);
  assert.ok(corsRuleFor([{ origins: ['*'], methods: ['GET'] }], 'https://anything.test'));
  assert.equal(corsRuleFor([], 'https://label.example.com'), undefined);
  // Origins compare case-sensitively, as S3 does.
  assert.equal(corsRuleFor([{ origins: ['https://Label.example.com'], methods: ['GET'] }], 'https://label.example.com'), undefined);
});

test('regions: GetBucketLocation legacy answers, mismatches, and zone groups of S3-compatible servers', () => {
  assert.equal(reportedRegion(''), 'us-east-1');
  assert.equal(reportedRegion('EU'), 'eu-west-1');
  assert.deepEqual(regionVerdict('', 'us-east-1'), { region: 'us-east-1', verdict: 'match' });
  assert.deepEqual(regionVerdict('eu-central-1', 'eu-west-1'), { region: 'eu-central-1', verdict: 'mismatch' });
  assert.deepEqual(regionVerdict('eu-central-1', undefined), { region: 'eu-central-1', verdict: 'unconfigured' });
  assert.deepEqual(regionVerdict('default', 'us-east-1'), { region: 'default', verdict: 'unknown' });
});
