'use server';
/** The header's "Sign out": forgets the session cookie and opens the sign-in page. */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from '@/lib/domain/validation/zod';
import { cameOverHttps } from '@/lib/auth/request-context';
import { SESSION_COOKIE, sessionCookieAttributes } from '@/lib/auth/session';
import { runAction } from './errors';

export async function signOut(): Promise<void> {
  await runAction(
    { action: 'sign-out', access: 'watch', schema: z.undefined(), audit: () => ({ target: 'dashboard', detail: null }) },
    undefined,
    async () => {
      (await cookies()).set(SESSION_COOKIE, '', sessionCookieAttributes(await cameOverHttps(), null));
      return null;
    },
  );
  // Outside runAction, which would take redirect()'s throw for a failure; signed in or not, the sign-in page is next.
  redirect('/sign-in');
}
