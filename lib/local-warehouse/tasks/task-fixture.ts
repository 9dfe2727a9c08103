/**
 * Test support for task tests: an engine with tasks on a ManualClock, so a test moves time itself
 * and every scheduled run, timeout and retry happens when it says, deterministically.
 */
import { expect } from 'vitest';
import { engineFixture } from '../engine/engine-fixture';
import type { TaskStatements } from '../engine/service-statements';
import type { Engine, SessionContext } from '../engine/types';
import { ManualClock } from '@/test/manual-clock';
import { openTaskStatements } from './open-task-statements';

export type Row = Record<string, string | null>;

/** A TIMESTAMP cell (Snowflake's wire form, seconds since the epoch) as an ISO string. */
export function iso(cell: string | null | undefined): string | null {
  return cell === null || cell === undefined ? null : new Date(Math.round(Number(cell) * 1000)).toISOString();
}

export function taskFixture() {
  const base = engineFixture();
  let clock = new ManualClock(0);
  let engine: Engine | null = null;
  let tasks: TaskStatements | null = null;

  /** Opens (or reopens, after close) the engine on the test's data directory with the clock at `start`. */
  async function open(start: number): Promise<void> {
    clock = new ManualClock(start);
    engine = await base.open({
      now: clock.now,
      taskStatements: async (database, access) => (tasks = await openTaskStatements(clock)(database, access)),
    });
  }

  const current = () => {
    if (!engine || !tasks) throw new Error('taskFixture: open() first');
    return { engine, tasks };
  };

  /** Runs statements that must succeed; returns the last one's rows as column → wire string. */
  async function sql(text: string, extra: Partial<SessionContext> = {}): Promise<Row[]> {
    const result = await base.rows(current().engine, text, extra);
    return result.rowset.map((cells) => Object.fromEntries(result.rowtype.map((column, i) => [column.name, cells[i]])));
  }

  async function script(statements: string): Promise<void> {
    for (const statement of statements.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await sql(statement);
  }

  /** Runs a statement that must fail; returns its error message. */
  async function fails(text: string): Promise<string> {
    const record = await base.run(current().engine, text);
    expect(record.status, text).toBe('FAILED_WITH_ERROR');
    return record.error?.message ?? '';
  }

  /** Waits until no graph run has work under way (all queries ended and their outcomes handled). */
  const settled = (exceptRunningBodies = false) => current().tasks.settled(exceptRunningBodies);

  /** Moves the clock, firing schedules and timeouts in order; each run finishes before the next timer. */
  const advanceTo = (at: number, exceptRunningBodies = false) => clock.advanceTo(at, () => settled(exceptRunningBodies));

  /** TASK_HISTORY rows, oldest first, without each root's next scheduled run unless asked. */
  async function history(where = 'TRUE', withScheduled = false): Promise<Row[]> {
    const rows = await sql(
      `SELECT * FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(RESULT_LIMIT => 10000, ` +
        `SCHEDULED_TIME_RANGE_START => '2000-01-01'::TIMESTAMPTZ)) WHERE ${where} ORDER BY SCHEDULED_TIME, RUN_ID, ATTEMPT_NUMBER, QUERY_START_TIME, NAME`,
    );
    return withScheduled ? rows : rows.filter((row) => row.STATE !== 'SCHEDULED');
  }

  async function close(): Promise<void> {
    await engine?.close();
    engine = null;
    tasks = null;
  }

  return { open, close, sql, script, fails, settled, advanceTo, history, dataDir: base.dataDir };
}
