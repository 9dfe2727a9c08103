import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { cancelQuery } from './cancel-query';

describe('cancelQuery', () => {
  it('cancels through the engine and returns Snowflake texts', () => {
    const cancelled: string[] = [];
    const context = { cancelQuery: (id: string) => (cancelled.push(id), id === 'running') };
    expect(cancelQuery("SELECT SYSTEM$CANCEL_QUERY('running')", context)).toBe("SELECT 'query [running] terminated.'");
    expect(cancelQuery("SELECT SYSTEM$CANCEL_QUERY('done')", context)).toBe(
      "SELECT 'Identified SQL statement is not currently executing.'",
    );
    expect(cancelled).toEqual(['running', 'done']);
  });

  it('needs a string literal', () => {
    expect(() => cancelQuery('SELECT SYSTEM$CANCEL_QUERY(ID) FROM T', { cancelQuery: () => true })).toThrow(
      SnowflakeQueryError,
    );
  });
});
