/**
 * Exceptions inside a Snowflake Scripting block. A failing statement raises STATEMENT_ERROR, a
 * failing expression EXPRESSION_ERROR, RAISE a declared exception; handlers match them by kind
 * and read SQLCODE, SQLERRM and SQLSTATE from them. One that no handler catches leaves the
 * block as Snowflake reports it: the error's code and state, and the message
 * `Uncaught exception of type 'NAME' on line L at position P : message`.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/exceptions
 */
import type { Position } from '@/lib/domain/scripting/ast';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { SnowflakeError } from '../engine/types';

/** A declared exception (`e EXCEPTION (code, 'message')`): handlers match it by identity, not by name. */
export interface DeclaredException {
  name: string;
  code: number;
  message: string;
}

export type ExceptionKind = 'STATEMENT_ERROR' | 'EXPRESSION_ERROR' | DeclaredException;

/** An exception raised in a block, on its way to a handler. */
export class ScriptException extends Error {
  constructor(
    readonly kind: ExceptionKind,
    readonly error: SnowflakeError,
    /** Where the statement that raised it starts in the block's text. */
    readonly at: Position,
  ) {
    super(error.message);
    this.name = 'ScriptException';
  }

  get typeName(): string {
    return typeof this.kind === 'string' ? this.kind : this.kind.name;
  }
}

/**
 * The block's own query was cancelled. Not an exception of the block: no handler catches it, and
 * the interpreter stops at once.
 */
export class ScriptAborted extends Error {
  constructor() {
    super('SQL execution canceled');
    this.name = 'ScriptAborted';
  }
}

/** Snowflake's default for an exception declared without a number (RAISE of `e EXCEPTION;`). */
export const DEFAULT_EXCEPTION_CODE = -20000;

/** The exception RAISE throws for a declared exception: its number as the code, SQL state P0001. */
export function raised(exception: DeclaredException, at: Position): ScriptException {
  return new ScriptException(exception, { code: String(exception.code), sqlState: 'P0001', message: exception.message }, at);
}

/** A failure of the interpreter's own checks inside a statement: a STATEMENT_ERROR like a failing query's. */
export function statementError(error: SnowflakeError, at: Position): ScriptException {
  return new ScriptException('STATEMENT_ERROR', error, at);
}

/** The error to report for an exception no handler caught. */
export function uncaught(exception: ScriptException): SnowflakeQueryError {
  const { error, at } = exception;
  const where = `Uncaught exception of type '${exception.typeName}' on line ${at.line} at position ${at.column - 1}`;
  return new SnowflakeQueryError({ ...error, message: error.message ? `${where} : ${error.message}` : where });
}

/** SQLCODE: the error's code as a signed integer (`002003` → 2003, `-20002` → -20002). */
export function sqlCode(error: SnowflakeError): number | null {
  const n = Number(error.code);
  return Number.isInteger(n) ? n : null;
}

export const scriptErrors = {
  /** A name the statement needs that no enclosing block declares (or declares as something else). */
  notDeclared: (what: string, name: string): SnowflakeError =>
    snowflakeErrors.compilation(`${what} '${name}' is not declared in this block or an enclosing one.`),
  /** A RESULTSET whose ASYNC query has not been awaited; Snowflake lets no statement read it before AWAIT. */
  notAwaited: (name: string): SnowflakeError =>
    snowflakeErrors.execution(`The results of RESULTSET '${name}' are not available: its ASYNC query must be awaited (AWAIT ${name}) first.`),
  /** A RESULTSET read before any query was assigned to it. */
  noQuery: (name: string): SnowflakeError => snowflakeErrors.execution(`RESULTSET '${name}' has no query assigned to it.`),
  /** A RESULTSET whose query failed or was cancelled, read afterwards. */
  noResults: (name: string): SnowflakeError => snowflakeErrors.execution(`RESULTSET '${name}' has no results: its query did not succeed.`),
  cursorNotOpen: (name: string): SnowflakeError => snowflakeErrors.execution(`Cursor '${name}' is not open.`),
  cursorAlreadyOpen: (name: string): SnowflakeError => snowflakeErrors.execution(`Cursor '${name}' is already open.`),
  /** Bare RAISE outside an exception handler: there is no exception to raise again. */
  reraiseOutsideHandler: (): SnowflakeError =>
    snowflakeErrors.compilation('RAISE without an exception name is allowed only inside an exception handler.'),
  /** SELECT … INTO a query that gave no row. */
  noRowForInto: (): SnowflakeError => snowflakeErrors.execution('SELECT INTO returned no rows.'),
  /** A FOR loop bound that is not a number. */
  notANumber: (text: string): SnowflakeError => snowflakeErrors.numericNotRecognized(text),
};
