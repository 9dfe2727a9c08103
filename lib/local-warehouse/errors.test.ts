/**
 * The common error classes through the real snowflake-sdk against the real local warehouse:
 * each carries Snowflake's code, SQL state and a message naming the object or the position, as
 * the driver hands them to an application (err.code, err.sqlState, err.message).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useConnectedWarehouse, waitForStatus } from '@/test/local-warehouse';
import { execute, type Connection } from '@/lib/warehouse/sdk';

const ctx = useConnectedWarehouse();

beforeAll(async () => {
  await execute(ctx.connection, 'CREATE OR REPLACE TABLE ERR_T (A INT)');
});

function failure(connection: Connection, sqlText: string): Promise<unknown> {
  return execute(connection, sqlText).then(
    () => {
      throw new Error(`${sqlText} succeeded`);
    },
    (error: unknown) => error,
  );
}

describe('Snowflake errors through snowflake-sdk', () => {
  it.each([
    ['SELECT 1 +', '001003', '42000', "SQL compilation error:\nsyntax error line 1 at position 10 unexpected '<EOF>'."],
    ['SELECT a\nFROM t WHERE WHERE', '001003', '42000', "SQL compilation error:\nsyntax error line 2 at position 13 unexpected 'WHERE'."],
    ['SELECT * FROM no_such_table', '002003', '42S02', "SQL compilation error:\nObject 'NO_SUCH_TABLE' does not exist or not authorized."],
    ['SELECT * FROM NOPE_DB.PUBLIC.T', '002003', '02000', "SQL compilation error:\nDatabase 'NOPE_DB' does not exist or not authorized."],
    ['SELECT * FROM NOPE_SCHEMA.T', '002003', '02000', "SQL compilation error:\nSchema 'FLURRY.NOPE_SCHEMA' does not exist or not authorized."],
    ['INSERT INTO ERR_T (A, NOPE) VALUES (1, 2)', '000904', '42000', "SQL compilation error: error line 1 at position 22\ninvalid identifier 'NOPE'"],
    ['SELECT 1 AS a,\n  nope', '000904', '42000', "SQL compilation error: error line 2 at position 2\ninvalid identifier 'NOPE'"],
    ['SELECT no_such_function(1)', '002140', '42601', 'SQL compilation error:\nUnknown function NO_SUCH_FUNCTION'],
    ['SELECT 10 / (2 - 2)', '100051', '22012', 'Division by zero'],
    ["SELECT 'ten'::INT", '100038', '22018', "Numeric value 'ten' is not recognized"],
  ])('%s fails with %s / %s', async (sqlText, code, sqlState, message) => {
    expect(await failure(ctx.connection, sqlText)).toMatchObject({ code, sqlState, message });
  });

  it('reports a cancelled statement as 000604 / 57014 "SQL execution canceled", by the driver and by SYSTEM$CANCEL_QUERY', async () => {
    const byDriver = new Promise<unknown>((resolve) => {
      const statement = ctx.connection.execute({
        sqlText: 'CALL SYSTEM$WAIT(30)',
        complete: (error) => resolve(error),
      });
      setTimeout(() => statement.cancel(() => {}), 300);
    });
    const canceled = { code: '000604', sqlState: '57014', message: 'SQL execution canceled' };
    expect(await byDriver).toMatchObject(canceled);

    const queryId = await new Promise<string>((resolve, reject) => {
      ctx.connection.execute({
        sqlText: 'CALL SYSTEM$WAIT(30)',
        asyncExec: true,
        complete: (error, statement) => (error ? reject(error) : resolve(statement.getQueryId())),
      });
    });
    await waitForStatus(ctx.connection, queryId, 'RUNNING');
    const { rows } = await execute(ctx.connection, `SELECT SYSTEM$CANCEL_QUERY('${queryId}') AS answer`);
    expect(rows).toEqual([{ ANSWER: `query [${queryId}] terminated.` }]);
    await expect(ctx.connection.getResultsFromQueryId({ queryId })).rejects.toMatchObject({
      message: expect.stringContaining('SQL execution canceled'),
    });
    const history = await execute(
      ctx.connection,
      `SELECT ERROR_CODE, ERROR_MESSAGE FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID = '${queryId}'`,
    );
    expect(history.rows).toEqual([{ ERROR_CODE: '000604', ERROR_MESSAGE: 'SQL execution canceled' }]);
  });
});
