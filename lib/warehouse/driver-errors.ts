import 'server-only';
/**
 * Sorts what snowflake-sdk throws into the two kinds of ./errors.ts, and tells a session that
 * died (expired, or the warehouse restarted) from any other failure. Apart from the kinds, so
 * code that only tells them apart does not load the driver.
 */
import './quiet-aws-warning';
import snowflake from 'snowflake-sdk';
import { isWarehouseError, isWarehouseUnavailableError, WarehouseError, WarehouseUnavailableError } from './errors';

interface DriverError {
  name?: string;
  code?: unknown;
  message?: string;
  sqlState?: string;
  data?: { queryId?: unknown };
}

const { ErrorCode } = snowflake;

/** Driver errors that mean no warehouse answered (or its answer was not Snowflake's). */
const UNREACHABLE = new Set<unknown>([
  ErrorCode.ERR_SF_NETWORK_COULD_NOT_CONNECT,
  ErrorCode.ERR_SF_RESPONSE_FAILURE,
  ErrorCode.ERR_SF_RESPONSE_NOT_JSON,
  ErrorCode.ERR_CONN_REQUEST_STATUS_DISCONNECTED,
]);

/** The session behind a connection is gone (expired, or the warehouse restarted). */
export function isSessionError(error: unknown): boolean {
  const code = String((error as DriverError | null)?.code ?? '');
  return /^3901\d\d$/.test(code) || code === String(ErrorCode.ERR_SF_RESPONSE_INVALID_TOKEN);
}

function driverCode(error: DriverError): string | null {
  return error.code === undefined || error.code === null ? null : String(error.code);
}

/**
 * A multi-call's results as its callers take them. A dead session fails the whole call, so the
 * pool retries it on a new session; otherwise each failure is sorted into one of the two kinds.
 */
export function settledOnOneSession<T>(results: PromiseSettledResult<T>[]): PromiseSettledResult<T>[] {
  const dead = results.find((result): result is PromiseRejectedResult => result.status === 'rejected' && isSessionError(result.reason));
  if (dead) throw dead.reason;
  return results.map((result) => (result.status === 'rejected' ? { status: 'rejected', reason: toWarehouseFailure(result.reason) } : result));
}

/** Sorts any error from the driver into one of the two kinds above. */
export function toWarehouseFailure(error: unknown): WarehouseUnavailableError | WarehouseError {
  if (isWarehouseUnavailableError(error) || isWarehouseError(error)) return error;
  const driver = (error ?? {}) as DriverError;
  const message = driver.message || String(error);
  if (driver.name === 'NetworkError' || UNREACHABLE.has(driver.code) || isSessionError(error)) {
    return new WarehouseUnavailableError(`The warehouse did not answer: ${message}`, { cause: error });
  }
  const queryId = typeof driver.data?.queryId === 'string' ? driver.data.queryId : null;
  return new WarehouseError(message, driverCode(driver), driver.sqlState ?? null, queryId);
}

/** Rejects with WarehouseUnavailableError when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WarehouseUnavailableError(`The warehouse did not answer ${what} within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
