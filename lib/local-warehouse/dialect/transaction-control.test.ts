import { describe, expect, it } from 'vitest';
import { refuseMalformedTransaction } from './transaction-control';

describe('refuseMalformedTransaction', () => {
  it('takes every transaction form Snowflake documents', () => {
    for (const sql of ['BEGIN', 'BEGIN WORK', 'BEGIN TRANSACTION', 'BEGIN NAME T1', 'BEGIN TRANSACTION NAME "t"', 'START TRANSACTION', 'START TRANSACTION NAME T1', 'COMMIT', 'COMMIT WORK', 'ROLLBACK', 'ROLLBACK WORK;']) {
      expect(() => refuseMalformedTransaction(sql), sql).not.toThrow();
    }
  });

  it('answers anything more with a syntax error at the first word it cannot take', () => {
    expect(() => refuseMalformedTransaction('COMMIT NOW')).toThrow(/line 1 at position 7 unexpected 'NOW'/);
    expect(() => refuseMalformedTransaction('START')).toThrow(/unexpected '<EOF>'/);
    expect(() => refuseMalformedTransaction('BEGIN NAME')).toThrow(/unexpected '<EOF>'/);
  });
});
