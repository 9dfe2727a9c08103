/**
 * Slows down password guessing at the warehouse's login: wrong passwords are counted per client
 * address (the socket's, which a client cannot choose), and past the limit that address is
 * refused, even with the right password, until its window ends. OAuth logins are not counted
 * or held back: their tokens are 256-bit random, and job containers log in with them from the
 * same loopback address a mistyped password may have used up.
 */
import { createAttemptLimiter } from '@/lib/domain/attempt-limiter';
import { ProtocolError } from './errors';

export const LOGIN_FAILURE_WINDOW_MS = 5 * 60_000;
export const MAX_LOGIN_FAILURES = 10;

/**
 * local: too many failed logins from the address. Answered with HTTP 200 like Snowflake's login
 * errors: drivers retry a 429 for minutes, where this should fail the connect at once and say why.
 */
export const LOGIN_THROTTLED = '000429';

export interface LoginThrottle {
  /** Throws the refusal while `address` has used up its failures. */
  refuseIfLocked(address: string): void;
  recordFailure(address: string): void;
}

export function createLoginThrottle(now: () => number): LoginThrottle {
  const limiter = createAttemptLimiter({ maxFailures: MAX_LOGIN_FAILURES, windowMs: LOGIN_FAILURE_WINDOW_MS });
  return {
    refuseIfLocked(address) {
      const waitMs = limiter.retryAfterMs(address, now());
      if (waitMs <= 0) return;
      throw new ProtocolError(
        LOGIN_THROTTLED,
        `Too many failed logins from ${address}: at most ${MAX_LOGIN_FAILURES} in ${LOGIN_FAILURE_WINDOW_MS / 60_000} minutes. ` +
          `Try again in ${Math.ceil(waitMs / 1000)} seconds.`,
        { sqlState: '08004' },
      );
    },
    recordFailure(address) {
      limiter.recordFailure(address, now());
    },
  };
}
