import { describe, expect, it } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import {
  identifierFromInput,
  newTaskFormInput,
  qualifiedTaskName,
  scheduleFieldsOf,
  scheduleText,
  taskFormInputOf,
  taskFormSchema,
  taskFormValuesOf,
  type TaskFormInput,
} from './task-form';
import { taskDefinition } from './task-definition.fixture';

const blank = newTaskFormInput({ database: 'DB', schema: 'S', warehouse: 'WH' });
const input = (overrides: Partial<TaskFormInput> = {}): TaskFormInput => ({ ...blank, name: 't_load', body: 'SELECT 1', ...overrides });
const errorsOf = (overrides: Partial<TaskFormInput>) => {
  const parsed = taskFormSchema.safeParse(input(overrides));
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('identifierFromInput', () => {
  it('upper-cases a bare name and keeps a quoted one exactly, as Snowflake resolves them', () => {
    expect(identifierFromInput(' load_orders ', 'The task name')).toEqual({ name: 'LOAD_ORDERS' });
    expect(identifierFromInput('"daily load"', 'The task name')).toEqual({ name: 'daily load' });
    expect(identifierFromInput('"say ""hi"""', 'The task name')).toEqual({ name: 'say "hi"' });
    expect(identifierFromInput('"SELECT"', 'The task name')).toEqual({ name: 'SELECT' });
  });

  it('says what is wrong with a name that is not one', () => {
    expect(identifierFromInput('', 'The task name')).toEqual({ error: 'The task name is required.' });
    expect(identifierFromInput('daily load', 'The task name')).toEqual({
      error:
        'The task name "daily load" is not a plain Snowflake name: use letters, digits, _ and $, starting with a letter or _, or put it in double quotes to keep it exactly as written.',
    });
    expect(identifierFromInput('select', 'The task name')).toEqual({
      error: 'SELECT is a reserved word in Snowflake; write "SELECT" in double quotes to use it as the task name.',
    });
    expect(identifierFromInput('"open', 'The schema')).toEqual({ error: 'The schema starts with a double quote but does not end with one.' });
    expect(identifierFromInput('"a"b"', 'The schema')).toEqual({ error: 'Inside a quoted name, write a double quote as "" (the schema).' });
    expect(identifierFromInput('""', 'The schema')).toEqual({ error: 'The schema cannot be the empty name "".' });
    expect(identifierFromInput('X'.repeat(256), 'The database')).toEqual({
      error: 'The database is 256 characters long; Snowflake names are at most 255.',
    });
  });

  it('qualifies names quoting only the parts that need it', () => {
    expect(qualifiedTaskName({ database: 'DB', schema: 'my schema', name: 'T_1' })).toBe('DB."my schema".T_1');
  });
});

describe('taskFormSchema', () => {
  it('parses a complete form into resolved names, numbers and nulls for what is not given', () => {
    const parsed = taskFormSchema.parse(
      input({
        name: '"Nightly Load"',
        schedule: { kind: 'cron', expression: ' 0  1 * * * ', timeZone: 'America/Los_Angeles' },
        body: '  INSERT INTO t SELECT 1;  ',
        when: '  SYSTEM$STREAM_HAS_DATA(\'S1\')  ',
        comment: '  loads ',
        config: ' {"env": "prod"} ',
        userTaskTimeoutMs: '60000',
        suspendTaskAfterNumFailures: '0',
        taskAutoRetryAttempts: '30',
        overlapPolicy: 'ALLOW_CHILD_OVERLAP',
      }),
    );
    expect(parsed).toEqual({
      database: 'DB',
      schema: 'S',
      name: 'Nightly Load',
      warehouse: 'WH',
      initialWarehouseSize: null,
      schedule: { kind: 'cron', expression: '0 1 * * *', timeZone: 'America/Los_Angeles' },
      predecessors: [],
      finalize: null,
      when: "SYSTEM$STREAM_HAS_DATA('S1')",
      body: 'INSERT INTO t SELECT 1',
      comment: 'loads',
      config: '{"env": "prod"}',
      overlapPolicy: 'ALLOW_CHILD_OVERLAP',
      userTaskTimeoutMs: 60000,
      suspendTaskAfterNumFailures: 0,
      taskAutoRetryAttempts: 30,
    });
    expect(scheduleText(parsed.schedule)).toBe('USING CRON 0 1 * * * America/Los_Angeles');
  });

  it('puts each problem on its own field', () => {
    expect(errorsOf({ name: '1st', body: '   ', warehouse: '' })).toEqual({
      name: [expect.stringContaining('The task name "1st" is not a plain Snowflake name')],
      warehouse: ['Pick a warehouse, or run the task serverless.'],
      body: ['Write the SQL the task runs: one statement, a CALL, or a BEGIN … END block.'],
    });
  });

  it('checks the schedule with the scheduler\'s own parser', () => {
    expect(errorsOf({ schedule: { kind: 'cron', expression: '0 25 * * *', timeZone: 'UTC' } })).toEqual({
      schedule: ['hour field "25" is out of range 0–23'],
    });
    expect(errorsOf({ schedule: { kind: 'cron', expression: '0 1 * * *', timeZone: 'Mars/Olympus' } })).toEqual({
      schedule: ['unknown time zone "Mars/Olympus" (use an IANA name such as America/Los_Angeles or UTC)'],
    });
    expect(errorsOf({ schedule: { kind: 'interval', amount: '0', unit: 'MINUTES' } })).toEqual({
      schedule: ['The interval is a whole number of at least 1, e.g. 10; "0" is not.'],
    });
    expect(taskFormSchema.parse(input({ schedule: { kind: 'interval', amount: '90', unit: 'SECONDS' } })).schedule).toEqual({
      kind: 'interval',
      amount: 90,
      unit: 'SECONDS',
    });
  });

  it('refuses a schedule on a task with predecessors, on the schedule field, even while other fields are unfinished', () => {
    expect(errorsOf({ predecessors: ['DB.S.ROOT'], schedule: { kind: 'interval', amount: '5', unit: 'MINUTES' }, body: '' })).toEqual({
      body: [expect.any(String)],
      schedule: [
        'A task that runs after other tasks cannot have a schedule; only the root of a graph is scheduled. Remove the schedule or the predecessors.',
      ],
    });
  });

  it('holds a finalizer, serverless sizes and root-only settings to CREATE TASK rules', () => {
    expect(errorsOf({ finalize: 'DB.S.ROOT', predecessors: ['DB.S.A'], schedule: { kind: 'interval', amount: '1', unit: 'HOURS' } })).toEqual({
      schedule: [expect.stringContaining('only the root of a graph is scheduled'), "A finalizer has no schedule: it runs when its root's graph run ends."],
      finalize: ['A finalizer runs after everything else in its graph, so it has no predecessors; remove them or the finalizer root.'],
    });
    expect(errorsOf({ initialWarehouseSize: 'SMALL' })).toEqual({
      initialWarehouseSize: ['A task runs on a warehouse or serverless, not both; the initial size is for serverless tasks.'],
    });
    expect(errorsOf({ warehouse: null, initialWarehouseSize: 'SMALL' })).toEqual({});
    expect(errorsOf({ predecessors: ['DB.S.A'], taskAutoRetryAttempts: '2', suspendTaskAfterNumFailures: '3' })).toEqual({
      taskAutoRetryAttempts: ['TASK_AUTO_RETRY_ATTEMPTS is set on the root task of a graph (or a standalone task), not on this one.'],
      suspendTaskAfterNumFailures: ['SUSPEND_TASK_AFTER_NUM_FAILURES is set on the root task of a graph (or a standalone task), not on this one.'],
    });
  });

  it('keeps numbers within the documented bounds', () => {
    expect(errorsOf({ userTaskTimeoutMs: '604800001', taskAutoRetryAttempts: '31', suspendTaskAfterNumFailures: '-1' })).toEqual({
      userTaskTimeoutMs: ['The timeout (ms) is a whole number from 1 to 604,800,000; "604800001" is not.'],
      taskAutoRetryAttempts: ['Retry attempts is a whole number from 0 to 30; "31" is not.'],
      suspendTaskAfterNumFailures: ['Failures before suspending is a whole number 0 or more; "-1" is not.'],
    });
  });

  it('wants CONFIG to be a JSON object', () => {
    expect(errorsOf({ config: '[1, 2]' })).toEqual({ config: ['CONFIG is a JSON object, e.g. {"environment": "prod"}.'] });
    expect(errorsOf({ config: '{"a": }' }).config?.[0]).toMatch(/^CONFIG is not valid JSON: /);
  });

  it('takes one statement or one block as the body, and one expression as WHEN', () => {
    expect(errorsOf({ body: 'INSERT INTO a SELECT 1; INSERT INTO b SELECT 2' })).toEqual({
      body: ['A task runs one statement, and this is 2; wrap them in BEGIN … END, or put them in a procedure and CALL it.'],
    });
    const block = 'BEGIN\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\nEND;';
    expect(taskFormSchema.parse(input({ body: block })).body).toBe('BEGIN\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\nEND');
    // BEGIN TRANSACTION is no block: a transaction of statements is several statements.
    expect(errorsOf({ body: 'BEGIN TRANSACTION; INSERT INTO a SELECT 1; COMMIT' }).body?.[0]).toMatch(/^A task runs one statement, and this is 3;/);
    // A semicolon inside a string or comment is not a terminator.
    expect(taskFormSchema.parse(input({ body: "SELECT ';' -- done;" })).body).toBe("SELECT ';' -- done;");
    expect(errorsOf({ when: '1 = 1; DROP TABLE t' })).toEqual({
      when: ['WHEN is one boolean expression, e.g. SYSTEM$STREAM_HAS_DATA(\'MY_STREAM\'); it has no ";".'],
    });
  });

  it('dedupes predecessors and wants them fully qualified', () => {
    expect(taskFormSchema.parse(input({ predecessors: ['DB.S.A', 'DB.S.A', 'DB.S."b c"'] })).predecessors).toEqual(['DB.S.A', 'DB.S."b c"']);
    expect(errorsOf({ predecessors: ['A'] })).toEqual({ predecessors: ['A task is named DB.SCHEMA.NAME, as the Tasks page lists it.'] });
  });
});

describe('editing an existing task', () => {
  it('reads the schedule SHOW TASKS stored back into fields', () => {
    expect(scheduleFieldsOf(null)).toEqual({ kind: 'none' });
    expect(scheduleFieldsOf('1 minute')).toEqual({ kind: 'interval', amount: 1, unit: 'MINUTES' });
    expect(scheduleFieldsOf('USING CRON 0 9 * * MON-FRI Europe/Paris')).toEqual({ kind: 'cron', expression: '0 9 * * MON-FRI', timeZone: 'Europe/Paris' });
    // Kept as written, so the form can say what is wrong with it.
    expect(scheduleFieldsOf('USING CRON 0 9 * * * Nowhere')).toEqual({ kind: 'cron', expression: '0 9 * * *', timeZone: 'Nowhere' });
  });

  it('fills the form from a task so that parsing it gives the same values back', () => {
    const task = taskDefinition('"odd ""name"""', {
      database: 'my db',
      name: '"my db".S."odd ""name"""',
      schedule: '10 MINUTES',
      definition: 'CALL load();',
      condition: "SYSTEM$STREAM_HAS_DATA('S1')",
      comment: 'nightly',
      config: '{"a": 1}',
      allowOverlappingExecution: true,
    });
    const values = taskFormValuesOf(task);
    expect(values).toMatchObject({ database: 'my db', name: 'odd "name"', body: 'CALL load()', overlapPolicy: null });
    const form = taskFormInputOf(values);
    expect(form).toMatchObject({ database: '"my db"', name: '"odd ""name"""', schedule: { kind: 'interval', amount: '10', unit: 'MINUTES' } });
    expect(taskFormSchema.parse(form)).toEqual(values);
    expect(qualifiedTaskName(values)).toBe(task.name);
  });
});
