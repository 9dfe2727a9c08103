/**
 * Session parameters as the protocol carries them: a session keeps the parameters set at its
 * level (sent at login in SESSION_PARAMETERS, or by ALTER SESSION, engine/session-parameters.ts),
 * and login and result envelopes report the defaults overlaid with them. snowflake-sdk decodes
 * result cells with the result's list (lib/connection/result/column.js reads the *_OUTPUT_FORMAT
 * entries, TIMEZONE and JS_TREAT_INTEGER_AS_BIGINT) and stores login's list module-globally.
 * https://docs.snowflake.com/en/sql-reference/parameters
 */
import { defaultOf } from '../engine/session-parameters';
import type { ParameterValue } from '../engine/types';

export type { ParameterValue } from '../engine/types';
export type SessionParameters = Record<string, ParameterValue>;

/** The parameters every envelope reports, those the driver reads among them. */
const REPORTED = [
  'TIMEZONE',
  'AUTOCOMMIT',
  'DATE_OUTPUT_FORMAT',
  'TIME_OUTPUT_FORMAT',
  'TIMESTAMP_OUTPUT_FORMAT',
  'TIMESTAMP_NTZ_OUTPUT_FORMAT',
  'TIMESTAMP_LTZ_OUTPUT_FORMAT',
  'TIMESTAMP_TZ_OUTPUT_FORMAT',
  'BINARY_OUTPUT_FORMAT',
  'JS_TREAT_INTEGER_AS_BIGINT',
  'CLIENT_SESSION_KEEP_ALIVE',
  'CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY',
];

/**
 * Snowflake's documented defaults, except TIMEZONE: Snowflake defaults to America/Los_Angeles,
 * the local warehouse starts sessions in UTC and says so.
 */
export const DEFAULT_SESSION_PARAMETERS: Readonly<SessionParameters> = Object.fromEntries(REPORTED.map((name) => [name, defaultOf(name)]));

function isParameterValue(value: unknown): value is ParameterValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The scalar parameters a client sent at login (SESSION_PARAMETERS), set at the session's level.
 * Names are case-insensitive in Snowflake, so they are upper-cased; non-scalars are ignored.
 */
export function sessionLevelParameters(requested: unknown): SessionParameters {
  const parameters: SessionParameters = {};
  if (typeof requested !== 'object' || requested === null) return parameters;
  for (const [name, value] of Object.entries(requested)) {
    if (isParameterValue(value)) parameters[name.toUpperCase()] = value;
  }
  return parameters;
}

/** The wire form, `[{name, value}]`: the defaults overlaid with what the session set. */
export function parameterList(parameters: Readonly<SessionParameters>): { name: string; value: ParameterValue }[] {
  return Object.entries({ ...DEFAULT_SESSION_PARAMETERS, ...parameters }).map(([name, value]) => ({ name, value }));
}
