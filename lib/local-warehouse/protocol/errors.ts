/**
 * Errors the protocol layer answers with, in Snowflake's envelope
 * `{data, code, message, success:false}` (HTTP 200), which snowflake-sdk reports as a failed call
 * with that code (observed with snowflake-sdk 3.3.0).
 *
 * Where Snowflake's documentation or snowflake-sdk names a code, that code is used and its source
 * is noted. The codes marked "local" answer cases whose Snowflake code is not documented
 * (malformed HTTP bodies, unknown paths); they keep Snowflake's shape and mirror the HTTP status.
 */
import { snowflakeErrors } from '../engine/snowflake-errors';
import type { SnowflakeError } from '../engine/types';

export interface ProtocolErrorOptions {
  httpStatus?: number;
  sqlState?: string;
  /** Extra `data` fields, e.g. the queryId the error is about. */
  data?: Record<string, unknown>;
}

/** A request the protocol refuses; server.ts turns it into the JSON envelope. */
export class ProtocolError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly sqlState: string | null;
  readonly data: Record<string, unknown> | null;

  constructor(code: string, message: string, options: ProtocolErrorOptions = {}) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
    this.httpStatus = options.httpStatus ?? 200;
    this.sqlState = options.sqlState ?? null;
    this.data = options.data ?? null;
  }
}

export const CODES = {
  /** fakesnow and Snowflake GS: no `Authorization: Snowflake Token="…"` header (HTTP 401). */
  MISSING_AUTH_HEADER: '390101',
  /** snowflake-sdk constants/gs_errors.js INCORRECT_USERNAME_PASSWORD: login refused. */
  LOGIN_REFUSED: '390100',
  /**
   * gs_errors.js SESSION_TOKEN_INVALID: a token this server never issued (or one replaced by a
   * renewal). Sent with HTTP 401, which snowflake-sdk special-cases for this code (http/base.js).
   */
  SESSION_TOKEN_INVALID: '390104',
  /**
   * gs_errors.js GONE_SESSION: the session was logged out. Sent with HTTP 200 so the driver
   * reads the code and marks its connection disconnected (services/sf.js StateConnected).
   */
  GONE_SESSION: '390111',
  /**
   * gs_errors.js SESSION_TOKEN_EXPIRED: the session token outlived validityInSeconds. HTTP 200
   * so the driver reads the code, renews through /session/token-request and retries.
   */
  SESSION_TOKEN_EXPIRED: '390112',
  /** gs_errors.js OAUTH_TOKEN_INVALID: login with `AUTHENTICATOR: 'OAUTH'` and a token this warehouse did not issue. */
  OAUTH_TOKEN_INVALID: '390303',
  /** gs_errors.js MASTER_TOKEN_EXPIRED: renewal refused; the driver disconnects. */
  MASTER_TOKEN_EXPIRED: '390114',
  /** Snowflake "Bind variable … not set" family (SQLSTATE 42601), used for every bad binding. */
  BAD_BINDING: '002049',
  /** Snowflake "Identified SQL statement is not currently executing." */
  NOT_EXECUTING: '000605',
  /** Snowflake "Result for query … has expired." */
  RESULT_EXPIRED: '000612',
  /** fakesnow's code for an internal server error (HTTP 500). */
  INTERNAL: '261000',
  /** local: the HTTP body cannot be read (bad JSON, bad gzip, wrong shape). HTTP 400. */
  BAD_REQUEST: '000400',
  /** local: no such route. HTTP 404. */
  NOT_FOUND: '000404',
  /** local: the route exists for another method. HTTP 405. */
  METHOD_NOT_ALLOWED: '000405',
  /** local: the body exceeds the size limit. HTTP 413. */
  TOO_LARGE: '000413',
  /** local: the request's headers exceed node:http's limit. HTTP 431. */
  HEADERS_TOO_LARGE: '000431',
} as const;

export function badRequest(message: string): ProtocolError {
  return new ProtocolError(CODES.BAD_REQUEST, message, { httpStatus: 400 });
}

export function unsupported(feature: string): ProtocolError {
  return fromSnowflakeError(snowflakeErrors.unsupported(feature));
}

/** A Snowflake error the engine's catalogue describes, answered with HTTP 200 like a failed statement. */
export function fromSnowflakeError(error: SnowflakeError, data?: Record<string, unknown>): ProtocolError {
  return new ProtocolError(error.code, error.message, { sqlState: error.sqlState, data });
}

export function statementNotFound(queryId: string): ProtocolError {
  return fromSnowflakeError(snowflakeErrors.statementNotFound(queryId), { queryId });
}

/** The JSON body of an error answer. */
export function errorEnvelope(error: ProtocolError): Record<string, unknown> {
  // snowflake-sdk reads the SQL state from data.sqlState (services/sf.js).
  const data = error.sqlState ? { ...error.data, sqlState: error.sqlState } : error.data;
  return { data, code: error.code, message: error.message, success: false };
}
