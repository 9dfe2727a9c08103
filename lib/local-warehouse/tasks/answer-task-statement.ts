/**
 * Task statements (lib/domain/tasks/task-statements.ts) answered by the task definitions and the
 * scheduler, as a small table the engine stores like any result. Returns null for every other
 * statement, which then goes on to the job services and the dialect translation.
 */
import { likeMatcher } from '@/lib/domain/sql/like-pattern';
import { SqlStatementError } from '@/lib/domain/sql/sql-reader';
import { parseTaskStatement, type ShowTasks, type TaskStatement } from '@/lib/domain/tasks/task-statements';
import type { StatementSession, TableAnswer } from '../engine/service-statements';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { statusTable, table } from '../engine/table-rows';
import type { TaskDefinitions } from './task-definitions';
import { taskErrors } from './task-errors';
import { keyOf, resolveName, type TaskRecord } from './task-record';
import { TASK_COLUMNS, taskViews, TERSE_TASK_COLUMNS } from './task-rows';
import type { TaskScheduler } from './task-scheduler';

export async function answerTaskStatement(
  sql: string,
  session: StatementSession,
  definitions: TaskDefinitions,
  scheduler: TaskScheduler,
  schemaExists: (database: string, schema: string) => Promise<boolean>,
): Promise<TableAnswer | null> {
  let statement: TaskStatement | null;
  try {
    statement = parseTaskStatement(sql);
  } catch (error) {
    if (error instanceof SqlStatementError) throw new SnowflakeQueryError(error.snowflake);
    throw error;
  }
  if (!statement) return null;
  switch (statement.kind) {
    case 'create_task': {
      // Snowflake names the missing database first, then the missing schema (002003).
      const { database, schema } = resolveName(statement.name, session);
      if (!(await schemaExists(database, schema))) {
        definitions.requireDatabase(database);
        throw taskErrors.schemaNotFound(database, schema);
      }
      return statusTable(definitions.create(statement, session));
    }
    case 'alter_task':
      return statusTable(definitions.alter(statement, session));
    case 'drop_task':
      return statusTable(definitions.drop(statement.name, statement.ifExists, session));
    case 'show_tasks': {
      const tasks = showTasks(statement, session, definitions.all());
      return table(statement.terse ? TERSE_TASK_COLUMNS : TASK_COLUMNS, taskViews(tasks, definitions.all()));
    }
    case 'describe_task':
      return table(TASK_COLUMNS, taskViews([definitions.find(statement.name, session)], definitions.all()));
    case 'execute_task': {
      const task = definitions.find(statement.name, session);
      const run = scheduler.execute(task, { config: statement.config, retry: statement.retry });
      if (!statement.await) return statusTable(`Task ${task.name} is scheduled to run immediately.`);
      const ended = await run.ended;
      return statusTable(`Task ${task.name} ran; its graph run ended ${ended.state}.`);
    }
    case 'task_dependents_enable': {
      const task = definitions.find(statement.name, session);
      definitions.enableWithDependents(keyOf(task));
      return table([[statement.column, 'text', () => 'Statement executed successfully.']], [task]);
    }
    case 'cancel_ongoing_executions': {
      const task = definitions.find(statement.name, session);
      const cancelled = definitions.rootsOf(keyOf(task)).reduce((count, root) => count + scheduler.cancelOngoing(root), 0);
      return table([[statement.column, 'text', () => `Cancelled ${cancelled} running task(s) of the graph of ${task.name}.`]], [task]);
    }
  }
}

function showTasks(statement: ShowTasks, session: StatementSession, tasks: TaskRecord[]): TaskRecord[] {
  const like = likeMatcher(statement.like);
  const scope = statement.in;
  const inScope = (task: TaskRecord): boolean => {
    switch (scope?.kind) {
      case undefined:
        return task.database === session.database && task.schema === session.schema;
      case 'account':
        return true;
      case 'database':
        return task.database === (scope.name ?? session.database);
      case 'schema':
        // `IN SCHEMA db.s` reads as an object name: its "schema" part is the database.
        return task.database === (scope.name?.schema ?? session.database) && task.schema === (scope.name?.name ?? session.schema);
    }
  };
  const rows = tasks
    .filter((task) => like(task.name) && inScope(task))
    .filter((task) => statement.startsWith === null || task.name.startsWith(statement.startsWith))
    .filter((task) => !statement.rootOnly || (task.predecessors.length === 0 && !task.finalize))
    .sort((a, b) => a.name.localeCompare(b.name));
  return statement.limit === null ? rows : rows.slice(0, statement.limit);
}
