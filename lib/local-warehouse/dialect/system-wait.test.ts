import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { systemWait } from './system-wait';

describe('systemWait', () => {
  it('turns CALL SYSTEM$WAIT into a one-row select with a hold', () => {
    expect(systemWait('CALL SYSTEM$WAIT(2)')).toEqual({ sql: `SELECT 'waited 2 seconds' AS "SYSTEM$WAIT"`, holdMs: 2000 });
    expect(systemWait("CALL SYSTEM$WAIT(250, 'milliseconds')")).toEqual({
      sql: `SELECT 'waited 250 milliseconds' AS "SYSTEM$WAIT"`,
      holdMs: 250,
    });
  });

  it('replaces SYSTEM$WAIT inside a query with its text and sums the holds', () => {
    expect(systemWait("SELECT SYSTEM$WAIT(1, 'MINUTES'), SYSTEM$WAIT(0.5) AS W")).toEqual({
      sql: "SELECT 'waited 1 minutes', 'waited 0.5 seconds' AS W",
      holdMs: 60_500,
    });
    expect(systemWait("SELECT 'SYSTEM$WAIT(5)'")).toEqual({ sql: "SELECT 'SYSTEM$WAIT(5)'", holdMs: 0 });
  });

  it('rejects bad arguments with a compilation error naming the problem', () => {
    const message = (sql: string) => {
      try {
        systemWait(sql);
      } catch (error) {
        return error instanceof SnowflakeQueryError ? error.snowflake.message : 'not a Snowflake error';
      }
      return 'no error';
    };
    expect(message("CALL SYSTEM$WAIT(1, 'DAYS')")).toMatch(/SYSTEM\$WAIT: the unit must be one of 'MILLISECONDS'/);
    expect(message('SELECT SYSTEM$WAIT(-1)')).toMatch(/non-negative number literal/);
    expect(message('SELECT SYSTEM$WAIT()')).toMatch(/expects 1 or 2 arguments, got 0/);
  });
  it('refuses SYSTEM$WAIT where Snowflake keeps the expression for later: column defaults and views', () => {
    const refusal = (sql: string) => {
      try {
        systemWait(sql);
      } catch (error) {
        return error instanceof SnowflakeQueryError ? error.snowflake : 'not a Snowflake error';
      }
      return 'no error';
    };
    const defaultRefused = {
      code: '000002',
      sqlState: '0A000',
      message: "Unsupported feature 'SYSTEM$WAIT in a column DEFAULT' in the local warehouse.",
    };
    expect(refusal('CREATE TABLE T (A INT, B VARCHAR DEFAULT SYSTEM$WAIT(1))')).toEqual(defaultRefused);
    expect(refusal('CREATE OR REPLACE TRANSIENT TABLE T (B VARCHAR DEFAULT SYSTEM$WAIT(1)) AS SELECT 1')).toEqual(defaultRefused);
    expect(refusal('ALTER TABLE T ADD COLUMN B VARCHAR DEFAULT SYSTEM$WAIT(1)')).toEqual(defaultRefused);
    expect(refusal('CREATE OR REPLACE SECURE VIEW V AS SELECT SYSTEM$WAIT(1) AS W')).toMatchObject({
      code: '000002',
      message: "Unsupported feature 'SYSTEM$WAIT in a view' in the local warehouse.",
    });
    // The query of CREATE TABLE … AS SELECT runs now, so it waits as any query does.
    expect(systemWait('CREATE TABLE T AS SELECT SYSTEM$WAIT(1) AS W')).toEqual({
      sql: "CREATE TABLE T AS SELECT 'waited 1 seconds' AS W",
      holdMs: 1000,
    });
  });
});
