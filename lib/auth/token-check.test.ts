import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from '@/lib/domain/attempt-limiter';
import { AccessError } from './errors';
import { accessOfToken, createTokenChecker, FAILURE_WINDOW_MS, MAX_FAILURES_OVERALL, MAX_FAILURES_PER_ADDRESS } from './token-check';

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
  const refusalOf = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it('turns away an address\u2019s wrong tokens after too many, naming it, and still takes its right one', () => {
    const checker = createTokenChecker();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt++) expect(checker.check(`guess-${attempt}`, '10.0.0.9', AUTH, 1_000)).toBeNull();
    const refusal = refusalOf(() => checker.check('guess', '10.0.0.9', AUTH, 2_000));
    expect(refusal).toBeInstanceOf(AccessError);
    expect(refusal).toMatchObject({
      refusal: 'too-many-attempts',
      httpStatus: 429,
      retryAfterSeconds: 299,
      message: 'Too many wrong access tokens from 10.0.0.9: wrong ones are turned away for the next 299 s (the right token is still accepted).',
    });
    expect(checker.check(AUTH.token, '10.0.0.9', AUTH, 2_000)).toBe('full');
    expect(checker.check(AUTH.readOnlyToken, '10.0.0.9', AUTH, 2_000)).toBe('read-only');
    expect(checker.check('guess', '10.0.0.10', AUTH, 2_000)).toBeNull();
    expect(checker.check('guess', '10.0.0.9', AUTH, 1_000 + FAILURE_WINDOW_MS)).toBeNull();
  });

  it('names an unknown address as such', () => {
    const checker = createTokenChecker(createAttemptLimiter({ maxFailures: 1, windowMs: FAILURE_WINDOW_MS }));
    checker.check('guess', null, AUTH, 0);
    expect(refusalOf(() => checker.check('guess', null, AUTH, 0))).toMatchObject({ message: expect.stringMatching(/^Too many wrong access tokens from an unknown address:/) });
  });

  it('past the overall limit turns away every wrong token, but never the right one, and not for longer than its window', () => {
    const checker = createTokenChecker();
    for (let attempt = 0; attempt < MAX_FAILURES_OVERALL; attempt++) checker.check('guess', `10.1.${attempt >> 8}.${attempt & 255}`, AUTH, attempt);
    const refusal = refusalOf(() => checker.check('guess', '192.168.1.1', AUTH, 60_000));
    expect(refusal).toMatchObject({ httpStatus: 429, retryAfterSeconds: 240, message: expect.stringMatching(/^Too many wrong access tokens from many addresses: .* 240 s \(the right token is still accepted\)\.$/) });
    expect(checker.check(AUTH.token, '192.168.1.1', AUTH, 60_000)).toBe('full');
    expect(checker.check(AUTH.token, null, AUTH, 60_000)).toBe('full');
    // Turned-away tokens are not counted, so the lock does not renew itself while strangers keep trying.
    for (let second = 61; second < 300; second++) refusalOf(() => checker.check('guess', '10.2.0.1', AUTH, second * 1_000));
    expect(checker.check('guess', '192.168.1.1', AUTH, FAILURE_WINDOW_MS)).toBeNull();
  });
});
