import 'server-only';
/**
 * How every route handler runs: the caller is checked first (a signed-in session or a Bearer
 * token, unless no token is configured), then the handler, whose errors are answered as JSON
 * `{ error }` with a status that says whose fault it is (the pages read `error` and show it).
 * Unexpected errors are logged, not echoed.
 */
import { z } from 'zod';
import { currentCaller } from '@/lib/auth/caller';
import { AccessError, signInRequired } from '@/lib/auth/errors';
import { JobNotFoundError, NoResultError, NoServiceError } from '@/lib/jobs/input-error';
import { describeParamErrors } from '@/lib/jobs/route-params';
import { describeRefusal, WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

function accessRefusal(error: AccessError): Response {
  if (error.retryAfterSeconds !== null) return jsonError(error.httpStatus, error.message, { 'Retry-After': String(error.retryAfterSeconds) });
  if (error.refusal === 'sign-in') return jsonError(401, error.message, { 'WWW-Authenticate': 'Bearer realm="flurry"' });
  return jsonError(error.httpStatus, error.message);
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AccessError) return accessRefusal(error);
  if (error instanceof z.ZodError) return jsonError(400, describeParamErrors(error));
  if (error instanceof JobNotFoundError) return jsonError(404, error.message);
  if (error instanceof NoResultError || error instanceof NoServiceError) return jsonError(409, error.message);
  if (error instanceof WarehouseUnavailableError) return jsonError(503, error.message);
  if (error instanceof WarehouseError) return jsonError(502, describeRefusal(error));
  console.error('[flurry] route failed:', error);
  return jsonError(500, 'The dashboard server failed to answer; its log says why.');
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
