// Suggests the closest known name for a misspelled one (Damerau–Levenshtein, case-insensitive).

/**
 * The optimal-string-alignment distance of `a` and `b` when it is at most `limit`, otherwise Infinity. Three rolling
 * rows; most candidates are rejected by their length or after a few rows, since only near names matter.
 */
function distanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  const cols = b.length + 1;
  let beforePrevious = new Uint32Array(cols);
  let previous = Uint32Array.from({ length: cols }, (_, j) => j);
  let current = new Uint32Array(cols);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A row's minimum never falls below the one before it, so once it passes the limit the distance does too.
    if (rowMin > limit) return Infinity;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name`, if close enough to be a plausible typo: a case-only difference, or at most
 * a third of the name's length in edits; the first of equally close ones. `aliases` maps known wrong names
 * (`objectPrefix`) to right ones.
 */
export function didYouMean(name: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  if (Object.hasOwn(aliases, name)) return aliases[name];
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    // Only a strictly closer candidate can replace the best, so the search budget shrinks as it goes.
    const d = distanceWithin(lower, candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
