/**
 * Stored procedures through the real snowflake-sdk: CREATE, SHOW, DESCRIBE and DROP PROCEDURE
 * with overloads, the errors of each, languages other than SQL refused, CALL's resolution errors
 * and its QUERY_TYPE, procedures going with their schema, and CALL end to end (parser and
 * interpreter included): its answer, its statements as queries of their own, and its cancel.
 */
import { describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { execute, submitAsync } from '@/lib/warehouse/sdk';
import { waitForStatus } from '@/test/local-warehouse';

const ctx = useConnectedWarehouse();

const query = async (sqlText: string) => (await execute<Record<string, unknown>>(ctx.connection, sqlText)).rows;
const values = async (sqlText: string) => (await execute<unknown[]>(ctx.connection, sqlText, { rowMode: 'array' })).rows;

const AREA = `CREATE OR REPLACE PROCEDURE area(radius FLOAT)
  RETURNS FLOAT
  LANGUAGE SQL
  COMMENT = 'circle area'
  EXECUTE AS CALLER
AS
$$
BEGIN
  RETURN PI() * radius * radius;
END;
$$`;

describe('procedure DDL', () => {
  it('creates, lists, describes and drops procedures, overloads apart', async () => {
    expect(await values(AREA)).toEqual([['Function AREA successfully created.']]);
    await query("CREATE PROCEDURE area(label VARCHAR, scale NUMBER(10, 2) DEFAULT 1) RETURNS TABLE (a NUMBER, b VARCHAR) AS 'BEGIN RETURN 1; END'");
    const shown = await query("SHOW PROCEDURES LIKE 'ar%'");
    expect(shown.map((row) => [row.name, row.min_num_arguments, row.max_num_arguments, row.arguments, row.description, row.is_table_function])).toEqual([
      ['AREA', 1, 1, 'AREA(FLOAT) RETURN FLOAT', 'circle area', 'N'],
      ['AREA', 1, 2, 'AREA(VARCHAR, DEFAULT NUMBER) RETURN TABLE (A NUMBER, B VARCHAR)', 'user-defined procedure', 'Y'],
    ]);
    expect(shown[0]).toMatchObject({ schema_name: 'PUBLIC', catalog_name: 'FLURRY', is_builtin: 'N', is_secure: 'N' });
    expect(shown[0].created_on).toBeInstanceOf(Date);

    expect(await values('DESCRIBE PROCEDURE area(DOUBLE)')).toEqual([
      ['signature', '(RADIUS FLOAT)'],
      ['returns', 'FLOAT'],
      ['language', 'SQL'],
      ['null handling', 'CALLED ON NULL INPUT'],
      ['volatility', 'VOLATILE'],
      ['execute as', 'CALLER'],
      ['body', '\nBEGIN\n  RETURN PI() * radius * radius;\nEND;\n'],
    ]);
    expect((await values('DESC PROCEDURE area(STRING, INT)'))[0]).toEqual(['signature', '(LABEL VARCHAR, SCALE NUMBER(10,2))']);

    expect(await values('DROP PROCEDURE area(VARCHAR, NUMBER)')).toEqual([['AREA successfully dropped.']]);
    expect((await query("SHOW PROCEDURES LIKE 'AREA'")).map((row) => row.arguments)).toEqual(['AREA(FLOAT) RETURN FLOAT']);
    await expect(query('DROP PROCEDURE area(VARCHAR, NUMBER)')).rejects.toMatchObject({
      code: '002003',
      message: "SQL compilation error:\nProcedure 'AREA(VARCHAR, NUMBER)' does not exist or not authorized.",
    });
    expect(await values('DROP PROCEDURE IF EXISTS area(VARCHAR, NUMBER)')).toEqual([['Drop statement executed successfully (procedure already dropped).']]);
    await expect(query('DESCRIBE PROCEDURE area()')).rejects.toMatchObject({ code: '002003' });
  });

  it('refuses a second procedure of the same signature unless OR REPLACE or IF NOT EXISTS', async () => {
    await query('CREATE OR REPLACE PROCEDURE twice(n INT) RETURNS INT AS $$BEGIN RETURN n; END$$');
    await expect(query('CREATE PROCEDURE twice(m NUMBER(5)) RETURNS INT AS $$BEGIN RETURN m; END$$')).rejects.toMatchObject({ code: '002002' });
    expect(await values('CREATE PROCEDURE IF NOT EXISTS twice(m NUMBER) RETURNS INT AS $$BEGIN RETURN m; END$$')).toEqual([
      ['TWICE already exists, statement succeeded.'],
    ]);
    expect((await values('DESCRIBE PROCEDURE twice(INT)'))[0]).toEqual(['signature', '(N INT)']);
    await query('CREATE OR REPLACE PROCEDURE twice(m NUMBER) RETURNS INT AS $$BEGIN RETURN m; END$$');
    expect((await values('DESCRIBE PROCEDURE twice(INT)'))[0]).toEqual(['signature', '(M NUMBER)']);
    await query('CREATE OR REPLACE SECURE PROCEDURE twice(m NUMBER) RETURNS INT AS $$BEGIN RETURN m; END$$');
    expect((await query("SHOW PROCEDURES LIKE 'TWICE'")).map((row) => row.is_secure)).toEqual(['Y']);
  });

  it('refuses other languages, unknown types and a missing schema in Snowflake\'s terms', async () => {
    for (const language of ['JAVASCRIPT', 'PYTHON']) {
      await expect(query(`CREATE PROCEDURE js() RETURNS FLOAT LANGUAGE ${language} AS 'return 1;'`)).rejects.toMatchObject({
        code: '000002',
        message: `Unsupported feature 'CREATE PROCEDURE … LANGUAGE ${language}' in the local warehouse.`,
      });
    }
    await expect(query('CREATE PROCEDURE odd(a WIDGET) RETURNS INT AS $$BEGIN RETURN 1; END$$')).rejects.toMatchObject({ code: '002040' });
    await expect(query('CREATE PROCEDURE nowhere.p() RETURNS INT AS $$BEGIN RETURN 1; END$$')).rejects.toMatchObject({
      code: '002003',
      message: "SQL compilation error:\nSchema 'FLURRY.NOWHERE' does not exist or not authorized.",
    });
    await expect(query('CREATE PROCEDURE p( RETURNS INT AS $$x$$')).rejects.toMatchObject({ code: '001003' });
    await expect(query("SHOW PROCEDURES LIKE 'js'")).resolves.toEqual([]);
  });

  it('lists by scope, and a dropped schema takes its procedures', async () => {
    await query('CREATE SCHEMA IF NOT EXISTS PROCS');
    await query('CREATE OR REPLACE PROCEDURE procs.inner_one() RETURNS INT AS $$BEGIN RETURN 1; END$$');
    expect((await query('SHOW PROCEDURES IN SCHEMA PROCS')).map((row) => row.name)).toEqual(['INNER_ONE']);
    expect((await query('SHOW PROCEDURES IN FLURRY.PROCS')).map((row) => row.name)).toEqual(['INNER_ONE']);
    expect((await query("SHOW PROCEDURES LIKE 'inner%' IN ACCOUNT")).map((row) => row.schema_name)).toEqual(['PROCS']);
    await query('DROP SCHEMA PROCS');
    expect(await query("SHOW PROCEDURES LIKE 'inner%' IN ACCOUNT")).toEqual([]);
  });
});

describe('CALL', () => {
  it('names an unknown procedure and arguments that fit no overload, and is recorded as CALL', async () => {
    await expect(query('CALL no_such_procedure(1)')).rejects.toMatchObject({ code: '002141' });
    await query('CREATE OR REPLACE PROCEDURE one_arg(a VARCHAR) RETURNS INT AS $$BEGIN RETURN 1; END$$');
    await expect(query('CALL one_arg()')).rejects.toMatchObject({ code: '001044', message: expect.stringContaining("'ONE_ARG': ()") });
    await expect(query('CALL one_arg(x => 1)')).rejects.toMatchObject({ message: expect.stringContaining('unknown argument X') });
    const recorded = await query(
      "SELECT QUERY_TYPE, ERROR_CODE FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_TEXT = 'CALL no_such_procedure(1)'",
    );
    expect(recorded).toEqual([{ QUERY_TYPE: 'CALL', ERROR_CODE: '002141' }]);
  });

  it('runs the body with its arguments: a scalar answer named after the procedure, a table answer as its rows', async () => {
    await query(AREA);
    const area = await execute<unknown[]>(ctx.connection, 'CALL area(2)', { rowMode: 'array' });
    expect(area.rows).toEqual([[Math.PI * 4]]);
    expect(area.statement.getColumns()?.map((column) => column.getName())).toEqual(['AREA']);
    await query('CREATE OR REPLACE TABLE invoices (id INTEGER, price NUMBER(12, 2))');
    await query('INSERT INTO invoices VALUES (1, 11.11), (2, 22.22)');
    await query(`CREATE OR REPLACE PROCEDURE above(minimum NUMBER(12, 2)) RETURNS TABLE (id INTEGER, price NUMBER(12, 2)) AS $$
      DECLARE
        rs RESULTSET;
      BEGIN
        rs := (SELECT * FROM invoices WHERE price > :minimum ORDER BY id);
        RETURN TABLE(rs);
      END;
    $$`);
    expect(await query('CALL above(minimum => 20)')).toEqual([{ ID: 2, PRICE: 22.22 }]);
  });

  it("records a procedure's statements as queries of their own, ASYNC ones included", async () => {
    await query(`CREATE OR REPLACE PROCEDURE fill() RETURNS VARCHAR AS $$
      BEGIN
        CREATE OR REPLACE TABLE filled (n INT);
        ASYNC (INSERT INTO filled VALUES (1));
        ASYNC (INSERT INTO filled VALUES (2));
        AWAIT ALL;
        RETURN 'filled';
      END;
    $$`);
    const call = await execute<unknown[]>(ctx.connection, 'CALL fill()', { rowMode: 'array' });
    expect(call.rows).toEqual([['filled']]);
    expect(await values('SELECT n FROM filled ORDER BY n')).toEqual([[1], [2]]);
    const children = await query(
      `SELECT QUERY_TEXT, QUERY_TYPE, EXECUTION_STATUS FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())
       WHERE QUERY_TEXT LIKE '%filled%' AND QUERY_TYPE <> 'SELECT' AND QUERY_TEXT NOT LIKE '%PROCEDURE%' ORDER BY QUERY_TEXT`,
    );
    expect(children).toEqual([
      { QUERY_TEXT: 'CREATE OR REPLACE TABLE filled (n INT)', QUERY_TYPE: 'CREATE_TABLE', EXECUTION_STATUS: 'SUCCESS' },
      { QUERY_TEXT: 'INSERT INTO filled VALUES (1)', QUERY_TYPE: 'INSERT', EXECUTION_STATUS: 'SUCCESS' },
      { QUERY_TEXT: 'INSERT INTO filled VALUES (2)', QUERY_TYPE: 'INSERT', EXECUTION_STATUS: 'SUCCESS' },
    ]);
  });

  it('takes a body written out as BEGIN … END, without $$', async () => {
    await query(`CREATE OR REPLACE PROCEDURE written_out(n INT)
RETURNS INT
LANGUAGE SQL
AS
BEGIN
  LET doubled INT := n * 2;
  RETURN doubled;
END;`);
    expect((await values('DESCRIBE PROCEDURE written_out(INT)'))[6]).toEqual(['body', 'BEGIN\n  LET doubled INT := n * 2;\n  RETURN doubled;\nEND']);
    expect(await values('CALL written_out(21)')).toEqual([[42]]);
  });

  it('binds values to a CALL, and EXECUTE IMMEDIATE runs the statement a session variable holds', async () => {
    await query(AREA);
    const bound = await execute<unknown[]>(ctx.connection, 'CALL area(?)', { rowMode: 'array', binds: [3] });
    expect(bound.rows).toEqual([[Math.PI * 9]]);
    await query("SET stmt = 'SELECT 41 + 1 AS N'");
    expect(await query('EXECUTE IMMEDIATE $stmt')).toEqual([{ N: 42 }]);
    await expect(query('EXECUTE IMMEDIATE $missing')).rejects.toMatchObject({
      code: '002211',
      message: "SQL compilation error: error line 1 at position 18\nSession variable '$MISSING' does not exist",
    });
  });

  it('cancelling the CALL cancels the statement it is running', async () => {
    await query('CREATE OR REPLACE PROCEDURE waiter() RETURNS VARCHAR AS $$BEGIN CALL SYSTEM$WAIT(60); RETURN 1; END$$');
    const callId = await submitAsync(ctx.connection, 'CALL waiter()');
    // The child as QUERY_HISTORY shows it: a cancelled query is FAILED_WITH_ERROR there, as in Snowflake.
    const childStatus = async () => {
      const [child] = await query(
        "SELECT EXECUTION_STATUS AS S, ERROR_MESSAGE AS M FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_TEXT = 'CALL SYSTEM$WAIT(60)'",
      );
      return child && `${String(child.S)} ${String(child.M)}`;
    };
    const deadline = Date.now() + 10_000;
    while ((await childStatus()) !== 'RUNNING null' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await values(`SELECT SYSTEM$CANCEL_QUERY('${callId}')`)).toHaveLength(1);
    await waitForStatus(ctx.connection, callId, 'ABORTED');
    const deadlineChild = Date.now() + 10_000;
    while ((await childStatus())?.startsWith('RUNNING') && Date.now() < deadlineChild) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await childStatus()).toBe('FAILED_WITH_ERROR SQL execution canceled');
  });
});
