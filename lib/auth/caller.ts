import 'server-only';
/** The caller of the server action or route handler being run (reads the request's headers). */
import { headers } from 'next/headers';
import { config } from '@/lib/config';
import { mayDo, type Caller, type Need } from './access';
import { readOnly, signInRequired } from './errors';
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

/** The caller if they may do what `need` says; else an AccessError (401 or 403). */
export async function requireCaller(need: Need): Promise<Caller> {
  const caller = await currentCaller();
  if (caller === null) throw signInRequired();
  if (!mayDo(caller.access, need)) throw readOnly();
  return caller;
}
