/**
 * Who a request comes from, from its headers alone, so the route handlers, the server actions
 * and the root layout all decide the same way. (The proxy only guards pages, by session cookie.)
 */
import type { AuthSettings } from '@/lib/config/access-settings';
import { BEARER_CLIENT_NAME, LOCAL_USER_NAME, type Caller } from '@/lib/domain/access';
import { SESSION_COOKIE, verifySession } from './session';
import type { TokenChecker } from './token-check';

export interface RequestCredentials {
  /** The Authorization header. */
  authorization: string | null;
  /** The session cookie's value. */
  sessionCookie: string | undefined;
  address: string | null;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The first X-Forwarded-For entry: the client, as Next.js records it from the socket when no proxy set it. */
export function clientAddress(forwardedFor: string | null): string | null {
  const first = forwardedFor?.split(',')[0]?.trim();
  return first ? first.slice(0, 100) : null;
}

export function sessionCookieOf(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * The caller, or null when a token is configured and the request has no valid session or
 * Bearer token. A Bearer header, when present, is all that is looked at.
 */
export function callerOf(credentials: RequestCredentials, auth: AuthSettings, checker: TokenChecker, now = Date.now()): Caller | null {
  const { address } = credentials;
  if (auth.token === null) return { name: LOCAL_USER_NAME, access: 'full', address };
  const bearer = credentials.authorization === null ? null : BEARER.exec(credentials.authorization);
  if (bearer) {
    const access = checker.check(bearer[1], address, auth, now);
    return access === null ? null : { name: BEARER_CLIENT_NAME, access, address };
  }
  const session = verifySession(credentials.sessionCookie, auth, now);
  return session === null ? null : { name: session.name, access: session.access, address };
}
