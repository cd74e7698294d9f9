// The evaluator looks only at the statements its index lists for a resource (CompiledPolicy.reaching). Held here to
// the plain rule, over generated policies with overlapping ARNs and patterns (fixed seed): a statement left out can
// name no pattern that applies to the resource — matching a plain ARN, covering a requested pattern.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compile } from '../../../src/core/iam/evaluate';
import { parsePolicy } from '../../../src/core/iam/policy';
import { Wildcard } from '../../../src/core/iam/wildcard';

// Few buckets and key pieces, so that prefixes, plain ARNs and patterns overlap often.
const keyPiece = fc.constantFrom('a', 'ab', 'a/', 'x/', '*', '?', 'a*', '*b', 'a?c', '');
const arn = fc.tuple(fc.constantFrom('b1', 'b2', 'b*', 'b?'), fc.boolean(), fc.array(keyPiece, { maxLength: 3 })).map(([bucket, objects, key]) => `arn:aws:s3:::${bucket}${objects ? `/${key.join('')}` : ''}`);
const resource = fc.oneof({ weight: 6, arbitrary: arn }, { weight: 1, arbitrary: fc.constant('*') }, { weight: 1, arbitrary: fc.constant('arn:aws:s3:::b1/${aws:username}/*') });
const statement = fc.record({ list: fc.array(resource, { minLength: 1, maxLength: 3 }), element: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource') });

test('a statement the index leaves out for a resource has no Resource pattern that applies to it', () => {
  fc.assert(
    fc.property(fc.array(statement, { minLength: 1, maxLength: 12 }), fc.array(arn, { minLength: 1, maxLength: 6 }), (statements, requests) => {
      const text = JSON.stringify({
        Version: '2012-10-17',
        Statement: statements.map(({ list, element }) => ({ Effect: 'Allow', Action: 's3:GetObject', [element]: list })),
      });
      const policy = parsePolicy(text);
      const compiled = compile(policy);
      for (const request of requests) {
        const reached = new Set(compiled.reaching(request));
        const wanted = new Wildcard(request);
        const applies = (pattern: string) => (wanted.hasWildcards ? new Wildcard(pattern).covers(wanted) : new Wildcard(pattern).matches(request));
        policy.statements.forEach((s, i) => {
          if (reached.has(i)) return;
          // NotResource and policy variables depend on more than the pattern: the index must always list those.
          assert.ok(s.resource && !s.notResource && !s.resource.some((r) => r.value.includes('${')), `statement ${i} left out for ${request}: ${text}`);
          for (const r of s.resource) assert.ok(!applies(r.value), `statement ${i} (${r.value}) applies to ${request} but was left out: ${text}`);
        });
      }
    }),
    { seed: 31, numRuns: 3000 },
  );
});
