// What a bench figure is, and how the benches time: the median of repeated runs, so that one slow run (a garbage
// collection, a busy machine) does not become the figure.

/** One row of the table and of bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal: string;
  pass: boolean;
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const middle = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** Median wall time of `fn` in milliseconds over `runs` runs, after `warmups` unmeasured ones. */
export function median(fn: () => void, runs = 15, warmups = 3): number {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(elapsedMs(start));
  }
  return middle(times);
}

/** The same for an asynchronous `fn`, each run awaited before the next. */
export async function medianAsync(fn: () => Promise<unknown>, runs: number, warmups = 3): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(elapsedMs(start));
  }
  return middle(times);
}
