/**
 * Runs one task in a graph run: its WHEN condition, then its body, as queries on the engine,
 * under the task's USER_TASK_TIMEOUT_MS on the scheduler's clock
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task). The body's
 * query is the run's QUERY_ID, in QUERY_HISTORY like any other; the WHEN evaluation is the
 * warehouse's own bookkeeping and is forgotten once read.
 */
import type { SchedulerClock } from './clock';
import type { TaskEngineAccess } from '../engine/service-statements';
import type { QueryRecord, SessionContext, SnowflakeError } from '../engine/types';
import { taskRunErrors } from './task-errors';
import { keyOf, type TaskRecord } from './task-record';

export type TaskQueries = TaskEngineAccess['queries'];

export type TaskOutcome =
  | { state: 'SUCCEEDED' }
  | { state: 'SKIPPED' }
  | { state: 'CANCELLED' }
  | { state: 'FAILED'; error: SnowflakeError; timedOut: boolean };

export interface ExecutionDeps {
  queries: TaskQueries;
  clock: SchedulerClock;
  defaultWarehouse: string;
  /** The body's query was submitted: the run's QUERY_ID and QUERY_START_TIME. */
  started(queryId: string, at: number): void;
}

const WAIT_SLICE_MS = 60_000;

export class TaskExecution {
  private queryId: string | null = null;
  private cancelled = false;
  private timedOut = false;
  /** True while the body's query runs: nothing more happens until it ends or a timer fires. */
  waitingOnBody = false;
  readonly done: Promise<TaskOutcome>;

  constructor(
    private readonly task: TaskRecord,
    private readonly deps: ExecutionDeps,
  ) {
    this.done = this.run();
  }

  /** SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS: stops the query, or the run before it starts. */
  cancel(): void {
    this.cancelled = true;
    if (this.queryId) this.deps.queries.cancel(this.queryId);
  }

  private session(): SessionContext {
    const { task, deps } = this;
    // Task queries run as the system user under the owner role (QUERY_HISTORY shows USER_NAME SYSTEM).
    return {
      sessionId: 0,
      user: 'SYSTEM',
      role: task.owner,
      database: task.database,
      schema: task.schema,
      warehouse: task.warehouse ?? deps.defaultWarehouse,
      queryTag: task.sessionParameters.QUERY_TAG ?? '',
    };
  }

  private async run(): Promise<TaskOutcome> {
    try {
      if (this.task.condition !== null) {
        const when = await this.evaluateWhen(this.task.condition);
        if (when !== 'run') return when;
      }
      if (this.cancelled) return { state: 'CANCELLED' };
      return await this.runBody();
    } catch (error) {
      return { state: 'FAILED', error: { code: '000603', sqlState: 'XX000', message: String((error as Error).message ?? error) }, timedOut: false };
    }
  }

  private async evaluateWhen(condition: string): Promise<'run' | TaskOutcome> {
    const { queries } = this.deps;
    const submitted = await queries.submit({ sqlText: `SELECT (${condition})`, requestId: null, session: this.session() });
    const ended = await this.waitForEnd(submitted.id);
    try {
      if (this.cancelled) return { state: 'CANCELLED' };
      if (ended.status !== 'SUCCESS') {
        return { state: 'FAILED', error: ended.error ?? taskRunErrors.whenNotBoolean(condition, null), timedOut: false };
      }
      const result = await queries.readResult(submitted.id, 0, 1);
      const type = result?.rowtype[0]?.type;
      const value = result?.rowset[0]?.[0] ?? null;
      if (type !== 'boolean' && value !== null) return { state: 'FAILED', error: taskRunErrors.whenNotBoolean(condition, value), timedOut: false };
      // A false (or NULL) condition skips the task and its dependents.
      return value === '1' ? 'run' : { state: 'SKIPPED' };
    } finally {
      await queries.forget([submitted.id]);
    }
  }

  private async runBody(): Promise<TaskOutcome> {
    const { task, deps } = this;
    const submitted = await deps.queries.submit({ sqlText: task.definition, requestId: null, session: this.session() });
    this.queryId = submitted.id;
    const startedAt = deps.clock.now();
    deps.started(submitted.id, startedAt);
    if (this.cancelled) deps.queries.cancel(submitted.id);
    const stopTimer = deps.clock.at(startedAt + task.timeoutMs, () => {
      this.timedOut = true;
      deps.queries.cancel(submitted.id);
    });
    this.waitingOnBody = true;
    const ended = await this.waitForEnd(submitted.id);
    this.waitingOnBody = false;
    stopTimer();
    if (ended.status === 'SUCCESS') return { state: 'SUCCEEDED' };
    // A timeout counts as FAILED (https://docs.snowflake.com/en/sql-reference/functions/task_history).
    if (this.timedOut) return { state: 'FAILED', error: taskRunErrors.timedOut(keyOf(task), task.timeoutMs), timedOut: true };
    if (ended.status === 'ABORTED' || ended.status === 'ABORTING') return { state: 'CANCELLED' };
    return { state: 'FAILED', error: ended.error ?? { code: '000603', sqlState: 'XX000', message: `Query ended with status ${ended.status}.` }, timedOut: false };
  }

  private async waitForEnd(queryId: string): Promise<QueryRecord> {
    for (;;) {
      const record = await this.deps.queries.waitForEnd(queryId, WAIT_SLICE_MS);
      if (!record) throw new Error(`Query ${queryId} of task ${keyOf(this.task)} disappeared from the history.`);
      if (record.endedAt !== null) return record;
    }
  }
}
