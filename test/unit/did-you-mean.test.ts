// did-you-mean: the bounded search gives the answer of a full Damerau–Levenshtein table, without its cost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { didYouMean } from '../../src/core/did-you-mean';

/** The full optimal-string-alignment table, as a reference. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The first closest candidate, kept when within a third of the name's length (at least one edit). */
function reference(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = fullDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

test('typos, transpositions, case and aliases', () => {
  const keys = ['bucket', 'region', 'folder', 'accessKey', 'secretKey', 'urlExpirationSecs'];
  assert.equal(didYouMean('bukcet', keys), 'bucket');
  assert.equal(didYouMean('BUCKET', keys), 'bucket');
  assert.equal(didYouMean('regoin', keys), 'region');
  assert.equal(didYouMean('urlExpirationSec', keys), 'urlExpirationSecs');
  assert.equal(didYouMean('accesKey', keys), 'accessKey');
  assert.equal(didYouMean('xyz', keys), undefined);
  assert.equal(didYouMean('objectPrefix', keys, { objectPrefix: 'folder' }), 'folder');
  assert.equal(didYouMean('', keys), undefined);
  assert.equal(didYouMean('x'.repeat(100_000), keys), undefined);
});

test('property: the same answer as the full table, ties going to the first candidate', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B'), maxLength: 9 });
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 8 }), (name, candidates) => {
      assert.equal(didYouMean(name, candidates), reference(name, candidates));
    }),
    { seed: 11, numRuns: 5000 },
  );
});
