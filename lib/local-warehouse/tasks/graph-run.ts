/**
 * One attempt of one graph run. It keeps the graph version it started with (a snapshot of its
 * tasks), asks the run state machine (lib/domain/task-graph/run-semantics.ts) what to start after
 * every outcome, and writes each task's TASK_HISTORY row and the run's graph row as they change.
 */
import { nextRunStep, type TaskRunState } from '@/lib/domain/task-graph/run-semantics';
import type { TaskGraph } from '@/lib/domain/task-graph/graph';
import { TaskExecution, type ExecutionDeps, type TaskOutcome } from './task-execution';
import { keyOf, toGraphTask, type TaskRecord } from './task-record';
import type { GraphRunRow, ScheduledFrom, TaskRunRow, TaskStore } from './task-store';

export interface GraphRunPlan {
  root: TaskRecord;
  /** The root's graph as it stood when the run started, root first. */
  members: TaskRecord[];
  graphVersion: number;
  runId: number;
  scheduledMs: number;
  scheduledFrom: ScheduledFrom;
  attempt: number;
  groupId: string;
  config: string | null;
  /** A retry's outcomes kept from the attempt before: succeeded tasks do not run again. */
  kept: Readonly<Record<string, TaskRunState>>;
}

export interface GraphRunDeps extends Omit<ExecutionDeps, 'started'> {
  store: TaskStore;
  /** The root's next scheduled run, for NEXT_SCHEDULED_TIME. */
  nextScheduledMs(): number | null;
  /**
   * A task's run ended FAILED (user error or timeout) or SUCCEEDED: counts consecutive failures
   * and says whether that failure suspended the root (FAILED_AND_AUTO_SUSPENDED).
   */
  counted(key: string, failed: boolean): boolean;
}

export class GraphRun {
  readonly key: string;
  private readonly graph: TaskGraph;
  private readonly byKey: Map<string, TaskRecord>;
  private readonly suspended: Set<string>;
  readonly outcomes: Record<string, TaskRunState>;
  private readonly rows = new Map<string, TaskRunRow>();
  private readonly executions = new Map<string, TaskExecution>();
  private readonly row: GraphRunRow;
  private settle!: (row: GraphRunRow) => void;
  /** Resolves with the run's final graph row once every task has settled. */
  readonly ended: Promise<GraphRunRow>;

  constructor(
    readonly plan: GraphRunPlan,
    private readonly deps: GraphRunDeps,
  ) {
    const rootKey = keyOf(plan.root);
    this.key = `${plan.root.id}:${plan.runId}:${plan.attempt}`;
    this.graph = { tasks: plan.members.map(toGraphTask) };
    this.byKey = new Map(plan.members.map((task) => [keyOf(task), task]));
    this.suspended = new Set(plan.members.filter((t) => t.state === 'suspended' && keyOf(t) !== rootKey).map(keyOf));
    this.outcomes = { ...plan.kept };
    this.ended = new Promise((resolve) => (this.settle = resolve));
    this.row = {
      rowKey: this.key,
      rootTaskName: plan.root.name,
      database: plan.root.database,
      schema: plan.root.schema,
      state: 'EXECUTING',
      scheduledFrom: plan.scheduledFrom,
      firstErrorTaskName: null,
      firstErrorCode: null,
      firstErrorMessage: null,
      scheduledMs: plan.scheduledMs,
      queryStartMs: null,
      nextScheduledMs: deps.nextScheduledMs(),
      completedMs: null,
      rootTaskId: plan.root.id,
      graphVersion: plan.graphVersion,
      runId: plan.runId,
      attemptNumber: plan.attempt,
      config: plan.config,
      graphRunGroupId: plan.groupId,
    };
  }

  get rootKey(): string {
    return keyOf(this.plan.root);
  }

  /** Whether the root task itself is still running (ALLOW_CHILD_OVERLAP waits only for it). */
  get rootRunning(): boolean {
    const outcome = this.outcomes[this.rootKey];
    return outcome === undefined || outcome === 'EXECUTING' || outcome === 'SCHEDULED';
  }

  /** True when no task is running, or (`exceptRunningBodies`) when the only ones left wait on their queries. */
  quiet(exceptRunningBodies: boolean): boolean {
    return [...this.executions.values()].every((execution) => exceptRunningBodies && execution.waitingOnBody);
  }

  start(): void {
    this.deps.store.saveGraphRun(this.row);
    this.advance();
  }

  /** Stops every running task; nothing new starts but the finalizer (run-semantics.ts). */
  cancel(): number {
    for (const execution of this.executions.values()) execution.cancel();
    return this.executions.size;
  }

  private advance(): void {
    const step = nextRunStep({ graph: this.graph, root: this.rootKey, outcomes: this.outcomes, suspended: this.suspended });
    for (const key of step.start) this.startTask(key);
    if (step.complete && this.executions.size === 0) this.finish(step.state);
  }

  private taskRow(task: TaskRecord, state: TaskRunState): TaskRunRow {
    const { plan } = this;
    return {
      rowKey: `${this.key}:${keyOf(task)}`,
      queryId: null,
      taskId: task.id,
      name: task.name,
      database: task.database,
      schema: task.schema,
      queryText: task.definition,
      conditionText: task.condition,
      state,
      errorCode: null,
      errorMessage: null,
      scheduledMs: plan.scheduledMs,
      queryStartMs: null,
      nextScheduledMs: this.deps.nextScheduledMs(),
      completedMs: null,
      rootTaskId: plan.root.id,
      graphVersion: plan.graphVersion,
      runId: plan.runId,
      returnValue: null,
      scheduledFrom: plan.scheduledFrom,
      attemptNumber: plan.attempt,
      config: plan.config,
      graphRunGroupId: plan.groupId,
    };
  }

  private startTask(key: string): void {
    const task = this.byKey.get(key);
    if (!task) return;
    const row = this.taskRow(task, 'EXECUTING');
    this.rows.set(key, row);
    this.outcomes[key] = 'EXECUTING';
    this.deps.store.saveRun(row);
    const execution = new TaskExecution(task, {
      ...this.deps,
      started: (queryId, at) => {
        row.queryId = queryId;
        row.queryStartMs = at;
        if (this.row.queryStartMs === null) {
          this.row.queryStartMs = at;
          this.deps.store.saveGraphRun(this.row);
        }
        this.deps.store.saveRun(row);
      },
    });
    this.executions.set(key, execution);
    void execution.done.then((outcome) => {
      this.executions.delete(key);
      this.settleTask(key, row, outcome);
      this.advance();
    });
  }

  private settleTask(key: string, row: TaskRunRow, outcome: TaskOutcome): void {
    let state: TaskRunState = outcome.state;
    if (outcome.state === 'FAILED' || outcome.state === 'SUCCEEDED') {
      // CREATE TASK: consecutive failed or timed-out runs count; skipped and cancelled runs do not.
      if (this.deps.counted(key, outcome.state === 'FAILED') && outcome.state === 'FAILED') state = 'FAILED_AND_AUTO_SUSPENDED';
    }
    if (outcome.state === 'FAILED') {
      row.errorCode = outcome.error.code;
      row.errorMessage = outcome.error.message;
      if (this.row.firstErrorTaskName === null) {
        this.row.firstErrorTaskName = row.name;
        this.row.firstErrorCode = outcome.error.code;
        this.row.firstErrorMessage = outcome.error.message;
      }
    }
    row.state = state;
    row.completedMs = this.deps.clock.now();
    row.nextScheduledMs = this.deps.nextScheduledMs();
    this.outcomes[key] = state;
    this.deps.store.saveRun(row);
  }

  private finish(state: GraphRunRow['state']): void {
    this.row.state = state;
    this.row.completedMs = this.deps.clock.now();
    this.row.nextScheduledMs = this.deps.nextScheduledMs();
    // COMPLETE_TASK_GRAPHS has no row for a run whose root was skipped
    // (https://docs.snowflake.com/en/sql-reference/functions/complete_task_graphs).
    if (state === 'SKIPPED') this.deps.store.deleteGraphRun(this.key);
    else this.deps.store.saveGraphRun(this.row);
    this.settle({ ...this.row });
  }
}
