/**
 * The account's tasks and the DDL that changes them: CREATE, ALTER, DROP TASK and
 * SYSTEM$TASK_DEPENDENTS_ENABLE (https://docs.snowflake.com/en/sql-reference/sql/create-task,
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task,
 * https://docs.snowflake.com/en/sql-reference/functions/system_task_dependents_enable,
 * https://docs.snowflake.com/en/user-guide/tasks-graphs). Every change is checked against
 * the graph rules (lib/domain/task-graph/graph.ts) before it is kept: a change may not add a
 * problem the graphs did not already have. A change to a graph bumps its root's graph version,
 * which runs and RETRY LAST compare.
 */
import { randomUUID } from 'node:crypto';
import type { ObjectName } from '@/lib/domain/sql/sql-reader';
import { checkAddPredecessors, graphMembers, graphRoots, indexGraph, validateGraph, type TaskGraph } from '@/lib/domain/task-graph/graph';
import type { TaskProperties, UnsetProperty } from '@/lib/domain/tasks/task-properties';
import type { AlterTask, CreateTask } from '@/lib/domain/tasks/task-statements';
import type { StatementSession } from '../engine/service-statements';
import { taskErrors } from './task-errors';
import { keyOf, resolveName, TASK_DEFAULTS, taskKey, toGraphTask, type TaskRecord } from './task-record';
import type { TaskStore } from './task-store';

export interface DefinitionChecks {
  databaseExists(name: string): boolean;
  warehouseExists(name: string): boolean;
}

export interface DefinitionEvents {
  /** The tasks of these roots' graphs changed state or definition: re-arm their schedules. */
  changed(rootKeys: string[]): void;
}

export class TaskDefinitions {
  private readonly byKey = new Map<string, TaskRecord>();

  constructor(
    private readonly store: TaskStore,
    tasks: TaskRecord[],
    private readonly now: () => number,
    private readonly checks: DefinitionChecks,
    private readonly events: DefinitionEvents,
  ) {
    for (const task of tasks) this.byKey.set(keyOf(task), task);
  }

  all(): TaskRecord[] {
    return [...this.byKey.values()];
  }

  get(key: string): TaskRecord | undefined {
    return this.byKey.get(key);
  }

  /** The task a statement names, or the Snowflake "does not exist" error. */
  find(name: ObjectName, session: Pick<StatementSession, 'database' | 'schema'>): TaskRecord {
    const resolved = resolveName(name, session);
    const task = this.byKey.get(taskKey(resolved.database, resolved.schema, resolved.name));
    if (!task) throw taskErrors.notFound(taskKey(resolved.database, resolved.schema, resolved.name));
    return task;
  }

  requireDatabase(name: string): void {
    if (!this.checks.databaseExists(name)) throw taskErrors.databaseNotFound(name);
  }

  graph(): TaskGraph {
    return { tasks: this.all().map(toGraphTask) };
  }

  /** The roots whose graphs hold `key` (a finalizer's is the root it names). */
  rootsOf(key: string): string[] {
    return graphRoots((name) => this.byKey.get(name), [key]);
  }

  /** A root's graph, root first, then the tasks it reaches and its finalizer. */
  members(rootKey: string): TaskRecord[] {
    const index = indexGraph(this.graph());
    return graphMembers(rootKey, index).flatMap((key) => this.byKey.get(key) ?? []);
  }

  graphVersion(rootKey: string): number {
    return this.byKey.get(rootKey)?.graphVersion ?? 1;
  }

  create(statement: CreateTask, session: StatementSession): string {
    const name = resolveName(statement.name, session);
    const key = taskKey(name.database, name.schema, name.name);
    this.requireDatabase(name.database);
    const existing = this.byKey.get(key);
    if (existing && statement.ifNotExists) return `${name.name} already exists, statement succeeded.`;
    if (existing && !statement.orReplace) throw taskErrors.alreadyExists(name.name);
    const now = this.now();
    const task: TaskRecord = {
      id: randomUUID(),
      ...name,
      owner: session.role,
      comment: null,
      warehouse: null,
      initialWarehouseSize: null,
      schedule: null,
      config: null,
      overlapPolicy: TASK_DEFAULTS.overlapPolicy,
      timeoutMs: TASK_DEFAULTS.timeoutMs,
      suspendAfterFailures: TASK_DEFAULTS.suspendAfterFailures,
      autoRetryAttempts: TASK_DEFAULTS.autoRetryAttempts,
      sessionParameters: {},
      errorIntegration: null,
      successIntegration: null,
      logLevel: null,
      targetCompletionInterval: null,
      predecessors: statement.after.map((p) => this.keyIn(p, session)),
      finalize: statement.finalize && this.keyIn(statement.finalize, session),
      condition: statement.when,
      definition: statement.body,
      // Tasks are created suspended.
      state: 'suspended',
      createdMs: now,
      committedMs: now,
      suspendedMs: null,
      suspendedReason: null,
      resumedMs: null,
      consecutiveFailures: 0,
      graphVersion: (existing?.graphVersion ?? 0) + 1,
    };
    applyProperties(task, statement.properties, this.checks);
    const touched = [...(existing ? [key] : []), ...task.predecessors, ...(task.finalize ? [task.finalize] : [])];
    this.requireSuspendedRoots(touched);
    const replaced = new Map(this.byKey);
    replaced.set(key, task);
    this.commit(replaced, [key, ...touched]);
    return `Task ${name.name} successfully created.`;
  }

  alter(statement: AlterTask, session: StatementSession): string {
    let task: TaskRecord;
    try {
      task = this.find(statement.name, session);
    } catch (error) {
      if (statement.ifExists) return 'Statement executed successfully.';
      throw error;
    }
    const key = keyOf(task);
    const { action } = statement;
    if (action.kind === 'resume' || action.kind === 'suspend') {
      this.setState(key, action.kind === 'resume' ? 'started' : 'suspended', 'USER_SUSPENDED');
      return 'Statement executed successfully.';
    }
    const before = this.rootsOf(key);
    this.requireSuspendedRoots([key]);
    const next: TaskRecord = { ...task, committedMs: this.now() };
    const touched: string[] = [key];
    switch (action.kind) {
      case 'add_after': {
        const added = action.tasks.map((t) => this.keyIn(t, session));
        this.requireSuspendedRoots(added);
        // The dedicated check names the cycle through this task, which reads better than the graph's.
        const [problem] = checkAddPredecessors(this.graph(), key, added);
        if (problem) throw taskErrors.graph(problem.message);
        next.predecessors = [...new Set([...task.predecessors, ...added])];
        touched.push(...added);
        break;
      }
      case 'remove_after': {
        const removed = new Set(action.tasks.map((t) => this.keyIn(t, session)));
        next.predecessors = task.predecessors.filter((p) => !removed.has(p));
        break;
      }
      case 'set':
        applyProperties(next, action.properties, this.checks);
        break;
      case 'unset':
        unsetProperties(next, action.properties);
        break;
      case 'set_finalize':
        next.finalize = this.keyIn(action.root, session);
        this.requireSuspendedRoots([next.finalize]);
        touched.push(next.finalize);
        break;
      case 'unset_finalize':
        next.finalize = null;
        break;
      case 'modify_as':
        next.definition = action.body;
        break;
      case 'modify_when':
        next.condition = action.condition;
        break;
      case 'remove_when':
        next.condition = null;
        break;
    }
    const changed = new Map(this.byKey);
    changed.set(key, next);
    this.commit(changed, [...touched, ...before]);
    return 'Statement executed successfully.';
  }

  drop(name: ObjectName, ifExists: boolean, session: StatementSession): string {
    let task: TaskRecord;
    try {
      task = this.find(name, session);
    } catch (error) {
      if (ifExists) return 'Drop statement executed successfully (task already dropped).';
      throw error;
    }
    const key = keyOf(task);
    this.requireSuspendedRoots([key]);
    const roots = this.rootsOf(key);
    const remaining = new Map(this.byKey);
    remaining.delete(key);
    // A child that loses all its predecessors becomes a standalone task or a suspended root;
    // a finalizer whose root is gone finalizes nothing.
    for (const [otherKey, other] of remaining) {
      if (other.predecessors.includes(key) || other.finalize === key) {
        remaining.set(otherKey, { ...other, predecessors: other.predecessors.filter((p) => p !== key), finalize: other.finalize === key ? null : other.finalize });
      }
    }
    this.commit(remaining, roots, [key]);
    return `${task.name} successfully dropped.`;
  }

  /**
   * DROP DATABASE / SCHEMA and their CREATE OR REPLACE drop the tasks inside, started or not
   * (https://docs.snowflake.com/en/sql-reference/sql/drop-schema: everything the schema contains
   * is dropped). A graph lives in one schema, so whole graphs go and no task outside loses a
   * predecessor. Their schedules are disarmed; a run already under way finishes on its own.
   * Returns the dropped tasks' keys.
   */
  dropIn(database: string, schema: string | null): string[] {
    const gone = this.all()
      .filter((task) => task.database === database && (schema === null || task.schema === schema))
      .map(keyOf);
    for (const key of gone) {
      this.byKey.delete(key);
      this.store.deleteTask(key);
    }
    if (gone.length > 0) this.events.changed(gone);
    return gone;
  }

  /** RESUME / SUSPEND, and the scheduler's auto-suspend; neither changes the graph's version. */
  setState(key: string, state: TaskRecord['state'], reason: string): void {
    const task = this.byKey.get(key);
    if (!task || task.state === state) return;
    const now = this.now();
    const next: TaskRecord =
      state === 'started'
        ? { ...task, state, resumedMs: now, consecutiveFailures: 0 }
        : { ...task, state, suspendedMs: now, suspendedReason: reason };
    if (state === 'started') this.requireResumable(next);
    this.byKey.set(key, next);
    this.store.saveTask(next);
    this.events.changed(this.rootsOf(key));
  }

  /** SYSTEM$TASK_DEPENDENTS_ENABLE: the task and everything it reaches, resumed. */
  enableWithDependents(key: string): void {
    const index = indexGraph(this.graph());
    const reached = graphMembers(key, index);
    for (const member of reached.reverse()) this.setState(member, 'started', 'USER_SUSPENDED');
  }

  recordFailure(key: string, failed: boolean): number {
    const task = this.byKey.get(key);
    if (!task) return 0;
    const consecutiveFailures = failed ? task.consecutiveFailures + 1 : 0;
    if (consecutiveFailures !== task.consecutiveFailures) {
      const next = { ...task, consecutiveFailures };
      this.byKey.set(key, next);
      this.store.saveTask(next);
    }
    return consecutiveFailures;
  }

  private keyIn(name: ObjectName, session: Pick<StatementSession, 'database' | 'schema'>): string {
    return keyOf(this.find(name, session));
  }

  /** A graph (or standalone task) is changed only while its root is suspended. */
  private requireSuspendedRoots(keys: string[]): void {
    for (const key of keys) {
      for (const root of this.rootsOf(key)) {
        if (this.byKey.get(root)?.state === 'started') throw taskErrors.rootNotSuspended(root);
      }
    }
  }

  private requireResumable(task: TaskRecord): void {
    if (task.warehouse && !this.checks.warehouseExists(task.warehouse)) throw taskErrors.warehouseNotFound(task.warehouse);
  }

  /**
   * Keeps `next` as the account's tasks if it adds no graph problem; bumps the versions of the
   * graphs it touched (before and after the change) and saves what differs.
   */
  private commit(next: Map<string, TaskRecord>, touched: string[], deleted: string[] = []): void {
    const graphOf = (tasks: Map<string, TaskRecord>): TaskGraph => ({ tasks: [...tasks.values()].map(toGraphTask) });
    const before = new Set(validateGraph(graphOf(this.byKey)).map((p) => p.message));
    const problem = validateGraph(graphOf(next)).find((p) => !before.has(p.message));
    if (problem) throw taskErrors.graph(problem.message);

    const rootsBefore = new Set(touched.flatMap((key) => this.rootsOf(key)));
    for (const [key, task] of next) {
      const old = this.byKey.get(key);
      // A child left without predecessors becomes a root, suspended.
      const becameRoot = old && old.predecessors.length > 0 && task.predecessors.length === 0 && !task.finalize;
      const record = becameRoot && task.state === 'started' ? { ...task, state: 'suspended' as const, suspendedMs: this.now(), suspendedReason: 'CHILD_BECAME_ROOT' } : task;
      if (record !== old) {
        next.set(key, record);
        this.store.saveTask(record);
      }
    }
    for (const key of deleted) this.store.deleteTask(key);
    this.byKey.clear();
    for (const [key, task] of next) this.byKey.set(key, task);
    const roots = new Set([...rootsBefore, ...touched.flatMap((key) => this.rootsOf(key))]);
    for (const root of roots) {
      const record = this.byKey.get(root);
      if (!record) continue;
      const bumped = { ...record, graphVersion: record.graphVersion + 1 };
      this.byKey.set(root, bumped);
      this.store.saveTask(bumped);
    }
    this.events.changed([...roots]);
  }
}

function applyProperties(task: TaskRecord, properties: TaskProperties, checks: DefinitionChecks): void {
  if (properties.warehouse !== undefined) {
    if (!checks.warehouseExists(properties.warehouse)) throw taskErrors.warehouseNotFound(properties.warehouse);
    task.warehouse = properties.warehouse;
    task.initialWarehouseSize = null;
  }
  if (properties.userTaskManagedInitialWarehouseSize !== undefined) {
    task.initialWarehouseSize = properties.userTaskManagedInitialWarehouseSize;
    task.warehouse = null;
  }
  if (properties.schedule !== undefined) task.schedule = properties.schedule;
  if (properties.config !== undefined) task.config = properties.config;
  if (properties.overlapPolicy !== undefined) task.overlapPolicy = properties.overlapPolicy;
  if (properties.userTaskTimeoutMs !== undefined) task.timeoutMs = properties.userTaskTimeoutMs;
  if (properties.suspendTaskAfterNumFailures !== undefined) task.suspendAfterFailures = properties.suspendTaskAfterNumFailures;
  if (properties.taskAutoRetryAttempts !== undefined) task.autoRetryAttempts = properties.taskAutoRetryAttempts;
  if (properties.comment !== undefined) task.comment = properties.comment;
  if (properties.errorIntegration !== undefined) task.errorIntegration = properties.errorIntegration;
  if (properties.successIntegration !== undefined) task.successIntegration = properties.successIntegration;
  if (properties.logLevel !== undefined) task.logLevel = properties.logLevel;
  if (properties.targetCompletionInterval !== undefined) task.targetCompletionInterval = properties.targetCompletionInterval;
  if (properties.sessionParameters) task.sessionParameters = { ...task.sessionParameters, ...properties.sessionParameters };
}

function unsetProperties(task: TaskRecord, properties: UnsetProperty[]): void {
  for (const property of properties) {
    if (typeof property === 'object') {
      const { [property.sessionParameter]: _removed, ...rest } = task.sessionParameters;
      task.sessionParameters = rest;
      continue;
    }
    switch (property) {
      case 'warehouse':
        task.warehouse = null;
        break;
      case 'userTaskManagedInitialWarehouseSize':
        task.initialWarehouseSize = null;
        break;
      case 'overlapPolicy':
        task.overlapPolicy = TASK_DEFAULTS.overlapPolicy;
        break;
      case 'userTaskTimeoutMs':
        task.timeoutMs = TASK_DEFAULTS.timeoutMs;
        break;
      case 'suspendTaskAfterNumFailures':
        task.suspendAfterFailures = TASK_DEFAULTS.suspendAfterFailures;
        break;
      case 'taskAutoRetryAttempts':
        task.autoRetryAttempts = TASK_DEFAULTS.autoRetryAttempts;
        break;
      case 'schedule':
      case 'config':
      case 'comment':
      case 'errorIntegration':
      case 'successIntegration':
      case 'logLevel':
      case 'targetCompletionInterval':
        task[property] = null;
        break;
    }
  }
}
