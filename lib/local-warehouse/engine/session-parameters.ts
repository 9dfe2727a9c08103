/**
 * Snowflake's session parameters as the local warehouse keeps them: each one's type, default and
 * the values it can honour, how ALTER SESSION's values are checked, and the effective value of a
 * parameter in a session (set at the session's level, else the default).
 * https://docs.snowflake.com/en/sql-reference/parameters
 * https://docs.snowflake.com/en/sql-reference/sql/alter-session
 *
 * A parameter whose effect the local warehouse has (the output formats and TIMEZONE reach the
 * driver and DuckDB, MULTI_STATEMENT_COUNT and STATEMENT_TIMEOUT_IN_SECONDS are enforced …)
 * takes any valid value. Every other Snowflake parameter listed here takes only its default:
 * another value would be reported as set without changing anything, so it is refused as an
 * unsupported feature. A name Snowflake does not know is refused as Snowflake refuses it.
 */
import { SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { ParameterValue, SessionSettings } from './types';

export type ParameterType = 'BOOLEAN' | 'NUMBER' | 'STRING';

interface ParameterDefinition {
  type: ParameterType;
  default: ParameterValue;
  description: string;
  /**
   * Whether a value of the right type is valid; an invalid one is Snowflake's "invalid value"
   * error. Absent: any value of the type.
   */
  valid?: (value: ParameterValue) => boolean;
  /** Whether the local warehouse honours the value. Absent: only the default. */
  honoured?: (value: ParameterValue) => boolean;
  /** The value as kept, when Snowflake normalises it (BINARY_OUTPUT_FORMAT = base64 → BASE64). */
  normalise?: (value: ParameterValue) => ParameterValue;
}

/**
 * The local warehouse's clock: Snowflake's default is America/Los_Angeles; the local warehouse
 * starts every session in UTC (docs/local-warehouse.md, "Session parameters").
 */
export const DEFAULT_TIME_ZONE = 'Etc/UTC';

/** STATEMENT_TIMEOUT_IN_SECONDS: 0 means the maximum, seven days. */
const MAX_STATEMENT_TIMEOUT_SECONDS = 604_800;

const any = () => true;
const wholeNumber = (min: number, max: number) => (value: ParameterValue) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** A zone name IANA's database knows (ICU, which both Node and DuckDB read, resolves it). */
function isTimeZone(value: ParameterValue): boolean {
  if (typeof value !== 'string' || !/^[A-Za-z]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const PARAMETERS: Readonly<Record<string, ParameterDefinition>> = {
  ACTIVE_PYTHON_PROFILER: { type: 'STRING', default: '', description: 'Which Python profiler runs in procedures: LINE or MEMORY.' },
  ABORT_DETACHED_QUERY: { type: 'BOOLEAN', default: false, description: 'Whether a query is aborted when its connection is lost.' },
  AUTOCOMMIT: {
    type: 'BOOLEAN',
    default: true,
    description: 'Whether each statement commits on its own; the local warehouse runs every statement that way.',
  },
  BINARY_INPUT_FORMAT: { type: 'STRING', default: 'HEX', description: 'The format of text converted to BINARY.' },
  BINARY_OUTPUT_FORMAT: {
    type: 'STRING',
    default: 'HEX',
    description: 'The format in which BINARY values are shown: HEX or BASE64.',
    valid: (value) => typeof value === 'string' && ['HEX', 'BASE64'].includes(value.toUpperCase()),
    honoured: any,
    normalise: (value) => String(value).toUpperCase(),
  },
  CLIENT_MEMORY_LIMIT: { type: 'NUMBER', default: 1536, description: 'Megabytes of memory a client may use for results.', honoured: any },
  CLIENT_PREFETCH_THREADS: { type: 'NUMBER', default: 4, description: 'Threads a client uses to fetch result chunks.', honoured: any },
  CLIENT_RESULT_CHUNK_SIZE: { type: 'NUMBER', default: 160, description: 'Megabytes of a result chunk a client asks for.', honoured: any },
  CLIENT_SESSION_KEEP_ALIVE: {
    type: 'BOOLEAN',
    default: false,
    description: 'Whether the client keeps the session alive with heartbeats.',
    honoured: any,
  },
  CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY: {
    type: 'NUMBER',
    default: 3600,
    description: 'Seconds between the client\'s heartbeats.',
    valid: wholeNumber(900, 3600),
    honoured: any,
  },
  CLIENT_TIMESTAMP_TYPE_MAPPING: { type: 'STRING', default: 'TIMESTAMP_LTZ', description: 'The TIMESTAMP_* type a client binds timestamps as.' },
  DATE_INPUT_FORMAT: { type: 'STRING', default: 'AUTO', description: 'The format of text converted to DATE.' },
  DATE_OUTPUT_FORMAT: { type: 'STRING', default: 'YYYY-MM-DD', description: 'The format in which DATE values are shown.', honoured: any },
  // LAST is what dialect/null-ordering.ts writes out for every sort; FIRST would need the session in the rewrite.
  DEFAULT_NULL_ORDERING: {
    type: 'STRING',
    default: 'LAST',
    description: 'Where NULLs sort: LAST makes them the highest values (last ascending, first descending).',
    valid: (value) => typeof value === 'string' && ['FIRST', 'LAST'].includes(value.toUpperCase()),
    normalise: (value) => String(value).toUpperCase(),
  },
  ENABLE_STRUCTURED_TYPES_IN_CLIENT_RESPONSE: {
    type: 'BOOLEAN',
    default: false,
    description: 'Whether structured types are described as such in results; the local warehouse has none.',
    honoured: any,
  },
  ERROR_ON_NONDETERMINISTIC_MERGE: { type: 'BOOLEAN', default: true, description: 'Whether a MERGE that matches a row twice fails.' },
  ERROR_ON_NONDETERMINISTIC_UPDATE: { type: 'BOOLEAN', default: false, description: 'Whether an UPDATE that matches a row twice fails.' },
  GEOGRAPHY_OUTPUT_FORMAT: { type: 'STRING', default: 'GeoJSON', description: 'The format in which GEOGRAPHY values are shown.' },
  HYBRID_TABLE_LOCK_TIMEOUT: { type: 'NUMBER', default: 3600, description: 'Seconds a statement waits for a row lock on a hybrid table.' },
  JSON_INDENT: { type: 'NUMBER', default: 2, description: 'Spaces each level of JSON output is indented by.' },
  JS_TREAT_INTEGER_AS_BIGINT: {
    type: 'BOOLEAN',
    default: false,
    description: 'Whether the Node.js driver returns integers as BigInt.',
    honoured: any,
  },
  LOG_LEVEL: { type: 'STRING', default: 'OFF', description: 'The severity of log messages procedures and functions record.' },
  LOCK_TIMEOUT: { type: 'NUMBER', default: 43200, description: 'Seconds a statement waits for a lock.' },
  MULTI_STATEMENT_COUNT: {
    type: 'NUMBER',
    default: 1,
    description: 'Statements a request must hold; 0 for any number.',
    valid: wholeNumber(0, Number.MAX_SAFE_INTEGER),
    honoured: any,
  },
  PYTHON_PROFILER_MODULES: { type: 'STRING', default: '', description: 'Modules the Python profiler profiles.' },
  PYTHON_PROFILER_TARGET_STAGE: { type: 'STRING', default: '', description: 'Where the Python profiler writes its output.' },
  QUERY_TAG: {
    type: 'STRING',
    default: '',
    description: 'The tag the session\'s queries carry in QUERY_HISTORY.',
    valid: (value) => typeof value === 'string' && value.length <= 2000,
    honoured: any,
  },
  QUOTED_IDENTIFIERS_IGNORE_CASE: { type: 'BOOLEAN', default: false, description: 'Whether quoted identifiers ignore case.' },
  ROWS_PER_RESULTSET: { type: 'NUMBER', default: 0, description: 'Most rows a result returns; 0 for no limit.' },
  S3_STAGE_VPCE_DNS_NAME: { type: 'STRING', default: '', description: 'The DNS name of an S3 interface endpoint for stages.' },
  SEARCH_PATH: { type: 'STRING', default: '$current, $public', description: 'The schemas searched for unqualified names.' },
  SIMULATED_DATA_SHARING_CONSUMER: { type: 'STRING', default: '', description: 'The consumer account whose view of shared data the session simulates.' },
  STATEMENT_QUEUED_TIMEOUT_IN_SECONDS: { type: 'NUMBER', default: 0, description: 'Seconds a statement may wait queued; 0 for no limit.' },
  STATEMENT_TIMEOUT_IN_SECONDS: {
    type: 'NUMBER',
    default: 172800,
    description: 'Seconds a statement may run before it is canceled; 0 for the maximum (604800).',
    valid: wholeNumber(0, MAX_STATEMENT_TIMEOUT_SECONDS),
    honoured: any,
  },
  STRICT_JSON_OUTPUT: { type: 'BOOLEAN', default: false, description: 'Whether JSON output is strict (no NaN or Infinity).' },
  TIMESTAMP_DAY_IS_ALWAYS_24H: { type: 'BOOLEAN', default: false, description: 'Whether a day added to a TIMESTAMP_LTZ is always 24 hours.' },
  TIMESTAMP_INPUT_FORMAT: { type: 'STRING', default: 'AUTO', description: 'The format of text converted to TIMESTAMP_*.' },
  TIMESTAMP_LTZ_OUTPUT_FORMAT: {
    type: 'STRING',
    default: '',
    description: 'The format in which TIMESTAMP_LTZ values are shown; empty for TIMESTAMP_OUTPUT_FORMAT.',
    honoured: any,
  },
  TIMESTAMP_NTZ_OUTPUT_FORMAT: {
    type: 'STRING',
    default: 'YYYY-MM-DD HH24:MI:SS.FF3',
    description: 'The format in which TIMESTAMP_NTZ values are shown.',
    honoured: any,
  },
  TIMESTAMP_OUTPUT_FORMAT: {
    type: 'STRING',
    default: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM',
    description: 'The format in which TIMESTAMP values are shown.',
    honoured: any,
  },
  TIMESTAMP_TYPE_MAPPING: { type: 'STRING', default: 'TIMESTAMP_NTZ', description: 'The TIMESTAMP_* type TIMESTAMP stands for.' },
  TIMESTAMP_TZ_OUTPUT_FORMAT: {
    type: 'STRING',
    default: '',
    description: 'The format in which TIMESTAMP_TZ values are shown; empty for TIMESTAMP_OUTPUT_FORMAT.',
    honoured: any,
  },
  TIMEZONE: {
    type: 'STRING',
    default: DEFAULT_TIME_ZONE,
    description: 'The session\'s time zone: CURRENT_TIMESTAMP and TIMESTAMP_LTZ values are in it.',
    valid: isTimeZone,
    honoured: any,
  },
  TIME_INPUT_FORMAT: { type: 'STRING', default: 'AUTO', description: 'The format of text converted to TIME.' },
  TIME_OUTPUT_FORMAT: { type: 'STRING', default: 'HH24:MI:SS', description: 'The format in which TIME values are shown.', honoured: any },
  TRACE_LEVEL: { type: 'STRING', default: 'OFF', description: 'Which trace events procedures and functions record.' },
  TRANSACTION_ABORT_ON_ERROR: { type: 'BOOLEAN', default: false, description: 'Whether an error aborts the open transaction.' },
  TRANSACTION_DEFAULT_ISOLATION_LEVEL: { type: 'STRING', default: 'READ COMMITTED', description: 'The isolation level of transactions.' },
  TWO_DIGIT_CENTURY_START: { type: 'NUMBER', default: 1970, description: 'The first year two-digit years are read as.' },
  UNSUPPORTED_DDL_ACTION: { type: 'STRING', default: 'ignore', description: 'What DDL Snowflake does not support does.' },
  USE_CACHED_RESULT: {
    type: 'BOOLEAN',
    default: true,
    description: 'Whether a repeated query may reuse a cached result; the local warehouse runs every query.',
    honoured: any,
  },
  WEEK_OF_YEAR_POLICY: { type: 'NUMBER', default: 0, description: 'How the first week of a year is counted.', valid: wholeNumber(0, 1) },
  WEEK_START: { type: 'NUMBER', default: 0, description: 'The first day of the week (0: ISO Monday, 1 Monday … 7 Sunday).', valid: wholeNumber(0, 7) },
};

/** Every parameter's name, sorted. */
export const PARAMETER_NAMES = Object.keys(PARAMETERS).sort();

function definition(name: string): ParameterDefinition {
  const found = PARAMETERS[name];
  if (!found) throw new SnowflakeQueryError(snowflakeErrors.invalidParameter(name));
  return found;
}

export function defaultOf(name: string): ParameterValue {
  return definition(name).default;
}

export function typeOf(name: string): ParameterType {
  return definition(name).type;
}

export function descriptionOf(name: string): string {
  return definition(name).description;
}

/** The parameter's value in a session: what the session set, else the default. */
export function parameterValue(settings: SessionSettings | undefined, name: string): ParameterValue {
  return settings?.parameters[name] ?? defaultOf(name);
}

/** A value as ALTER SESSION reads it: `written` is its text for error messages. */
export interface WrittenValue {
  value: ParameterValue;
  written: string;
}

/** The value a parameter of `type` takes from what was written, or null when it is of another type. */
function typed(type: ParameterType, { value }: WrittenValue): ParameterValue | null {
  if (type === 'STRING') return typeof value === 'string' ? value : null;
  if (type === 'NUMBER') {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) ? number : null;
  }
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.toUpperCase() : '';
  return text === 'TRUE' ? true : text === 'FALSE' ? false : null;
}

/**
 * The value ALTER SESSION SET gives the parameter: Snowflake's errors for a name it does not know
 * (001006) or a value the parameter cannot take (001008), and 000002 for a value whose effect
 * the local warehouse does not have.
 */
export function checkedValue(name: string, written: WrittenValue): ParameterValue {
  const parameter = definition(name);
  const value = typed(parameter.type, written);
  if (value === null || !(parameter.valid ?? any)(value)) {
    throw new SnowflakeQueryError(snowflakeErrors.invalidParameterValue(written.written, name));
  }
  const kept = parameter.normalise ? parameter.normalise(value) : value;
  const honoured = parameter.honoured ?? ((candidate: ParameterValue) => candidate === parameter.default);
  if (!honoured(kept)) {
    throw new SnowflakeQueryError(snowflakeErrors.unsupported(`ALTER SESSION SET ${name} = ${written.written}`));
  }
  return kept;
}

/** Throws Snowflake's error for a name ALTER SESSION UNSET cannot take. */
export function requireParameter(name: string): void {
  definition(name);
}

/** The session's time zone, which DuckDB's clock and TIMESTAMP_LTZ values follow. */
export function timeZoneOf(settings: SessionSettings | undefined): string {
  return String(parameterValue(settings, 'TIMEZONE'));
}

/** How long a statement of the session may run, in seconds. */
export function statementTimeoutSeconds(settings: SessionSettings | undefined): number {
  const seconds = Number(parameterValue(settings, 'STATEMENT_TIMEOUT_IN_SECONDS'));
  return seconds === 0 ? MAX_STATEMENT_TIMEOUT_SECONDS : seconds;
}
