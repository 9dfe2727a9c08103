/**
 * Why a caller was turned away. The one error mapping (lib/errors/public-error.ts) turns it into
 * its answer for an action or a route.
 */
import { READ_ONLY_REFUSAL } from '@/lib/domain/access';
import { errorNamed } from '@/lib/errors/named';

export type Refusal = 'sign-in' | 'read-only' | 'too-many-attempts' | 'wrong-host';

export class AccessError extends Error {
  constructor(
    readonly refusal: Refusal,
    message: string,
    /** For too-many-attempts: when to try again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'AccessError';
  }

  /** 401 sign in, 403 read-only, 429 too many attempts, 421 a Host this dashboard does not answer to. */
  get httpStatus(): number {
    return { 'sign-in': 401, 'read-only': 403, 'too-many-attempts': 429, 'wrong-host': 421 }[this.refusal];
  }
}

export const isAccessError = errorNamed<AccessError>('AccessError');

export const signInRequired = () => new AccessError('sign-in', 'Sign in first: this dashboard asks for its access token (FLURRY_AUTH_TOKEN).');

export const readOnly = () => new AccessError('read-only', READ_ONLY_REFUSAL);

/**
 * Wrong tokens past a limit, `from` an address or "many addresses" (the overall limit). Only
 * wrong tokens are turned away; the right one is always accepted (lib/auth/token-check.ts).
 */
export function tooManyAttempts(retryAfterMs: number, from: string): AccessError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AccessError(
    'too-many-attempts',
    `Too many wrong access tokens from ${from}: wrong ones are turned away for the next ${seconds} s (the right token is still accepted).`,
    seconds,
  );
}

export const wrongHost = (message: string) => new AccessError('wrong-host', message);
