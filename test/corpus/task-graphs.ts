/**
 * Task graph changes Snowflake refuses (https://docs.snowflake.com/en/sql-reference/sql/create-task,
 * https://docs.snowflake.com/en/user-guide/tasks-graphs): cycles, the limits of 100
 * predecessors and 100 children, schedules on children, finalizer rules, mixed schemas, changes
 * while the root is started. Sent as CREATE / ALTER / DROP / EXECUTE TASK through snowflake-sdk
 * against the graph GRAPH_SETUP builds; warehouse.test.ts checks SHOW TASKS is unchanged after each.
 * (A graph of 1,001 tasks takes a thousand statements: lib/local-warehouse/tasks/task-ddl.test.ts.)
 */
import type { BadInput } from './bad-input';

const HUB_CHILDREN = Array.from({ length: 100 }, (_, i) => `C${i}`);

/** ROOT_T → CHILD_A → CHILD_B with finalizer FIN_T; HUB with 100 children, C0 with one more; STARTED_ROOT → STARTED_CHILD, resumed. */
export const GRAPH_SETUP: string[] = [
  'CREATE SCHEMA CORPUS_OTHER',
  "CREATE TASK ROOT_T SCHEDULE = '60 MINUTES' AS SELECT 1",
  'CREATE TASK CHILD_A AFTER ROOT_T AS SELECT 2',
  'CREATE TASK CHILD_B AFTER CHILD_A AS SELECT 3',
  'CREATE TASK FIN_T FINALIZE = ROOT_T AS SELECT 4',
  'CREATE TASK HUB AS SELECT 0',
  ...HUB_CHILDREN.map((name) => `CREATE TASK ${name} AFTER HUB AS SELECT 1`),
  'CREATE TASK D0 AFTER C0 AS SELECT 1',
  "CREATE TASK STARTED_ROOT SCHEDULE = '11520 MINUTES' AS SELECT 5",
  'CREATE TASK STARTED_CHILD AFTER STARTED_ROOT AS SELECT 6',
  'ALTER TASK STARTED_CHILD RESUME',
  'ALTER TASK STARTED_ROOT RESUME',
];

const change = (name: string, input: string, expect: RegExp): BadInput<string> => ({ name, input, expect });

const ROOT_STARTED = /Unable to update graph with root task FLURRY\.PUBLIC\.STARTED_ROOT since that root task is not suspended\./;

export const badGraphChanges: BadInput<string>[] = [
  change('cycle through ADD AFTER', 'ALTER TASK ROOT_T ADD AFTER CHILD_B', /Adding FLURRY\.PUBLIC\.CHILD_B before FLURRY\.PUBLIC\.ROOT_T would create a cycle/),
  change('task after itself', 'ALTER TASK CHILD_A ADD AFTER CHILD_A', /Adding FLURRY\.PUBLIC\.CHILD_A before FLURRY\.PUBLIC\.CHILD_A would create a cycle: FLURRY\.PUBLIC\.CHILD_A → FLURRY\.PUBLIC\.CHILD_A\./),
  change('cycle through CREATE OR REPLACE', 'CREATE OR REPLACE TASK CHILD_A AFTER CHILD_B AS SELECT 2', /Task graph has a cycle: FLURRY\.PUBLIC\.CHILD_A → FLURRY\.PUBLIC\.CHILD_B → FLURRY\.PUBLIC\.CHILD_A\./),
  change('a finalized root replaced by a child', 'CREATE OR REPLACE TASK ROOT_T AFTER HUB AS SELECT 1', /Finalizer task FLURRY\.PUBLIC\.FIN_T finalizes FLURRY\.PUBLIC\.ROOT_T, which is not a root task\./),
  change('101 predecessors', `CREATE TASK JOIN_ALL AFTER ${HUB_CHILDREN.join(', ')}, D0 AS SELECT 1`, /Task FLURRY\.PUBLIC\.JOIN_ALL has 101 predecessors; a task can have at most 100\./),
  change('101 children', 'CREATE TASK C100 AFTER HUB AS SELECT 1', /Task FLURRY\.PUBLIC\.HUB has 101 child tasks; a task can have at most 100\./),
  change('schedule on a child', "ALTER TASK CHILD_A SET SCHEDULE = '5 MINUTES'", /Task FLURRY\.PUBLIC\.CHILD_A runs after other tasks and cannot have a SCHEDULE/),
  change('SCHEDULE and AFTER together', "CREATE TASK BOTH SCHEDULE = '5 MINUTES' AFTER ROOT_T AS SELECT 1", /A task with AFTER runs when its predecessors finish; it cannot also have a SCHEDULE\. \(line 1 at position 40\)/),
  change('a second finalizer', 'CREATE TASK FIN_2 FINALIZE = ROOT_T AS SELECT 1', /Root task FLURRY\.PUBLIC\.ROOT_T has more than one finalizer \(FLURRY\.PUBLIC\.FIN_T, FLURRY\.PUBLIC\.FIN_2\); a root has at most one\./),
  change('finalizer with AFTER', 'CREATE TASK FIN_3 FINALIZE = ROOT_T AFTER CHILD_A AS SELECT 1', /A finalizer \(FINALIZE = <root>\) runs at the end of its root's graph; it cannot also have AFTER\./),
  change('after an unknown task', 'CREATE TASK ORPHAN AFTER NO_SUCH_TASK AS SELECT 1', /Task 'FLURRY\.PUBLIC\.NO_SUCH_TASK' does not exist or not authorized\./),
  change('graph across schemas', 'CREATE TASK CORPUS_OTHER.FAR AFTER PUBLIC.CHILD_B AS SELECT 1', /all tasks in a graph share one schema/),
  change('change while the root is started', 'ALTER TASK STARTED_CHILD MODIFY AS SELECT 60', ROOT_STARTED),
  change('drop while the root is started', 'DROP TASK STARTED_CHILD', ROOT_STARTED),
  change('add a child while the root is started', 'CREATE TASK LATE AFTER STARTED_CHILD AS SELECT 7', ROOT_STARTED),
  change('EXECUTE TASK on a child', 'EXECUTE TASK CHILD_B', /Task FLURRY\.PUBLIC\.CHILD_B runs after other tasks; only a root or standalone task can be executed\. Execute its root: FLURRY\.PUBLIC\.ROOT_T\./),
  change('an existing name', 'CREATE TASK ROOT_T AS SELECT 1', /^SQL compilation error:\nObject 'ROOT_T' already exists\.$/),
  change('ALTER of an unknown task', 'ALTER TASK NO_SUCH_TASK RESUME', /NO_SUCH_TASK' does not exist or not authorized/),
];
