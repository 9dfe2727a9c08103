/**
 * Scheduled runs on a replaceable clock: both documented daylight-saving cases
 * (https://docs.snowflake.com/en/developer-guide/snowflake-python-api/reference/latest/_autosummary/snowflake.core.task.Cron),
 * intervals counted from RESUME (https://docs.snowflake.com/en/sql-reference/sql/alter-task), a week of runs,
 * overlap skipping (https://docs.snowflake.com/en/user-guide/tasks-graphs),
 * auto-suspend after consecutive failures, and schedules ending with a dropped database or schema.
 */
import { describe, expect, it } from 'vitest';
import { iso, taskFixture } from './task-fixture';

const fx = taskFixture();

const scheduledTimes = async (name: string) =>
  (await fx.history(`NAME = '${name}' AND SCHEDULED_FROM = 'SCHEDULE'`)).map((row) => iso(row.SCHEDULED_TIME));

describe('scheduled runs', () => {
  it('runs a 1 AM Los Angeles schedule twice on the autumn change', async () => {
    await fx.open(Date.parse('2026-10-31T12:00:00Z'));
    await fx.sql(`CREATE TASK NIGHTLY SCHEDULE = 'USING CRON 0 1 * * * America/Los_Angeles' AS SELECT 1`);
    await fx.sql(`ALTER TASK NIGHTLY RESUME`);
    await fx.advanceTo(Date.parse('2026-11-03T00:00:00Z'));
    expect(await scheduledTimes('NIGHTLY')).toEqual([
      '2026-11-01T08:00:00.000Z', // 01:00 PDT
      '2026-11-01T09:00:00.000Z', // 01:00 PST, the same wall time an hour later
      '2026-11-02T09:00:00.000Z',
    ]);
  });

  it('does not run a 2 AM Los Angeles schedule on the spring change', async () => {
    await fx.open(Date.parse('2027-03-13T00:00:00Z'));
    await fx.sql(`CREATE TASK NIGHTLY SCHEDULE = 'USING CRON 0 2 * * * America/Los_Angeles' AS SELECT 1`);
    await fx.sql(`ALTER TASK NIGHTLY RESUME`);
    await fx.advanceTo(Date.parse('2027-03-16T00:00:00Z'));
    // 2027-03-14 has no 02:00 in Los Angeles: the clock goes from 01:59:59 to 03:00.
    expect(await scheduledTimes('NIGHTLY')).toEqual(['2027-03-13T10:00:00.000Z', '2027-03-15T09:00:00.000Z']);
  });

  it('counts an interval from RESUME, and shows the next run as SCHEDULED', async () => {
    const resumedAt = Date.parse('2026-11-20T09:03:00Z');
    await fx.open(resumedAt);
    await fx.sql(`CREATE TASK EVERY_TEN SCHEDULE = '10 MINUTES' AS SELECT 1`);
    await fx.sql(`ALTER TASK EVERY_TEN RESUME`);
    const [next] = await fx.history(`STATE = 'SCHEDULED'`, true);
    expect(iso(next.SCHEDULED_TIME)).toBe('2026-11-20T09:13:00.000Z');
    expect(next.QUERY_ID).toBeNull();
    await fx.advanceTo(Date.parse('2026-11-20T09:35:00Z'));
    expect(await scheduledTimes('EVERY_TEN')).toEqual(['2026-11-20T09:13:00.000Z', '2026-11-20T09:23:00.000Z', '2026-11-20T09:33:00.000Z']);
    const [graph] = await fx.sql(`SELECT STATE, NEXT_SCHEDULED_TIME FROM TABLE(INFORMATION_SCHEMA.CURRENT_TASK_GRAPHS())`);
    expect(graph.STATE).toBe('SCHEDULED');
    expect(iso(graph.NEXT_SCHEDULED_TIME)).toBe('2026-11-20T09:43:00.000Z');

    // Suspending cancels future runs: no SCHEDULED row, nothing more runs.
    await fx.sql(`ALTER TASK EVERY_TEN SUSPEND`);
    await fx.advanceTo(Date.parse('2026-11-20T10:30:00Z'));
    expect(await scheduledTimes('EVERY_TEN')).toHaveLength(3);
    expect(await fx.history(`STATE = 'SCHEDULED'`, true)).toEqual([]);
  });

  it('runs an hourly schedule for a week, 168 runs in order', async () => {
    await fx.open(Date.parse('2026-11-02T00:30:00Z'));
    await fx.sql(`CREATE TASK HOURLY SCHEDULE = 'USING CRON 0 * * * * UTC' AS SELECT 1`);
    await fx.sql(`ALTER TASK HOURLY RESUME`);
    await fx.advanceTo(Date.parse('2026-11-09T00:30:00Z'));
    const times = await scheduledTimes('HOURLY');
    expect(times).toHaveLength(168);
    expect(times[0]).toBe('2026-11-02T01:00:00.000Z');
    expect(times.at(-1)).toBe('2026-11-09T00:00:00.000Z');
    expect(new Set((await fx.history(`NAME = 'HOURLY'`)).map((row) => row.STATE))).toEqual(new Set(['SUCCEEDED']));
  });

  it('skips scheduled runs while the previous run still executes (NO_OVERLAP), and overlaps with ALLOW_ALL_OVERLAP', async () => {
    const start = Date.parse('2026-11-20T10:00:30Z');
    await fx.open(start);
    await fx.script(`
      CREATE TASK SLOW_ROOT SCHEDULE = '1 MINUTES' AS CALL SYSTEM$WAIT(300);
      ALTER TASK SLOW_ROOT RESUME`);
    await fx.advanceTo(start + 60_000, true);
    await fx.advanceTo(start + 3 * 60_000, true);
    const rows = await fx.history(`NAME = 'SLOW_ROOT'`);
    expect(rows.map((row) => row.STATE)).toEqual(['EXECUTING', 'SKIPPED', 'SKIPPED']);
    expect(rows[1].ERROR_MESSAGE).toBe('Skipped: the previous run of this graph was still executing (OVERLAP_POLICY = NO_OVERLAP).');

    await fx.sql(`SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('SLOW_ROOT')`);
    await fx.settled(true);
    await fx.script(`
      ALTER TASK SLOW_ROOT SUSPEND;
      ALTER TASK SLOW_ROOT SET OVERLAP_POLICY = ALLOW_ALL_OVERLAP;
      ALTER TASK SLOW_ROOT RESUME`);
    await fx.advanceTo(start + 5 * 60_000, true);
    const overlapping = (await fx.history(`NAME = 'SLOW_ROOT'`)).filter((row) => row.STATE === 'EXECUTING');
    expect(overlapping).toHaveLength(2);
    await fx.sql(`SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('SLOW_ROOT')`);
    await fx.settled();
    expect((await fx.history(`NAME = 'SLOW_ROOT' AND STATE = 'CANCELLED'`)).length).toBe(3);
  });

  it('suspends the root after SUSPEND_TASK_AFTER_NUM_FAILURES consecutive failures of one task', async () => {
    const start = Date.parse('2026-11-20T10:00:30Z');
    await fx.open(start);
    await fx.script(`
      CREATE TASK FLAKY_ROOT SCHEDULE = '1 MINUTES' SUSPEND_TASK_AFTER_NUM_FAILURES = 3 AS SELECT 1;
      CREATE TASK FLAKY_CHILD AFTER FLAKY_ROOT AS SELECT * FROM NOT_THERE;
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('FLAKY_ROOT')`);
    await fx.advanceTo(start + 10 * 60_000);
    const child = await fx.history(`NAME = 'FLAKY_CHILD'`);
    expect(child.map((row) => row.STATE)).toEqual(['FAILED', 'FAILED', 'FAILED_AND_AUTO_SUSPENDED']);
    const [root] = await fx.sql(`SHOW TASKS LIKE 'FLAKY_ROOT'`);
    expect([root.state, root.last_suspended_reason]).toEqual(['suspended', 'SUSPENDED_DUE_TO_ERRORS']);
    expect(await fx.history(`STATE = 'SCHEDULED'`, true)).toEqual([]);
  });
  it('drops the tasks of a dropped database and of a replaced schema: no run after, no SCHEDULED row', async () => {
    const start = Date.parse('2026-11-20T10:00:30Z');
    await fx.open(start);
    await fx.script(`
      CREATE DATABASE GONE;
      CREATE TASK GONE.PUBLIC.EVERY_MINUTE SCHEDULE = '1 MINUTES' AS SELECT 1;
      ALTER TASK GONE.PUBLIC.EVERY_MINUTE RESUME;
      CREATE SCHEMA REPLACED;
      CREATE TASK REPLACED.EVERY_MINUTE SCHEDULE = '1 MINUTES' AS SELECT 1;
      ALTER TASK REPLACED.EVERY_MINUTE RESUME;
      CREATE TASK KEPT SCHEDULE = '1 MINUTES' AS SELECT 1;
      ALTER TASK KEPT RESUME`);
    await fx.advanceTo(start + 60_000);
    const ran = async () => (await fx.history(`NAME = 'EVERY_MINUTE'`)).map((row) => `${row.DATABASE_NAME}.${row.SCHEMA_NAME}`).sort();
    expect(await ran()).toEqual(['FLURRY.REPLACED', 'GONE.PUBLIC']);
    expect(await fx.history(`STATE = 'SCHEDULED'`, true)).toHaveLength(3);

    await fx.script(`
      DROP DATABASE GONE;
      CREATE OR REPLACE SCHEMA REPLACED`);
    expect((await fx.sql(`SHOW TASKS IN ACCOUNT`)).map((row) => row.name)).toEqual(['KEPT']);
    expect((await fx.history(`STATE = 'SCHEDULED'`, true)).map((row) => row.NAME)).toEqual(['KEPT']);
    await fx.advanceTo(start + 10 * 60_000);
    expect(await ran()).toEqual(['FLURRY.REPLACED', 'GONE.PUBLIC']);
    expect(await fx.history(`NAME = 'KEPT'`)).toHaveLength(10);
    // A task of the same name in the new schema starts afresh.
    await fx.sql(`CREATE TASK REPLACED.EVERY_MINUTE AS SELECT 2`);
    expect((await fx.sql(`SHOW TASKS IN SCHEMA REPLACED`)).map((row) => [row.name, row.state])).toEqual([['EVERY_MINUTE', 'suspended']]);
  });
});
