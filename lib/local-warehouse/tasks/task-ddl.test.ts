/**
 * CREATE / ALTER / DROP / SHOW / DESCRIBE TASK on the local warehouse: the graph rules and limits
 * with their messages, the rule that a graph changes only while its root is suspended, and
 * definitions that outlive a restart (rules as in https://docs.snowflake.com/en/sql-reference/sql/create-task,
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task and https://docs.snowflake.com/en/user-guide/tasks-graphs).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../engine/database';
import { ManualClock } from '@/test/manual-clock';
import { TaskDefinitions } from './task-definitions';
import { taskFixture } from './task-fixture';
import { TaskStore } from './task-store';

const START = Date.parse('2026-11-20T12:00:00Z');
const fx = taskFixture();

describe('task definitions', () => {
  it('creates tasks suspended and lists them with SHOW TASKS and DESCRIBE TASK columns', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK ROOT WAREHOUSE = LOCAL_WH SCHEDULE = 'USING CRON 0 1 * * * America/Los_Angeles' CONFIG = '{"env": "dev"}' COMMENT = 'nightly' AS SELECT 1;
      CREATE TASK CHILD AFTER ROOT WHEN 1 = 1 AS SELECT 2;
      CREATE TASK FIN FINALIZE = ROOT AS SELECT 3`);
    const rows = await fx.sql(`SHOW TASKS IN ACCOUNT`);
    expect(rows.map((row) => [row.name, row.state])).toEqual([
      ['CHILD', 'suspended'],
      ['FIN', 'suspended'],
      ['ROOT', 'suspended'],
    ]);
    const root = rows.find((row) => row.name === 'ROOT');
    expect(root).toMatchObject({
      database_name: 'FLURRY',
      schema_name: 'PUBLIC',
      warehouse: 'LOCAL_WH',
      schedule: 'USING CRON 0 1 * * * America/Los_Angeles',
      definition: 'SELECT 1',
      comment: 'nightly',
      config: '{"env": "dev"}',
      allow_overlapping_execution: 'false',
      owner: 'PUBLIC',
    });
    expect(JSON.parse(root?.task_relations ?? '')).toEqual({ Predecessors: [], FinalizerTask: 'FLURRY.PUBLIC.FIN' });
    const [child] = await fx.sql(`DESCRIBE TASK CHILD`);
    expect(JSON.parse(child.predecessors ?? '')).toEqual(['FLURRY.PUBLIC.ROOT']);
    expect(child.condition).toBe('1 = 1');
    expect(Object.keys(child)).toEqual(Object.keys(root ?? {}));
    expect(await fx.sql(`SHOW TERSE TASKS LIKE 'r%'`)).toEqual([
      expect.objectContaining({ name: 'ROOT', kind: 'TASK', schedule: 'USING CRON 0 1 * * * America/Los_Angeles' }),
    ]);
  });

  it('refuses changes to a graph whose root is started, and cycles, schedules on children and mixed schemas', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE SCHEMA OTHER;
      CREATE TASK A AS SELECT 1;
      CREATE TASK B AFTER A AS SELECT 2;
      CREATE TASK C AFTER B AS SELECT 3`);
    expect(await fx.fails(`ALTER TASK A ADD AFTER C`)).toContain(
      'Adding FLURRY.PUBLIC.C before FLURRY.PUBLIC.A would create a cycle',
    );
    expect(await fx.fails(`ALTER TASK B SET SCHEDULE = '5 MINUTES'`)).toContain(
      'Task FLURRY.PUBLIC.B runs after other tasks and cannot have a SCHEDULE; only a root task is scheduled.',
    );
    expect(await fx.fails(`CREATE TASK OTHER.D AFTER PUBLIC.C AS SELECT 4`)).toContain('all tasks in a graph share one schema');
    expect(await fx.fails(`CREATE TASK E AFTER NO_SUCH_TASK AS SELECT 5`)).toContain("Task 'FLURRY.PUBLIC.NO_SUCH_TASK' does not exist or not authorized.");

    await fx.sql(`ALTER TASK A RESUME`);
    const refused = 'Unable to update graph with root task FLURRY.PUBLIC.A since that root task is not suspended.';
    expect(await fx.fails(`ALTER TASK C MODIFY AS SELECT 30`)).toContain(refused);
    expect(await fx.fails(`CREATE TASK D AFTER C AS SELECT 4`)).toContain(refused);
    expect(await fx.fails(`DROP TASK B`)).toContain(refused);
    // Resuming and suspending children is not a change to the graph.
    await fx.sql(`ALTER TASK C RESUME`);
    await fx.sql(`ALTER TASK A SUSPEND`);
    await fx.sql(`ALTER TASK C MODIFY AS SELECT 30`);
    expect((await fx.sql(`DESCRIBE TASK C`))[0].definition).toBe('SELECT 30');
  });

  it('enforces 100 predecessors and 100 children per task', async () => {
    await fx.open(START);
    const names = Array.from({ length: 101 }, (_, i) => `P${i}`);
    for (const name of names) await fx.sql(`CREATE TASK ${name} AS SELECT 1`);
    expect(await fx.fails(`CREATE TASK JOIN_ALL AFTER ${names.join(', ')} AS SELECT 1`)).toContain(
      'Task FLURRY.PUBLIC.JOIN_ALL has 101 predecessors; a task can have at most 100.',
    );
    for (let i = 0; i < 100; i++) await fx.sql(`CREATE TASK C${i} AFTER P0 AS SELECT 1`);
    expect(await fx.fails(`CREATE TASK C100 AFTER P0 AS SELECT 1`)).toContain(
      'Task FLURRY.PUBLIC.P0 has 101 child tasks; a task can have at most 100.',
    );
  });

  it('enforces 1000 tasks per graph, root included', async () => {
    // A thousand CREATE TASK statements through SQL would take most of a minute; the definitions
    // answer those statements, so they are driven directly here, on a real DuckDB store.
    await fx.open(START);
    await fx.close();
    const database = await openDatabase(fx.dataDir(), 'FLURRY', 'PUBLIC');
    try {
      const store = await TaskStore.open(database);
      const clock = new ManualClock(START);
      const definitions = new TaskDefinitions(store, [], clock.now, { databaseExists: () => true, warehouseExists: () => true }, { changed: () => {} });
      const session = { user: 'ANALYST', role: 'PUBLIC', database: 'FLURRY', schema: 'PUBLIC', warehouse: 'LOCAL_WH', queryId: 'q' };
      const create = (name: string, after: string[]) =>
        definitions.create(
          { kind: 'create_task', orReplace: false, ifNotExists: false, name: { database: null, schema: null, name }, properties: {}, finalize: null, after: after.map((p) => ({ database: null, schema: null, name: p })), when: null, body: 'SELECT 1' },
          session,
        );
      create('T0', []);
      for (let i = 1; i < 1000; i++) create(`T${i}`, [`T${Math.floor((i - 1) / 10)}`]);
      expect(() => create('T1000', ['T999'])).toThrow(
        'Task graph of root FLURRY.PUBLIC.T0 has 1001 tasks; a graph can have at most 1000, root included.',
      );
      await store.flush();
    } finally {
      database.close();
    }
  });

  it('keeps tasks, their states and history across a restart, and schedules again', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK KEPT SCHEDULE = '30 MINUTES' AS SELECT 1;
      ALTER TASK KEPT RESUME`);
    await fx.advanceTo(START + 30 * 60_000);
    await fx.close();
    await fx.open(START + 40 * 60_000);
    const [kept] = await fx.sql(`SHOW TASKS`);
    expect([kept.name, kept.state]).toEqual(['KEPT', 'started']);
    await fx.advanceTo(START + 60 * 60_000);
    expect((await fx.history(`NAME = 'KEPT'`)).map((row) => row.STATE)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    await fx.sql(`ALTER TASK KEPT SUSPEND`);
    await fx.sql(`DROP TASK KEPT`);
    expect(await fx.sql(`SHOW TASKS`)).toEqual([]);
    expect(await fx.fails(`DESCRIBE TASK KEPT`)).toContain("Task 'FLURRY.PUBLIC.KEPT' does not exist or not authorized.");
  });
  it('refuses CREATE TASK in a database or schema that does not exist', async () => {
    await fx.open(START);
    expect(await fx.fails(`CREATE TASK FLURRY.NO_SUCH_SCHEMA.T AS SELECT 1`)).toBe(
      "SQL compilation error:\nSchema 'FLURRY.NO_SUCH_SCHEMA' does not exist or not authorized.",
    );
    expect(await fx.fails(`CREATE TASK NO_SUCH_DB.NO_SUCH_SCHEMA.T AS SELECT 1`)).toBe(
      "SQL compilation error:\nDatabase 'NO_SUCH_DB' does not exist or not authorized.",
    );
    expect(await fx.fails(`CREATE TASK NO_SUCH_SCHEMA.T AS SELECT 1`)).toContain("Schema 'FLURRY.NO_SUCH_SCHEMA' does not exist");
    expect(await fx.sql(`SHOW TASKS IN ACCOUNT`)).toEqual([]);
  });

  it('drops, on start, tasks whose database went while the warehouse was down', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE DATABASE LOST;
      CREATE TASK LOST.PUBLIC.ORPHAN SCHEDULE = '1 MINUTES' AS SELECT 1;
      ALTER TASK LOST.PUBLIC.ORPHAN RESUME;
      CREATE TASK STAYS AS SELECT 1`);
    await fx.close();
    rmSync(path.join(fx.dataDir(), 'databases', 'LOST.duckdb'), { force: true });
    await fx.open(START + 60_000);
    expect((await fx.sql(`SHOW TASKS IN ACCOUNT`)).map((row) => row.name)).toEqual(['STAYS']);
    await fx.advanceTo(START + 5 * 60_000);
    expect(await fx.history(`NAME = 'ORPHAN'`, true)).toEqual([]);
  });
});
