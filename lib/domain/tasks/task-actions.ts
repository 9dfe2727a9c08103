/**
 * The dashboard's task actions and the SQL each runs: run the graph now, retry its last failed
 * run (https://docs.snowflake.com/en/sql-reference/sql/execute-task), resume the root with its
 * dependents, suspend the root, cancel its ongoing runs
 * (https://docs.snowflake.com/en/user-guide/tasks-graphs). Names are qualified task names as SHOW
 * TASKS gives them (parts quoted where needed), checked by the schema before they reach SQL. Pure.
 */
import { z } from '@/lib/domain/validation/zod';
import { sqlStringLiteral } from '../sql/literals';

const PART = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")`;
const QUALIFIED = new RegExp(`^${PART}\\.${PART}\\.${PART}$`);

export const qualifiedTaskNameSchema = z
  .string()
  .max(800, 'A task name is at most 800 characters.')
  .regex(QUALIFIED, 'A task is named DB.SCHEMA.NAME, as the Tasks page lists it.');

export const TASK_ACTION_KINDS = ['execute', 'retry_last', 'resume', 'suspend', 'cancel_runs'] as const;

export const taskActionSchema = z.object({
  kind: z.enum(TASK_ACTION_KINDS, `The action is one of ${TASK_ACTION_KINDS.join(', ')}.`),
  root: qualifiedTaskNameSchema,
});

export type TaskAction = z.output<typeof taskActionSchema>;

export function actionStatements({ kind, root }: TaskAction): string[] {
  switch (kind) {
    case 'execute':
      return [`EXECUTE TASK ${root}`];
    case 'retry_last':
      return [`EXECUTE TASK ${root} RETRY LAST`];
    case 'resume':
      return [`SELECT SYSTEM$TASK_DEPENDENTS_ENABLE(${sqlStringLiteral(root)})`];
    case 'suspend':
      return [`ALTER TASK ${root} SUSPEND`];
    case 'cancel_runs':
      return [`SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS(${sqlStringLiteral(root)})`];
  }
}
