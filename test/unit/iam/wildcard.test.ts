// IAM wildcards: matching tables, pattern-vs-pattern answers checked against brute force, and linear time on the
// inputs that make backtracking matchers explode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Wildcard, hasWildcard, wildcardMatch } from '../../../src/core/iam/wildcard';
import { growth } from '../growth';

test('matching: * and ?, case rules', () => {
  const table: [pattern: string, text: string, ignoreCase: boolean, match: boolean][] = [
    ['s3:GetObject', 's3:GetObject', false, true],
    ['s3:Get*', 's3:GetObject', false, true],
    ['s3:get*', 's3:GetObject', true, true],
    ['s3:get*', 's3:GetObject', false, false],
    ['s3:*Object', 's3:GetObject', false, true],
    ['s3:*Object', 's3:GetObjectAcl', false, false],
    ['s3:Get?bject', 's3:GetObject', false, true],
    ['s3:Get?bject', 's3:Getbject', false, false],
    ['*', '', false, true],
    ['', '', false, true],
    ['?', '', false, false],
    ['a*b*c', 'abc', false, true],
    ['a*b*c', 'aXbYc', false, true],
    ['a*b*c', 'acb', false, false],
    ['*a*a', 'aaa', false, true],
    ['a*a', 'a', false, false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/media/x.jpg', false, true],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::B/media/x.jpg', false, false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b', false, false],
    ['arn:aws:s3:::b*', 'arn:aws:s3:::b', false, true],
    ['*?*', 'x', false, true],
    ['??*?', 'abc', false, true],
    ['??*?', 'ab', false, false],
  ];
  for (const [pattern, text, ignoreCase, match] of table) assert.equal(wildcardMatch(pattern, text, ignoreCase), match, `${pattern} ~ ${text}`);
  assert.ok(hasWildcard('a*') && hasWildcard('a?') && !hasWildcard('a'));
});

test('literal pieces: ${*}-style stars are characters, not wildcards', () => {
  const p = new Wildcard(['arn:aws:s3:::b/', { literal: '*' }]);
  assert.ok(p.matches('arn:aws:s3:::b/*'));
  assert.ok(!p.matches('arn:aws:s3:::b/x'));
  assert.ok(!p.hasWildcards);
  const cls = new Wildcard(['b:', { anyExcept: '/' }]);
  assert.ok(cls.matches('b:abc') && !cls.matches('b:a/c') && !cls.matches('b:'));
});

test('covers and intersects', () => {
  const w = (p: string) => new Wildcard(p);
  const covers: [a: string, b: string, expected: boolean][] = [
    ['*', 'anything*', true],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:Get*Acl', true],
    ['s3:GetObject', 's3:Get*', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/media/*', true],
    ['arn:aws:s3:::b/media/*', 'arn:aws:s3:::b/*', false],
    ['*a*', 'a*', true],
    ['*a*', '*a', true],
    ['a?c', 'abc', true],
    ['a?c', 'a?c', true],
    ['abc', 'a?c', false],
    ['a*', '?*', false],
  ];
  for (const [a, b, expected] of covers) assert.equal(w(a).covers(w(b)), expected, `${a} covers ${b}`);
  const intersects: [a: string, b: string, expected: boolean][] = [
    ['a*', '*b', true],
    ['a*', 'b*', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::*', true],
    ['a?c', 'ab?', true],
    ['a?c', 'abd', false],
    ['*x*', '*y*', true],
    ['', '*', true],
    ['', '?', false],
  ];
  for (const [a, b, expected] of intersects) {
    assert.equal(w(a).intersects(w(b)), expected, `${a} ∩ ${b}`);
    assert.equal(w(b).intersects(w(a)), expected, `${b} ∩ ${a}`);
  }
});

/** Every string over {a, b} up to length 4: enough to find a wrong answer for short patterns over {a, b, *, ?}. */
const universe = ['', 'a', 'b'];
for (let length = 2; length <= 4; length++) for (const s of universe.filter((u) => u.length === length - 1)) universe.push(`${s}a`, `${s}b`);

const shortPattern = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 5 }).map((cs) => cs.join(''));

test('property: covers is sound and intersects exact, against brute force over short strings', () => {
  fc.assert(
    fc.property(shortPattern, shortPattern, (a, b) => {
      const pa = new Wildcard(a);
      const pb = new Wildcard(b);
      const inA = universe.filter((s) => pa.matches(s));
      const inB = universe.filter((s) => pb.matches(s));
      if (pa.covers(pb)) assert.ok(inB.every((s) => inA.includes(s)), `${a} covers ${b}`);
      if (inB.some((s) => inA.includes(s))) assert.ok(pa.intersects(pb), `${a} ∩ ${b}`);
    }),
    { seed: 99, numRuns: 3000 },
  );
});

test('property: matching agrees with a reference regular expression and never throws', () => {
  const reference = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
  fc.assert(
    fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', '*', '?', '.', '$') }), fc.string({ maxLength: 16, unit: fc.constantFrom('a', 'b', '.', '$', '*') }), (pattern, text) => {
      assert.equal(wildcardMatch(pattern, text), reference(pattern).test(text), `${pattern} ~ ${text}`);
    }),
    { seed: 5, numRuns: 5000 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: 'binary' }), fc.string({ maxLength: 400, unit: 'binary' }), (pattern, text) => {
      wildcardMatch(pattern, text, true);
      new Wildcard(pattern).covers(new Wildcard(text));
    }),
    { seed: 6, numRuns: 1000 },
  );
});

test('linear time where backtracking explodes: *a*a*a*… against aaaa…b', () => {
  const make = (n: number) => ({ pattern: `${'*a'.repeat(n)}*b`, text: 'a'.repeat(n * 50) });
  const { ratio, largeMs } = growth(make, ({ pattern, text }) => assert.equal(wildcardMatch(pattern, text), false), 500, 2000, 20);
  // 4x pattern and 4x text: a linear-per-segment matcher costs ~4-16x, a backtracking one explodes.
  assert.ok(ratio < 40, `${ratio.toFixed(1)}x`);
  assert.ok(largeMs < 50, `${largeMs.toFixed(0)} ms`);
});
