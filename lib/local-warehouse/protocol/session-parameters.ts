/**
 * Session parameters the local warehouse reports in login and result envelopes. snowflake-sdk
 * decodes result cells with them (lib/connection/result/column.js reads the *_OUTPUT_FORMAT
 * entries, TIMEZONE and JS_TREAT_INTEGER_AS_BIGINT) and stores login's list module-globally.
 */

export type ParameterValue = string | number | boolean;
export type SessionParameters = Record<string, ParameterValue>;

/**
 * Snowflake's documented defaults, except TIMEZONE: Snowflake defaults to America/Los_Angeles,
 * the local warehouse keeps DuckDB's clock in UTC and says so.
 */
export const DEFAULT_SESSION_PARAMETERS: Readonly<SessionParameters> = {
  TIMEZONE: 'Etc/UTC',
  AUTOCOMMIT: true,
  DATE_OUTPUT_FORMAT: 'YYYY-MM-DD',
  TIME_OUTPUT_FORMAT: 'HH24:MI:SS',
  TIMESTAMP_OUTPUT_FORMAT: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM',
  TIMESTAMP_NTZ_OUTPUT_FORMAT: 'YYYY-MM-DD HH24:MI:SS.FF3',
  TIMESTAMP_LTZ_OUTPUT_FORMAT: '',
  TIMESTAMP_TZ_OUTPUT_FORMAT: '',
  BINARY_OUTPUT_FORMAT: 'HEX',
  JS_TREAT_INTEGER_AS_BIGINT: false,
  CLIENT_SESSION_KEEP_ALIVE: false,
  CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY: 3600,
};

function isParameterValue(value: unknown): value is ParameterValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The defaults overlaid with the scalar parameters a client sent (login's SESSION_PARAMETERS).
 * Names are case-insensitive in Snowflake, so they are upper-cased; non-scalars are ignored.
 */
export function mergeSessionParameters(requested: unknown): SessionParameters {
  const merged: SessionParameters = { ...DEFAULT_SESSION_PARAMETERS };
  if (typeof requested !== 'object' || requested === null) return merged;
  for (const [name, value] of Object.entries(requested)) {
    if (isParameterValue(value)) merged[name.toUpperCase()] = value;
  }
  return merged;
}

/** The wire form: `[{name, value}]`. */
export function parameterList(parameters: SessionParameters): { name: string; value: ParameterValue }[] {
  return Object.entries(parameters).map(([name, value]) => ({ name, value }));
}
