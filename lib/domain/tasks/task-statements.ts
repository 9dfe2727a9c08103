/**
 * The task statements the local warehouse answers: CREATE, ALTER, EXECUTE, DROP, SHOW and DESCRIBE
 * TASK, and the two SYSTEM$ task functions, as one discriminated union (syntax and rules as in
 * https://docs.snowflake.com/en/sql-reference/sql/create-task and
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task). `parseTaskStatement` returns null
 * for SQL that is not a task statement and throws a SqlStatementError (Snowflake's code, SQL state
 * and position) for one that is but is malformed.
 * Pure: the task form shows the same errors before anything is submitted.
 */
import { isSymbol, isWord, type Token } from '../sql/lexer';
import { type ObjectName, SqlReader, SqlStatementError, startsWithWords } from '../sql/sql-reader';
import { expectIntegerIn, expectJsonObject, readTaskProperties, unsetPropertyOf, type TaskProperties, type UnsetProperty } from './task-properties';

export interface CreateTask {
  kind: 'create_task';
  orReplace: boolean;
  ifNotExists: boolean;
  name: ObjectName;
  properties: TaskProperties;
  /** FINALIZE = <root>. */
  finalize: ObjectName | null;
  after: ObjectName[];
  /** WHEN's expression text as written, or null. */
  when: string | null;
  /** The text after AS: a statement, a CALL, a BEGIN … END block or an EXECUTE JOB SERVICE. */
  body: string;
}

export type AlterTaskAction =
  | { kind: 'resume' }
  | { kind: 'suspend' }
  | { kind: 'add_after'; tasks: ObjectName[] }
  | { kind: 'remove_after'; tasks: ObjectName[] }
  | { kind: 'set'; properties: TaskProperties }
  | { kind: 'unset'; properties: UnsetProperty[] }
  | { kind: 'set_finalize'; root: ObjectName }
  | { kind: 'unset_finalize' }
  | { kind: 'modify_as'; body: string }
  | { kind: 'modify_when'; condition: string }
  | { kind: 'remove_when' };

export interface AlterTask {
  kind: 'alter_task';
  ifExists: boolean;
  name: ObjectName;
  action: AlterTaskAction;
}

export interface ExecuteTask {
  kind: 'execute_task';
  name: ObjectName;
  /** USING CONFIG = '<json>', checked to be a JSON object. */
  config: string | null;
  retry: null | { kind: 'last' } | { kind: 'graph_run_group'; id: string };
  await: boolean;
}

export type ShowTasksScope =
  | { kind: 'account' }
  /** A null name means the session's current database or schema. */
  | { kind: 'database'; name: string | null }
  | { kind: 'schema'; name: ObjectName | null };

export interface ShowTasks {
  kind: 'show_tasks';
  terse: boolean;
  like: string | null;
  in: ShowTasksScope | null;
  startsWith: string | null;
  rootOnly: boolean;
  limit: number | null;
}

export type TaskStatement =
  | CreateTask
  | AlterTask
  | ExecuteTask
  | { kind: 'drop_task'; ifExists: boolean; name: ObjectName }
  | ShowTasks
  | { kind: 'describe_task'; name: ObjectName }
  /** `SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('<name>')`; `column` is the result column's name as written. */
  | { kind: 'task_dependents_enable'; name: ObjectName; column: string }
  /** `SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('<name>')`. */
  | { kind: 'cancel_ongoing_executions'; name: ObjectName; column: string };

const SYSTEM_FUNCTIONS = [
  ['SYSTEM$TASK_DEPENDENTS_ENABLE', 'task_dependents_enable'],
  ['SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS', 'cancel_ongoing_executions'],
] as const;

const TASK_NAME = 'Expected a task name.';
const BODY = 'Expected the SQL the task runs after AS, such as SELECT 1 or CALL my_procedure().';
const CONDITION = 'Expected a condition after WHEN, such as SYSTEM$STREAM_HAS_DATA(\'my_stream\').';
const alone = (clause: string) => `${clause} is an ALTER TASK of its own; it cannot be combined with other properties.`;
const notAName = (text: string) => `'${text}' is not a name of the form [database.][schema.]name.`;

export function parseTaskStatement(sql: string): TaskStatement | null {
  const starts = (...words: string[]) => startsWithWords(sql, ...words);
  if (starts('CREATE', 'TASK') || starts('CREATE', 'OR', 'REPLACE', 'TASK')) return createTask(new SqlReader(sql), sql);
  if (starts('ALTER', 'TASK')) return alterTask(new SqlReader(sql), sql);
  if (starts('EXECUTE', 'TASK')) return executeTask(new SqlReader(sql));
  if (starts('DROP', 'TASK')) return dropTask(new SqlReader(sql));
  if (starts('SHOW', 'TASKS') || starts('SHOW', 'TERSE', 'TASKS')) return showTasks(new SqlReader(sql));
  if (starts('DESCRIBE', 'TASK') || starts('DESC', 'TASK')) return describeTask(new SqlReader(sql));
  for (const [fn, kind] of SYSTEM_FUNCTIONS) {
    if (starts('SELECT', fn)) return systemFunction(new SqlReader(sql), sql, kind);
  }
  return null;
}

/**
 * A name given as a string, such as SYSTEM$TASK_DEPENDENTS_ENABLE's 'db.s."My task"', each part
 * resolved as the identifier would be. Throws a SqlStatementError positioned within `text`.
 */
export function parseObjectNameText(text: string): ObjectName {
  const reader = new SqlReader(text);
  const { name } = reader.expectObjectName(notAName(text));
  reader.expectEnd(notAName(text));
  return name;
}

function createTask(reader: SqlReader, sql: string): CreateTask {
  reader.next(); // CREATE, matched by the caller
  const orReplace = reader.acceptWords('OR', 'REPLACE');
  reader.next(); // TASK
  const ifNotExists = reader.acceptWords('IF', 'NOT', 'EXISTS');
  const name = reader.expectObjectName(TASK_NAME).name;
  const { properties, finalize, given } = readTaskProperties(reader);
  const afterToken = reader.peek();
  const after = reader.acceptWords('AFTER') ? readTaskNames(reader) : [];
  // CREATE TASK: SCHEDULE is not allowed on child tasks; a finalizer has no schedule. Each error points
  // at the later of the two clauses, the one that contradicts what came before.
  const schedule = given.get('SCHEDULE');
  if (schedule && after.length) {
    reader.invalid(afterToken as Token, 'A task with AFTER runs when its predecessors finish; it cannot also have a SCHEDULE.');
  }
  if (finalize && after.length) {
    reader.invalid(afterToken as Token, "A finalizer (FINALIZE = <root>) runs at the end of its root's graph; it cannot also have AFTER.");
  }
  if (schedule && finalize) {
    reader.invalid(
      schedule.start > finalize.token.start ? schedule : finalize.token,
      "A finalizer (FINALIZE = <root>) runs at the end of its root's graph; it cannot also have a SCHEDULE.",
    );
  }
  const when = reader.acceptWords('WHEN') ? readText(reader, sql, CONDITION, true) : null;
  if (!reader.acceptWords('AS')) {
    reader.fail(
      reader.peek(),
      reader.atEnd()
        ? 'CREATE TASK needs AS followed by the SQL the task runs.'
        : 'Expected a property (NAME = value), AFTER, WHEN or AS, in that order.',
    );
  }
  const body = readText(reader, sql, BODY);
  return { kind: 'create_task', orReplace, ifNotExists, name, properties, finalize: finalize?.name ?? null, after, when, body };
}

function alterTask(reader: SqlReader, sql: string): AlterTask {
  reader.skip(2);
  const ifExists = reader.acceptWords('IF', 'EXISTS');
  const name = reader.expectObjectName(TASK_NAME).name;
  return { kind: 'alter_task', ifExists, name, action: alterAction(reader, sql) };
}

function alterAction(reader: SqlReader, sql: string): AlterTaskAction {
  const END = 'Expected the end of the statement.';
  const NAMES_END = "Expected ',' and another task name, or the end of the statement.";
  if (reader.acceptWords('RESUME')) return ended(reader, END, { kind: 'resume' });
  if (reader.acceptWords('SUSPEND')) return ended(reader, END, { kind: 'suspend' });
  if (reader.acceptWords('ADD', 'AFTER')) return ended(reader, NAMES_END, { kind: 'add_after', tasks: readTaskNames(reader) });
  if (reader.acceptWords('REMOVE', 'AFTER')) return ended(reader, NAMES_END, { kind: 'remove_after', tasks: readTaskNames(reader) });
  if (reader.acceptWords('REMOVE', 'WHEN')) return ended(reader, END, { kind: 'remove_when' });
  if (reader.acceptWords('MODIFY', 'AS')) return { kind: 'modify_as', body: readText(reader, sql, BODY) };
  if (reader.acceptWords('MODIFY', 'WHEN')) return { kind: 'modify_when', condition: readText(reader, sql, CONDITION) };
  if (reader.acceptWords('UNSET')) return unsetAction(reader);
  if (reader.acceptWords('SET')) return setAction(reader);
  reader.fail(reader.peek(), 'Expected RESUME, SUSPEND, ADD AFTER, REMOVE AFTER, SET, UNSET, MODIFY AS, MODIFY WHEN or REMOVE WHEN.');
}

function setAction(reader: SqlReader): AlterTaskAction {
  const { properties, finalize, given } = readTaskProperties(reader);
  if (given.size === 0) reader.fail(reader.peek(), "Expected a property to set, such as SCHEDULE = '10 MINUTES'.");
  reader.expectEnd('Expected another property (NAME = value) or the end of the statement.');
  if (!finalize) return { kind: 'set', properties };
  if (given.size > 1) reader.invalid(finalize.token, alone('SET FINALIZE = <root>'));
  return { kind: 'set_finalize', root: finalize.name };
}

function unsetAction(reader: SqlReader): AlterTaskAction {
  if (reader.acceptWords('FINALIZE')) return ended(reader, alone('UNSET FINALIZE'), { kind: 'unset_finalize' });
  const properties: UnsetProperty[] = [];
  const seen = new Set<string>();
  do {
    const { token, name } = reader.expectIdentifier('Expected the name of a property to unset, such as COMMENT.');
    if (name === 'FINALIZE') reader.fail(token, alone('UNSET FINALIZE'));
    if (seen.has(name)) reader.fail(token, `${name} is given more than once.`);
    seen.add(name);
    properties.push(unsetPropertyOf(token, name));
  } while (reader.acceptSymbol(','));
  reader.expectEnd("Expected ',' and another property, or the end of the statement.");
  return { kind: 'unset', properties };
}

function executeTask(reader: SqlReader): ExecuteTask {
  reader.skip(2);
  const name = reader.expectObjectName(TASK_NAME).name;
  let config: string | null = null;
  if (reader.acceptWords('USING')) {
    reader.expectWords("Expected CONFIG = '<JSON object>' after USING.", 'CONFIG');
    reader.expectEquals('CONFIG');
    config = expectJsonObject(reader, 'CONFIG');
  }
  const retryToken = reader.peek();
  const retry = reader.acceptWords('RETRY') ? readRetry(reader) : null;
  if (config !== null && retry) {
    reader.invalid(retryToken as Token, 'RETRY cannot be combined with USING CONFIG.');
  }
  const wait = reader.acceptWords('AWAIT');
  reader.expectEnd("Expected [USING CONFIG = '…'] [RETRY LAST | RETRY GRAPH RUN GROUP '…'] [AWAIT], in that order.");
  return { kind: 'execute_task', name, config, retry, await: wait };
}

function readRetry(reader: SqlReader): ExecuteTask['retry'] {
  if (reader.acceptWords('LAST')) return { kind: 'last' };
  reader.expectWords("Expected LAST or GRAPH RUN GROUP '<id>' after RETRY.", 'GRAPH', 'RUN', 'GROUP');
  const { token, value } = reader.expectString("Expected the graph run group's id as a string.");
  if (value.trim() === '') reader.invalid(token, 'RETRY GRAPH RUN GROUP needs a graph run group id, not an empty string.');
  return { kind: 'graph_run_group', id: value };
}

function dropTask(reader: SqlReader): TaskStatement {
  reader.skip(2);
  const ifExists = reader.acceptWords('IF', 'EXISTS');
  const name = reader.expectObjectName(TASK_NAME).name;
  return ended(reader, 'Expected the end of the statement after the task name.', { kind: 'drop_task', ifExists, name });
}

function describeTask(reader: SqlReader): TaskStatement {
  reader.skip(2);
  const name = reader.expectObjectName(TASK_NAME).name;
  return ended(reader, 'Expected the end of the statement after the task name.', { kind: 'describe_task', name });
}

function showTasks(reader: SqlReader): ShowTasks {
  reader.next();
  const terse = reader.acceptWords('TERSE');
  reader.next();
  const statement: ShowTasks = {
    kind: 'show_tasks',
    terse,
    like: reader.acceptWords('LIKE') ? reader.expectString("Expected a pattern after LIKE, such as 'nightly%'.").value : null,
    in: reader.acceptWords('IN') ? showScope(reader) : null,
    startsWith: reader.acceptWords('STARTS', 'WITH') ? reader.expectString('Expected a string after STARTS WITH.').value : null,
    rootOnly: reader.acceptWords('ROOT', 'ONLY'),
    limit: reader.acceptWords('LIMIT') ? expectIntegerIn(reader, 'LIMIT', 1) : null,
  };
  return ended(reader, 'Expected [LIKE …] [IN …] [STARTS WITH …] [ROOT ONLY] [LIMIT n], in that order.', statement);
}

function showScope(reader: SqlReader): ShowTasksScope {
  if (reader.acceptWords('ACCOUNT')) return { kind: 'account' };
  const named = () => !reader.atEnd() && !['STARTS', 'ROOT', 'LIMIT'].some((word) => reader.isWords(word));
  if (reader.acceptWords('DATABASE')) {
    return { kind: 'database', name: named() ? reader.expectIdentifier('Expected a database name.').name : null };
  }
  // `IN <name>` without a keyword names a schema, as `IN SCHEMA <name>` does.
  if (reader.acceptWords('SCHEMA') && !named()) return { kind: 'schema', name: null };
  const { token, name } = reader.expectObjectName('Expected ACCOUNT, DATABASE, SCHEMA or a schema name after IN.');
  if (name.database !== null) reader.fail(token, 'A schema name has at most two parts: database.schema.');
  return { kind: 'schema', name };
}

/** `SELECT SYSTEM$…('<task name>') [[AS] alias]`. */
function systemFunction(reader: SqlReader, sql: string, kind: (typeof SYSTEM_FUNCTIONS)[number][1]): TaskStatement {
  reader.next(); // SELECT
  const fn = reader.next() as Token;
  const fnName = fn.text.toUpperCase();
  reader.expectSymbol('(', `Expected '(' after ${fnName}.`);
  const argument = reader.expectString(`${fnName} takes the task's name as a string, such as 'db.schema.task'.`);
  const close = reader.expectSymbol(')', `${fnName} takes one argument, the task's name.`);
  const alias = reader.acceptWords('AS') || !reader.atEnd() ? reader.expectIdentifier('Expected a column alias or the end of the statement.') : null;
  reader.expectEnd('Expected the end of the statement after the column alias.');
  let name: ObjectName;
  try {
    name = parseObjectNameText(argument.value);
  } catch (error) {
    if (error instanceof SqlStatementError) reader.invalid(argument.token, `${fnName}: ${notAName(argument.value)}`);
    throw error;
  }
  // Like job-functions.ts: the alias when given; otherwise the column is named as Snowflake
  // names an expression's column, by its text upper-cased.
  const column = alias ? alias.name : sql.slice(fn.start, close.end).toUpperCase();
  return { kind, name, column };
}

/** `name [, name]*`. */
function readTaskNames(reader: SqlReader): ObjectName[] {
  const names = [reader.expectObjectName(TASK_NAME).name];
  while (reader.acceptSymbol(',')) names.push(reader.expectObjectName(TASK_NAME).name);
  return names;
}

/**
 * The source text from here to the end of the statement, exactly as written; with `untilAs`, up
 * to the first AS outside parentheses, so that WHEN's condition may hold CAST(x AS INT).
 */
function readText(reader: SqlReader, sql: string, hint: string, untilAs = false): string {
  const first = reader.peek();
  let last: Token | undefined;
  let depth = 0;
  for (let token = first; token && !(untilAs && depth === 0 && isWord(token, 'AS')); token = reader.peek()) {
    if (isSymbol(token, '(')) depth += 1;
    else if (isSymbol(token, ')')) depth = Math.max(0, depth - 1);
    last = reader.next();
  }
  if (!first || !last) reader.fail(reader.peek(), hint);
  return sql.slice(first.start, last.end);
}

function ended<T>(reader: SqlReader, hint: string, value: T): T {
  reader.expectEnd(hint);
  return value;
}
