import 'server-only';
/**
 * Snowflake tasks: reading their definitions and runs for the task pages, and running the task
 * statements Flurry builds for its user.
 */
import { textOrNull } from '@/lib/domain/service-rows';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import { parseCurrentGraphRow, parseTaskRow, parseTaskRunRow, type CurrentGraphRun, type TaskRun } from '@/lib/domain/tasks/task-rows';
import { READ_TIMEOUT_MS, STATUS_TIMEOUT_MS, type Borrow } from './borrow';
import { internalRows } from './internal-statements';
import { TASK_ACTION_TAG } from './query-tag';
import { execute } from './sdk';
import { timestampText } from './sql';

export function taskCalls(use: Borrow) {
  return {
    /** Every task the role can see, with its graph links (SHOW TASKS costs no warehouse time). */
    tasks(): Promise<TaskDefinition[]> {
      return use('a tasks read', READ_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(connection, 'SHOW TASKS IN ACCOUNT');
        return rows.flatMap((row) => parseTaskRow(row) ?? []);
      });
    },

    /**
     * Task runs of the last `days` days (one root's, or all), with the graph runs scheduled or
     * executing: the one status read per poll of the task pages. Both reads go on one connection.
     */
    taskRuns(rootTaskId: string | null, days: number): Promise<{ runs: TaskRun[]; current: CurrentGraphRun[] }> {
      return use('a task history read', READ_TIMEOUT_MS, async (connection) => {
        const since = timestampText(Date.now() - days * 24 * 3600 * 1000);
        const root = rootTaskId === null ? '' : ', ROOT_TASK_ID => ?';
        const history = await internalRows(
          connection,
          `SELECT * FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(SCHEDULED_TIME_RANGE_START => ?::TIMESTAMP_LTZ, RESULT_LIMIT => 10000${root}))`,
          rootTaskId === null ? [since] : [since, rootTaskId],
        );
        const current = await internalRows(connection, 'SELECT * FROM TABLE(INFORMATION_SCHEMA.CURRENT_TASK_GRAPHS())');
        return {
          runs: history.flatMap((row) => parseTaskRunRow(row) ?? []),
          current: current.flatMap((row) => parseCurrentGraphRow(row) ?? []),
        };
      });
    },

    /**
     * Runs a task statement Flurry built (CREATE/ALTER/EXECUTE TASK, a SYSTEM$ task function) to
     * its end; resolves with its first cell, the warehouse's own words.
     */
    runTaskStatement(sql: string): Promise<string> {
      return use('a task statement', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await execute<unknown[]>(connection, sql, { rowMode: 'array', parameters: { QUERY_TAG: TASK_ACTION_TAG } });
        return textOrNull(rows[0]?.[0]) ?? '';
      });
    },

    /** Where a new task goes by default (the session's database and schema) and the warehouses it can use. */
    taskFormContext(): Promise<{ database: string | null; schema: string | null; warehouses: string[] }> {
      return use('a task form read', STATUS_TIMEOUT_MS, async (connection) => {
        const [session] = await internalRows(connection, 'SELECT CURRENT_DATABASE() AS DATABASE_NAME, CURRENT_SCHEMA() AS SCHEMA_NAME');
        const warehouses = await internalRows(connection, 'SHOW WAREHOUSES');
        return {
          database: textOrNull(session?.DATABASE_NAME),
          schema: textOrNull(session?.SCHEMA_NAME),
          warehouses: warehouses.flatMap((row) => textOrNull(row.name ?? row.NAME) ?? []),
        };
      });
    },
  };
}
