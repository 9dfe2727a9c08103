import { describe, expect, it } from 'vitest';
import { alterTaskSql, createTaskSql, withRootsSuspended } from './task-form-sql';
import { newTaskFormInput, taskFormSchema, taskFormInputOf, taskFormValuesOf, type TaskFormInput, type TaskFormValues } from './task-form';
import { taskDefinition } from './task-definition.fixture';
import { parseTaskStatement } from './task-statements';

const blank = newTaskFormInput({ database: 'DB', schema: 'S', warehouse: 'WH' });
const values = (overrides: Partial<TaskFormInput>): TaskFormValues => taskFormSchema.parse({ ...blank, ...overrides });

describe('createTaskSql', () => {
  it('writes a minimal task', () => {
    expect(createTaskSql(values({ name: 'load', body: 'SELECT 1;' }))).toBe('CREATE TASK DB.S.LOAD\n  WAREHOUSE = WH\nAS\nSELECT 1');
  });

  it('writes every property in CREATE TASK order, strings as literals and the body as written', () => {
    const sql = createTaskSql(
      values({
        database: '"Sales DB"',
        schema: 'public',
        name: '"nightly ""load"""',
        warehouse: 'my wh',
        schedule: { kind: 'cron', expression: '0 1 * * *', timeZone: 'America/Los_Angeles' },
        config: '{"env": "prod"}',
        overlapPolicy: 'ALLOW_CHILD_OVERLAP',
        userTaskTimeoutMs: '60000',
        suspendTaskAfterNumFailures: '3',
        comment: "it's \\ nightly",
        taskAutoRetryAttempts: '2',
        when: "SYSTEM$STREAM_HAS_DATA('ORDERS_STREAM')",
        body: 'BEGIN\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\nEND;',
      }),
    );
    expect(sql).toBe(
      [
        'CREATE TASK "Sales DB".PUBLIC."nightly ""load"""',
        '  WAREHOUSE = "my wh"',
        "  SCHEDULE = 'USING CRON 0 1 * * * America/Los_Angeles'",
        '  CONFIG = $${"env": "prod"}$$',
        '  OVERLAP_POLICY = ALLOW_CHILD_OVERLAP',
        '  USER_TASK_TIMEOUT_MS = 60000',
        '  SUSPEND_TASK_AFTER_NUM_FAILURES = 3',
        "  COMMENT = 'it''s \\\\ nightly'",
        '  TASK_AUTO_RETRY_ATTEMPTS = 2',
        "  WHEN SYSTEM$STREAM_HAS_DATA('ORDERS_STREAM')",
        'AS',
        'BEGIN\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\nEND',
      ].join('\n'),
    );
  });

  it('writes a serverless child, a finalizer, and CONFIG holding $$ as a quoted string', () => {
    expect(
      createTaskSql(values({ name: 'child', warehouse: null, initialWarehouseSize: 'XSMALL', predecessors: ['DB.S.A', 'DB.S."b c"'], body: 'SELECT 2' })),
    ).toBe("CREATE TASK DB.S.CHILD\n  USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'XSMALL'\n  AFTER DB.S.A, DB.S.\"b c\"\nAS\nSELECT 2");
    expect(createTaskSql(values({ name: 'fin', finalize: 'DB.S.ROOT', config: '{"sql": "$$x$$"}', body: 'CALL notify()' }))).toBe(
      'CREATE TASK DB.S.FIN\n  WAREHOUSE = WH\n  CONFIG = \'{"sql": "$$x$$"}\'\n  FINALIZE = DB.S.ROOT\nAS\nCALL notify()',
    );
  });
});

describe("the statements, read back by the local warehouse's parser", () => {
  it('reads CREATE TASK back into the same name, properties, AFTER, WHEN and body', () => {
    const form = values({
      database: '"Sales DB"',
      name: '"nightly ""load"""',
      warehouse: null,
      initialWarehouseSize: 'SMALL',
      predecessors: ['"Sales DB".S.A', '"Sales DB".S."b c"'],
      config: `{"sql": "$$x$$", "quote": "it's"}`,
      comment: "Bob's \\ task",
      userTaskTimeoutMs: '5000',
      when: "SYSTEM$STREAM_HAS_DATA('S1')",
      body: "INSERT INTO t SELECT ';'",
    });
    expect(parseTaskStatement(createTaskSql(form))).toEqual({
      kind: 'create_task',
      orReplace: false,
      ifNotExists: false,
      name: { database: 'Sales DB', schema: 'S', name: 'nightly "load"' },
      properties: {
        userTaskManagedInitialWarehouseSize: 'SMALL',
        config: form.config,
        userTaskTimeoutMs: 5000,
        comment: form.comment,
      },
      finalize: null,
      after: [
        { database: 'Sales DB', schema: 'S', name: 'A' },
        { database: 'Sales DB', schema: 'S', name: 'b c' },
      ],
      when: form.when,
      body: form.body,
    });
  });

  it('reads every ALTER TASK of an edit', () => {
    const before = taskDefinition('"my task"', { predecessors: ['DB.S.A'], comment: 'x', condition: 'TRUE', state: 'started' });
    const after = taskFormSchema.parse({
      ...taskFormInputOf(taskFormValuesOf(before)),
      predecessors: ['DB.S.B'],
      comment: '',
      when: '',
      config: '{"a": 1}',
      body: 'CALL p()',
    });
    const root = { database: 'DB', schema: 'S', name: 'A' };
    const task = { database: 'DB', schema: 'S', name: 'my task' };
    const statements = alterTaskSql(before, after, [taskDefinition('A', { state: 'started' })]);
    expect(statements.map((sql) => parseTaskStatement(sql))).toEqual(
      [
        [root, { kind: 'suspend' }],
        [task, { kind: 'remove_after', tasks: [root] }],
        [task, { kind: 'set', properties: { config: '{"a": 1}' } }],
        [task, { kind: 'unset', properties: ['comment'] }],
        [task, { kind: 'add_after', tasks: [{ database: 'DB', schema: 'S', name: 'B' }] }],
        [task, { kind: 'modify_as', body: 'CALL p()' }],
        [task, { kind: 'remove_when' }],
        [task, { kind: 'resume' }],
        [root, { kind: 'resume' }],
      ].map(([name, action]) => ({ kind: 'alter_task', ifExists: false, name, action })),
    );
  });
});

describe('withRootsSuspended', () => {
  it('suspends started roots first and resumes them last, in reverse', () => {
    const roots = [
      { name: 'DB.S.R1', state: 'started' as const },
      { name: 'DB.S.R2', state: 'suspended' as const },
      { name: 'DB.S.R3', state: 'started' as const },
    ];
    expect(withRootsSuspended(['X'], roots)).toEqual([
      'ALTER TASK DB.S.R1 SUSPEND',
      'ALTER TASK DB.S.R3 SUSPEND',
      'X',
      'ALTER TASK DB.S.R3 RESUME',
      'ALTER TASK DB.S.R1 RESUME',
    ]);
    expect(withRootsSuspended([], roots)).toEqual([]);
  });
});

describe('alterTaskSql', () => {
  const root = taskDefinition('ROOT', { schedule: '10 MINUTES', state: 'started' });
  const child = taskDefinition('CHILD', { predecessors: ['DB.S.ROOT'], state: 'started', comment: 'old', condition: 'TRUE' });
  /** The form as it opens on `task`, with some fields changed. */
  const edited = (task: typeof child, overrides: Partial<TaskFormInput>) =>
    taskFormSchema.parse({ ...taskFormInputOf(taskFormValuesOf(task)), ...overrides });

  it('is empty when nothing changed, even under a started root', () => {
    expect(alterTaskSql(child, edited(child, {}), [root])).toEqual([]);
    expect(alterTaskSql(root, edited(root, {}), [root])).toEqual([]);
  });

  it('changes a child of a suspended root without suspend/resume', () => {
    const suspendedRoot = { ...root, state: 'suspended' as const };
    expect(
      alterTaskSql(child, edited(child, { body: 'SELECT 2', comment: '', when: '', config: '{"a": 1}', warehouse: 'BIG' }), [suspendedRoot]),
    ).toEqual([
      'ALTER TASK DB.S.CHILD SET WAREHOUSE = BIG',
      'ALTER TASK DB.S.CHILD SET CONFIG = $${"a": 1}$$',
      'ALTER TASK DB.S.CHILD UNSET COMMENT',
      'ALTER TASK DB.S.CHILD MODIFY AS SELECT 2',
      'ALTER TASK DB.S.CHILD REMOVE WHEN',
    ]);
  });

  it('wraps the change in SUSPEND and RESUME of a started root', () => {
    expect(alterTaskSql(root, edited(root, { schedule: { kind: 'cron', expression: '0 2 * * *', timeZone: 'UTC' } }), [root])).toEqual([
      'ALTER TASK DB.S.ROOT SUSPEND',
      "ALTER TASK DB.S.ROOT SET SCHEDULE = 'USING CRON 0 2 * * * UTC'",
      'ALTER TASK DB.S.ROOT RESUME',
    ]);
  });

  it('orders graph changes so no step leaves a child with a schedule', () => {
    // A standalone scheduled task becomes a child of ROOT: unset the schedule, then add AFTER.
    const lone = taskDefinition('LONE', { schedule: '5 MINUTES' });
    expect(alterTaskSql(lone, edited(lone, { schedule: { kind: 'none' }, predecessors: ['DB.S.ROOT'], when: 'TRUE' }), [lone])).toEqual([
      'ALTER TASK DB.S.LONE UNSET SCHEDULE',
      'ALTER TASK DB.S.LONE ADD AFTER DB.S.ROOT',
      'ALTER TASK DB.S.LONE MODIFY WHEN TRUE',
    ]);
    // And back: remove AFTER, then set the schedule.
    expect(
      alterTaskSql(child, edited(child, { predecessors: [], schedule: { kind: 'interval', amount: '1', unit: 'HOURS' } }), [{ ...root, state: 'suspended' }]),
    ).toEqual(['ALTER TASK DB.S.CHILD REMOVE AFTER DB.S.ROOT', "ALTER TASK DB.S.CHILD SET SCHEDULE = '1 HOURS'"]);
  });

  it('resumes a started child that lost every predecessor on its way to new ones', () => {
    const other = taskDefinition('OTHER', { state: 'started' });
    expect(alterTaskSql(child, edited(child, { predecessors: ['DB.S.OTHER'] }), [root, other])).toEqual([
      'ALTER TASK DB.S.ROOT SUSPEND',
      'ALTER TASK DB.S.OTHER SUSPEND',
      'ALTER TASK DB.S.CHILD REMOVE AFTER DB.S.ROOT',
      'ALTER TASK DB.S.CHILD ADD AFTER DB.S.OTHER',
      'ALTER TASK DB.S.CHILD RESUME',
      'ALTER TASK DB.S.OTHER RESUME',
      'ALTER TASK DB.S.ROOT RESUME',
    ]);
  });

  it('unsets FINALIZE first and sets it last', () => {
    const finalizer = taskDefinition('FIN', { finalize: 'DB.S.ROOT' });
    expect(alterTaskSql(finalizer, edited(finalizer, { finalize: null, predecessors: ['DB.S.ROOT'] }), [])).toEqual([
      'ALTER TASK DB.S.FIN UNSET FINALIZE',
      'ALTER TASK DB.S.FIN ADD AFTER DB.S.ROOT',
    ]);
    const lone = taskDefinition('LONE', { schedule: '5 MINUTES' });
    expect(alterTaskSql(lone, edited(lone, { schedule: { kind: 'none' }, finalize: 'DB.S.ROOT' }), [])).toEqual([
      'ALTER TASK DB.S.LONE UNSET SCHEDULE',
      'ALTER TASK DB.S.LONE SET FINALIZE = DB.S.ROOT',
    ]);
  });

  it('switches a task to serverless, and sets what SHOW TASKS does not report only when given', () => {
    expect(
      alterTaskSql(
        root,
        edited(root, { warehouse: null, initialWarehouseSize: 'LARGE', userTaskTimeoutMs: '1000', taskAutoRetryAttempts: '0', overlapPolicy: 'NO_OVERLAP' }),
        [],
      ),
    ).toEqual([
      'ALTER TASK DB.S.ROOT UNSET WAREHOUSE',
      "ALTER TASK DB.S.ROOT SET USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE = 'LARGE'",
      'ALTER TASK DB.S.ROOT SET USER_TASK_TIMEOUT_MS = 1000',
      'ALTER TASK DB.S.ROOT SET TASK_AUTO_RETRY_ATTEMPTS = 0',
    ]);
    const overlapping = taskDefinition('O', { allowOverlappingExecution: true });
    expect(alterTaskSql(overlapping, edited(overlapping, { overlapPolicy: 'NO_OVERLAP' }), [])).toEqual([
      'ALTER TASK DB.S.O SET OVERLAP_POLICY = NO_OVERLAP',
    ]);
  });

  it('quotes an odd name as SHOW TASKS gives it', () => {
    const odd = taskDefinition('"my task"', { definition: 'SELECT 1' });
    expect(alterTaskSql(odd, edited(odd, { comment: "Bob's" }), [])).toEqual([`ALTER TASK DB.S."my task" SET COMMENT = 'Bob''s'`]);
  });
});
