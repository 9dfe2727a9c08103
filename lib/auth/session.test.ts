import { describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS, signSession, verifySession, type Session } from './session';

const AUTH = { token: 'full-token-0123456789', readOnlyToken: 'read-only-token-0123456789' };
const NOW = Date.UTC(2025, 0, 1);
const ANA: Session = { name: 'Ana', access: 'full', expiresAt: NOW + SESSION_LIFETIME_MS };

/** The cookie with its payload replaced, signature kept. */
function withPayload(cookie: string, session: object): string {
  return `${Buffer.from(JSON.stringify(session)).toString('base64url')}.${cookie.split('.')[1]}`;
}

describe('session cookie', () => {
  it('round-trips who signed in and holds neither token', () => {
    const cookie = signSession(ANA, AUTH);
    expect(verifySession(cookie, AUTH, NOW)).toEqual(ANA);
    expect(cookie).not.toContain(AUTH.token);
    expect(Buffer.from(cookie.split('.')[0], 'base64url').toString()).not.toContain(AUTH.token);
    const viewer = signSession({ ...ANA, access: 'read-only' }, AUTH);
    expect(verifySession(viewer, AUTH, NOW)?.access).toBe('read-only');
  });

  it('expires at its expiry, and refuses one claiming to last longer than a session does', () => {
    const cookie = signSession(ANA, AUTH);
    expect(verifySession(cookie, AUTH, ANA.expiresAt - 1)).not.toBeNull();
    expect(verifySession(cookie, AUTH, ANA.expiresAt)).toBeNull();
    const forever = signSession({ ...ANA, expiresAt: NOW + 10 * SESSION_LIFETIME_MS }, AUTH);
    expect(verifySession(forever, AUTH, NOW)).toBeNull();
  });

  it('refuses a tampered cookie: another name, more access, a later expiry, a bad signature', () => {
    const cookie = signSession({ ...ANA, access: 'read-only' }, AUTH);
    expect(verifySession(withPayload(cookie, { ...ANA, access: 'read-only', name: 'Boss' }), AUTH, NOW)).toBeNull();
    expect(verifySession(withPayload(cookie, { ...ANA, access: 'full' }), AUTH, NOW)).toBeNull();
    expect(verifySession(withPayload(cookie, { ...ANA, access: 'read-only', expiresAt: ANA.expiresAt + 1 }), AUTH, NOW)).toBeNull();
    const [payload, signature] = cookie.split('.');
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(verifySession(flipped, AUTH, NOW)).toBeNull();
    for (const junk of [undefined, '', 'abc', `${payload}.`, `.${signature}`, `${cookie}.extra`, 'a'.repeat(5_000), '%%%.%%%']) {
      expect(verifySession(junk, AUTH, NOW)).toBeNull();
    }
  });

  it('signs everyone out whose token changed, and only them', () => {
    const full = signSession(ANA, AUTH);
    const viewer = signSession({ ...ANA, access: 'read-only' }, AUTH);
    const newFullToken = { ...AUTH, token: 'a-new-full-token-987654' };
    expect(verifySession(full, newFullToken, NOW)).toBeNull();
    expect(verifySession(viewer, newFullToken, NOW)).not.toBeNull();
    expect(verifySession(viewer, { ...AUTH, readOnlyToken: null }, NOW)).toBeNull();
    expect(() => signSession({ ...ANA, access: 'read-only' }, { ...AUTH, readOnlyToken: null })).toThrow('No read-only token is configured');
  });
});
