import 'server-only';
/**
 * The caller of the server action or route handler being run (reads the request's headers).
 * Throws AccessError for a request whose Host this dashboard does not answer to.
 */
import { headers } from 'next/headers';
import { config } from '@/lib/config';
import type { Caller } from '@/lib/domain/access';
import { callerOf, clientAddress, sessionCookieOf } from './request-caller';
import { assertAllowedHost } from './request-context';
import { sharedTokenChecker } from './token-check';

export async function currentCaller(): Promise<Caller | null> {
  await assertAllowedHost();
  const requestHeaders = await headers();
  return callerOf(
    {
      authorization: requestHeaders.get('authorization'),
      sessionCookie: sessionCookieOf(requestHeaders.get('cookie')),
      address: clientAddress(requestHeaders.get('x-forwarded-for')),
    },
    config().dashboard.auth,
    sharedTokenChecker(),
  );
}
