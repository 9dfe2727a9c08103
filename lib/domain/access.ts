/**
 * Who is calling, as the server actions, the routes and the pages see it. No I/O: the client
 * components read it too (the read-only note).
 */

/** What a caller may do: everything, or only watch (FLURRY_READ_ONLY_TOKEN). */
export type Access = 'full' | 'read-only';

/** What a server action needs: to watch (any signed-in caller) or to change something. */
export type Need = 'watch' | 'change';

export interface Caller {
  /** The name given at sign-in, "local user" without a token, or the Bearer client's. */
  name: string;
  access: Access;
  /** The client's address as the request says it (X-Forwarded-For), if any. */
  address: string | null;
}

/** A name given at sign-in, as the audit log keeps it. */
export const MAX_NAME_LENGTH = 100;

/** Everyone on the machine, when no token is configured (loopback only). */
export const LOCAL_USER_NAME = 'local user';

/** A script calling /api with `Authorization: Bearer <token>`. */
export const BEARER_CLIENT_NAME = 'API client (Bearer token)';

export const READ_ONLY_REFUSAL = 'This access token is read-only: it can watch everything, but not launch, cancel or change anything.';

export function mayDo(access: Access, need: Need): boolean {
  return need === 'watch' || access === 'full';
}
