/**
 * Snowflake's error codes, SQL states and message shapes for the failures the local warehouse
 * produces, and the mapping from DuckDB's errors (read as JSON: the database runs with
 * `errors_as_json`) onto them. Codes and texts follow what Snowflake returns for the same
 * mistake, so clients and people see familiar errors.
 */
import { isSymbol, type Token } from '@/lib/domain/sql/lexer';
import { RAISED_ERROR } from '../dialect/functions/raise';
import { SNOWFLAKE_FUNCTION_NAMES } from '../dialect/snowflake-function-names';
import { engineMessageAsSnowflake, namesCall } from './engine-messages';
import { identifierName, significantTokens } from '../dialect/tokens';
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
  /** A placeholder (`?` or `:n`) the request binds no value to. */
  bindNotSet: (line: number, position: number, placeholder: string): SnowflakeError => ({
    code: '002049',
    sqlState: '42601',
    message: `${COMPILATION} error line ${line} at position ${position}\nBind variable ${placeholder} not set.`,
  }),
  numericNotRecognized: (value: string): SnowflakeError => ({
    code: '100038',
    sqlState: '22018',
    message: `Numeric value '${value}' is not recognized`,
  }),
  numericOutOfRange: (value: string): SnowflakeError => ({
    code: '100039',
    sqlState: '22003',
    message: `Numeric value '${value}' is out of range`,
  }),
  /** A regular expression RE2 cannot compile: the part it names, and why. */
  invalidRegularExpression: (pattern: string, reason: string): SnowflakeError => ({
    code: '100048',
    sqlState: '2201B',
    message: `Invalid regular expression: '${pattern}', ${reason}`,
  }),
  canceled: (): SnowflakeError => ({ code: '000604', sqlState: '57014', message: 'SQL execution canceled' }),
  /** A request's statements counted against its MULTI_STATEMENT_COUNT (1 unless the client sends another). */
  statementCount: (actual: number, desired = 1): SnowflakeError => ({
    code: '000008',
    sqlState: '0A000',
    message: `Actual statement count ${actual} did not match the desired statement count ${desired}.`,
  }),
  /**
   * A statement of a multi-statement request failed: Snowflake runs the request as its
   * SYSTEM$MULTISTMT procedure, which names the statement by its first 30 characters and where
   * it starts in the request (0-based position), and stops there.
   */
  multiStatementFailed: (statement: string, line: number, position: number, failure: string): SnowflakeError => ({
    code: '100132',
    sqlState: 'P0000',
    message:
      `JavaScript execution error: Uncaught Execution of multiple statements failed on statement ` +
      `"${statement.length > 30 ? `${statement.slice(0, 30)}...` : statement}" (at line ${line}, position ${position}).\n` +
      `${failure} in SYSTEM$MULTISTMT at '    throw \`Execution of multiple statements failed on statement {0} ` +
      `(at line {1}, position {2}).\`.replace('{1}', LINES[i])' position 4\nstackstrace: \nSYSTEM$MULTISTMT line: 10`,
  }),
  /** A type name Snowflake does not have. */
  unsupportedType: (name: string): SnowflakeError => ({
    code: '002040',
    sqlState: '42601',
    message: `${COMPILATION}\nUnsupported data type '${name}'.`,
  }),
  unsupported: (feature: string): SnowflakeError => ({
    code: '000002',
    sqlState: '0A000',
    message: `Unsupported feature '${feature}' in the local warehouse.`,
  }),
  /** `$NAME` where the session has no variable NAME (SET); position of the `$`. */
  variableNotFound: (line: number, position: number, name: string): SnowflakeError => ({
    code: '002211',
    sqlState: '02000',
    message: `${COMPILATION} error line ${line} at position ${position}\nSession variable '$${name}' does not exist`,
  }),
  /** SET of a string or binary value larger than a session variable holds. */
  variableTooLarge: (name: string, bytes: number, limit: number): SnowflakeError => ({
    code: '002000',
    sqlState: '22000',
    message: `Assignment to '${name}' not done because value exceeds size limit for variables. Its size is ${bytes}; the limit is ${limit} (internal storage size in bytes).`,
  }),
  /** ALTER SESSION of a parameter Snowflake does not have. */
  invalidParameter: (name: string): SnowflakeError => ({
    code: '001006',
    sqlState: '22023',
    message: `${COMPILATION}\ninvalid parameter '${name}'`,
  }),
  /** ALTER SESSION SET of a value the parameter cannot take; `value` as written. */
  invalidParameterValue: (value: string, name: string): SnowflakeError => ({
    code: '001008',
    sqlState: '22023',
    message: `${COMPILATION}\ninvalid value [${value}] for parameter '${name}'`,
  }),
  /** A statement that ran longer than the session's STATEMENT_TIMEOUT_IN_SECONDS. */
  statementTimeout: (seconds: number): SnowflakeError => ({
    code: '000630',
    sqlState: '57014',
    message: `Statement reached its statement or warehouse timeout of ${seconds} second(s) and was canceled.`,
  }),
  /** A query that must give one row (SET of a subquery's columns) gave more. */
  singleRowSubquery: (): SnowflakeError => ({
    code: '090150',
    sqlState: '22000',
    message: 'Single-row subquery returns more than one row.',
  }),
  /** A MERGE that would update one target row from several source rows (ERROR_ON_NONDETERMINISTIC_MERGE). */
  duplicateDmlRow: (rowValues: string): SnowflakeError => ({
    code: '100090',
    sqlState: '42P18',
    message: `Duplicate row detected during DML action\nRow Values: ${rowValues}`,
  }),
  /** A read-order clause, `FIRST ( alias )` or `LAST ( alias )`, on a join that is not DIRECTED. */
  readOrderOnUndirectedJoin: (): SnowflakeError => ({
    code: '001867',
    sqlState: '42601',
    message: `${COMPILATION} FIRST or LAST is only valid on a DIRECTED JOIN.`,
  }),
  /** USE WAREHOUSE of a warehouse that does not exist. */
  objectUnavailable: (): SnowflakeError => ({
    code: '002043',
    sqlState: '02000',
    message: `${COMPILATION}\nObject does not exist, or operation cannot be performed.`,
  }),
  warehouseNotFound: (name: string): SnowflakeError => ({
    code: '002003',
    sqlState: '02000',
    message: `${COMPILATION}\nWarehouse '${name}' does not exist or not authorized.`,
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

/** A number as text: DuckDB's DECIMAL cast fails on these only when they do not fit. */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** RE2's reasons for refusing a pattern, as DuckDB reports them: `<reason>: <the part at fault>`. */
const RE2_ERROR =
  /^(missing \)|missing \]|unexpected \)|trailing \\|invalid escape sequence|invalid character class|invalid character class range|no argument for repetition operator|invalid repetition size|bad repetition operator|invalid perl operator|invalid UTF-8|invalid named capture group|bad named capture group|invalid nested repetition operator): (.*)$/s;

/** Error types DuckDB raises while parsing or binding, before any row is read. */
const COMPILE_TIME = new Set(['Parser', 'Binder', 'Catalog', 'Not implemented', 'Dependency']);

export interface DuckDBErrorContext {
  /** How many characters the executed text had in front of `sql` (a wrapper), so positions point into `sql`. */
  positionShift?: number;
  /** The session's database: Snowflake names a missing schema with its database. */
  database?: string;
  /** The statement as the user wrote it, when `sql` is its rewrite: only its words may be quoted back. */
  statement?: string;
}

/** The Snowflake error for a DuckDB error thrown while running `sql`. */
export function fromDuckDBError(error: unknown, sql: string, context: DuckDBErrorContext = {}): SnowflakeError {
  if (error instanceof SnowflakeQueryError) return error.snowflake;
  const raw = error instanceof Error ? error.message : String(error);
  const parsed = parseDuckDBError(raw);
  // Not DuckDB's (a failure of the warehouse's own code): its text names no engine internals.
  if (!parsed) return snowflakeErrors.execution(raw);

  const type = parsed.exception_type ?? '';
  const message = parsed.exception_message ?? raw;
  const raised = RAISED_ERROR.exec(message);
  if (raised) return { code: raised[1], sqlState: raised[2], message: raised[3] };
  const offset = parsed.position === undefined ? null : Number(parsed.position) - (context.positionShift ?? 0);
  const { line, position } = linePosition(sql, offset ?? 0);

  if (type === 'Parser' && parsed.error_subtype === 'SYNTAX_ERROR') {
    const near = /at or near "(.*)"$/s.exec(message);
    return snowflakeErrors.syntax(line, position, near ? near[1] : '<EOF>');
  }
  const missingCatalog = /^Catalog "(.+)" does not exist!/.exec(message);
  if (missingCatalog) return snowflakeErrors.databaseNotFound(missingCatalog[1]);
  const missingSchema =
    /does not exist because schema "(.+?)" does not exist/.exec(message) ?? /^Schema with name "?(.+?)"? does not exist/.exec(message);
  if (type === 'Catalog' && missingSchema) {
    return snowflakeErrors.schemaNotFound(qualifiedSchema(sql, missingSchema[1], context.database));
  }
  if (type === 'Catalog' && (parsed.type === 'Table' || /^Table with name/.test(message))) {
    const name = parsed.name ?? /^Table with name "?(.+?)"? does not exist/.exec(message)?.[1] ?? '?';
    return snowflakeErrors.objectNotFound(name);
  }
  const site = { line, position, rest: sql.slice(Math.max(0, offset ?? 0)), statement: context.statement ?? sql };
  if (type === 'Catalog' && /Function$/.test(parsed.type ?? '') && parsed.name && namesCall(site.statement, parsed.name)) {
    const name = parsed.name.toUpperCase();
    // A Snowflake function the local warehouse lacks is a missing feature, not a misspelling.
    return SNOWFLAKE_FUNCTION_NAMES.has(name) ? snowflakeErrors.unsupported(`function ${name}`) : snowflakeErrors.unknownFunction(name);
  }
  if (type === 'Binder' && parsed.error_subtype === 'COLUMN_NOT_FOUND' && parsed.name) {
    return snowflakeErrors.invalidIdentifier(line, position, parsed.name);
  }
  const qualified = /^Table "(.+)" does not have a column named "(.+)"/.exec(message);
  if (type === 'Binder' && qualified) {
    return snowflakeErrors.invalidIdentifier(line, position, `${qualified[1]}.${qualified[2]}`);
  }
  // INSERT's column list and UPDATE's SET name a column DuckDB reports without a position.
  const targetColumn =
    /^Table ".+?" does not have a column with name "(.+?)"/.exec(message) ?? /^Referenced update column (.+?) not found in table!/.exec(message);
  if (type === 'Binder' && targetColumn) {
    const at = linePosition(sql, nameOffset(sql, targetColumn[1]));
    return snowflakeErrors.invalidIdentifier(at.line, at.position, targetColumn[1]);
  }
  if (/^More than one row returned by a subquery used as an expression/.test(message)) return snowflakeErrors.singleRowSubquery();
  const badPattern = RE2_ERROR.exec(message);
  if (type === 'Invalid Input' && badPattern) {
    // The regex functions put the parameters in front as inline flags (dialect/functions/regex.ts).
    return snowflakeErrors.invalidRegularExpression(badPattern[2].replace(/^\(\?[ims]+\)/, ''), badPattern[1]);
  }
  // DuckDB quotes the text in double quotes for DECIMAL, in single quotes for the other types.
  const notNumeric = /^Could not convert string (?:'(.*)'|"(.*)") to (U?INT\d+|DECIMAL|DOUBLE|FLOAT|INT128)/s.exec(message);
  if (type === 'Conversion' && notNumeric) {
    const text = notNumeric[1] ?? notNumeric[2];
    // A number too wide for the DECIMAL's precision is out of range, not unrecognized.
    return NUMBER_TEXT.test(text.trim()) ? snowflakeErrors.numericOutOfRange(text) : snowflakeErrors.numericNotRecognized(text);
  }
  const tooWide =
    /^Casting value "(.*)" to type \S+ failed: value is out of range/s.exec(message) ??
    /^Could not cast value (\S+) to (?:U?INT\d+|DECIMAL|INT128)/.exec(message);
  if (type === 'Conversion' && tooWide) return snowflakeErrors.numericOutOfRange(tooWide[1]);
  // A VARCHAR(n) column's length is a CHECK constraint (dialect/varchar-length.ts), which DuckDB keeps the type of.
  if (/^Cannot change the type of a column that has a CHECK constraint/.test(message)) {
    return snowflakeErrors.unsupported('changing the type of a VARCHAR(n) column');
  }
  return engineMessageAsSnowflake(type, message, COMPILE_TIME.has(type), site);
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

/** True when the token is an identifier naming `name` (DuckDB reports names without their case). */
function names(token: Token, name: string): boolean {
  return (token.kind === 'identifier' || token.kind === 'quoted_identifier') && identifierName(token).toUpperCase() === name.toUpperCase();
}

/** Where `name` is first written as an identifier in `sql` (0 when it is not). */
function nameOffset(sql: string, name: string): number {
  return significantTokens(sql).find((token) => names(token, name))?.start ?? 0;
}

/** `S` as Snowflake names it: `D.S`, the database written in front of it or else the session's. */
function qualifiedSchema(sql: string, schema: string, database: string | undefined): string {
  const tokens = significantTokens(sql);
  const at = tokens.findIndex((token, i) => names(token, schema) && isSymbol(tokens[i + 1], '.'));
  const written = at >= 2 && isSymbol(tokens[at - 1], '.') ? identifierName(tokens[at - 2]) : null;
  const prefix = written ?? database;
  return prefix ? `${prefix}.${schema}` : schema;
}

/** Snowflake reports 1-based lines and 0-based positions within the line. */
export function linePosition(sql: string, offset: number): { line: number; position: number } {
  const before = sql.slice(0, Math.max(0, Math.min(offset, sql.length)));
  const lines = before.split('\n');
  return { line: lines.length, position: lines[lines.length - 1].length };
}
