// Bounded retries for live checks: only failures a later attempt can cure (5xx, throttling, a dropped connection),
// never a refusal, a missing bucket or a timeout (a stalled server would only stall again).
import type { StorageError } from './errors';

const throttling = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'TooManyRequests', 'RequestLimitExceeded', 'ServerBusy', 'RequestThrottled', 'rateLimitExceeded']);
const dropped = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before attempt n+1 is `baseDelayMs * 2^(n-1)`. */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 100 };

export function isRetryable(error: Pick<StorageError, 'code' | 'status'>): boolean {
  if (error.status !== undefined && (error.status >= 500 || error.status === 429)) return error.status !== 501 && error.status !== 504;
  return throttling.has(error.code) || dropped.has(error.code);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails for good, or `policy.attempts` are used; `retryable` reads a failure
 * (undefined: not a classified failure, never retried). `onRetry` hears of each retried failure.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  retryable: (error: unknown) => boolean,
  policy: RetryPolicy = defaultRetryPolicy,
  signal?: AbortSignal,
  onRetry?: (error: unknown) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.attempts || signal?.aborted || !retryable(error)) throw error;
      onRetry?.(error);
      await sleep(policy.baseDelayMs * 2 ** (n - 1), signal);
    }
  }
}
