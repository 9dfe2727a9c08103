import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSql } from '../dialect/functions/raise';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';

describe('fromDuckDBError', () => {
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { errors_as_json: 'true' });
    const connection = await instance.connect();
    await connection.run('CREATE TABLE T (A INT)');
    connection.closeSync();
  });
  afterAll(() => instance.closeSync());

  /** What DuckDB really throws on `sql`. */
  async function raised(sql: string): Promise<unknown> {
    const connection = await instance.connect();
    try {
      await connection.run(sql);
    } catch (error) {
      return error;
    } finally {
      connection.closeSync();
    }
    throw new Error(`${sql} did not fail`);
  }

  /** The Snowflake error for what DuckDB really throws on `sql`. */
  async function mapped(sql: string) {
    return fromDuckDBError(await raised(sql), sql);
  }

  it('reads back the error a macro raised, whole, in a select list, behind an alias and inside a CHECK', async () => {
    const raise = (value: string) => raiseSql('100040', '22007', `'Date ''' || ${value} || ''' is not recognized'`);
    const expected = { code: '100040', sqlState: '22007', message: "Date 'it''s [x]\nnot' is not recognized" };
    const value = "'it''''s [x]' || chr(10) || 'not'";
    expect(await mapped(`SELECT CASE WHEN i > 1 THEN 'ok' ELSE ${raise('s')} END FROM (SELECT 1 AS i, ${value} AS s)`)).toEqual(expected);
    // DuckDB refuses to reuse an alias whose expression has side effects; the raise has none.
    expect(await mapped(`SELECT CASE WHEN i > 1 THEN 'ok' ELSE ${raise('s')} END AS a, a || '!' FROM (SELECT 1 AS i, ${value} AS s)`)).toEqual(expected);
    const connection = await instance.connect();
    try {
      await connection.run(`CREATE TABLE CHECKED (S VARCHAR CHECK (CASE WHEN length(S) < 3 THEN TRUE ELSE ${raise('S')} END))`);
      expect((await connection.runAndReadAll(`SELECT CASE WHEN 1 = 1 THEN 'ok' ELSE ${raise("'x'")} END AS a, a || '!'`)).getRows()).toEqual([['ok', 'ok!']]);
    } finally {
      connection.closeSync();
    }
    expect(await mapped("INSERT INTO CHECKED VALUES ('abcd')")).toEqual({ ...expected, message: "Date 'abcd' is not recognized" });
  });

  it('maps syntax errors at the end of input', async () => {
    expect(await mapped('SELECT * FROM T WHERE')).toMatchObject({
      code: '001003',
      message: "SQL compilation error:\nsyntax error line 1 at position 21 unexpected '<EOF>'.",
    });
  });

  it('maps qualified columns, missing schemas and unknown functions', async () => {
    expect(await mapped('SELECT X.NOPE FROM T X')).toMatchObject({ code: '000904', message: expect.stringMatching(/invalid identifier 'X\.NOPE'$/) });
    expect(fromDuckDBError(await raised('SELECT * FROM S.NOPE'), 'SELECT * FROM S.NOPE', { database: 'D' })).toEqual(
      snowflakeErrors.schemaNotFound('D.S'),
    );
    expect(await mapped('SELECT * FROM MEMORY.S.NOPE')).toEqual(snowflakeErrors.schemaNotFound('MEMORY.S'));
    expect(await mapped('CREATE TABLE S.X (A INT)')).toEqual(snowflakeErrors.schemaNotFound('S'));
    expect(await mapped('SELECT NOPE_FN(1)')).toMatchObject({ code: '002140', message: 'SQL compilation error:\nUnknown function NOPE_FN' });
  });

  it('names the column an INSERT or UPDATE targets that the table lacks, where it is written', async () => {
    expect(await mapped('INSERT INTO T (A,\n  NOPE) VALUES (1, 2)')).toEqual(snowflakeErrors.invalidIdentifier(2, 2, 'NOPE'));
    expect(await mapped('UPDATE T SET NOPE = 1')).toEqual(snowflakeErrors.invalidIdentifier(1, 13, 'NOPE'));
  });

  it('never passes a DuckDB message on: what no rule maps is answered in Snowflake\'s words', async () => {
    expect(await mapped('SELECT LN(-1)')).toEqual({ code: '100097', sqlState: '22023', message: 'Invalid floating point operation' });
    const unmapped = fromDuckDBError(new Error('{"exception_type":"Binder","exception_message":"Some binder detail"}'), 'SELECT a <=> b');
    expect(unmapped.code).toBe('000002');
    expect(unmapped.message).not.toContain('Binder');
    // Not DuckDB's: the warehouse's own failure keeps its text.
    expect(fromDuckDBError(new Error('disk on fire'), 'x')).toEqual(snowflakeErrors.execution('disk on fire'));
    expect(fromDuckDBError(new SnowflakeQueryError(snowflakeErrors.canceled()), 'x')).toEqual(snowflakeErrors.canceled());
  });
});
