// How much slower a large input is than a small one, for inputs built to make a naive parser or regex explode.
// The fastest of several runs per size: a busy machine (CI, test files in parallel) slows both sides alike.

/** Time of `large` over time of `small` (each the fastest of `runs`, at least 0.5 ms) and the large time in ms. */
export function growth<T>(make: (n: number) => T, run: (input: T) => void, small: number, large: number, runs = 5): { ratio: number; largeMs: number } {
  const fastest = (n: number) => {
    const input = make(n);
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      run(input);
      best = Math.min(best, performance.now() - start);
    }
    return Math.max(best, 0.5);
  };
  fastest(small);
  const smallMs = fastest(small);
  const largeMs = fastest(large);
  return { ratio: largeMs / smallMs, largeMs };
}
