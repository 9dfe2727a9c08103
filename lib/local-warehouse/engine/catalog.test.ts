import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { engineFixture } from './engine-fixture';
import { HISTORY_COLUMN_NAMES, HISTORY_COLUMNS } from './history-schema';

const { open, run, rows, submit, until, dataDir } = engineFixture();

/** A SHOW result as objects keyed by its column names, for the columns asked for. */
async function shown(result: Awaited<ReturnType<typeof rows>>, columns: string[]) {
  const names = result.rowtype.map((column) => column.name);
  return result.rowset.map((row) => Object.fromEntries(columns.map((column) => [column, row[names.indexOf(column)]])));
}

describe('engine: databases and schemas', () => {
  it('creates a database as its own DuckDB file with PUBLIC, and resolves three-part names from another database', async () => {
    const engine = await open();
    expect((await rows(engine, 'create database google_reviews')).rowset).toEqual([['Database GOOGLE_REVIEWS successfully created.']]);
    expect(fs.existsSync(path.join(dataDir(), 'databases', 'GOOGLE_REVIEWS.duckdb'))).toBe(true);
    expect((await rows(engine, 'create schema google_reviews.google_reviews')).rowset).toEqual([['Schema GOOGLE_REVIEWS successfully created.']]);
    await rows(engine, 'create table google_reviews.google_reviews.sample_reviews (review_hash varchar, rating int)');
    await rows(engine, "insert into google_reviews.google_reviews.sample_reviews values ('a', 5), ('b', 2)");
    await rows(engine, 'create table google_reviews.public.t (n int)');

    const ranked = await rows(engine, 'select review_hash from google_reviews.google_reviews.sample_reviews order by rating');
    expect(ranked.rowset).toEqual([['b'], ['a']]);
    // Two-part names are schema.table in the session's database, even when the schema shares the database's name.
    const inReviews = { database: 'GOOGLE_REVIEWS', schema: 'PUBLIC' };
    expect((await rows(engine, 'select count(*) from google_reviews.sample_reviews', inReviews)).rowset).toEqual([['2']]);
    expect((await rows(engine, 'select count(*) from t', inReviews)).rowset).toEqual([['0']]);
    const elsewhere = await run(engine, 'select * from google_reviews.sample_reviews');
    expect(elsewhere.error?.code).toBe('002003');
  });

  it('answers IF [NOT] EXISTS, OR REPLACE and missing objects as Snowflake does', async () => {
    const engine = await open();
    await rows(engine, 'create database d1');
    await rows(engine, 'create table d1.public.t (n int)');
    expect((await rows(engine, 'create database if not exists d1')).rowset).toEqual([['D1 already exists, statement succeeded.']]);
    expect((await run(engine, 'create database d1')).error).toMatchObject({ code: '002002', message: "SQL compilation error:\nObject 'D1' already exists." });
    await rows(engine, 'create or replace database d1');
    expect((await run(engine, 'select * from d1.public.t')).error?.code).toBe('002003');

    expect((await run(engine, 'create schema nope.s')).error).toEqual({
      code: '002003',
      sqlState: '02000',
      message: "SQL compilation error:\nDatabase 'NOPE' does not exist or not authorized.",
    });
    expect((await run(engine, 'drop schema d1.nope')).error?.message).toBe("SQL compilation error:\nSchema 'D1.NOPE' does not exist or not authorized.");
    expect((await rows(engine, 'drop schema if exists d1.nope')).rowset).toEqual([['Drop statement executed successfully (NOPE already dropped).']]);
    expect((await run(engine, 'select * from nope.public.t')).error?.message).toBe("SQL compilation error:\nDatabase 'NOPE' does not exist or not authorized.");

    await rows(engine, 'create schema s', { database: 'D1' });
    await rows(engine, 'create table d1.s.t (n int)');
    expect((await rows(engine, 'drop schema d1.s')).rowset).toEqual([['S successfully dropped.']]);
    expect((await rows(engine, 'drop database d1')).rowset).toEqual([['D1 successfully dropped.']]);
    expect(fs.existsSync(path.join(dataDir(), 'databases', 'D1.duckdb'))).toBe(false);
    expect((await run(engine, 'drop database flurry')).error?.message).toContain('default database');
    expect((await run(engine, 'create database "d1" comment = 1')).error?.code).toBe('001003');
  });

  it('reports USE as the context the session moves to, checking that the target exists', async () => {
    const engine = await open();
    await rows(engine, 'create database reviews');
    await rows(engine, 'create schema reviews.raw');
    expect((await run(engine, 'use database reviews')).final).toEqual({ database: 'REVIEWS', schema: 'PUBLIC', warehouse: 'LOCAL_WH', role: 'PUBLIC' });
    expect((await run(engine, 'use reviews.raw')).final).toMatchObject({ database: 'REVIEWS', schema: 'RAW' });
    expect((await run(engine, 'use schema raw', { database: 'REVIEWS' })).final).toMatchObject({ database: 'REVIEWS', schema: 'RAW' });
    expect((await run(engine, 'use warehouse any_wh')).error).toMatchObject({
      code: '002043',
      message: 'SQL compilation error:\nObject does not exist, or operation cannot be performed.',
    });
    await rows(engine, 'create warehouse any_wh');
    expect((await run(engine, 'use warehouse any_wh')).final).toMatchObject({ warehouse: 'ANY_WH', database: 'FLURRY' });
    expect((await run(engine, 'use role "Analyst"')).final).toMatchObject({ role: 'Analyst' });
    const select = await run(engine, 'select 1');
    expect(select.final).toEqual({ database: 'FLURRY', schema: 'PUBLIC', warehouse: 'LOCAL_WH', role: 'PUBLIC' });

    const missing = await run(engine, 'use database nope');
    expect(missing.error?.message).toBe("SQL compilation error:\nDatabase 'NOPE' does not exist or not authorized.");
    expect(missing.final).toMatchObject({ database: 'FLURRY' });
    expect((await run(engine, 'use schema reviews.nope')).error?.message).toBe("SQL compilation error:\nSchema 'REVIEWS.NOPE' does not exist or not authorized.");
    expect((await run(engine, 'select 1', { database: 'GONE' })).error?.message).toBe("SQL compilation error:\nDatabase 'GONE' does not exist or not authorized.");
  });

  it('lists databases and schemas with Snowflake columns', async () => {
    const engine = await open();
    await rows(engine, "create database reviews comment = 'sample data'", { role: 'SYSADMIN' });
    await rows(engine, 'create schema reviews.raw', { role: 'SYSADMIN' });

    const databases = await rows(engine, 'show databases');
    expect(databases.rowtype.map((column) => column.name)).toEqual([
      'created_on', 'name', 'is_default', 'is_current', 'origin', 'owner', 'comment', 'options', 'retention_time', 'kind',
    ]);
    expect(databases.rowtype[0].type).toBe('timestamp_ltz');
    expect(await shown(databases, ['name', 'is_default', 'is_current', 'owner', 'comment'])).toEqual([
      { name: 'FLURRY', is_default: 'Y', is_current: 'Y', owner: 'ACCOUNTADMIN', comment: '' },
      { name: 'REVIEWS', is_default: 'N', is_current: 'N', owner: 'SYSADMIN', comment: 'sample data' },
    ]);
    expect((await rows(engine, "show databases like 'rev%'")).rowset.map((row) => row[1])).toEqual(['REVIEWS']);

    const schemas = await rows(engine, 'show schemas in database reviews', { database: 'REVIEWS', schema: 'RAW' });
    expect(await shown(schemas, ['name', 'database_name', 'is_current', 'owner'])).toEqual([
      { name: 'INFORMATION_SCHEMA', database_name: 'REVIEWS', is_current: 'N', owner: 'SYSADMIN' },
      { name: 'PUBLIC', database_name: 'REVIEWS', is_current: 'N', owner: 'SYSADMIN' },
      { name: 'RAW', database_name: 'REVIEWS', is_current: 'Y', owner: 'SYSADMIN' },
    ]);
    expect((await rows(engine, 'show schemas')).rowset.map((row) => row[1])).toEqual(['INFORMATION_SCHEMA', 'PUBLIC']);
    expect((await rows(engine, "show schemas like 'r%' in account")).rowset.map((row) => `${row[4]}.${row[1]}`)).toEqual(['REVIEWS.RAW']);
    expect((await run(engine, 'show schemas in database nope')).error?.code).toBe('002003');
  });

  it('keeps databases, their tables and USE results across a restart', async () => {
    const first = await open();
    await rows(first, 'create table kept_in_flurry as select 1 as n');
    await rows(first, 'create database reviews');
    await rows(first, 'create table reviews.public.t as select 7 as n');
    const used = await run(first, 'use database reviews');
    await first.close();

    const second = await open();
    expect((await rows(second, 'select n from reviews.public.t')).rowset).toEqual([['7']]);
    expect((await rows(second, 'select n from kept_in_flurry')).rowset).toEqual([['1']]);
    expect((await rows(second, 'show databases')).rowset.map((row) => row[1])).toEqual(['FLURRY', 'REVIEWS']);
    expect((await second.get(used.id))?.final).toMatchObject({ database: 'REVIEWS', schema: 'PUBLIC' });
  });

  it('opens a data directory written before databases existed: FLURRY tables and old history rows', async () => {
    const instance = await DuckDBInstance.create(path.join(dataDir(), 'flurry.duckdb'));
    const setup = await instance.connect();
    await setup.run(`ATTACH '${path.join(dataDir(), 'system.duckdb')}' AS FLURRY_SYSTEM`);
    const oldColumns = HISTORY_COLUMN_NAMES.filter((name) => name !== 'FINAL_CONTEXT');
    await setup.run(`CREATE TABLE FLURRY_SYSTEM.MAIN.QUERY_HISTORY (${oldColumns.map((name) => `${name} ${HISTORY_COLUMNS[name]}`).join(', ')})`);
    await setup.run(
      `INSERT INTO FLURRY_SYSTEM.MAIN.QUERY_HISTORY (QUERY_ID, SESSION_ID, DATABASE_NAME, SCHEMA_NAME, WAREHOUSE_NAME, ROLE_NAME, ` +
        `QUERY_TEXT, STATUS, QUEUED_MS, ENDED_MS, STATEMENT_TYPE_ID) VALUES ('old', 1, 'FLURRY', 'PUBLIC', 'WH', 'R', 'select 1', 'SUCCESS', ?, ?, 4096)`,
      [Date.now() - 2, Date.now() - 1],
    );
    await setup.run('CREATE SCHEMA PUBLIC; CREATE TABLE PUBLIC.OLD AS SELECT 5 AS N');
    setup.closeSync();
    instance.closeSync();

    const engine = await open();
    expect((await rows(engine, 'select n from old')).rowset).toEqual([['5']]);
    expect(await engine.get('old')).toMatchObject({ status: 'SUCCESS', final: { database: 'FLURRY', schema: 'PUBLIC', warehouse: 'WH', role: 'R' } });
    expect((await rows(engine, 'show schemas')).rowset.map((row) => row[1])).toEqual(['INFORMATION_SCHEMA', 'PUBLIC']);
  });

  it('answers CURRENT_DATABASE() and its kin from the session', async () => {
    const engine = await open();
    const current = await rows(engine, 'select current_database(), current_schema(), current_warehouse(), current_role()');
    expect(current.rowtype.map((column) => column.name)).toEqual(['CURRENT_DATABASE()', 'CURRENT_SCHEMA()', 'CURRENT_WAREHOUSE()', 'CURRENT_ROLE()']);
    expect(current.rowset).toEqual([['FLURRY', 'PUBLIC', 'LOCAL_WH', 'PUBLIC']]);
  });

  it('lets a running query finish before a database is dropped under it', async () => {
    const engine = await open();
    await rows(engine, 'create database busy');
    await rows(engine, 'create table busy.public.t as select seq4() as range from table(generator(rowcount => 1000))');
    const long = await submit(engine, 'select count(*) from busy.public.t a, busy.public.t b, table(generator(rowcount => 20))');
    await until(async () => (await engine.get(long.id))?.status === 'RUNNING');
    // RUNNING is reported as the query starts, before it reaches DuckDB; the join of a thousand
    // rows by itself twenty times takes far longer than this, so the drop arrives mid-query.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const drop = await submit(engine, 'drop database busy');
    const [counted, dropped] = await Promise.all([engine.waitForEnd(long.id, 20_000), engine.waitForEnd(drop.id, 20_000)]);
    expect(counted).toMatchObject({ status: 'SUCCESS', error: null });
    expect((await engine.readResult(long.id))?.rowset).toEqual([['20000000']]);
    expect(dropped).toMatchObject({ status: 'SUCCESS' });
    expect(dropped!.endedAt).toBeGreaterThanOrEqual(counted!.endedAt!);
  });
});
