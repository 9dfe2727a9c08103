/**
 * The errors task statements and task runs raise, in the shapes of engine/snowflake-errors.ts.
 * Where Snowflake's documentation gives the rule but not its text, the message follows Snowflake's
 * "does not exist or not authorized" / compilation-error pattern and names the tasks involved.
 */
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { SnowflakeError } from '../engine/types';

const compilation = (detail: string) => new SnowflakeQueryError(snowflakeErrors.compilation(detail));

export const taskErrors = {
  notFound: (name: string) =>
    new SnowflakeQueryError({
      code: '002003',
      sqlState: '02000',
      message: `SQL compilation error:\nTask '${name}' does not exist or not authorized.`,
    }),
  alreadyExists: (name: string) => new SnowflakeQueryError(snowflakeErrors.alreadyExists(name)),
  databaseNotFound: (name: string) => new SnowflakeQueryError(snowflakeErrors.databaseNotFound(name)),
  schemaNotFound: (database: string, schema: string) => new SnowflakeQueryError(snowflakeErrors.schemaNotFound(`${database}.${schema}`)),
  warehouseNotFound: (name: string) => compilation(`Warehouse '${name}' does not exist or not authorized.`),
  /**
   * The root must be suspended before any task in the graph is modified
   * (https://docs.snowflake.com/en/user-guide/tasks-graphs).
   */
  rootNotSuspended: (root: string) =>
    compilation(`Unable to update graph with root task ${root} since that root task is not suspended.`),
  graph: (message: string) => compilation(message),
  notRoot: (name: string, roots: string[]) =>
    compilation(`Task ${name} runs after other tasks; only a root or standalone task can be executed. Execute its root: ${roots.join(', ')}.`),
  finalizerExecuted: (name: string, root: string) =>
    compilation(`Task ${name} is a finalizer; it runs at the end of its root's runs. Execute its root ${root}.`),
  alreadyRunning: (root: string) =>
    compilation(
      `Task ${root} has a graph run still executing and its OVERLAP_POLICY does not allow another; wait for it to end or cancel it with SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('${root}').`,
    ),
  retryNotPossible: (root: string, reason: string) => compilation(`Cannot retry the last graph run of task ${root}: ${reason}.`),
  retryGroupNotFound: (root: string, id: string) => compilation(`Task ${root} has no graph run in group '${id}' to retry.`),
  unsupported: (what: string) => new SnowflakeQueryError(snowflakeErrors.unsupported(what)),
};

/** A task run's errors, as TASK_HISTORY's ERROR_CODE and ERROR_MESSAGE report them. */
export const taskRunErrors = {
  timedOut: (name: string, timeoutMs: number): SnowflakeError => ({
    code: '000630',
    sqlState: '57014',
    message: `Task ${name} reached its USER_TASK_TIMEOUT_MS of ${timeoutMs} ms and was canceled.`,
  }),
  whenNotBoolean: (condition: string, value: string | null): SnowflakeError => ({
    code: '002000',
    sqlState: '42000',
    message: `WHEN condition '${condition}' must be a boolean; it gave ${value === null ? 'NULL' : `'${value}'`}.`,
  }),
  restarted: (): SnowflakeError => ({
    code: '000603',
    sqlState: 'XX000',
    message: 'The local warehouse restarted while this task ran.',
  }),
  shuttingDown: (): SnowflakeError => ({
    code: '000603',
    sqlState: 'XX000',
    message: 'The local warehouse shut down while this task ran.',
  }),
};
