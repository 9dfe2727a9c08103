/**
 * Snowflake's error codes, SQL states and message shapes for the failures the local warehouse
 * produces, and the mapping from DuckDB's errors (read as JSON: the database runs with
 * `errors_as_json`) onto them. Codes and texts follow what Snowflake returns for the same
 * mistake, so clients and people see familiar errors.
 */
import type { SnowflakeError } from './types';

/** An error that already carries the Snowflake code and message to report. */
export class SnowflakeQueryError extends Error {
  constructor(readonly snowflake: SnowflakeError) {
    super(snowflake.message);
    this.name = 'SnowflakeQueryError';
  }
}

const COMPILATION = 'SQL compilation error:';

export const snowflakeErrors = {
  syntax: (line: number, position: number, unexpected: string): SnowflakeError => ({
    code: '001003',
    sqlState: '42000',
    message: `${COMPILATION}\nsyntax error line ${line} at position ${position} unexpected '${unexpected}'.`,
  }),
  objectNotFound: (name: string): SnowflakeError => ({
    code: '002003',
    sqlState: '42S02',
    message: `${COMPILATION}\nObject '${name}' does not exist or not authorized.`,
  }),
  schemaNotFound: (name: string): SnowflakeError => ({
    code: '002003',
    sqlState: '02000',
    message: `${COMPILATION}\nSchema '${name}' does not exist or not authorized.`,
  }),
  databaseNotFound: (name: string): SnowflakeError => ({
    code: '002003',
    sqlState: '02000',
    message: `${COMPILATION}\nDatabase '${name}' does not exist or not authorized.`,
  }),
  alreadyExists: (name: string): SnowflakeError => ({
    code: '002002',
    sqlState: '42710',
    message: `${COMPILATION}\nObject '${name}' already exists.`,
  }),
  invalidIdentifier: (line: number, position: number, name: string): SnowflakeError => ({
    code: '000904',
    sqlState: '42000',
    message: `${COMPILATION} error line ${line} at position ${position}\ninvalid identifier '${name}'`,
  }),
  unknownFunction: (name: string): SnowflakeError => ({
    code: '002140',
    sqlState: '42601',
    message: `${COMPILATION}\nUnknown function ${name}`,
  }),
  /** A compilation error with a message of our own (bad arguments to a Snowflake function …). */
  compilation: (detail: string): SnowflakeError => ({
    code: '002000',
    sqlState: '42000',
    message: `${COMPILATION}\n${detail}`,
  }),
  numericNotRecognized: (value: string): SnowflakeError => ({
    code: '100038',
    sqlState: '22018',
    message: `Numeric value '${value}' is not recognized`,
  }),
  divisionByZero: (): SnowflakeError => ({ code: '100051', sqlState: '22012', message: 'Division by zero' }),
  canceled: (): SnowflakeError => ({ code: '000604', sqlState: '57014', message: 'SQL execution canceled' }),
  statementCount: (actual: number): SnowflakeError => ({
    code: '000008',
    sqlState: '0A000',
    message: `Actual statement count ${actual} did not match the desired statement count 1.`,
  }),
  emptyStatement: (): SnowflakeError => ({
    code: '000900',
    sqlState: '42000',
    message: `${COMPILATION}\nEmpty SQL statement.`,
  }),
  statementNotFound: (queryId: string): SnowflakeError => ({
    code: '000709',
    sqlState: '02000',
    message: `Statement ${queryId} not found`,
  }),
  restarted: (): SnowflakeError => ({
    code: '000603',
    sqlState: 'XX000',
    message: 'SQL execution internal error: the local warehouse restarted while the query was queued or running.',
  }),
  warehouseClosing: (): SnowflakeError => ({
    code: '000603',
    sqlState: 'XX000',
    message: 'SQL execution internal error: the local warehouse is shutting down.',
  }),
  execution: (message: string): SnowflakeError => ({ code: '100000', sqlState: '22000', message }),
};

interface DuckDBErrorJson {
  exception_type?: string;
  exception_message?: string;
  error_subtype?: string;
  position?: string;
  type?: string;
  name?: string;
}

/** Error types DuckDB raises while parsing or binding, before any row is read. */
const COMPILE_TIME = new Set(['Parser', 'Binder', 'Catalog', 'Not implemented', 'Dependency']);

/**
 * The Snowflake error for a DuckDB error thrown while running `sql`. `positionShift` is how
 * many characters the executed text had in front of `sql` (a wrapper), so positions point
 * into `sql`.
 */
export function fromDuckDBError(error: unknown, sql: string, positionShift = 0): SnowflakeError {
  if (error instanceof SnowflakeQueryError) return error.snowflake;
  const raw = error instanceof Error ? error.message : String(error);
  const parsed = parseDuckDBError(raw);
  if (!parsed) return snowflakeErrors.execution(raw);

  const type = parsed.exception_type ?? '';
  const message = parsed.exception_message ?? raw;
  const offset = parsed.position === undefined ? null : Number(parsed.position) - positionShift;
  const { line, position } = linePosition(sql, offset ?? 0);

  if (type === 'Parser' && parsed.error_subtype === 'SYNTAX_ERROR') {
    const near = /at or near "(.*)"$/s.exec(message);
    return snowflakeErrors.syntax(line, position, near ? near[1] : '<EOF>');
  }
  const missingCatalog = /^Catalog "(.+)" does not exist!/.exec(message);
  if (missingCatalog) return snowflakeErrors.databaseNotFound(missingCatalog[1]);
  if (type === 'Catalog' && (parsed.type === 'Table' || /^Table with name/.test(message))) {
    const name = parsed.name ?? /^Table with name "?(.+?)"? does not exist/.exec(message)?.[1] ?? '?';
    return snowflakeErrors.objectNotFound(name);
  }
  if (type === 'Catalog' && /Function$/.test(parsed.type ?? '')) {
    return snowflakeErrors.unknownFunction((parsed.name ?? '?').toUpperCase());
  }
  if (type === 'Binder' && parsed.error_subtype === 'COLUMN_NOT_FOUND' && parsed.name) {
    return snowflakeErrors.invalidIdentifier(line, position, parsed.name);
  }
  const qualified = /^Table "(.+)" does not have a column named "(.+)"/.exec(message);
  if (type === 'Binder' && qualified) {
    return snowflakeErrors.invalidIdentifier(line, position, `${qualified[1]}.${qualified[2]}`);
  }
  if (message === 'Division by zero') return snowflakeErrors.divisionByZero();
  const notNumeric = /^Could not convert string '(.*)' to (U?INT\d+|DECIMAL|DOUBLE|FLOAT|INT128)/s.exec(message);
  if (type === 'Conversion' && notNumeric) return snowflakeErrors.numericNotRecognized(notNumeric[1]);
  if (COMPILE_TIME.has(type)) {
    return { code: '100000', sqlState: '42000', message: `${COMPILATION}\n${type} error: ${message}` };
  }
  return snowflakeErrors.execution(`${type} error: ${message}`);
}

function parseDuckDBError(raw: string): DuckDBErrorJson | null {
  // Parser errors arrive as `Parser Error: {json}`, the others as bare JSON.
  const start = raw.indexOf('{');
  if (start === -1) return null;
  try {
    const value: unknown = JSON.parse(raw.slice(start));
    return typeof value === 'object' && value !== null ? (value as DuckDBErrorJson) : null;
  } catch {
    return null;
  }
}

/** Snowflake reports 1-based lines and 0-based positions within the line. */
function linePosition(sql: string, offset: number): { line: number; position: number } {
  const before = sql.slice(0, Math.max(0, Math.min(offset, sql.length)));
  const lines = before.split('\n');
  return { line: lines.length, position: lines[lines.length - 1].length };
}
