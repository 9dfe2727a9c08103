import 'server-only';
/**
 * The one mapping from an error to what a client is told: a stable code (./codes.ts), the HTTP
 * status a route answers with, and a message a person can act on. Server actions put it in their
 * result (lib/actions/errors.ts), routes in their JSON body (lib/http/responses.ts). Internals
 * never leak: an error this mapping does not know is logged here and told as `internal`, without
 * its message or stack. Errors are recognised by name (./named.ts says why).
 */
import { z } from '@/lib/domain/validation/zod';
import { isAccessError, type AccessError, type Refusal } from '@/lib/auth/errors';
import { describeParamErrors, fieldErrorsOf } from '@/lib/domain/validation/zod-problems';
import { describeRefusal, isWarehouseError, isWarehouseUnavailableError } from '@/lib/warehouse/errors';
import { ERROR_STATUS, type ErrorCode } from './codes';
import { isInputError, isJobNotFoundError, isNoResultError, isNoServiceError, isTaskSaveError } from './request-errors';

/**
 * Where the answer goes. A server action's input is a form: its schema problems are keyed by
 * field and its top line names the first. A route's input is query parameters: one line names
 * each. The unexpected-failure wording and log line also say which it was.
 */
export type Surface = 'action' | 'route';

export interface PublicError {
  code: ErrorCode;
  status: number;
  message: string;
  /** Input problems keyed by the input's path, for a form to mark. */
  fieldErrors?: Record<string, string[]>;
  /** Headers the status calls for (Retry-After, WWW-Authenticate). */
  headers?: Record<string, string>;
}

const UNEXPECTED: Record<Surface, { message: string; log: string }> = {
  action: { message: 'The dashboard server failed to do this; its log says why.', log: '[flurry] server action failed:' },
  route: { message: 'The dashboard server failed to answer; its log says why.', log: '[flurry] route failed:' },
};

const REFUSAL_CODE: Record<Refusal, ErrorCode> = {
  'sign-in': 'unauthenticated',
  'read-only': 'forbidden',
  'too-many-attempts': 'rate_limited',
  'wrong-host': 'wrong_host',
};

function told(code: ErrorCode, message: string, extra: Pick<PublicError, 'fieldErrors' | 'headers'> = {}): PublicError {
  return { code, status: ERROR_STATUS[code], message, ...extra };
}

function invalidInput(error: z.ZodError, surface: Surface): PublicError {
  if (surface === 'route') return told('invalid_input', describeParamErrors(error));
  const fieldErrors = fieldErrorsOf(error);
  const [first] = Object.entries(fieldErrors);
  return told('invalid_input', first ? `${first[0]}: ${first[1][0]}` : 'The input is not valid.', { fieldErrors });
}

function refusal(error: AccessError): PublicError {
  const code = REFUSAL_CODE[error.refusal];
  if (error.retryAfterSeconds !== null) return told(code, error.message, { headers: { 'Retry-After': String(error.retryAfterSeconds) } });
  if (error.refusal === 'sign-in') return told(code, error.message, { headers: { 'WWW-Authenticate': 'Bearer realm="flurry"' } });
  return told(code, error.message);
}

export function publicError(error: unknown, surface: Surface): PublicError {
  if (error instanceof z.ZodError) return invalidInput(error, surface);
  if (isAccessError(error)) return refusal(error);
  if (isInputError(error)) return told('invalid_input', error.message, { fieldErrors: { [error.field]: [error.message] } });
  if (isJobNotFoundError(error)) return told('not_found', error.message);
  if (isNoResultError(error) || isNoServiceError(error)) return told('conflict', error.message);
  if (isTaskSaveError(error)) {
    // Told as its cause (a warehouse refusal, most often), after the statement that failed.
    const cause = publicError(error.cause, surface);
    const after = error.ran.length > 0 ? ` (after ${error.ran.length} statement(s) ran)` : '';
    return told(cause.code, `${error.failed}${after}: ${cause.message}`);
  }
  if (isWarehouseUnavailableError(error)) return told('warehouse_unavailable', error.message);
  if (isWarehouseError(error)) return told('warehouse_error', describeRefusal(error));
  console.error(UNEXPECTED[surface].log, error);
  return told('internal', UNEXPECTED[surface].message);
}
