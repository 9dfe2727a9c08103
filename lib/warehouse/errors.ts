import 'server-only';
/**
 * The two ways a warehouse call fails, as the rest of the dashboard needs to tell them apart:
 * the warehouse could not be reached (keep the work, retry later, show it in the health badge),
 * or it answered with an error of its own (record it: retrying gives the same answer).
 */
import './quiet-aws-warning';
import snowflake from 'snowflake-sdk';
import { isWarehouseError, isWarehouseUnavailableError } from '@/lib/domain/error-kinds';

export class WarehouseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WarehouseUnavailableError';
  }
}

export class WarehouseError extends Error {
  constructor(
    message: string,
    /** Snowflake's error code, e.g. "001003" for a SQL compilation error. */
    readonly code: string | null,
    readonly sqlState: string | null,
    /** The query the warehouse created before failing it, when it says so. */
    readonly queryId: string | null = null,
  ) {
    super(message);
    this.name = 'WarehouseError';
  }
}

/** A refusal as the user reads it, with Snowflake's code to look up. */
export function describeRefusal(error: WarehouseError): string {
  return `The warehouse refused: ${error.message}${error.code ? ` (error ${error.code})` : ''}`;
}

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
