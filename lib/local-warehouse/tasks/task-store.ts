/**
 * Tasks and their runs in the warehouse's system database, so definitions and history outlive a
 * restart. Rows spell out the columns Snowflake's task table functions return
 * (https://docs.snowflake.com/en/sql-reference/functions/task_history,
 * https://docs.snowflake.com/en/sql-reference/functions/current_task_graphs,
 * https://docs.snowflake.com/en/sql-reference/functions/complete_task_graphs,
 * https://docs.snowflake.com/en/sql-reference/functions/task_dependents), so TASK_HISTORY,
 * CURRENT_TASK_GRAPHS, COMPLETE_TASK_GRAPHS and TASK_DEPENDENTS are plain SQL over these tables
 * (dialect/task-functions.ts). Writes are queued in order; `flush()` waits for all of them.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { GraphRunState, TaskRunState } from '@/lib/domain/task-graph/run-semantics';
import type { Database } from '../engine/database';
import { SYSTEM_CATALOG } from '../engine/history-schema';
import { keyOf, taskKey, type TaskRecord } from './task-record';

export const TASKS_TABLE = `${SYSTEM_CATALOG}.MAIN.TASKS`;
export const TASK_RUNS_TABLE = `${SYSTEM_CATALOG}.MAIN.TASK_RUNS`;
export const TASK_GRAPH_RUNS_TABLE = `${SYSTEM_CATALOG}.MAIN.TASK_GRAPH_RUNS`;

/** TASK_HISTORY's SCHEDULED_FROM values. */
export type ScheduledFrom = 'SCHEDULE' | 'EXECUTE_TASK' | 'MANUAL RETRY' | 'AUTOMATIC RETRY';

/** What a task's run row and its graph run's row share: where, when and which run. */
interface RunRowBase {
  rowKey: string;
  database: string;
  schema: string;
  scheduledFrom: ScheduledFrom;
  scheduledMs: number;
  queryStartMs: number | null;
  nextScheduledMs: number | null;
  completedMs: number | null;
  rootTaskId: string;
  graphVersion: number;
  runId: number;
  attemptNumber: number;
  config: string | null;
  graphRunGroupId: string;
}

/**
 * One TASK_HISTORY row: a task's run in one attempt of one graph run, or a root's next scheduled
 * run (its `rowKey` is `next:` + the root's id).
 */
export interface TaskRunRow extends RunRowBase {
  queryId: string | null;
  taskId: string;
  name: string;
  queryText: string;
  conditionText: string | null;
  state: TaskRunState;
  errorCode: string | null;
  errorMessage: string | null;
  returnValue: string | null;
}

/** One graph run: CURRENT_TASK_GRAPHS while it runs, COMPLETE_TASK_GRAPHS once it has ended. */
export interface GraphRunRow extends RunRowBase {
  rootTaskName: string;
  state: GraphRunState | 'SCHEDULED';
  firstErrorTaskName: string | null;
  firstErrorCode: string | null;
  firstErrorMessage: string | null;
}

const TASK_COLUMNS = `KEY VARCHAR PRIMARY KEY, ID VARCHAR, CREATED_MS BIGINT, NAME VARCHAR, DATABASE_NAME VARCHAR,
  SCHEMA_NAME VARCHAR, OWNER VARCHAR, COMMENT VARCHAR, WAREHOUSE VARCHAR, SCHEDULE VARCHAR, PREDECESSORS VARCHAR,
  STATE VARCHAR, DEFINITION VARCHAR, CONDITION VARCHAR, RECORD VARCHAR`;

const RUN_COLUMNS = `ROW_KEY VARCHAR PRIMARY KEY, QUERY_ID VARCHAR, TASK_ID VARCHAR, NAME VARCHAR, DATABASE_NAME VARCHAR,
  SCHEMA_NAME VARCHAR, QUERY_TEXT VARCHAR, CONDITION_TEXT VARCHAR, STATE VARCHAR, ERROR_CODE VARCHAR,
  ERROR_MESSAGE VARCHAR, SCHEDULED_MS BIGINT, QUERY_START_MS BIGINT, NEXT_SCHEDULED_MS BIGINT, COMPLETED_MS BIGINT,
  ROOT_TASK_ID VARCHAR, GRAPH_VERSION BIGINT, RUN_ID BIGINT, RETURN_VALUE VARCHAR, SCHEDULED_FROM VARCHAR,
  ATTEMPT_NUMBER BIGINT, CONFIG VARCHAR, GRAPH_RUN_GROUP_ID VARCHAR`;

const GRAPH_RUN_COLUMNS = `ROW_KEY VARCHAR PRIMARY KEY, ROOT_TASK_NAME VARCHAR, DATABASE_NAME VARCHAR, SCHEMA_NAME VARCHAR,
  STATE VARCHAR, SCHEDULED_FROM VARCHAR, FIRST_ERROR_TASK_NAME VARCHAR, FIRST_ERROR_CODE VARCHAR,
  FIRST_ERROR_MESSAGE VARCHAR, SCHEDULED_MS BIGINT, QUERY_START_MS BIGINT, NEXT_SCHEDULED_MS BIGINT,
  COMPLETED_MS BIGINT, ROOT_TASK_ID VARCHAR, GRAPH_VERSION BIGINT, RUN_ID BIGINT, ATTEMPT_NUMBER BIGINT,
  CONFIG VARCHAR, GRAPH_RUN_GROUP_ID VARCHAR`;

function runValues(row: TaskRunRow): DuckDBValue[] {
  return [
    row.rowKey, row.queryId, row.taskId, row.name, row.database, row.schema, row.queryText, row.conditionText, row.state,
    row.errorCode, row.errorMessage, row.scheduledMs, row.queryStartMs, row.nextScheduledMs, row.completedMs,
    row.rootTaskId, row.graphVersion, row.runId, row.returnValue, row.scheduledFrom, row.attemptNumber, row.config,
    row.graphRunGroupId,
  ];
}

function graphRunValues(row: GraphRunRow): DuckDBValue[] {
  return [
    row.rowKey, row.rootTaskName, row.database, row.schema, row.state, row.scheduledFrom, row.firstErrorTaskName,
    row.firstErrorCode, row.firstErrorMessage, row.scheduledMs, row.queryStartMs, row.nextScheduledMs, row.completedMs,
    row.rootTaskId, row.graphVersion, row.runId, row.attemptNumber, row.config, row.graphRunGroupId,
  ];
}

const placeholders = (count: number) => Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');


/** DuckDB binds JS numbers as DOUBLE; epoch milliseconds and counts go in as BIGINT. */
function bindable(values: DuckDBValue[]): DuckDBValue[] {
  return values.map((value) => (typeof value === 'number' ? BigInt(Math.round(value)) : value));
}

interface Table {
  name: string;
  key: string;
  /** Key → row values to upsert, or null to delete; the latest change of a key wins. */
  pending: Map<string, DuckDBValue[] | null>;
}

export class TaskStore {
  private writes: Promise<void> = Promise.resolve();
  private drainQueued = false;
  private readonly tables = {
    tasks: { name: TASKS_TABLE, key: 'KEY', pending: new Map() } as Table,
    runs: { name: TASK_RUNS_TABLE, key: 'ROW_KEY', pending: new Map() } as Table,
    graphRuns: { name: TASK_GRAPH_RUNS_TABLE, key: 'ROW_KEY', pending: new Map() } as Table,
  };
  private pruneBefore: number | null = null;

  private constructor(private readonly database: Database) {}

  static async open(database: Database): Promise<TaskStore> {
    await database.withConnection(async (connection) => {
      await connection.run(`CREATE TABLE IF NOT EXISTS ${TASKS_TABLE} (${TASK_COLUMNS})`);
      await connection.run(`CREATE TABLE IF NOT EXISTS ${TASK_RUNS_TABLE} (${RUN_COLUMNS})`);
      await connection.run(`CREATE TABLE IF NOT EXISTS ${TASK_GRAPH_RUNS_TABLE} (${GRAPH_RUN_COLUMNS})`);
    });
    return new TaskStore(database);
  }

  async tasks(): Promise<TaskRecord[]> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const reader = await connection.runAndReadAll(`SELECT RECORD FROM ${TASKS_TABLE} ORDER BY CREATED_MS, KEY`);
      return reader.getRows().map((row) => JSON.parse(String(row[0])) as TaskRecord);
    });
  }

  /**
   * Runs that were executing when the process stopped (their rows, to be ended as failed), and the
   * next-run rows (`next:` keys) it left, which the scheduler writes afresh.
   */
  async unfinished(): Promise<{ runs: TaskRunRow[]; graphRuns: GraphRunRow[] }> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const runs = await connection.runAndReadAll(
        `SELECT * FROM ${TASK_RUNS_TABLE} WHERE STATE IN ('EXECUTING', 'SCHEDULED')`,
      );
      const graphRuns = await connection.runAndReadAll(`SELECT * FROM ${TASK_GRAPH_RUNS_TABLE} WHERE STATE IN ('EXECUTING', 'SCHEDULED')`);
      return { runs: runs.getRowObjectsJS().map(runRowFrom), graphRuns: graphRuns.getRowObjectsJS().map(graphRunRowFrom) };
    });
  }

  /**
   * Each root's latest finished graph run (its last attempt), with what each task did in it:
   * RETRY LAST reads it, so a retry works after a restart too.
   */
  async lastFinishedRuns(): Promise<{ row: GraphRunRow; outcomes: Record<string, TaskRunState> }[]> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const latest = await connection.runAndReadAll(
        `SELECT * FROM ${TASK_GRAPH_RUNS_TABLE} WHERE STATE IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
         QUALIFY row_number() OVER (PARTITION BY ROOT_TASK_ID ORDER BY RUN_ID DESC, ATTEMPT_NUMBER DESC) = 1`,
      );
      const rows = latest.getRowObjectsJS().map(graphRunRowFrom);
      const results = [];
      for (const row of rows) {
        const tasks = await connection.runAndReadAll(
          `SELECT DATABASE_NAME, SCHEMA_NAME, NAME, STATE FROM ${TASK_RUNS_TABLE}
           WHERE ROOT_TASK_ID = $1 AND RUN_ID = $2 AND ATTEMPT_NUMBER <= $3 ORDER BY ATTEMPT_NUMBER`,
          [row.rootTaskId, BigInt(row.runId), BigInt(row.attemptNumber)],
        );
        const outcomes: Record<string, TaskRunState> = {};
        for (const [database, schema, name, state] of tasks.getRows()) {
          outcomes[taskKey(String(database), String(schema), String(name))] = String(state) as TaskRunState;
        }
        results.push({ row, outcomes });
      }
      return results;
    });
  }

  saveTask(task: TaskRecord): void {
    this.change(this.tables.tasks, keyOf(task), [
      keyOf(task), task.id, task.createdMs, task.name, task.database, task.schema, task.owner, task.comment,
      task.warehouse, task.schedule, JSON.stringify(task.predecessors), task.state, task.definition, task.condition,
      JSON.stringify(task),
    ]);
  }

  deleteTask(key: string): void {
    this.change(this.tables.tasks, key, null);
  }

  saveRun(row: TaskRunRow): void {
    this.change(this.tables.runs, row.rowKey, runValues(row));
  }

  deleteRun(rowKey: string): void {
    this.change(this.tables.runs, rowKey, null);
  }

  saveGraphRun(row: GraphRunRow): void {
    this.change(this.tables.graphRuns, row.rowKey, graphRunValues(row));
  }

  deleteGraphRun(rowKey: string): void {
    this.change(this.tables.graphRuns, rowKey, null);
  }

  /** TASK_HISTORY covers 7 days; older runs are forgotten. */
  pruneCompletedBefore(cutoffMs: number): void {
    this.pruneBefore = cutoffMs;
    this.queueDrain();
  }

  flush(): Promise<void> {
    return this.writes;
  }

  private change(table: Table, key: string, values: DuckDBValue[] | null): void {
    table.pending.set(key, values);
    this.queueDrain();
  }

  /**
   * Changes made while a write is under way are written together by the next one, in one
   * transaction: a graph run's many row updates, or a thousand CREATE TASKs, cost a few writes.
   */
  private queueDrain(): void {
    if (this.drainQueued) return;
    this.drainQueued = true;
    this.writes = this.writes
      .then(() => {
        this.drainQueued = false;
        return this.database.withConnection((connection) => this.drain(connection));
      })
      .then(
        () => undefined,
        (error: unknown) => console.error('local warehouse: saving task state failed:', error),
      );
  }

  private async drain(connection: DuckDBConnection): Promise<void> {
    const changes = Object.values(this.tables).map((table) => ({ table, rows: [...table.pending] }));
    for (const table of Object.values(this.tables)) table.pending.clear();
    const prune = this.pruneBefore;
    this.pruneBefore = null;
    await connection.run('BEGIN TRANSACTION');
    try {
      for (const { table, rows } of changes) {
        if (rows.length === 0) continue;
        const keys = rows.map(([key]) => key);
        await connection.run(`DELETE FROM ${table.name} WHERE ${table.key} IN (${placeholders(keys.length)})`, keys);
        const upserts = rows.flatMap(([, values]) => (values ? [values] : []));
        if (upserts.length > 0) {
          const width = upserts[0].length;
          const tuples = upserts.map((_, i) => `(${Array.from({ length: width }, (__, j) => `$${i * width + j + 1}`).join(', ')})`);
          await connection.run(`INSERT INTO ${table.name} VALUES ${tuples.join(', ')}`, bindable(upserts.flat()));
        }
      }
      if (prune !== null) {
        await connection.run(`DELETE FROM ${TASK_RUNS_TABLE} WHERE COMPLETED_MS < $1`, [BigInt(prune)]);
        await connection.run(`DELETE FROM ${TASK_GRAPH_RUNS_TABLE} WHERE COMPLETED_MS < $1`, [BigInt(prune)]);
      }
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

type RowObject = Record<string, unknown>;
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The columns a task's run row and its graph run's row share. */
function runRowBaseFrom(row: RowObject): RunRowBase {
  return {
    rowKey: String(row.ROW_KEY),
    database: String(row.DATABASE_NAME),
    schema: String(row.SCHEMA_NAME),
    scheduledFrom: String(row.SCHEDULED_FROM) as ScheduledFrom,
    scheduledMs: Number(row.SCHEDULED_MS),
    queryStartMs: number(row.QUERY_START_MS),
    nextScheduledMs: number(row.NEXT_SCHEDULED_MS),
    completedMs: number(row.COMPLETED_MS),
    rootTaskId: String(row.ROOT_TASK_ID),
    graphVersion: Number(row.GRAPH_VERSION),
    runId: Number(row.RUN_ID),
    attemptNumber: Number(row.ATTEMPT_NUMBER),
    config: text(row.CONFIG),
    graphRunGroupId: String(row.GRAPH_RUN_GROUP_ID),
  };
}

function runRowFrom(row: RowObject): TaskRunRow {
  return {
    ...runRowBaseFrom(row),
    queryId: text(row.QUERY_ID),
    taskId: String(row.TASK_ID),
    name: String(row.NAME),
    queryText: String(row.QUERY_TEXT),
    conditionText: text(row.CONDITION_TEXT),
    state: String(row.STATE) as TaskRunState,
    errorCode: text(row.ERROR_CODE),
    errorMessage: text(row.ERROR_MESSAGE),
    returnValue: text(row.RETURN_VALUE),
  };
}

function graphRunRowFrom(row: RowObject): GraphRunRow {
  return {
    ...runRowBaseFrom(row),
    rootTaskName: String(row.ROOT_TASK_NAME),
    state: String(row.STATE) as GraphRunRow['state'],
    firstErrorTaskName: text(row.FIRST_ERROR_TASK_NAME),
    firstErrorCode: text(row.FIRST_ERROR_CODE),
    firstErrorMessage: text(row.FIRST_ERROR_MESSAGE),
  };
}
