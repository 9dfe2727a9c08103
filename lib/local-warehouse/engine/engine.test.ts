import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { engineFixture } from './engine-fixture';

const { session, open, submit, run, rows, until, dataDir: currentDataDir } = engineFixture();
let dataDir = '';
beforeEach(() => {
  dataDir = currentDataDir();
});

describe('engine: running queries', () => {
  it('runs statements through QUEUED → RUNNING → SUCCESS and keeps results readable by page', async () => {
    const engine = await open();
    const created = await rows(engine, 'create or replace transient table t (a int, "low" varchar, d decimal(10,2))');
    expect(created.rowset).toEqual([['Table T successfully created.']]);
    expect(created.statementTypeId).toBe(0x6000);

    const inserted = await rows(engine, "insert into t values (1, 'x', 1.5), (2, 'y', null), (3, 'z', 0)");
    expect(inserted).toMatchObject({ rowset: [['3']], total: 1, statementTypeId: 0x3100 });
    expect(inserted.rowtype[0].name).toBe('number of rows inserted');

    const record = await run(engine, 'select a, "low", d, a * 2 from t order by a');
    expect(record).toMatchObject({ status: 'SUCCESS', rowCount: 3, queryType: 'SELECT', queryTag: 'flurry:test' });
    expect(record.queuedAt).toBeLessThanOrEqual(record.startedAt as number);
    expect(record.startedAt).toBeLessThanOrEqual(record.endedAt as number);

    const page = await engine.readResult(record.id, 1, 1);
    expect(page?.rowtype.map((c) => [c.name, c.type, c.precision, c.scale])).toEqual([
      ['A', 'fixed', 38, 0],
      ['low', 'text', null, null],
      ['D', 'fixed', 10, 2],
      ['A * 2', 'fixed', 38, 0],
    ]);
    expect(page?.rowset).toEqual([['2', 'y', null, '4']]);
    expect(page?.total).toBe(3);
    expect((await engine.readResult(record.id))?.rowset).toHaveLength(3);
  });

  it('encodes DATE, TIMESTAMP, VARIANT, BOOLEAN and REAL cells as Snowflake does', async () => {
    const engine = await open();
    const result = await rows(
      engine,
      `select date '2024-01-01' as d, timestamp '2024-01-01 00:00:01.5' as ts, parse_json('{"k": [1, 2]}') as v,
              array_construct(1, 2) as arr, true as b, 2.5::double as r`,
    );
    expect(result.rowtype.map((c) => c.type)).toEqual(['date', 'timestamp_ntz', 'variant', 'array', 'boolean', 'real']);
    // VARIANT and ARRAY as Snowflake prints them: two-space indentation, one element per line.
    expect(result.rowset).toEqual([['19723', '1704067201.500000000', '{\n  "k": [\n    1,\n    2\n  ]\n}', '[\n  1,\n  2\n]', '1', '2.5']]);
  });

  it('keeps tables across sessions and restarts, and finished queries in the history', async () => {
    const first = await open();
    await rows(first, 'create table kept as select 42 as answer');
    const select = await run(first, 'select answer from kept');
    const retried = await submit(first, 'select 1', {}, 'req-before-restart');
    await first.waitForEnd(retried.id, 5000);
    await first.close();

    const second = await open();
    const [again, fresh] = await Promise.all([
      submit(second, 'select 1', {}, 'req-before-restart'),
      submit(second, 'select 1', {}, 'req-after-restart'),
    ]);
    expect(again).toMatchObject({ id: retried.id, status: 'SUCCESS' });
    expect(fresh.id).not.toBe(retried.id);
    expect((await rows(second, 'select * from flurry.public.kept', { sessionId: 2 })).rowset).toEqual([['42']]);
    expect(await second.get(select.id)).toEqual(select);
    expect((await second.readResult(select.id))?.rowset).toEqual([['42']]);
    expect(await second.get('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('reports Snowflake error codes and messages', async () => {
    const engine = await open();
    await rows(engine, 'create table t (a int)');
    const cases: [string, string, string, RegExp][] = [
      ['selec 1', '001003', '42000', /^SQL compilation error:\nsyntax error line 1 at position 0 unexpected 'SELEC'\.$/],
      ['select * from nope', '002003', '42S02', /^SQL compilation error:\nObject 'NOPE' does not exist or not authorized\.$/],
      ['select a,\n  nope from t', '000904', '42000', /^SQL compilation error: error line 2 at position 2\ninvalid identifier 'NOPE'$/],
      ['select 1/0', '100051', '22012', /^Division by zero$/],
      ['select 1; select 2', '000008', '0A000', /statement count 2 did not match/],
      ['-- nothing to run', '000900', '42000', /Empty SQL statement/],
      ["select 'abc'::int", '100038', '22018', /^Numeric value 'abc' is not recognized$/],
    ];
    for (const [sql, code, sqlState, message] of cases) {
      const record = await run(engine, sql);
      expect(record.status, sql).toBe('FAILED_WITH_ERROR');
      expect(record.error, sql).toMatchObject({ code, sqlState, message: expect.stringMatching(message) });
      expect(await engine.readResult(record.id), sql).toBeNull();
    }
  });

  it('deduplicates submissions by requestId, live and after the end', async () => {
    const engine = await open();
    const [a, b] = await Promise.all([
      submit(engine, "select 'once'", {}, 'req-1'),
      submit(engine, "select 'once'", {}, 'req-1'),
    ]);
    expect(b.id).toBe(a.id);
    await engine.waitForEnd(a.id, 5000);
    const again = await submit(engine, "select 'once'", {}, 'req-1');
    expect(again).toMatchObject({ id: a.id, status: 'SUCCESS' });
    const count = await rows(
      engine,
      "select count(*) from table(information_schema.query_history()) where query_text = 'select ''once'''",
    );
    expect(count.rowset).toEqual([['1']]);
  });
});

describe('engine: Snowflake type names', () => {
  it('creates NUMBER, TIMESTAMP_NTZ and FLOAT columns that answer as Snowflake types', async () => {
    const engine = await open();
    await rows(engine, 'create table priced (id number, amount number(10,2), ratio float, created timestamp_ntz)');
    await rows(engine, "insert into priced values (1, 12.5, 0.1, '2026-01-02 03:04:05')");
    const result = await rows(engine, 'select id, amount, ratio, created, amount::number(12,4) as wide from priced');
    expect(result.rowtype.map((column) => [column.name, column.type, column.precision, column.scale])).toEqual([
      ['ID', 'fixed', 38, 0],
      ['AMOUNT', 'fixed', 10, 2],
      ['RATIO', 'real', null, null],
      ['CREATED', 'timestamp_ntz', null, 9],
      ['WIDE', 'fixed', 12, 4],
    ]);
    expect(result.rowset).toEqual([['1', '12.50', '0.1', '1767323045.000000000', '12.5000']]);
  });
});

describe('engine: writers of one table', () => {
  it('runs two MERGEs into one table one after the other, so a new key is inserted once', async () => {
    const engine = await open();
    await rows(engine, 'create table results (id int, summary varchar, sentiment varchar)');
    // A slow source keeps both statements running at the same time if nothing orders them.
    const merge = (column: string, value: string) =>
      `merge into results t using (select 1 as id, '${value}' as v from table(generator(rowcount => 30000000)) limit 1 offset 29999999) s ` +
      `on t.id = s.id when matched then update set ${column} = s.v when not matched then insert (id, ${column}) values (s.id, s.v)`;
    const [first, second] = await Promise.all([
      submit(engine, merge('summary', 'short')),
      submit(engine, merge('sentiment', 'POSITIVE')),
    ]);
    expect((await engine.waitForEnd(first.id, 20_000))?.status).toBe('SUCCESS');
    expect((await engine.waitForEnd(second.id, 20_000))?.status).toBe('SUCCESS');
    expect((await rows(engine, 'select id, summary, sentiment from results')).rowset).toEqual([['1', 'short', 'POSITIVE']]);
  });

  it('lets an ALTER TABLE wait for a MERGE into the same table instead of failing it', async () => {
    const engine = await open();
    await rows(engine, 'create table results (id int, summary varchar)');
    const merge = await submit(
      engine,
      "merge into results t using (select 1 as id, 'short' as v from table(generator(rowcount => 30000000)) limit 1 offset 29999999) s " +
        'on t.id = s.id when matched then update set summary = s.v when not matched then insert (id, summary) values (s.id, s.v)',
    );
    await until(async () => (await engine.get(merge.id))?.status === 'RUNNING');
    const alter = await submit(engine, 'alter table results add column if not exists sentiment varchar');
    expect((await engine.waitForEnd(merge.id, 20_000))?.error).toBeNull();
    expect((await engine.waitForEnd(alter.id, 20_000))?.error).toBeNull();
    expect((await rows(engine, 'select id, summary, sentiment from results')).rowset).toEqual([['1', 'short', null]]);
  });
});

describe('engine: slots and cancelling', () => {
  it('queues queries past the concurrency limit and starts them as slots free up', async () => {
    const engine = await open({ concurrency: 2 });
    const waits = await Promise.all([1, 2, 3].map(() => submit(engine, "call system$wait(400, 'MILLISECONDS')")));
    const statuses = await Promise.all(waits.map((query) => engine.get(query.id)));
    expect(statuses.map((query) => query?.status)).toEqual(['RUNNING', 'RUNNING', 'QUEUED']);
    const [first, second, third] = await Promise.all(waits.map((query) => engine.waitForEnd(query.id, 5000)));
    expect([first?.status, second?.status, third?.status]).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(third?.startedAt).toBeGreaterThanOrEqual(Math.min(first?.endedAt as number, second?.endedAt as number));
    expect((await engine.readResult(third?.id as string))?.rowset).toEqual([['waited 400 milliseconds']]);
  });

  it('cancels a queued query at once and a running one within a second', async () => {
    const engine = await open({ concurrency: 1 });
    const running = await submit(engine, 'call system$wait(30)');
    const queued = await submit(engine, 'select 1');
    expect(engine.cancel(queued.id)).toBe(true);
    expect(await engine.get(queued.id)).toMatchObject({
      status: 'ABORTED',
      startedAt: null,
      error: { code: '000604', sqlState: '57014', message: 'SQL execution canceled' },
    });

    const started = Date.now();
    expect(engine.cancel(running.id)).toBe(true);
    const ended = await engine.waitForEnd(running.id, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ended).toMatchObject({ status: 'ABORTED', error: { code: '000604' } });
    expect(engine.cancel(running.id)).toBe(false);
    expect(engine.cancel('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(await engine.readResult(running.id)).toBeNull();
  });

  it('interrupts a statement DuckDB is executing, and the slot stays usable', async () => {
    const engine = await open({ concurrency: 1 });
    const heavy = await submit(engine, 'select count(*) from table(generator(rowcount => 100000000000))', {}, 'req-heavy');
    await until(async () => (await engine.get(heavy.id))?.status === 'RUNNING');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    expect(engine.cancelByRequestId('req-heavy', 'ANALYST')).toBe(true);
    const ended = await engine.waitForEnd(heavy.id, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(ended?.status).toBe('ABORTED');
    expect((await rows(engine, 'select 7')).rowset).toEqual([['7']]);
  });

  it('cancels with SYSTEM$CANCEL_QUERY and a TIMELIMIT generator holds until cancelled', async () => {
    const engine = await open();
    const long = await submit(engine, 'select count(*) from table(generator(timelimit => 60))');
    await until(async () => (await engine.get(long.id))?.status === 'RUNNING');
    const cancelled = await rows(engine, `select system$cancel_query('${long.id}')`);
    expect(cancelled.rowset).toEqual([[`query [${long.id}] terminated.`]]);
    expect((await engine.waitForEnd(long.id, 1000))?.status).toBe('ABORTED');
    const again = await rows(engine, `select system$cancel_query('${long.id}')`);
    expect(again.rowset).toEqual([['Identified SQL statement is not currently executing.']]);
  });

  it('answers SYSTEM$CANCEL_QUERY with a bound id and QUERY_HISTORY while every slot is busy', async () => {
    const engine = await open({ concurrency: 1 });
    const long = await submit(engine, 'call system$wait(60)');
    const queued = await submit(engine, 'select 1');
    await until(async () => (await engine.get(long.id))?.status === 'RUNNING');

    const history = await engine.submit({
      sqlText: 'select execution_status from table(information_schema.query_history()) where query_id = ?',
      requestId: null,
      session,
      binds: [queued.id],
    });
    expect((await engine.waitForEnd(history.id, 5000))?.status).toBe('SUCCESS');
    expect((await engine.readResult(history.id))?.rowset).toEqual([['QUEUED']]);

    const cancel = await engine.submit({ sqlText: 'select system$cancel_query(?)', requestId: null, session, binds: [long.id] });
    expect((await engine.waitForEnd(cancel.id, 5000))?.status).toBe('SUCCESS');
    expect((await engine.readResult(cancel.id))?.rowset).toEqual([[`query [${long.id}] terminated.`]]);
    expect((await engine.waitForEnd(long.id, 1000))?.status).toBe('ABORTED');
    expect((await engine.waitForEnd(queued.id, 5000))?.status).toBe('SUCCESS');
  });

  it('types bound values in a select list as their literals would be', async () => {
    const engine = await open();
    const query = await engine.submit({ sqlText: 'select ? as n, ? as s, :1 + 1 as m', requestId: null, session, binds: [41, "it's"] });
    expect((await engine.waitForEnd(query.id, 5000))?.status).toBe('SUCCESS');
    const result = await engine.readResult(query.id);
    expect(result?.rowtype.map((column) => [column.name, column.type])).toEqual([
      ['N', 'fixed'],
      ['S', 'text'],
      ['M', 'fixed'],
    ]);
    expect(result?.rowset).toEqual([['41', "it's", '42']]);
  });

  it('ends queries a dead process left queued or running as failed, keeping finished ones', async () => {
    const engineModule = fileURLToPath(new URL('./engine.ts', import.meta.url));
    const script = `(async () => {
      const { createEngine } = await import(${JSON.stringify(engineModule)});
      const engine = await createEngine({ dataDir: ${JSON.stringify(dataDir)}, concurrency: 1, resultRetentionSeconds: 3600,
        defaultDatabase: 'FLURRY', defaultSchema: 'PUBLIC', defaultWarehouse: 'LOCAL_WH' });
      const session = ${JSON.stringify(session)};
      const done = await engine.submit({ sqlText: 'select 1', requestId: null, session });
      await engine.waitForEnd(done.id, 5000);
      const running = await engine.submit({ sqlText: 'call system$wait(60)', requestId: null, session });
      const queued = await engine.submit({ sqlText: 'select 2', requestId: null, session });
      await engine.waitForEnd(running.id, 300);
      console.log(JSON.stringify({ done: done.id, running: running.id, queued: queued.id }));
      setInterval(() => {}, 1000);
    })();`;
    const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
    // One process (tsx as a loader, not its CLI wrapper), so SIGKILL kills the engine itself.
    const child = spawn(process.execPath, ['--import', 'tsx', '--eval', script], { cwd: repoRoot });
    let ids: { done: string; running: string; queued: string };
    try {
      ids = await new Promise((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('\n')) resolve(JSON.parse(output));
        });
        child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
      });
    } finally {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    }

    const engine = await open();
    for (const id of [ids.running, ids.queued]) {
      expect(await engine.get(id)).toMatchObject({
        status: 'FAILED_WITH_ERROR',
        error: { code: '000603', message: expect.stringContaining('restarted') },
        endedAt: expect.any(Number),
      });
    }
    expect(await engine.get(ids.done)).toMatchObject({ status: 'SUCCESS', rowCount: 1 });
    expect((await engine.readResult(ids.done))?.rowset).toEqual([['1']]);
  });
});

describe('engine: results over time', () => {
  it('drops results after the retention period, on the engine clock', async () => {
    let clock = Date.now();
    const options = { resultRetentionSeconds: 60, now: () => clock };
    const engine = await open(options);
    const record = await run(engine, 'select 1 as n');
    expect((await engine.readResult(record.id))?.rowset).toEqual([['1']]);
    expect((await rows(engine, `select * from table(result_scan('${record.id}'))`)).rowset).toEqual([['1']]);

    clock += 60_000;
    expect(await engine.readResult(record.id)).toBeNull();
    const scan = await run(engine, `select * from table(result_scan('${record.id}'))`);
    expect(scan.error).toMatchObject({ code: '000709', message: `Statement ${record.id} not found` });
    expect(await engine.get(record.id)).toMatchObject({ status: 'SUCCESS' });
    const fresh = await run(engine, 'select 2');

    await engine.close();
    await (await open(options)).close();
    expect(fs.readdirSync(path.join(dataDir, 'results')).sort()).toEqual([`${fresh.id}.parquet`]);
  });
});

describe('engine: Snowflake dialect', () => {
  it('runs GENERATOR, SEQ4, SYSTEM$WAIT, RESULT_SCAN(LAST_QUERY_ID()) and upper-cases names', async () => {
    const engine = await open();
    const generated = await rows(engine, 'select seq4() as i, seq4() * 2 from table(generator(rowcount => 5)) where i >= 3');
    expect(generated.rowtype.map((c) => c.name)).toEqual(['I', 'SEQ4() * 2']);
    expect(generated.rowset).toEqual([['3', '6'], ['4', '8']]);

    const waited = await rows(engine, 'select system$wait(1)');
    expect(waited.rowtype.map((c) => c.name)).toEqual(['SYSTEM$WAIT(1)']);
    expect(waited.rowset).toEqual([['waited 1 seconds']]);

    const called = await run(engine, "call system$wait(1, 'SECONDS')");
    expect((called.endedAt as number) - (called.startedAt as number)).toBeGreaterThanOrEqual(1000);
    expect(called.queryType).toBe('CALL');
    const scanned = await rows(engine, 'select * from table(result_scan(last_query_id()))');
    expect(scanned.rowtype.map((c) => c.name)).toEqual(['SYSTEM$WAIT']);
    expect(scanned.rowset).toEqual([['waited 1 seconds']]);

    const timed = await run(engine, 'select count(*) from table(generator(timelimit => 1))');
    expect((timed.endedAt as number) - (timed.startedAt as number)).toBeGreaterThanOrEqual(1000);
  });

  it('serves INFORMATION_SCHEMA.QUERY_HISTORY with Snowflake columns and statuses', async () => {
    const engine = await open({ concurrency: 2 });
    const running = await submit(engine, 'call system$wait(30)');
    const succeeded = await run(engine, 'select 1');
    const failed = await run(engine, 'select 1/0');
    const cancelled = await submit(engine, 'call system$wait(30)');
    await until(async () => (await engine.get(cancelled.id))?.status === 'RUNNING');
    engine.cancel(cancelled.id);
    await engine.waitForEnd(cancelled.id, 1000);
    const other = await run(engine, 'select 2', { sessionId: 99, queryTag: 'other' });

    const history = await rows(engine, 'select * from table(flurry.information_schema.query_history())');
    expect(history.rowtype.map((c) => c.name)).toEqual([
      'QUERY_ID', 'QUERY_TEXT', 'DATABASE_NAME', 'SCHEMA_NAME', 'QUERY_TYPE', 'SESSION_ID', 'USER_NAME', 'ROLE_NAME',
      'WAREHOUSE_NAME', 'WAREHOUSE_SIZE', 'WAREHOUSE_TYPE', 'CLUSTER_NUMBER', 'QUERY_TAG', 'EXECUTION_STATUS',
      'ERROR_CODE', 'ERROR_MESSAGE', 'START_TIME', 'END_TIME', 'TOTAL_ELAPSED_TIME', 'BYTES_SCANNED', 'ROWS_PRODUCED',
      'COMPILATION_TIME', 'EXECUTION_TIME', 'QUEUED_PROVISIONING_TIME', 'QUEUED_REPAIR_TIME', 'QUEUED_OVERLOAD_TIME',
      'TRANSACTION_BLOCKED_TIME',
    ]);
    expect(history.rowtype.find((c) => c.name === 'START_TIME')?.type).toBe('timestamp_ltz');
    const column = (name: string) => history.rowtype.findIndex((c) => c.name === name);
    const byId = new Map(history.rowset.map((row) => [row[column('QUERY_ID')], row]));
    const field = (id: string, name: string) => byId.get(id)?.[column(name)];

    expect(history.rowset).toHaveLength(6);
    expect(history.rowset[0][column('EXECUTION_STATUS')]).toBe('RUNNING');
    expect(field(running.id, 'EXECUTION_STATUS')).toBe('RUNNING');
    expect(field(running.id, 'END_TIME')).toBe('0.000000000');
    expect(field(succeeded.id, 'EXECUTION_STATUS')).toBe('SUCCESS');
    expect(field(succeeded.id, 'ROWS_PRODUCED')).toBe('1');
    expect(field(succeeded.id, 'QUERY_TYPE')).toBe('SELECT');
    expect(field(succeeded.id, 'WAREHOUSE_NAME')).toBe('LOCAL_WH');
    expect(field(failed.id, 'EXECUTION_STATUS')).toBe('FAILED_WITH_ERROR');
    expect(field(failed.id, 'ERROR_CODE')).toBe('100051');
    expect(field(cancelled.id, 'EXECUTION_STATUS')).toBe('FAILED_WITH_ERROR');
    expect(field(cancelled.id, 'ERROR_MESSAGE')).toBe('SQL execution canceled');
    expect(field(other.id, 'QUERY_TAG')).toBe('other');
    expect(Number(field(succeeded.id, 'TOTAL_ELAPSED_TIME'))).toBe((succeeded.endedAt as number) - succeeded.queuedAt);

    const limitedFirst = await rows(
      engine,
      "select query_id from table(information_schema.query_history(result_limit => 2)) where execution_status = 'SUCCESS'",
    );
    expect(limitedFirst.rowset).toHaveLength(1);
    const bySession = await rows(
      engine,
      'select query_id from table(information_schema.query_history_by_session(session_id => 99))',
    );
    expect(bySession.rowset).toEqual([[other.id]]);
    const endedOnly = await rows(
      engine,
      'select query_id from table(information_schema.query_history(end_time_range_end => current_timestamp()))',
    );
    expect(endedOnly.rowset.map(([id]) => id)).not.toContain(running.id);
    expect(endedOnly.rowset.map(([id]) => id)).toContain(failed.id);
  });
});

describe('engine: a parallel batch', () => {
  it('runs 100 queries submitted at once through 8 slots, each storing its own result', async () => {
    const engine = await open({ concurrency: 8 });
    const submitted = await Promise.all(
      Array.from({ length: 100 }, (_, i) => submit(engine, `select ${i} as n, seq4() from table(generator(rowcount => 10))`)),
    );
    const ended = await Promise.all(submitted.map((query) => engine.waitForEnd(query.id, 20_000)));
    expect(ended.every((query) => query?.status === 'SUCCESS' && query.rowCount === 10)).toBe(true);
    const results = await Promise.all(submitted.map((query) => engine.readResult(query.id, 9, 1)));
    expect(results.map((result) => result?.rowset)).toEqual(Array.from({ length: 100 }, (_, i) => [[String(i), '9']]));
  });
});
