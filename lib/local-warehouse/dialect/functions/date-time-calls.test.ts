import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../../engine/snowflake-errors';
import { rewriteDateTimeCalls } from './date-time-calls';

function failure(sql: string): { code: string; message: string } | string {
  try {
    rewriteDateTimeCalls(sql);
  } catch (error) {
    return error instanceof SnowflakeQueryError ? { code: error.snowflake.code, message: error.snowflake.message } : 'not a Snowflake error';
  }
  return 'no error';
}

describe('rewriteDateTimeCalls', () => {
  it('gives DATEADD and its aliases a calendar part by name and a fixed one by its nanoseconds', () => {
    expect(rewriteDateTimeCalls('SELECT DATEADD(MONS, 1, D) FROM T')).toBe("SELECT SF_DATEADD_CALENDAR('MONTH', 1, D) FROM T");
    expect(rewriteDateTimeCalls("SELECT TIMESTAMPADD('hour', -1, CURRENT_TIMESTAMP)")).toBe(
      'SELECT SF_DATEADD_FIXED(3600000000000, -1, CURRENT_TIMESTAMP)',
    );
    expect(rewriteDateTimeCalls('SELECT TIMEADD(NS, 5, T), DATE_ADD(WOY, 2, D)')).toBe(
      "SELECT SF_DATEADD_FIXED(1, 5, T), SF_DATEADD_CALENDAR('WEEK', 2, D)",
    );
  });

  it('rewrites DATEDIFF, DATE_TRUNC, DATE_PART, EXTRACT, LAST_DAY and TIME_SLICE', () => {
    expect(rewriteDateTimeCalls("SELECT TIMESTAMPDIFF(YY, A, B), DATEDIFF('ms', A, B)")).toBe(
      "SELECT SF_DATEDIFF_CALENDAR('YEAR', A, B), SF_DATEDIFF_FIXED(1000000, A, B)",
    );
    expect(rewriteDateTimeCalls("SELECT DATE_TRUNC('week', D), DATE_TRUNC(NS, T)")).toBe(
      "SELECT SF_DATE_TRUNC('WEEK', D), SF_DATE_TRUNC('MICROSECOND', T)",
    );
    expect(rewriteDateTimeCalls("SELECT DATE_PART(DOW, D), EXTRACT(EPOCH FROM T), EXTRACT('quarter', T)")).toBe(
      'SELECT DAYOFWEEK(D), SF_EPOCH_SECOND(T), QUARTER(T)',
    );
    expect(rewriteDateTimeCalls("SELECT LAST_DAY(D), LAST_DAY(D, 'y')")).toBe("SELECT SF_LAST_DAY('MONTH', D), SF_LAST_DAY('YEAR', D)");
    expect(rewriteDateTimeCalls("SELECT TIME_SLICE(T, 4, 'MONTH', 'end'), TIME_SLICE(T, 8, 'HOUR')")).toBe(
      "SELECT SF_TIME_SLICE(T, 4, 'MONTH', 'END'), SF_TIME_SLICE(T, 8, 'HOUR', 'START')",
    );
  });

  it('rewrites nested calls inside the arguments of others', () => {
    expect(rewriteDateTimeCalls("SELECT DATEDIFF(day, DATE_TRUNC('month', D), DATEADD(month, 1, D))")).toBe(
      "SELECT SF_DATEDIFF_CALENDAR('DAY', SF_DATE_TRUNC('MONTH', D), SF_DATEADD_CALENDAR('MONTH', 1, D))",
    );
    expect(rewriteDateTimeCalls('SELECT COALESCE(YEAR(D), DATEADD(DAY, 1, D)) FROM T')).toBe(
      "SELECT COALESCE(YEAR(D), SF_DATEADD_CALENDAR('DAY', 1, D)) FROM T",
    );
  });

  it('leaves statements without date functions, strings and qualified names as they are', () => {
    for (const sql of ["SELECT 'DATEADD(day, 1, d)'", 'SELECT S.DATEADD(DAY, 1, D)', 'SELECT YEAR FROM T', 'SELECT DATEADD(DAY, 1']) {
      expect(rewriteDateTimeCalls(sql), sql).toBe(sql);
    }
  });

  it('refuses a part the function does not take, and a wrong argument count, as Snowflake does', () => {
    expect(failure('SELECT DATEADD(FORTNIGHT, 1, D)')).toEqual({
      code: '002000',
      message: "SQL compilation error: error line 1 at position 15\ninvalid date or time part 'FORTNIGHT' for function DATEADD",
    });
    expect(failure("SELECT LAST_DAY(D, 'day')")).toMatchObject({ message: expect.stringContaining("invalid date or time part 'day' for function LAST_DAY") });
    expect(failure('SELECT DATE_TRUNC(P || 1, D)')).toMatchObject({ message: expect.stringContaining("invalid date or time part 'P || 1'") });
    expect(failure('SELECT DATEADD(DAY, 1)')).toEqual({
      code: '000938',
      message: 'SQL compilation error: error line 1 at position 7\nnot enough arguments for function [DATEADD], expected 3, got 2',
    });
    expect(failure("SELECT TIME_SLICE(T, 1, 'DAY', 'MIDDLE')")).toMatchObject({ message: expect.stringContaining("'START' or 'END'") });
    expect(failure('SELECT DATE_PART(YEAR, D, 1)')).toMatchObject({ code: '000939' });
  });
});
