/**
 * ALTER SESSION SET / UNSET QUERY_TAG through the real snowflake-sdk against the real local
 * warehouse: the tag reaches QUERY_HISTORY.QUERY_TAG for the session's later queries, not
 * another session's, and a statement's own QUERY_TAG still wins over it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { connect, destroy, execute, type Connection } from '@/lib/warehouse/sdk';

const ctx = useConnectedWarehouse();
let other: Connection;

beforeAll(async () => {
  other = await connect(ctx.warehouse.connectionOptions());
});

afterAll(async () => {
  await destroy(other);
});

/** Runs the statement and reads back the QUERY_TAG its query was recorded with. */
async function taggedAs(connection: Connection, sqlText: string, parameters?: Record<string, unknown>): Promise<unknown> {
  const { statement } = await execute(connection, sqlText, { parameters });
  const { rows } = await execute<unknown[]>(
    connection,
    `SELECT QUERY_TAG FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID = '${statement.getQueryId()}'`,
    { rowMode: 'array' },
  );
  return rows[0]?.[0];
}

describe('ALTER SESSION and QUERY_TAG through snowflake-sdk', () => {
  it('tags the session\'s later queries until UNSET, and no other session\'s', async () => {
    expect(await taggedAs(ctx.connection, 'SELECT 1')).toBe('');
    expect((await execute(ctx.connection, "ALTER SESSION SET QUERY_TAG = 'nightly load'")).rows).toEqual([
      { status: 'Statement executed successfully.' },
    ]);
    expect(await taggedAs(ctx.connection, 'SELECT 2')).toBe('nightly load');
    expect(await taggedAs(other, 'SELECT 3')).toBe('');
    expect(await taggedAs(ctx.connection, 'SELECT 4', { QUERY_TAG: 'this statement' })).toBe('this statement');
    expect(await taggedAs(ctx.connection, 'SELECT 5')).toBe('nightly load');

    await execute(ctx.connection, 'alter session unset query_tag');
    expect(await taggedAs(ctx.connection, 'SELECT 6')).toBe('');
  });

  it('refuses a parameter Snowflake does not have, by name, and a malformed statement', async () => {
    await expect(execute(ctx.connection, "ALTER SESSION SET QUERY_TAG = 'x' QUERY_TAGS = 'y'")).rejects.toMatchObject({
      code: '001006',
      sqlState: '22023',
      message: "SQL compilation error:\ninvalid parameter 'QUERY_TAGS'",
    });
    expect(await taggedAs(ctx.connection, 'SELECT 7')).toBe('');
    await expect(execute(ctx.connection, 'ALTER SESSION SET QUERY_TAG')).rejects.toMatchObject({
      code: '001003',
      message: "SQL compilation error:\nsyntax error line 1 at position 27 unexpected '<EOF>'.",
    });
  });
});
