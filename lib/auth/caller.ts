import 'server-only';
/** The caller of the server action or route handler being run (reads the request's headers). */
import { headers } from 'next/headers';
import { config } from '@/lib/config';
import type { Caller } from './access';
import { callerOf, clientAddress, sessionCookieOf } from './request-caller';
import { sharedTokenChecker } from './token-check';

export async function currentCaller(): Promise<Caller | null> {
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
