/**
 * Starts graph runs: on each started root's schedule, on EXECUTE TASK, and on retries
 * (TASK_AUTO_RETRY_ATTEMPTS, RETRY LAST). It keeps at most one run of a scheduled root at a time
 * as OVERLAP_POLICY says, suspends a root after SUSPEND_TASK_AFTER_NUM_FAILURES consecutive
 * failures of one of its tasks, and shows each root's next run as a SCHEDULED row in TASK_HISTORY
 * and CURRENT_TASK_GRAPHS. All time comes from the replaceable clock.
 *
 * Snowflake documents the behaviour followed here: properties and schedules in
 * https://docs.snowflake.com/en/sql-reference/sql/create-task, interval schedules in
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task, RETRY LAST in
 * https://docs.snowflake.com/en/sql-reference/sql/execute-task, overlap in
 * https://docs.snowflake.com/en/user-guide/tasks-graphs, and history in
 * https://docs.snowflake.com/en/sql-reference/functions/task_history.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TaskRunState } from '@/lib/domain/task-graph/run-semantics';
import { nextRuns } from '@/lib/domain/tasks/next-runs';
import { parseSchedule, ScheduleParseError } from '@/lib/domain/tasks/schedule';
import type { Schedule } from '@/lib/domain/tasks/schedule-types';
import type { SchedulerClock } from './clock';
import { GraphRun } from './graph-run';
import type { TaskDefinitions } from './task-definitions';
import { taskErrors, taskRunErrors } from './task-errors';
import type { TaskQueries } from './task-execution';
import { keyOf, type TaskRecord } from './task-record';
import type { GraphRunRow, ScheduledFrom, TaskRunRow, TaskStore } from './task-store';

/** TASK_HISTORY covers 7 days. */
const HISTORY_MS = 7 * 24 * 3600 * 1000;
/** RETRY LAST needs a run within 14 days. */
const RETRY_WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * The first run after `after`, or undefined for none. A schedule kept from before parseSchedule
 * refused it (one that would never run) has none, rather than failing the scheduler.
 */
function nextRunOf(schedule: string, after: number, resumedAt: number): number | undefined {
  let parsed: Schedule;
  try {
    parsed = parseSchedule(schedule);
  } catch (error) {
    if (error instanceof ScheduleParseError) return undefined;
    throw error;
  }
  return nextRuns(parsed, after, 1, { resumedAt })[0];
}

export interface SchedulerDeps {
  definitions: TaskDefinitions;
  store: TaskStore;
  clock: SchedulerClock;
  queries: TaskQueries;
  defaultWarehouse: string;
}

export interface ExecuteOptions {
  config: string | null;
  retry: null | { kind: 'last' } | { kind: 'graph_run_group'; id: string };
}

/** The last attempt of a root's latest graph run, and what each task did in it. */
interface FinishedRun {
  row: GraphRunRow;
  outcomes: Record<string, TaskRunState>;
}

export class TaskScheduler {
  private readonly timers = new Map<string, () => void>();
  /** Each scheduled root's next run, and the root's id its SCHEDULED rows are keyed by. */
  private readonly next = new Map<string, { at: number; rootId: string }>();
  private readonly active = new Map<string, GraphRun[]>();
  private readonly lastFinished = new Map<string, FinishedRun>();
  private readonly lastRunId = new Map<string, number>();
  private closed = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Ends runs the previous process left executing, then arms every started root's schedule. */
  async open(): Promise<void> {
    const { store, clock, definitions } = this.deps;
    const now = clock.now();
    const unfinished = await store.unfinished();
    const error = taskRunErrors.restarted();
    for (const row of unfinished.runs) {
      // A next-run row is written again when its root's schedule is armed; a dropped root's is not.
      if (row.rowKey.startsWith('next:')) store.deleteRun(row.rowKey);
      else store.saveRun({ ...row, state: 'FAILED', errorCode: error.code, errorMessage: error.message, completedMs: now });
    }
    for (const row of unfinished.graphRuns) {
      if (row.rowKey.startsWith('next:')) store.deleteGraphRun(row.rowKey);
      else store.saveGraphRun({ ...row, state: 'FAILED', completedMs: now, firstErrorCode: error.code, firstErrorMessage: error.message });
    }
    store.pruneCompletedBefore(now - HISTORY_MS);
    const roots = new Map(definitions.all().map((task) => [task.id, keyOf(task)]));
    for (const finished of await store.lastFinishedRuns()) {
      const rootKey = roots.get(finished.row.rootTaskId);
      if (rootKey) {
        this.lastFinished.set(rootKey, finished);
        this.lastRunId.set(rootKey, finished.row.runId);
      }
    }
    this.refresh(definitions.all().map(keyOf));
  }

  /** Re-arms the schedules of these roots after their definitions or states changed. */
  refresh(rootKeys: readonly string[]): void {
    for (const key of rootKeys) this.arm(key, this.deps.clock.now());
  }

  /** EXECUTE TASK: starts a run now (or retries the last one); resolves once it has started. */
  execute(task: TaskRecord, options: ExecuteOptions): GraphRun {
    const { definitions, clock } = this.deps;
    const key = keyOf(task);
    if (task.finalize) throw taskErrors.finalizerExecuted(key, task.finalize);
    if (task.predecessors.length > 0) throw taskErrors.notRoot(key, definitions.rootsOf(key));
    if (this.overlapBlocks(task)) throw taskErrors.alreadyRunning(key);
    if (!options.retry) return this.startRun(task, { scheduledMs: clock.now(), scheduledFrom: 'EXECUTE_TASK', config: options.config ?? task.config });
    const last = this.lastFinished.get(key);
    const now = clock.now();
    if (!last) throw taskErrors.retryNotPossible(key, 'it has no finished graph run');
    if (options.retry.kind === 'graph_run_group' && last.row.graphRunGroupId !== options.retry.id) {
      throw taskErrors.retryGroupNotFound(key, options.retry.id);
    }
    if (last.row.state !== 'FAILED' && last.row.state !== 'CANCELLED') {
      throw taskErrors.retryNotPossible(key, `its last graph run ended ${last.row.state}, not FAILED or CANCELLED`);
    }
    if (last.row.graphVersion !== definitions.graphVersion(key)) {
      throw taskErrors.retryNotPossible(key, 'the graph has changed since that run');
    }
    if ((last.row.completedMs ?? 0) < now - RETRY_WINDOW_MS) throw taskErrors.retryNotPossible(key, 'that run ended more than 14 days ago');
    return this.startRetry(task, last, 'MANUAL RETRY');
  }

  /** SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS: cancels every running task of the root's runs. */
  cancelOngoing(rootKey: string): number {
    return (this.active.get(rootKey) ?? []).reduce((count, run) => count + run.cancel(), 0);
  }

  nextScheduled(rootKey: string): number | null {
    return this.next.get(rootKey)?.at ?? null;
  }

  /**
   * Resolves once no graph run has work under way; with `exceptRunningBodies`, once the only work
   * left is task queries running (a test then moves the clock to fire their timeouts).
   */
  async settled(exceptRunningBodies = false): Promise<void> {
    for (;;) {
      await this.deps.store.flush();
      const runs = [...this.active.values()].flat();
      if (runs.every((run) => run.quiet(exceptRunningBodies))) {
        // Let the outcome callbacks that were already due run, then look once more.
        await sleep(1);
        if ([...this.active.values()].flat().every((run) => run.quiet(exceptRunningBodies))) return;
      }
      await sleep(2);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const stop of this.timers.values()) stop();
    this.timers.clear();
    const runs = [...this.active.values()].flat();
    for (const run of runs) run.cancel();
    await Promise.all(runs.map((run) => run.ended));
    await this.deps.store.flush();
  }

  private arm(rootKey: string, after: number): void {
    this.timers.get(rootKey)?.();
    this.timers.delete(rootKey);
    const root = this.deps.definitions.get(rootKey);
    const schedule = root?.state === 'started' && root.predecessors.length === 0 && !root.finalize ? root.schedule : null;
    const pending = this.next.get(rootKey);
    if (pending) {
      this.next.delete(rootKey);
      this.clearNextRows(pending.rootId);
    }
    if (!root || !schedule || this.closed) return;
    const at = nextRunOf(schedule, after, root.resumedMs ?? after);
    if (at === undefined) return;
    this.next.set(rootKey, { at, rootId: root.id });
    this.writeNextRows(root, at);
    this.timers.set(rootKey, this.deps.clock.at(at, () => this.onScheduledTime(rootKey, at)));
  }

  private onScheduledTime(rootKey: string, at: number): void {
    this.timers.delete(rootKey);
    const root = this.deps.definitions.get(rootKey);
    if (!root || root.state !== 'started') return;
    // Schedule the one after first, so the run's rows carry it as NEXT_SCHEDULED_TIME.
    this.arm(rootKey, at);
    const plan = { scheduledMs: at, scheduledFrom: 'SCHEDULE' as const, config: root.config };
    if (this.overlapBlocks(root)) {
      this.recordOverlapSkip(root, plan);
      return;
    }
    this.startRun(root, plan);
  }

  /** NO_OVERLAP waits for the whole graph, ALLOW_CHILD_OVERLAP for the root task only. */
  private overlapBlocks(root: TaskRecord): boolean {
    const runs = this.active.get(keyOf(root)) ?? [];
    switch (root.overlapPolicy) {
      case 'NO_OVERLAP':
        return runs.length > 0;
      case 'ALLOW_CHILD_OVERLAP':
        return runs.some((run) => run.rootRunning);
      case 'ALLOW_ALL_OVERLAP':
        return false;
    }
  }

  private newRunId(rootKey: string, scheduledMs: number): number {
    const runId = Math.max(scheduledMs, (this.lastRunId.get(rootKey) ?? 0) + 1);
    this.lastRunId.set(rootKey, runId);
    return runId;
  }

  private startRun(root: TaskRecord, plan: { scheduledMs: number; scheduledFrom: ScheduledFrom; config: string | null }): GraphRun {
    const rootKey = keyOf(root);
    return this.launch({
      ...plan,
      root,
      members: this.deps.definitions.members(rootKey),
      graphVersion: this.deps.definitions.graphVersion(rootKey),
      runId: this.newRunId(rootKey, plan.scheduledMs),
      attempt: 1,
      groupId: randomUUID(),
      kept: {},
    });
  }

  private startRetry(root: TaskRecord, last: FinishedRun, scheduledFrom: ScheduledFrom): GraphRun {
    const rootKey = keyOf(root);
    // A retry starts from the tasks that failed: what succeeded or was skipped stays as it was.
    const kept = Object.fromEntries(
      Object.entries(last.outcomes).filter(([, state]) => state === 'SUCCEEDED' || state === 'SKIPPED'),
    );
    return this.launch({
      root: this.deps.definitions.get(rootKey) ?? root,
      members: this.deps.definitions.members(rootKey),
      graphVersion: last.row.graphVersion,
      runId: last.row.runId,
      scheduledMs: this.deps.clock.now(),
      scheduledFrom,
      attempt: last.row.attemptNumber + 1,
      groupId: last.row.graphRunGroupId,
      config: last.row.config,
      kept,
    });
  }

  private launch(plan: ConstructorParameters<typeof GraphRun>[0]): GraphRun {
    const rootKey = keyOf(plan.root);
    const run = new GraphRun(plan, {
      store: this.deps.store,
      clock: this.deps.clock,
      queries: this.deps.queries,
      defaultWarehouse: this.deps.defaultWarehouse,
      nextScheduledMs: () => this.nextScheduled(rootKey),
      counted: (key, failed) => this.countFailure(rootKey, key, failed),
    });
    this.active.set(rootKey, [...(this.active.get(rootKey) ?? []), run]);
    void run.ended.then((row) => this.onRunEnded(rootKey, run, row));
    run.start();
    return run;
  }

  private onRunEnded(rootKey: string, run: GraphRun, row: GraphRunRow): void {
    this.active.set(rootKey, (this.active.get(rootKey) ?? []).filter((r) => r !== run));
    if ((this.active.get(rootKey) ?? []).length === 0) this.active.delete(rootKey);
    if (row.state === 'SKIPPED') return;
    const finished = { row, outcomes: { ...run.outcomes } };
    this.lastFinished.set(rootKey, finished);
    const root = this.deps.definitions.get(rootKey);
    const autoSuspended = Object.values(run.outcomes).includes('FAILED_AND_AUTO_SUSPENDED');
    // TASK_AUTO_RETRY_ATTEMPTS: a FAILED graph is retried from the failed task.
    if (root && !this.closed && row.state === 'FAILED' && !autoSuspended && row.attemptNumber <= run.plan.root.autoRetryAttempts) {
      this.startRetry(root, finished, 'AUTOMATIC RETRY');
    }
  }

  private countFailure(rootKey: string, taskKey: string, failed: boolean): boolean {
    const { definitions } = this.deps;
    const failures = definitions.recordFailure(taskKey, failed);
    const limit = definitions.get(rootKey)?.suspendAfterFailures ?? 0;
    if (!failed || limit === 0 || failures < limit) return false;
    definitions.setState(rootKey, 'suspended', 'SUSPENDED_DUE_TO_ERRORS');
    return true;
  }

  private recordOverlapSkip(root: TaskRecord, plan: { scheduledMs: number; scheduledFrom: ScheduledFrom; config: string | null }): void {
    const now = this.deps.clock.now();
    const row: TaskRunRow = {
      ...this.nextRow(root, plan.scheduledMs),
      rowKey: `${root.id}:${this.newRunId(keyOf(root), plan.scheduledMs)}:1:${keyOf(root)}`,
      state: 'SKIPPED',
      completedMs: now,
      nextScheduledMs: this.nextScheduled(keyOf(root)),
      errorMessage: `Skipped: the previous run of this graph was still executing (OVERLAP_POLICY = ${root.overlapPolicy}).`,
      scheduledFrom: plan.scheduledFrom,
    };
    this.deps.store.saveRun(row);
  }

  private nextRow(root: TaskRecord, at: number): TaskRunRow {
    return {
      rowKey: `next:${root.id}`,
      queryId: null,
      taskId: root.id,
      name: root.name,
      database: root.database,
      schema: root.schema,
      queryText: root.definition,
      conditionText: root.condition,
      state: 'SCHEDULED',
      errorCode: null,
      errorMessage: null,
      scheduledMs: at,
      queryStartMs: null,
      nextScheduledMs: at,
      completedMs: null,
      rootTaskId: root.id,
      graphVersion: this.deps.definitions.graphVersion(keyOf(root)),
      runId: at,
      returnValue: null,
      scheduledFrom: 'SCHEDULE',
      attemptNumber: 1,
      config: root.config,
      graphRunGroupId: '',
    };
  }

  private writeNextRows(root: TaskRecord, at: number): void {
    const row = this.nextRow(root, at);
    this.deps.store.saveRun(row);
    this.deps.store.saveGraphRun({
      rowKey: row.rowKey,
      rootTaskName: root.name,
      database: root.database,
      schema: root.schema,
      state: 'SCHEDULED',
      scheduledFrom: 'SCHEDULE',
      firstErrorTaskName: null,
      firstErrorCode: null,
      firstErrorMessage: null,
      scheduledMs: at,
      queryStartMs: null,
      nextScheduledMs: at,
      completedMs: null,
      rootTaskId: root.id,
      graphVersion: row.graphVersion,
      runId: at,
      attemptNumber: 1,
      config: root.config,
      graphRunGroupId: '',
    });
  }

  private clearNextRows(rootId: string): void {
    this.deps.store.deleteRun(`next:${rootId}`);
    this.deps.store.deleteGraphRun(`next:${rootId}`);
  }
}
