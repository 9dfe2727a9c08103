/**
 * The answers of statements whose result shape the protocol depends on, through the real
 * snowflake-sdk: TRUNCATE answers one status row however many rows it removed (it once
 * announced N rows and a chunk that did not exist, and the driver never completed the
 * statement), BEGIN followed by a statement is an error that inserts nothing, and a multi-table
 * INSERT answers one count per target table.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { execute } from '@/lib/warehouse/sdk';

const ctx = useConnectedWarehouse();

/** The statement's outcome, or a failure when the driver has not completed it within 10 s. */
async function settle(sqlText: string) {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${sqlText}" never completed`)), 10_000);
  });
  try {
    return await Promise.race([execute<unknown[]>(ctx.connection, sqlText, { rowMode: 'array' }), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

const count = async (table: string) => Number((await settle(`SELECT COUNT(*) FROM ${table}`)).rows[0][0]);

describe('statement answers', () => {
  beforeEach(async () => {
    await settle('CREATE OR REPLACE TABLE ANSWERS (A VARCHAR)');
  });

  it('TRUNCATE of a table of many rows answers one status row and completes', async () => {
    await settle('INSERT INTO ANSWERS SELECT SEQ4()::VARCHAR FROM TABLE(GENERATOR(ROWCOUNT => 5000))');
    for (const sql of ['TRUNCATE TABLE ANSWERS', 'TRUNCATE ANSWERS', 'TRUNCATE TABLE IF EXISTS ANSWERS']) {
      const { statement, rows } = await settle(sql);
      expect(rows).toEqual([['Statement executed successfully.']]);
      expect((statement.getColumns() ?? []).map((column) => column.getName())).toEqual(['status']);
      expect(statement.getNumRows()).toBe(1);
    }
    expect(await count('ANSWERS')).toBe(0);
  });

  it('BEGIN followed by a statement is a block: without its END a syntax error that inserts nothing, with it a script that runs', async () => {
    await expect(settle("BEGIN INSERT INTO ANSWERS VALUES ('x')")).rejects.toMatchObject({ code: '001003' });
    expect(await count('ANSWERS')).toBe(0);
    await settle("BEGIN INSERT INTO ANSWERS VALUES ('x'); END;");
    expect(await count('ANSWERS')).toBe(1);
    await settle('TRUNCATE TABLE ANSWERS');
    // The transaction statements themselves still answer.
    expect((await settle('BEGIN TRANSACTION')).rows).toEqual([['Statement executed successfully.']]);
    expect((await settle('COMMIT WORK')).rows).toEqual([['Statement executed successfully.']]);
  });

  it('a multi-table INSERT answers one count per target table, as DML', async () => {
    await settle('CREATE OR REPLACE TABLE ANSWERS_2 (A VARCHAR)');
    const { statement, rows } = await settle("INSERT ALL INTO ANSWERS INTO ANSWERS_2 INTO ANSWERS SELECT 'x' UNION ALL SELECT 'y'");
    expect((statement.getColumns() ?? []).map((column) => column.getName())).toEqual([
      'number of rows inserted into ANSWERS',
      'number of rows inserted into ANSWERS_2',
    ]);
    expect(rows.map((row) => row.map(Number))).toEqual([[4, 2]]);
    expect(statement.getNumUpdatedRows()).toBe(6);
  });

  it('duplicate column names come back as they are, from a subquery too', async () => {
    for (const sql of ['SELECT 1 AS foo, 2 AS foo', 'SELECT * FROM (SELECT 1 AS foo, 2 AS foo)', 'WITH j AS (SELECT 1 AS id, 2 AS id) SELECT * FROM j']) {
      const { statement } = await settle(sql);
      const names = (statement.getColumns() ?? []).map((column) => column.getName());
      expect(new Set(names).size, sql).toBe(1);
      expect(names).toHaveLength(2);
    }
  });

  it('CURRENT_USER names the logged-in user, with or without parentheses', async () => {
    const { statement, rows } = await settle('SELECT CURRENT_USER(), CURRENT_USER');
    expect(rows).toEqual([['FLURRY_TEST', 'FLURRY_TEST']]);
    expect((statement.getColumns() ?? []).map((column) => column.getName())).toEqual(['CURRENT_USER()', 'CURRENT_USER']);
  });

  it("a bare USER, SESSION_USER or CURRENT_ROLE that names no column is an invalid identifier, never the engine's name", async () => {
    for (const name of ['USER', 'SESSION_USER', 'CURRENT_ROLE', 'CURRENT_CATALOG', '"CURRENT_USER"']) {
      const error = await settle(`SELECT ${name}`).then(() => null, (e: { code?: string; message: string }) => e);
      expect(error?.code, name).toBe('000904');
      expect(error?.message, name).toContain(`invalid identifier '${name.replace(/"/g, '')}'`);
    }
    await settle('CREATE OR REPLACE TABLE PEOPLE ("USER" VARCHAR)');
    await settle("INSERT INTO PEOPLE VALUES ('ana')");
    expect((await settle('SELECT USER FROM PEOPLE')).rows).toEqual([['ana']]);
  });
});
