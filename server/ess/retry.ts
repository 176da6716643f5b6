/**
 * Bounded exponential back-off with full jitter. The caller says which errors are worth
 * another attempt; everything else is thrown at once.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay cap before the 2nd attempt; doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Random in [0, 1); injectable so tests are exact. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A delay of the caller's choosing for this error (e.g. a rate limit); default: back-off. */
  delayFor?: (error: unknown, attempt: number) => number | undefined;
  /** Whether another attempt after `delayMs` still fits the caller's time budget. */
  fitsBudget?: (delayMs: number) => boolean;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // "Full jitter" but never less than half the cap, so clients spread out without hammering.
  const random = policy.random ?? Math.random;
  return Math.round(cap / 2 + (cap / 2) * random());
}

export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  shouldRetry: (error: unknown, attempt: number) => boolean,
  policy: RetryPolicy,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !shouldRetry(error, attempt)) throw error;
      const delay = policy.delayFor?.(error, attempt) ?? backoffDelay(attempt, policy);
      if (policy.fitsBudget && !policy.fitsBudget(delay)) throw error;
      onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
