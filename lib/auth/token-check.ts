/**
 * Checks a presented access token, at the sign-in page or as a Bearer header, and turns away
 * guessers: wrong tokens are counted per client address, and across all addresses (the address
 * is the request's X-Forwarded-For, which a client can set, so the overall count is the backstop).
 *
 * The right token is always accepted, whatever either count says. A client choosing its
 * X-Forwarded-For could otherwise lock out everyone (overall) or anyone whose address it names
 * (127.0.0.1: every local user). Accepting it does not help a guesser: a token has at least 16
 * characters (lib/config/access-settings.ts), far past what can be guessed online.
 */
import type { AuthSettings } from '@/lib/config/access-settings';
import type { Access } from '@/lib/domain/access';
import { createAttemptLimiter, type AttemptLimiter } from '@/lib/domain/attempt-limiter';
import { tooManyAttempts } from './errors';
import { sameSecret } from '@/lib/domain/same-secret';
import { processSingleton } from '@/lib/runtime/process-singleton';

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
  /**
   * The access the token grants, or null for a wrong token (counted as a failure); a wrong token
   * throws AccessError instead once its address, or everyone together, failed too often.
   */
  check(presented: string, address: string | null, auth: AuthSettings, now?: number): Access | null;
}

export function createTokenChecker(
  perAddress: AttemptLimiter = createAttemptLimiter({ maxFailures: MAX_FAILURES_PER_ADDRESS, windowMs: FAILURE_WINDOW_MS }),
  overall: AttemptLimiter = createAttemptLimiter({ maxFailures: MAX_FAILURES_OVERALL, windowMs: FAILURE_WINDOW_MS }),
): TokenChecker {
  const EVERYONE = '*';
  return {
    check(presented, address, auth, now = Date.now()) {
      const access = accessOfToken(presented, auth);
      if (access !== null) return access;
      const key = address ?? 'unknown';
      const own = perAddress.retryAfterMs(key, now);
      if (own > 0) throw tooManyAttempts(own, address ?? 'an unknown address');
      const everyone = overall.retryAfterMs(EVERYONE, now);
      if (everyone > 0) throw tooManyAttempts(everyone, 'many addresses');
      perAddress.recordFailure(key, now);
      overall.recordFailure(EVERYONE, now);
      return null;
    },
  };
}

/** The process's one checker: Next loads actions and route handlers as separate module graphs. */
export function sharedTokenChecker(): TokenChecker {
  return processSingleton('tokenChecker', createTokenChecker);
}
