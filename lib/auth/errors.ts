/**
 * Why a caller was turned away. The one error-mapping place of each kind of endpoint
 * (lib/actions/errors.ts, lib/http/responses.ts) turns it into its answer.
 */
import { READ_ONLY_REFUSAL } from './access';

export type Refusal = 'sign-in' | 'read-only' | 'too-many-attempts';

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

  /** 401 sign in, 403 read-only, 429 too many attempts. */
  get httpStatus(): number {
    return this.refusal === 'sign-in' ? 401 : this.refusal === 'read-only' ? 403 : 429;
  }
}

export const signInRequired = () => new AccessError('sign-in', 'Sign in first: this dashboard asks for its access token (FLURRY_AUTH_TOKEN).');

export const readOnly = () => new AccessError('read-only', READ_ONLY_REFUSAL);

export function tooManyAttempts(retryAfterMs: number): AccessError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AccessError('too-many-attempts', `Too many wrong access tokens from this address; try again in ${seconds} s.`, seconds);
}
