import { describe, expect, it } from 'vitest';
import { BEARER_CLIENT_NAME, LOCAL_USER_NAME } from '@/lib/domain/access';
import { callerOf, clientAddress, sessionCookieOf } from './request-caller';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, signSession } from './session';
import { createTokenChecker } from './token-check';

const AUTH = { token: 'full-token-0123456789', readOnlyToken: 'read-only-token-0123456789' };
const NOW = Date.UTC(2025, 0, 1);
const none = { authorization: null, sessionCookie: undefined, address: '10.1.2.3' };

describe('callerOf', () => {
  it('is the local user with full access when no token is configured', () => {
    expect(callerOf(none, { token: null, readOnlyToken: null }, createTokenChecker(), NOW)).toEqual({ name: LOCAL_USER_NAME, access: 'full', address: '10.1.2.3' });
  });

  it('needs a valid session or Bearer token when one is', () => {
    const checker = createTokenChecker();
    expect(callerOf(none, AUTH, checker, NOW)).toBeNull();
    const sessionCookie = signSession({ name: 'Ana', access: 'read-only', expiresAt: NOW + SESSION_LIFETIME_MS }, AUTH);
    expect(callerOf({ ...none, sessionCookie }, AUTH, checker, NOW)).toEqual({ name: 'Ana', access: 'read-only', address: '10.1.2.3' });
    expect(callerOf({ ...none, authorization: `Bearer ${AUTH.token}` }, AUTH, checker, NOW)).toEqual({ name: BEARER_CLIENT_NAME, access: 'full', address: '10.1.2.3' });
    expect(callerOf({ ...none, authorization: `bearer ${AUTH.readOnlyToken}` }, AUTH, checker, NOW)?.access).toBe('read-only');
    // A wrong Bearer token is not rescued by a valid cookie: the header is what the client meant.
    expect(callerOf({ ...none, sessionCookie, authorization: 'Bearer wrong' }, AUTH, checker, NOW)).toBeNull();
    expect(callerOf({ ...none, authorization: `Basic ${AUTH.token}` }, AUTH, checker, NOW)).toBeNull();
  });
});

describe('request headers', () => {
  it('take the client address from the first X-Forwarded-For entry', () => {
    expect(clientAddress('203.0.113.5, 10.0.0.1')).toBe('203.0.113.5');
    expect(clientAddress('::1')).toBe('::1');
    expect(clientAddress(null)).toBeNull();
    expect(clientAddress(' ')).toBeNull();
  });

  it('find the session cookie among others', () => {
    expect(sessionCookieOf(`theme=dark; ${SESSION_COOKIE}=abc.def=; other=1`)).toBe('abc.def=');
    expect(sessionCookieOf('theme=dark')).toBeUndefined();
    expect(sessionCookieOf(null)).toBeUndefined();
  });
});
