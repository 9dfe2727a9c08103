/**
 * Counts wrong access tokens per client address in a fixed window, in memory (one dashboard
 * process). Past the limit, the address's wrong tokens are turned away until the window ends.
 */

export interface AttemptLimiterOptions {
  maxFailures: number;
  windowMs: number;
  /** Addresses remembered at most; the oldest windows are forgotten first. */
  maxAddresses?: number;
}

export interface AttemptLimiter {
  /** 0 when `address` may try now, else the milliseconds until it may. */
  retryAfterMs(address: string, now?: number): number;
  recordFailure(address: string, now?: number): void;
}

export function createAttemptLimiter({ maxFailures, windowMs, maxAddresses = 10_000 }: AttemptLimiterOptions): AttemptLimiter {
  // Insertion order is window-start order: a new window re-inserts its address at the end.
  const windows = new Map<string, { startedAt: number; failures: number }>();

  const current = (address: string, now: number) => {
    const window = windows.get(address);
    if (window && now - window.startedAt < windowMs) return window;
    windows.delete(address);
    return null;
  };

  return {
    retryAfterMs(address, now = Date.now()) {
      const window = current(address, now);
      return window && window.failures >= maxFailures ? window.startedAt + windowMs - now : 0;
    },
    recordFailure(address, now = Date.now()) {
      const window = current(address, now);
      if (window) {
        window.failures += 1;
        return;
      }
      windows.set(address, { startedAt: now, failures: 1 });
      for (const oldest of windows.keys()) {
        if (windows.size <= maxAddresses) break;
        windows.delete(oldest);
      }
    },
  };
}
