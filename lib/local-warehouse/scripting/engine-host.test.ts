/**
 * The engine side of Snowflake Scripting, driven with runners written in the test (the
 * interpreter has tests of its own): a script's statements are child queries with their own
 * history rows, a session change by one carries to the next, cancelling the script cancels its
 * running child, the 4,000-children limit (lowered here), expressions evaluated without a query
 * of their own, and a CALL's overload, arguments and typed answer.
 */
import { describe, expect, it } from 'vitest';
import { engineFixture } from '../engine/engine-fixture';
import type { Engine } from '../engine/types';
import type { ScriptRunner } from './script-query';
import { tooManyChildren } from './engine-host';

const { open, run, rows, submit, until } = engineFixture();

async function history(engine: Engine, parentId: string) {
  const parent = await engine.get(parentId);
  return Promise.all((parent?.childQueryIds ?? []).map(async (id) => (await engine.get(id))!));
}

describe('a script query on the engine', () => {
  it('runs its statements as child queries, concurrently, each with its own record', async () => {
    const runner: ScriptRunner = async (_text, host) => {
      const first = host.start('SELECT 1 AS A');
      const second = host.start("SELECT 'two' AS B, 2.5::NUMBER(4,1) AS C");
      const ended = await Promise.all([first.ended, second.ended]);
      expect(ended.map((outcome) => outcome.status)).toEqual(['SUCCESS', 'SUCCESS']);
      const read = await host.rows(second.queryId);
      expect(read).toEqual({ columns: ['B', 'C'], rows: [[{ value: 'two', type: 'VARCHAR' }, { value: 2.5, type: 'NUMBER(4,1)' }]] });
      return { kind: 'table', queryId: second.queryId };
    };
    const engine = await open({ scriptRunner: runner });
    const result = await rows(engine, 'BEGIN SELECT 1; END;');
    expect(result.rowtype.map((column) => column.name)).toEqual(['B', 'C']);
    expect(result.rowset).toEqual([['two', '2.5']]);
    const parent = await run(engine, 'BEGIN SELECT 1; END;');
    expect(parent).toMatchObject({ status: 'SUCCESS', queryType: 'UNKNOWN' });
    const children = await history(engine, parent.id);
    expect(children.map((child) => [child.sqlText, child.status, child.queryType])).toEqual([
      ['SELECT 1 AS A', 'SUCCESS', 'SELECT'],
      ["SELECT 'two' AS B, 2.5::NUMBER(4,1) AS C", 'SUCCESS', 'SELECT'],
    ]);
    // Recorded as queries of their own, as INFORMATION_SCHEMA.QUERY_HISTORY shows them.
    const listed = await rows(engine, `SELECT QUERY_ID FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID IN ('${children[0].id}', '${children[1].id}')`);
    expect(listed.rowset).toHaveLength(2);
  });

  it('answers a scalar RETURN in one column named "anonymous block", and evaluates expressions without recording them', async () => {
    const engine = await open({
      scriptRunner: async (_text, host) => ({ kind: 'value', value: await host.evaluate("1 + 2 || ''") }),
    });
    const parent = await run(engine, 'EXECUTE IMMEDIATE $$ BEGIN RETURN 3; END; $$');
    expect(parent).toMatchObject({ status: 'SUCCESS', childQueryIds: [] });
    const result = await engine.readResult(parent.id);
    expect(result?.rowtype.map((column) => [column.name, column.type])).toEqual([['anonymous block', 'text']]);
    expect(result?.rowset).toEqual([['3']]);
    const counted = await rows(engine, `SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_TEXT LIKE 'SELECT 1 + 2%'`);
    expect(counted.rowset).toEqual([['0']]);
  });

  it('carries a USE in one child to the children after it, and to the session', async () => {
    const engine = await open({
      scriptRunner: async (_text, host) => {
        await run(engine, 'CREATE SCHEMA IF NOT EXISTS SCRIPTED');
        await host.start('USE SCHEMA SCRIPTED').ended;
        const current = host.start('SELECT CURRENT_SCHEMA()');
        await current.ended;
        return { kind: 'value', value: (await host.rows(current.queryId)).rows[0][0] };
      },
    });
    const parent = await run(engine, 'BEGIN USE SCHEMA SCRIPTED; RETURN CURRENT_SCHEMA(); END');
    expect((await engine.readResult(parent.id))?.rowset).toEqual([['SCRIPTED']]);
    expect(parent.final.schema).toBe('SCRIPTED');
  });

  it("cancelling the script cancels its running child; both end ABORTED", async () => {
    let childId = '';
    const engine = await open({
      scriptRunner: async (_text, host) => {
        const child = host.start('CALL SYSTEM$WAIT(30)');
        childId = child.queryId;
        await child.ended;
        return { kind: 'none' };
      },
    });
    const parent = await submit(engine, 'BEGIN CALL SYSTEM$WAIT(30); END');
    await until(async () => childId !== '' && (await engine.get(childId))?.status === 'RUNNING');
    expect(engine.cancel(parent.id)).toBe(true);
    const ended = await engine.waitForEnd(parent.id, 10_000);
    expect(ended?.status).toBe('ABORTED');
    expect((await engine.waitForEnd(childId, 10_000))?.status).toBe('ABORTED');
  });

  it('refuses a child past the limit of children running at once, with the limit named', async () => {
    const engine = await open({
      maxScriptChildren: 2,
      scriptRunner: async (_text, host) => {
        host.start('CALL SYSTEM$WAIT(5)');
        host.start('CALL SYSTEM$WAIT(5)');
        host.start('SELECT 3');
        return { kind: 'none' };
      },
    });
    const parent = await run(engine, 'BEGIN ASYNC (SELECT 1); END');
    expect(parent.status).toBe('FAILED_WITH_ERROR');
    expect(parent.error).toEqual(tooManyChildren(2));
    expect(parent.childQueryIds).toHaveLength(2);
  });
});

describe('CALL on the engine', () => {
  it('chooses the overload by argument types, converts arguments and types the answer by RETURNS', async () => {
    const seen: unknown[] = [];
    const engine = await open({
      scriptRunner: async (text, _host, args) => {
        seen.push({ text, args });
        return { kind: 'value', value: Object.values(args)[0] ?? { value: null, type: 'VARCHAR' } };
      },
    });
    await run(engine, "CREATE PROCEDURE ECHO(N NUMBER(10,2)) RETURNS VARCHAR AS 'BEGIN RETURN n; END'");
    await run(engine, "CREATE PROCEDURE ECHO(S VARCHAR, T VARCHAR DEFAULT 'x' || 'y') RETURNS NUMBER(12,3) AS $$BEGIN RETURN s; END$$");
    const number = await rows(engine, 'CALL ECHO(1 + 1)');
    expect(number.rowtype.map((column) => [column.name, column.type])).toEqual([['ECHO', 'text']]);
    expect(number.rowset).toEqual([['2.00']]);
    expect(seen[0]).toEqual({ text: 'BEGIN RETURN n; END', args: { N: { value: 2, type: 'NUMBER(10,2)' } } });
    const text = await rows(engine, "CALL ECHO(t => 'z', s => '7.5')");
    expect(text.rowtype.map((column) => [column.name, column.type, column.scale])).toEqual([['ECHO', 'fixed', 3]]);
    expect(text.rowset).toEqual([['7.500']]);
    expect(seen[1]).toMatchObject({ args: { S: { value: '7.5', type: 'VARCHAR' }, T: { value: 'z', type: 'VARCHAR' } } });
    await rows(engine, "CALL ECHO('4')");
    expect(seen[2]).toMatchObject({ args: { T: { value: 'xy' } } });
    expect(await run(engine, 'CALL ECHO(1)')).toMatchObject({ queryType: 'CALL' });
  });

  it('refuses an unknown procedure, arguments that fit no overload and unknown named arguments', async () => {
    const engine = await open({ scriptRunner: async () => ({ kind: 'none' }) });
    await run(engine, 'CREATE PROCEDURE ONE_ARG(A NUMBER) RETURNS NUMBER AS $$BEGIN RETURN a; END$$');
    expect((await run(engine, 'CALL NOPE()')).error).toMatchObject({ code: '002141', message: 'SQL compilation error:\nUnknown user-defined function NOPE.' });
    expect((await run(engine, 'CALL ONE_ARG(1, 2)')).error).toMatchObject({
      code: '001044',
      message: "SQL compilation error:\nInvalid argument types for function 'ONE_ARG': (NUMBER(38,0), NUMBER(38,0))",
    });
    expect((await run(engine, 'CALL ONE_ARG(b => 1)')).error?.message).toContain("Invalid arguments for procedure 'ONE_ARG': unknown argument B");
    expect((await run(engine, 'CALL ONE_ARG(a => 1, 2)')).error).toMatchObject({ code: '001003' });
  });

  it('keeps procedures across a restart', async () => {
    const first = await open({ scriptRunner: async () => ({ kind: 'none' }) });
    await run(first, 'CREATE PROCEDURE KEPT(A VARCHAR) RETURNS VARCHAR NOT NULL AS $$BEGIN RETURN a; END$$');
    await first.close();
    const second = await open({ scriptRunner: async () => ({ kind: 'none' }) });
    expect((await rows(second, 'DESCRIBE PROCEDURE KEPT(VARCHAR)')).rowset[1]).toEqual(['returns', 'VARCHAR NOT NULL']);
    // RETURNS … NOT NULL: a body that returns nothing fails the CALL.
    expect((await run(second, "CALL KEPT('x')")).error).toMatchObject({ code: '100072' });
  });
});
