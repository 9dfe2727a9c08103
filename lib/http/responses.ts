import 'server-only';
/**
 * How every route handler runs: the caller is checked first (a signed-in session or a Bearer
 * token, unless no token is configured), then the handler, whose errors are answered as JSON
 * `{ error }` with a status that says whose fault it is (the pages read `error` and show it).
 * Unexpected errors are logged, not echoed. Errors are told apart by name, not `instanceof`
 * (lib/domain/error-kinds.ts says why).
 */
import { z } from 'zod';
import { currentCaller } from '@/lib/auth/caller';
import { signInRequired, type AccessError } from '@/lib/auth/errors';
import {
  isAccessError,
  isJobNotFoundError,
  isNoResultError,
  isNoServiceError,
  isWarehouseError,
  isWarehouseUnavailableError,
} from '@/lib/domain/error-kinds';
import { describeParamErrors } from '@/lib/jobs/route-params';
import { describeRefusal } from '@/lib/warehouse/errors';

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
  if (isAccessError(error)) return accessRefusal(error);
  if (error instanceof z.ZodError) return jsonError(400, describeParamErrors(error));
  if (isJobNotFoundError(error)) return jsonError(404, error.message);
  if (isNoResultError(error) || isNoServiceError(error)) return jsonError(409, error.message);
  if (isWarehouseUnavailableError(error)) return jsonError(503, error.message);
  if (isWarehouseError(error)) return jsonError(502, describeRefusal(error));
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
