import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter';
import { AccessError } from './errors';
import { accessOfToken, createTokenChecker, FAILURE_WINDOW_MS, MAX_FAILURES_PER_ADDRESS } from './token-check';

const AUTH = { token: 'full-token-0123456789', readOnlyToken: 'read-only-token-0123456789' };

describe('accessOfToken', () => {
  it('tells the full token from the read-only one, and refuses the rest', () => {
    expect(accessOfToken(AUTH.token, AUTH)).toBe('full');
    expect(accessOfToken(AUTH.readOnlyToken, AUTH)).toBe('read-only');
    expect(accessOfToken('guess', AUTH)).toBeNull();
    expect(accessOfToken(AUTH.readOnlyToken, { ...AUTH, readOnlyToken: null })).toBeNull();
  });
});

describe('attempt limiter', () => {
  it('refuses an address past its failures until the window ends, and forgets the oldest addresses', () => {
    const limiter = createAttemptLimiter({ maxFailures: 2, windowMs: 1_000, maxAddresses: 2 });
    limiter.recordFailure('a', 0);
    expect(limiter.retryAfterMs('a', 10)).toBe(0);
    limiter.recordFailure('a', 100);
    expect(limiter.retryAfterMs('a', 400)).toBe(600);
    expect(limiter.retryAfterMs('b', 400)).toBe(0);
    expect(limiter.retryAfterMs('a', 1_000)).toBe(0);
    limiter.recordFailure('a', 1_000);
    limiter.recordFailure('a', 1_001);
    limiter.recordFailure('b', 1_002);
    limiter.recordFailure('c', 1_003);
    expect(limiter.retryAfterMs('a', 1_004)).toBe(0);
  });
});

describe('token checker', () => {
  it('locks out an address after too many wrong tokens, even with the right one, and not other addresses', () => {
    const checker = createTokenChecker();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt++) expect(checker.check(`guess-${attempt}`, '10.0.0.9', AUTH, 1_000)).toBeNull();
    let refusal: unknown;
    try {
      checker.check(AUTH.token, '10.0.0.9', AUTH, 2_000);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AccessError);
    expect(refusal).toMatchObject({ refusal: 'too-many-attempts', httpStatus: 429, retryAfterSeconds: Math.ceil((FAILURE_WINDOW_MS - 1_000) / 1_000) });
    expect(checker.check(AUTH.token, '10.0.0.10', AUTH, 2_000)).toBe('full');
    expect(checker.check(AUTH.token, '10.0.0.9', AUTH, 1_000 + FAILURE_WINDOW_MS)).toBe('full');
  });

  it('locks everyone out when wrong tokens come from too many addresses at once (X-Forwarded-For can be forged)', () => {
    const checker = createTokenChecker(
      createAttemptLimiter({ maxFailures: 100, windowMs: FAILURE_WINDOW_MS }),
      createAttemptLimiter({ maxFailures: 3, windowMs: FAILURE_WINDOW_MS }),
    );
    for (const address of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) checker.check('guess', address, AUTH, 0);
    expect(() => checker.check(AUTH.token, '4.4.4.4', AUTH, 1)).toThrow(AccessError);
  });
});
