import { describe, expect, it } from 'vitest';
import { checkedValue, parameterValue, requireParameter, statementTimeoutSeconds, timeZoneOf } from './session-parameters';

const written = (value: string | number | boolean, text = String(value)) => ({ value, written: text });

describe('checkedValue', () => {
  it('takes any valid value of a parameter whose effect the local warehouse has, normalised as Snowflake keeps it', () => {
    expect(checkedValue('TIMEZONE', written('Asia/Kolkata'))).toBe('Asia/Kolkata');
    expect(checkedValue('BINARY_OUTPUT_FORMAT', written('base64'))).toBe('BASE64');
    expect(checkedValue('USE_CACHED_RESULT', written('false'))).toBe(false);
    expect(checkedValue('STATEMENT_TIMEOUT_IN_SECONDS', written('60'))).toBe(60);
    expect(checkedValue('AUTOCOMMIT', written(true))).toBe(true);
  });

  it('answers 001006 for a name Snowflake does not have and 001008 for a value the parameter cannot take', () => {
    expect(() => checkedValue('NO_SUCH', written(1))).toThrow("SQL compilation error:\ninvalid parameter 'NO_SUCH'");
    expect(() => checkedValue('TIMEZONE', written('Not/AZone'))).toThrow("invalid value [Not/AZone] for parameter 'TIMEZONE'");
    expect(() => checkedValue('TIMEZONE', written(5))).toThrow("invalid value [5] for parameter 'TIMEZONE'");
    expect(() => checkedValue('WEEK_START', written(9))).toThrow("invalid value [9] for parameter 'WEEK_START'");
    expect(() => checkedValue('STATEMENT_TIMEOUT_IN_SECONDS', written(-5))).toThrow("invalid value [-5] for parameter");
    expect(() => checkedValue('USE_CACHED_RESULT', written('maybe'))).toThrow("invalid value [maybe] for parameter 'USE_CACHED_RESULT'");
    expect(() => checkedValue('QUERY_TAG', written(5))).toThrow("invalid value [5] for parameter 'QUERY_TAG'");
    expect(() => checkedValue('BINARY_OUTPUT_FORMAT', written('UTF-8'))).toThrow("invalid value [UTF-8]");
  });

  it('answers 000002 for a value whose effect the local warehouse does not have, and takes such a parameter\'s default', () => {
    expect(() => checkedValue('AUTOCOMMIT', written(false, 'FALSE'))).toThrow("Unsupported feature 'ALTER SESSION SET AUTOCOMMIT = FALSE'");
    expect(() => checkedValue('WEEK_START', written(1))).toThrow("Unsupported feature 'ALTER SESSION SET WEEK_START = 1'");
    expect(() => checkedValue('LOCK_TIMEOUT', written(3600))).toThrow('Unsupported feature');
    expect(checkedValue('LOCK_TIMEOUT', written(43200))).toBe(43200);
    expect(checkedValue('ROWS_PER_RESULTSET', written(0))).toBe(0);
  });
});

describe('session values', () => {
  it('are what the session set, else the default', () => {
    const settings = { variables: {}, parameters: { TIMEZONE: 'Europe/Paris', STATEMENT_TIMEOUT_IN_SECONDS: 0 } };
    expect(timeZoneOf(settings)).toBe('Europe/Paris');
    expect(timeZoneOf(undefined)).toBe('Etc/UTC');
    expect(parameterValue(settings, 'WEEK_START')).toBe(0);
    // 0 means the longest a statement may run: seven days.
    expect(statementTimeoutSeconds(settings)).toBe(604_800);
    expect(statementTimeoutSeconds(undefined)).toBe(172_800);
    expect(() => requireParameter('NOPE')).toThrow("invalid parameter 'NOPE'");
  });
});
