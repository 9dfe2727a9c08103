/**
 * The sign-in cookie. It holds no token: it holds who signed in, with which access, until when,
 * signed with HMAC-SHA256 under a key derived from the token they signed in with. Changing
 * FLURRY_AUTH_TOKEN (or FLURRY_READ_ONLY_TOKEN) therefore signs out everyone who used it, and
 * a cookie cannot be forged or altered without the token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from '@/lib/domain/validation/zod';
import type { AuthSettings } from '@/lib/config/access-settings';
import { MAX_NAME_LENGTH, type Access } from '@/lib/domain/access';

export const SESSION_COOKIE = 'flurry_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Session {
  name: string;
  access: Access;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const sessionSchema = z.object({
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  access: z.enum(['full', 'read-only']),
  expiresAt: z.number().int().positive(),
});

/** The signing key for each access, or null when that token is not configured. */
function keyFor(auth: AuthSettings, access: Access): Buffer | null {
  const token = access === 'full' ? auth.token : auth.readOnlyToken;
  return token === null ? null : createHmac('sha256', token).update('flurry session key v1').digest();
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signSession(session: Session, auth: AuthSettings): string {
  const key = keyFor(auth, session.access);
  if (!key) throw new Error(`No ${session.access} token is configured to sign a session with.`);
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The session a cookie value holds, or null if it is missing, altered, signed with another token, or expired. */
export function verifySession(value: string | undefined, auth: AuthSettings, now = Date.now()): Session | null {
  if (!value || value.length > 2_000) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  let parsed: z.infer<typeof sessionSchema>;
  try {
    const result = sessionSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const key = keyFor(auth, parsed.access);
  if (!key) return null;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // A session lasts SESSION_LIFETIME_MS from sign-in; one claiming longer was not signed here.
  if (parsed.expiresAt <= now || parsed.expiresAt > now + SESSION_LIFETIME_MS) return null;
  return parsed;
}

/**
 * HttpOnly: page scripts never see it. SameSite=Lax rather than Strict: a link to a job pasted
 * in chat opens signed in, while other sites' POSTs (every change is a POST server action, which
 * Next.js also checks for a same-origin Origin) and subrequests carry no cookie. Secure when the
 * page came over https, so it is never sent back in clear.
 */
export function sessionCookieAttributes(secure: boolean, expiresAt: number | null) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure,
    ...(expiresAt === null ? { maxAge: 0 } : { expires: new Date(expiresAt) }),
  };
}
