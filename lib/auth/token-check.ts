/**
 * Checks a presented access token, at the sign-in page or as a Bearer header, and slows down
 * guessing: wrong tokens are counted per client address, and across all addresses (the address
 * is the request's X-Forwarded-For, which a client can set, so the overall count is the backstop).
 */
import type { AuthSettings } from '@/lib/config/access-settings';
import type { Access } from './access';
import { createAttemptLimiter, type AttemptLimiter } from './attempt-limiter';
import { tooManyAttempts } from './errors';
import { sameSecret } from './same-secret';

export const FAILURE_WINDOW_MS = 5 * 60_000;
export const MAX_FAILURES_PER_ADDRESS = 10;
export const MAX_FAILURES_OVERALL = 100;

/** Which access `presented` grants, or null. Both tokens are always compared, so the time taken does not say which matched. */
export function accessOfToken(presented: string, auth: AuthSettings): Access | null {
  const full = auth.token !== null && sameSecret(presented, auth.token);
  const readOnly = auth.readOnlyToken !== null && sameSecret(presented, auth.readOnlyToken);
  return full ? 'full' : readOnly ? 'read-only' : null;
}

export interface TokenChecker {
  /** The access the token grants, or null (counted as a failure); throws AccessError once an address or everyone tried too often. */
  check(presented: string, address: string | null, auth: AuthSettings, now?: number): Access | null;
}

export function createTokenChecker(
  perAddress: AttemptLimiter = createAttemptLimiter({ maxFailures: MAX_FAILURES_PER_ADDRESS, windowMs: FAILURE_WINDOW_MS }),
  overall: AttemptLimiter = createAttemptLimiter({ maxFailures: MAX_FAILURES_OVERALL, windowMs: FAILURE_WINDOW_MS }),
): TokenChecker {
  const EVERYONE = '*';
  return {
    check(presented, address, auth, now = Date.now()) {
      const key = address ?? 'unknown';
      const wait = Math.max(perAddress.retryAfterMs(key, now), overall.retryAfterMs(EVERYONE, now));
      if (wait > 0) throw tooManyAttempts(wait);
      const access = accessOfToken(presented, auth);
      if (access === null) {
        perAddress.recordFailure(key, now);
        overall.recordFailure(EVERYONE, now);
      }
      return access;
    },
  };
}

const KEY = Symbol.for('flurry.tokenChecker');
type Holder = { [KEY]?: TokenChecker };

/** The process's one checker: Next loads actions and route handlers as separate module graphs. */
export function sharedTokenChecker(): TokenChecker {
  const holder = globalThis as Holder;
  holder[KEY] ??= createTokenChecker();
  return holder[KEY];
}
