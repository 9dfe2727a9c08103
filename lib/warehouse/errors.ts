import 'server-only';
/**
 * The two ways a warehouse call fails, as the rest of the dashboard needs to tell them apart:
 * the warehouse could not be reached (keep the work, retry later, show it in the health badge),
 * or it answered with an error of its own (record it: retrying gives the same answer).
 */
import { errorNamed } from '@/lib/errors/named';

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

export const isWarehouseError = errorNamed<WarehouseError>('WarehouseError');
export const isWarehouseUnavailableError = errorNamed<WarehouseUnavailableError>('WarehouseUnavailableError');
