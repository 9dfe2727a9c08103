/**
 * Databases, schemas and USE through the real snowflake-sdk against the real local warehouse:
 * the sample GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS table built by SQL, three- and
 * two-part names, and USE moving one session (and the driver's session state) but no other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { connect, destroy, execute, type Connection } from '@/lib/warehouse/sdk';

interface SessionState {
  getCurrentDatabase(): string;
  getCurrentSchema(): string;
  getCurrentWarehouse(): string;
  getCurrentRole(): string;
}

let warehouse: TestWarehouse;
let first: Connection;
let second: Connection;

/** The session state the driver read from the statement's result. */
async function stateAfter(connection: Connection, sqlText: string): Promise<string[]> {
  const { statement } = await execute(connection, sqlText);
  const state = statement.getSessionState() as SessionState;
  return [state.getCurrentDatabase(), state.getCurrentSchema(), state.getCurrentWarehouse(), state.getCurrentRole()];
}

async function values(connection: Connection, sqlText: string): Promise<unknown[][]> {
  return (await execute<unknown[]>(connection, sqlText, { rowMode: 'array' })).rows;
}

beforeAll(async () => {
  warehouse = await startTestWarehouse();
  first = await connect(warehouse.connectionOptions());
  second = await connect(warehouse.connectionOptions());
});

afterAll(async () => {
  await Promise.all([destroy(first), destroy(second)]);
  await warehouse.close();
});

describe('databases and schemas through snowflake-sdk', () => {
  it('builds the sample reviews table in its own database and reads it by three-part name from FLURRY', async () => {
    // Replaces the sample the warehouse seeds on its first start with two known rows.
    await execute(first, 'CREATE OR REPLACE DATABASE GOOGLE_REVIEWS');
    await execute(first, 'CREATE SCHEMA GOOGLE_REVIEWS.GOOGLE_REVIEWS');
    await execute(first, 'CREATE TABLE GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS (REVIEW_HASH VARCHAR, REVIEW_TEXT VARCHAR, RATING INT)');
    const inserted = await execute(
      first,
      "INSERT INTO GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS VALUES ('h1', 'Great pasta', 5), ('h2', 'Cold coffee', 2)",
    );
    expect(inserted.statement.getNumUpdatedRows()).toBe(2);

    expect(await stateAfter(second, 'SELECT 1')).toEqual(['FLURRY', 'PUBLIC', 'COMPUTE_WH', 'ACCOUNTADMIN']);
    expect(await values(second, 'SELECT REVIEW_HASH, RATING FROM GOOGLE_REVIEWS.GOOGLE_REVIEWS.SAMPLE_REVIEWS ORDER BY RATING DESC')).toEqual([
      ['h1', 5],
      ['h2', 2],
    ]);
    await expect(execute(second, 'SELECT * FROM NOPE.PUBLIC.T')).rejects.toMatchObject({
      code: '002003',
      message: "SQL compilation error:\nDatabase 'NOPE' does not exist or not authorized.",
    });
  });

  it('moves only the session that ran USE, for its later statements', async () => {
    expect(await stateAfter(first, 'USE DATABASE GOOGLE_REVIEWS')).toEqual(['GOOGLE_REVIEWS', 'PUBLIC', 'COMPUTE_WH', 'ACCOUNTADMIN']);
    expect(await values(first, 'SELECT COUNT(*) FROM GOOGLE_REVIEWS.SAMPLE_REVIEWS')).toEqual([[2]]);
    expect(await stateAfter(first, 'USE SCHEMA GOOGLE_REVIEWS')).toEqual(['GOOGLE_REVIEWS', 'GOOGLE_REVIEWS', 'COMPUTE_WH', 'ACCOUNTADMIN']);
    expect(await values(first, 'SELECT COUNT(*) FROM SAMPLE_REVIEWS WHERE RATING > 3')).toEqual([[1]]);
    await expect(execute(first, 'USE WAREHOUSE ANY_NAME_WH')).rejects.toMatchObject({ code: '002043', sqlState: '02000' });
    await execute(first, 'CREATE WAREHOUSE ANY_NAME_WH');
    expect(await stateAfter(first, 'USE WAREHOUSE ANY_NAME_WH')).toEqual(['GOOGLE_REVIEWS', 'GOOGLE_REVIEWS', 'ANY_NAME_WH', 'ACCOUNTADMIN']);
    expect(await stateAfter(first, 'USE ROLE SYSADMIN')).toEqual(['GOOGLE_REVIEWS', 'GOOGLE_REVIEWS', 'ANY_NAME_WH', 'SYSADMIN']);

    // The other session stays in FLURRY.PUBLIC, where the two-part name means schema GOOGLE_REVIEWS of FLURRY.
    expect(await stateAfter(second, 'SELECT 1')).toEqual(['FLURRY', 'PUBLIC', 'COMPUTE_WH', 'ACCOUNTADMIN']);
    await expect(execute(second, 'SELECT * FROM SAMPLE_REVIEWS')).rejects.toMatchObject({ code: '002003' });
    await expect(execute(second, 'USE SCHEMA FLURRY.NOPE')).rejects.toMatchObject({
      message: "SQL compilation error:\nSchema 'FLURRY.NOPE' does not exist or not authorized.",
    });
    expect(await stateAfter(second, 'SELECT 1')).toEqual(['FLURRY', 'PUBLIC', 'COMPUTE_WH', 'ACCOUNTADMIN']);

    const history = await values(
      first,
      "SELECT DATABASE_NAME, SCHEMA_NAME, WAREHOUSE_NAME FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY_BY_SESSION()) WHERE QUERY_TEXT LIKE 'SELECT COUNT(*) FROM SAMPLE_REVIEWS%'",
    );
    expect(history).toEqual([['GOOGLE_REVIEWS', 'GOOGLE_REVIEWS', 'COMPUTE_WH']]);
  });

  it('lists the databases and the schemas of the current database', async () => {
    const databases = await execute<Record<string, unknown>>(second, 'SHOW DATABASES');
    expect(databases.rows.map((row) => [row.name, row.is_current])).toEqual([
      ['FLURRY', 'Y'],
      ['GOOGLE_REVIEWS', 'N'],
    ]);
    expect(databases.rows[0].created_on).toBeInstanceOf(Date);
    const schemas = await execute<Record<string, unknown>>(first, 'SHOW SCHEMAS');
    expect(schemas.rows.map((row) => [row.database_name, row.name, row.is_current])).toEqual([
      ['GOOGLE_REVIEWS', 'GOOGLE_REVIEWS', 'Y'],
      ['GOOGLE_REVIEWS', 'INFORMATION_SCHEMA', 'N'],
      ['GOOGLE_REVIEWS', 'PUBLIC', 'N'],
    ]);
  });
});
