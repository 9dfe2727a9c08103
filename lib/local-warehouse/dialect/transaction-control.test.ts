import { describe, expect, it } from 'vitest';
import { refuseMalformedTransaction, refuseScriptingBlock } from './transaction-control';

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

describe('refuseScriptingBlock', () => {
  it('leaves transaction statements and other statements alone', () => {
    for (const sql of ['BEGIN', 'BEGIN;', 'BEGIN WORK', 'BEGIN NAME X', 'SELECT 1', 'INSERT INTO T VALUES (1)']) {
      expect(() => refuseScriptingBlock(sql), sql).not.toThrow();
    }
  });

  it('refuses a block as unsupported, and an unterminated one as a syntax error at its end', () => {
    expect(() => refuseScriptingBlock("BEGIN INSERT INTO T VALUES ('x'); END;")).toThrow(/Unsupported feature 'Snowflake Scripting blocks/);
    expect(() => refuseScriptingBlock('DECLARE X INT; BEGIN RETURN 1; END')).toThrow(/Unsupported feature/);
    expect(() => refuseScriptingBlock("BEGIN INSERT INTO T VALUES ('x')")).toThrow(/line 1 at position 32 unexpected '<EOF>'/);
  });
});
