import 'server-only';
/**
 * How every route handler runs: the caller is checked first (a signed-in session or a Bearer
 * token, unless no token is configured), then the handler, whose errors are answered as JSON
 * `{ error, code }` with a status that says whose fault it is (the pages read `error` and show
 * it). The message, code and status come from the one mapping of lib/errors/public-error.ts,
 * which logs unexpected errors rather than echoing them.
 */
import { currentCaller } from '@/lib/auth/caller';
import { signInRequired } from '@/lib/auth/errors';
import { publicError } from '@/lib/errors/public-error';

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(error: unknown): Response {
  const { code, status, message, headers } = publicError(error, 'route');
  return Response.json({ error: message, code }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** Runs a handler body for a signed-in caller (every route only reads), turning any error into its JSON answer. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    if ((await currentCaller()) === null) throw signInRequired();
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}
