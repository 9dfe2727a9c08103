'use server';
/**
 * The sign-in page's form: checks the access token (in constant time, with wrong tokens counted
 * per address), then sets the session cookie and returns to the page the visitor came from.
 * Every sign-in goes into the audit log; failed ones are counted per address and window there
 * (lib/audit/failed-sign-ins.ts), so strangers cannot fill it.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from '@/lib/domain/validation/zod';
import { MAX_NAME_LENGTH, type Access } from '@/lib/domain/access';
import { assertAllowedHost, cameOverHttps, requestAddress } from '@/lib/auth/request-context';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, sessionCookieAttributes, signSession } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/auth/next-path';
import { sharedTokenChecker } from '@/lib/auth/token-check';
import { sharedFailedSignInLog } from '@/lib/audit/failed-sign-ins';
import { config } from '@/lib/config';
import { InputError } from '@/lib/errors/request-errors';
import type { ActionResult } from './action-result';
import { actionFailure, auditCall } from './errors';

const UNNAMED = 'unnamed';
const WRONG_TOKEN = 'That is not this dashboard\u2019s access token.';

const signInSchema = z.object({
  token: z.string('Enter the access token.').min(1, 'Enter the access token.').max(1_000, 'An access token is at most 1,000 characters.'),
  name: z
    .string()
    .trim()
    .max(MAX_NAME_LENGTH, `A name is at most ${MAX_NAME_LENGTH} characters.`)
    .transform((name) => (name === '' ? UNNAMED : name))
    .default(UNNAMED),
  next: z.string().optional(),
});

const SUBJECT = { target: 'dashboard', detail: null };

export async function signIn(_previous: ActionResult<never> | null, form: FormData): Promise<ActionResult<never>> {
  const auth = config().dashboard.auth;
  try {
    await assertAllowedHost();
  } catch (error) {
    return actionFailure(error);
  }
  const address = await requestAddress();
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return actionFailure(parsed.error);
  const { token, name, next } = parsed.data;
  if (auth.token === null) redirect(safeNextPath(next));

  const refused = async (error: unknown) => {
    const failure = actionFailure(error);
    await sharedFailedSignInLog().record({ name, address, error: failure.error });
    return failure;
  };
  let access: Access | null;
  try {
    access = sharedTokenChecker().check(token, address, auth);
  } catch (error) {
    return refused(error);
  }
  if (access === null) return refused(new InputError('token', WRONG_TOKEN));

  const expiresAt = Date.now() + SESSION_LIFETIME_MS;
  (await cookies()).set(SESSION_COOKIE, signSession({ name, access, expiresAt }, auth), sessionCookieAttributes(await cameOverHttps(), expiresAt));
  await auditCall({ name, access, address }, 'sign-in', SUBJECT, 'ok', null);
  redirect(safeNextPath(next));
}
